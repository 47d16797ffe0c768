namespace Llt.Shell.Api;

/// <summary>
/// The engine's latest post-trade risk metrics (computed on its timer, journaled as RiskMetrics): historical VaR at
/// 95% and 99%, maximum drawdown and exposures, in currency; <see cref="Timestamp"/> is when the engine computed them.
/// </summary>
public sealed record RiskMetrics(decimal Var95, decimal Var99, decimal MaxDrawdown, decimal GrossExposure, decimal NetExposure, DateTimeOffset Timestamp);
