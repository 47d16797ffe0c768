namespace Llt.Shell.Hosting;

/// <summary>One strategy's position in one instrument, replayed from the journal's fills with the engine's own ledger; money and prices 10^-8.</summary>
public sealed record PositionRow(int StrategyId, string Strategy, int InstrumentId, string Symbol, long Quantity, long AveragePrice,
    long RealizedPnl, long UnrealizedPnl, long Fees, long Mark);
