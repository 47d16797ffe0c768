namespace Llt.Shell.Hosting;

/// <summary>One strategy's line of a PnlSnapshot; money 10^-8.</summary>
public sealed record StrategyPnlRow(int StrategyId, long RealizedPnl, long UnrealizedPnl);
