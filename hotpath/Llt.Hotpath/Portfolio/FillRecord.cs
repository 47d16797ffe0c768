using Llt.Sbe;

namespace Llt.Hotpath.Portfolio;

/// <summary>
/// One execution as the ledger consumes it (and as the engine re-reads it from the journal on restart).
/// Price and fee are fixed-point ×10^-8 (<see cref="Config.FixedPoint"/>), quantity whole units, always positive.
/// </summary>
public readonly record struct FillRecord(int StrategyId, int InstrumentId, Side Side, long Quantity, long Price, long Fee);
