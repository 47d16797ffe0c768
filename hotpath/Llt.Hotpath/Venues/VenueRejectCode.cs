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
    /// <summary>
    /// At-the-opening / at-the-close order at a venue that runs no auctions (RejectReason.UnsupportedTimeInForce):
    /// the simulated exchange trades continuously, with no opening or closing cross.
    /// </summary>
    UnsupportedTimeInForce,
    /// <summary>Replace of an untriggered stop to a stop price it cannot take (a trailing stop has none; RejectReason.InvalidStopPrice).</summary>
    InvalidStopPrice,
}
