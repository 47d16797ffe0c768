using Llt.Sbe;

namespace Llt.Hotpath.Orders;

/// <summary>
/// The header of a routing decision, journaled as the schema's RouteDecision with the first
/// <see cref="LegCount"/> legs of the span passed to <see cref="SmartOrderRouter.Route"/>.
/// <see cref="DisplayedQty"/> is the part routed against shown size, <see cref="RemainderQty"/> the rest.
/// </summary>
public readonly record struct RouteDecision(
    long ParentClOrdId, int InstrumentId, Side Side, long Qty, long DecisionTs,
    int LegCount, long DisplayedQty, long RemainderQty);
