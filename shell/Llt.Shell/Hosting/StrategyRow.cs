namespace Llt.Shell.Hosting;

/// <summary>A configured strategy and whether it trades: llt.json's <c>enabled</c>, then the last journaled StrategyControl.</summary>
public sealed record StrategyRow(int StrategyId, string Name, string Type, bool Enabled, string Source, long Sequence);
