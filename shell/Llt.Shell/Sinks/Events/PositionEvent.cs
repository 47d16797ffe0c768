namespace Llt.Shell.Sinks.Events;

/// <summary>A PositionSnapshot: one strategy's position in one instrument.</summary>
public sealed record PositionEvent(
    long Sequence,
    long TimestampNs,
    int InstrumentId,
    int StrategyId,
    long Position,
    long? AvgPrice,
    long RealizedPnl,
    long UnrealizedPnl,
    long SnapshotTs) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "PositionSnapshot";
}
