namespace Llt.Hotpath.Venues;

/// <summary>Venue-level detail of a reject, finer than the SBE <c>RejectReason</c> it maps onto.</summary>
public enum VenueRejectCode : byte
{
    None = 0,
    /// <summary>Post-only limit order would have taken liquidity (RejectReason.VenueReject).</summary>
    PostOnlyWouldCross,
    /// <summary>Cancel/replace for an order the venue does not hold: never known, or already done (RejectReason.UnknownOrder).</summary>
    UnknownOrder,
    /// <summary>Replace to a quantity at or below the quantity already filled (RejectReason.InvalidQty).</summary>
    InvalidQty,
    /// <summary>Replace to a client order id already in use (RejectReason.VenueReject).</summary>
    DuplicateClOrdId,
}
