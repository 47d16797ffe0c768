namespace Llt.Shell.Hosting;

/// <summary>The latest PnlSnapshot; money fixed-point 10^-8.</summary>
public sealed record PnlRow(long RealizedPnl, long UnrealizedPnl, long DailyPnl, long HighWaterMark, long Drawdown,
    long GrossExposure, long NetExposure, long TsNs, IReadOnlyList<StrategyPnlRow> Strategies);
