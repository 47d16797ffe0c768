namespace Llt.Hotpath.Venues;

/// <summary>Synchronous outcome of a request to a venue; anything but <see cref="Accepted"/> means nothing was queued.</summary>
public enum VenueResult : byte
{
    Accepted = 0,
    /// <summary>Every order slot is in use (working or in flight).</summary>
    OrderCapacityFull,
    /// <summary>The in-flight request queue is full.</summary>
    RequestQueueFull,
    UnknownInstrument,
    InvalidQty,
    InvalidPrice,
    /// <summary>An order type the venue does not know.</summary>
    UnsupportedOrdType,
    DuplicateClOrdId,
    /// <summary>A stop or stop-limit order without a positive stop price.</summary>
    InvalidStopPrice,
    /// <summary>A trailing stop without exactly one positive trail (price offset, or basis points below 10,000).</summary>
    InvalidTrail,
}
