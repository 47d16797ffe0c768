namespace Llt.Hotpath.Orders;

/// <summary>
/// One child order of a routed parent: venue, quantity and limit price (<see cref="Strategies.OrderRequest.NoPrice"/>
/// for a market child). <see cref="ClOrdId"/> is 0 from the router; the engine assigns each child an id from
/// <see cref="Strategies.ClientOrderIds"/> (<c>leg with { ClOrdId = ids.Next() }</c>) before journaling the
/// RouteDecision and submitting the children. <see cref="IsRemainder"/>: the leg is the part no displayed
/// size covered.
/// </summary>
public readonly record struct RouteLeg(int VenueId, long Qty, long Price, bool IsRemainder = false, long ClOrdId = 0);
