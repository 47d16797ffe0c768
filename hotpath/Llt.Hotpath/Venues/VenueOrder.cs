using Llt.Sbe;

namespace Llt.Hotpath.Venues;

/// <summary>
/// A new order as a venue receives it. <see cref="Price"/> is fixed-point 10^-8 and ignored for
/// <see cref="OrdType.Market"/>; <see cref="Qty"/> is whole units.
/// </summary>
public readonly record struct VenueOrder(
    long ClOrdId, int InstrumentId, Side Side, OrdType OrdType, TimeInForce TimeInForce, ExecInst ExecInst,
    long Price, long Qty);
