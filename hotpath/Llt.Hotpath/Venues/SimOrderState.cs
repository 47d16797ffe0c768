namespace Llt.Hotpath.Venues;

/// <summary>Life of an order slot inside the simulated exchange.</summary>
internal enum SimOrderState : byte
{
    Free = 0,
    /// <summary>Submitted, not yet arrived at the venue.</summary>
    InFlight,
    /// <summary>Working in the simulated book.</summary>
    Resting,
}
