namespace Llt.Shell.Sinks.Events;

/// <summary>One child order of a <see cref="RouteDecisionEvent"/>.</summary>
public sealed record RouteLeg(long ClOrdId, int VenueId, long? Price, long Qty);
