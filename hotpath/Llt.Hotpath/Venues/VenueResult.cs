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
    /// <summary>Stop and stop-limit orders are not simulated.</summary>
    UnsupportedOrdType,
    DuplicateClOrdId,
}
