namespace Llt.Shell.Sinks.Events;

/// <summary>A PnlSnapshot: portfolio P&amp;L, exposure and drawdown, with a per-strategy breakdown.</summary>
public sealed record PnlEvent(
    long Sequence,
    long TimestampNs,
    long RealizedPnl,
    long UnrealizedPnl,
    long DailyPnl,
    long HighWaterMark,
    long Drawdown,
    long GrossExposure,
    long NetExposure,
    long SnapshotTs,
    IReadOnlyList<StrategyPnl> Strategies) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "PnlSnapshot";
}
