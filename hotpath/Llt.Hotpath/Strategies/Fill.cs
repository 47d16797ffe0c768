using Llt.Sbe;

namespace Llt.Hotpath.Strategies;

/// <summary>An execution of one of the strategy's orders. Price and fee fixed-point 10^-8.</summary>
public readonly record struct Fill(long ClOrdId, int InstrumentId, Side Side, long Price, long Qty, long Fee, long TransactTs);
