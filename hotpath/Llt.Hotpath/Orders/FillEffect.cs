using Llt.Sbe;

namespace Llt.Hotpath.Orders;

/// <summary>
/// What one accepted fill did to its order: the execution itself (last qty/px/fee) and the order's totals and
/// status after it, for positions, P&amp;L and the ExecutionReport. <see cref="Closed"/>: the fill completed the
/// order and its slot is free.
/// </summary>
public readonly record struct FillEffect(
    long ClOrdId, int StrategyId, int InstrumentId, int VenueId, Side Side,
    long LastQty, long LastPx, long Fee,
    long CumQty, long LeavesQty, long AvgPx, OrdStatus Status, bool Closed);
