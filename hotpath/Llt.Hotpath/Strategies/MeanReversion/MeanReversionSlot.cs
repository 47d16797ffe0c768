namespace Llt.Hotpath.Strategies.MeanReversion;

/// <summary>
/// What <see cref="MeanReversionStrategy"/> keeps per instrument besides its indicator and working order: the
/// average entry price and the exit levels derived from it (fixed-point 10^-8), recomputed on fills so a tick
/// compares two longs instead of multiplying.
/// </summary>
internal struct MeanReversionSlot
{
    /// <summary>Volume-weighted price of the open position's entries (<see cref="Strategies.AverageEntryPrice"/>); 0 when flat.</summary>
    public long AverageEntryPrice;

    /// <summary>Flatten when the mid is at or below this (long: stop loss; short: take profit).</summary>
    public long ExitAtOrBelow;

    /// <summary>Flatten when the mid is at or above this (long: take profit; short: stop loss).</summary>
    public long ExitAtOrAbove;
}
