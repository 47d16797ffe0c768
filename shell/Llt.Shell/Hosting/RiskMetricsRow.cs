namespace Llt.Shell.Hosting;

/// <summary>The latest RiskMetrics (post-trade, on the engine's timer); money 10^-8.</summary>
public sealed record RiskMetricsRow(long Var95, long Var99, long MaxDrawdown, long GrossExposure, long NetExposure, long TsNs);
