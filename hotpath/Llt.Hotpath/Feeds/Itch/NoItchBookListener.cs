using Llt.Hotpath.MarketData.Books;

namespace Llt.Hotpath.Feeds.Itch;

/// <summary>An <see cref="IItchBookListener"/> that ignores everything: books are built and counted, nothing is told.</summary>
public struct NoItchBookListener : IItchBookListener
{
    public readonly void OnBookChanged(int instrument, L3Book book, long timestampNs, long receiveTimestampNs)
    {
    }

    public readonly void OnExecution(in ItchExecution execution)
    {
    }

    public readonly void OnTradingAction(int instrument, char tradingState, long timestampNs)
    {
    }

    public readonly void OnSystemEvent(char eventCode, long timestampNs)
    {
    }
}
