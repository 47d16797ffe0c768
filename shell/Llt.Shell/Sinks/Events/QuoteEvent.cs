using Llt.Sbe;

namespace Llt.Shell.Sinks.Events;

/// <summary>A journaled Quote (top of book), when tick journaling is on.</summary>
public sealed record QuoteEvent(
    long Sequence,
    long TimestampNs,
    int InstrumentId,
    QuoteFlags Flags,
    int FeedId,
    long BidPrice,
    long BidSize,
    long AskPrice,
    long AskSize,
    long ExchangeTs) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "Quote";
}
