using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.MarketData.Books;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>Keeps what an <see cref="ItchBookBuilder{TListener}"/> tells it, for assertions.</summary>
internal struct RecordingBookListener : IItchBookListener
{
    public RecordingBookListener()
    {
    }

    public List<(int Instrument, long TimestampNs, long BestBid, long BestAsk)> BookChanges { get; } = [];

    public List<long> ReceiveTimestamps { get; } = [];

    public List<ItchExecution> Executions { get; } = [];

    public List<(int Instrument, char State, long TimestampNs)> TradingActions { get; } = [];

    public List<(char Code, long TimestampNs)> SystemEvents { get; } = [];

    public readonly void OnBookChanged(int instrument, L3Book book, long timestampNs, long receiveTimestampNs)
    {
        BookChanges.Add((instrument, timestampNs, book.BestBidPrice, book.BestAskPrice));
        ReceiveTimestamps.Add(receiveTimestampNs);
    }

    public readonly void OnExecution(in ItchExecution execution) => Executions.Add(execution);

    public readonly void OnTradingAction(int instrument, char tradingState, long timestampNs) => TradingActions.Add((instrument, tradingState, timestampNs));

    public readonly void OnSystemEvent(char eventCode, long timestampNs) => SystemEvents.Add((eventCode, timestampNs));
}
