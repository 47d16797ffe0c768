using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Highest high and lowest low of the last n updates, O(1) amortised per update, via two monotonic deques.
/// </summary>
/// <remarks>
/// Each deque is a fixed ring (power-of-two capacity ≥ n, allocated once) of (update number, value), kept
/// decreasing (highs) or increasing (lows) from front to back: a new value first drops the expired front, then
/// pops every back entry it dominates (it outlives them, so they can never be the extreme again), then is
/// appended. The front is the extreme. Each value is pushed and popped at most once, hence O(1) amortised; a
/// single update after a long monotonic run may pop up to n entries. Ties keep the newest entry. NaN inputs are
/// not supported (they compare false and would stick). <see cref="High"/>/<see cref="Low"/> are NaN until n
/// updates have arrived. Batch equivalents: <see cref="IndicatorKernels.RollingMax"/>,
/// <see cref="IndicatorKernels.RollingMin"/>. The state and the update live in <see cref="RollingExtremes"/>, the
/// struct form to embed per instrument.
/// </remarks>
public sealed class RollingHighLow
{
    private RollingExtremes _extremes;

    public RollingHighLow(int window)
    {
        _extremes = new RollingExtremes(window);
    }

    public int Window => _extremes.Window;

    public bool IsReady => _extremes.IsReady;

    public double High => _extremes.High;

    public double Low => _extremes.Low;

    /// <summary>One tick: the price is both the high and the low.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value) => _extremes.Update(value, value);

    /// <summary>One bar.</summary>
    public void Update(double high, double low) => _extremes.Update(high, low);

    public void Reset() => _extremes.Reset();
}
