namespace Llt.Shell.Sinks.Events;

/// <summary>RiskMetrics: post-trade VaR, drawdown and exposure computed on the engine's timer.</summary>
public sealed record RiskMetricsEvent(
    long Sequence,
    long TimestampNs,
    long Var95,
    long Var99,
    long MaxDrawdown,
    long GrossExposure,
    long NetExposure,
    long MetricsTs) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "RiskMetrics";
}
