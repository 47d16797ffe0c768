using Llt.Sbe;

namespace Llt.Shell.Sinks.Events;

/// <summary>A journaled Trade print, when tick journaling is on.</summary>
public sealed record TradeEvent(
    long Sequence,
    long TimestampNs,
    int InstrumentId,
    AggressorSide Aggressor,
    int FeedId,
    long Price,
    long Size,
    long TradeId,
    long ExchangeTs) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "Trade";
}
