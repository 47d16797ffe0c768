using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.MarketData.Books;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>Counts book changes without allocating, for the zero-allocation test.</summary>
internal struct CountingBookListener : IItchBookListener
{
    public long Changes;
    public long Executions;
    public long SharesExecuted;

    public void OnBookChanged(int instrument, L3Book book, long timestampNs, long receiveTimestampNs) => Changes++;

    public void OnExecution(in ItchExecution execution)
    {
        Executions++;
        SharesExecuted += execution.Shares;
    }

    public readonly void OnTradingAction(int instrument, char tradingState, long timestampNs)
    {
    }

    public readonly void OnSystemEvent(char eventCode, long timestampNs)
    {
    }
}
