namespace Llt.Shell.Sinks.Events;

/// <summary>One strategy's line in a PnlSnapshot.</summary>
public sealed record StrategyPnl(int StrategyId, long RealizedPnl, long UnrealizedPnl);
