using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Strategies.MeanReversion;

/// <summary>
/// Everything <see cref="MeanReversionStrategy"/> keeps per instrument besides its working order, inline in one array
/// element: the rolling moments of the mids (window and sums, <see cref="RollingMoments"/>; the z-score is
/// <see cref="RollingZScore.Of"/> of them), the variance below which z is 0, and the average entry price with the
/// exit levels derived from it (fixed-point 10^-8), recomputed on fills so a tick compares two longs instead of
/// multiplying.
/// </summary>
internal struct MeanReversionSlot
{
    public RollingMoments Mids;

    /// <summary>(a tenth of the tick)²: σ below a tenth of a tick is rounding left by a jump that has left the window.</summary>
    public double MinVariance;

    /// <summary>Volume-weighted price of the open position's entries (<see cref="Strategies.AverageEntryPrice"/>); 0 when flat.</summary>
    public long AverageEntryPrice;

    /// <summary>Flatten when the mid is at or below this (long: stop loss; short: take profit).</summary>
    public long ExitAtOrBelow;

    /// <summary>Flatten when the mid is at or above this (long: take profit; short: stop loss).</summary>
    public long ExitAtOrAbove;
}
