using Llt.Sbe;

namespace Llt.Hotpath.Venues;

/// <summary>
/// A new order as a venue receives it. <see cref="Price"/> is fixed-point 10^-8, the limit of a limit or stop-limit
/// order, ignored otherwise; <see cref="Qty"/> is whole units. <see cref="StopPrice"/> is the trigger of a stop or
/// stop-limit order; a trailing stop trails by <see cref="TrailPrice"/> (fixed-point offset) or
/// <see cref="TrailBps"/> (basis points), one of them positive, the other 0.
/// </summary>
public readonly record struct VenueOrder(
    long ClOrdId, int InstrumentId, Side Side, OrdType OrdType, TimeInForce TimeInForce, ExecInst ExecInst,
    long Price, long Qty, long StopPrice = 0, long TrailPrice = 0, int TrailBps = 0);
