namespace Llt.Hotpath.Venues;

/// <summary>Life of an order slot inside the simulated exchange.</summary>
internal enum SimOrderState : byte
{
    Free = 0,
    /// <summary>Submitted, not yet arrived at the venue.</summary>
    InFlight,
    /// <summary>Working in the simulated book.</summary>
    Resting,
    /// <summary>A stop, stop-limit or trailing stop working at the venue, waiting for its trigger (in no book).</summary>
    Armed,
}
