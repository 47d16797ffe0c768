namespace Llt.Hotpath.Orders;

/// <summary>Outcome of <see cref="SmartOrderRouter.Route"/>; anything but <see cref="Routed"/> leaves no legs.</summary>
public enum RouteResult
{
    Routed = 0,

    /// <summary>No venue is up.</summary>
    VenueDown,

    InvalidQty,

    /// <summary>A limit order without a positive price.</summary>
    InvalidPrice,

    /// <summary>The legs span cannot hold one leg per up venue plus a remainder leg.</summary>
    LegCapacity,

    /// <summary>More venues than the router was built for.</summary>
    TooManyVenues,
}
