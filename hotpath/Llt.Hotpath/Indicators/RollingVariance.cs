using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Rolling mean, variance and standard deviation of the last n values, O(1) per update and numerically stable over
/// any run length. <see cref="Value"/> is the variance of <see cref="Kind"/>; everything is NaN until n values
/// have arrived. Batch equivalents: <see cref="IndicatorKernels.RollingVariance"/> and
/// <see cref="IndicatorKernels.RollingStdDev"/>.
/// </summary>
/// <remarks>
/// <para>Why not sum/sum² or windowed Welford. Prices sit near 10^6 with σ near 1: Σx² − (Σx)²/n cancels 12 of the
/// 16 digits a double has. Windowed Welford (add/remove updates of mean and M2) avoids that, but it divides on
/// every update and still accumulates its rounding: over 10^8 updates the drift of the mean feeds M2 as a random
/// walk.</para>
/// <para>What this does instead. It keeps S1 = Σ(x − K) and S2 = Σ(x − K)² over the window, around an anchor K that
/// is a recent input: x − K is then exact (Sterbenz) and small, so S2 − S1²/n cancels nothing that matters. A
/// second pair of sums, around a newer anchor, accumulates only the values entering since it started; after n of
/// them it is the window summed from scratch and replaces the rolling pair (re-anchoring at the same time). The
/// rolling sums therefore never hold error from more than 2n updates, whatever the run length, with no periodic
/// O(n) pass (no latency spike) and no division per update. Rounding can leave a tiny positive variance for a
/// window that has just become constant; once it has been constant for 2n updates it is exactly 0 (the anchor is
/// then that constant). A negative result from rounding is clamped to 0. NaN or infinite inputs poison the sums
/// until they have left the window and the next fresh pair has been adopted (at most 2n updates).</para>
/// <para>The state and arithmetic live in <see cref="RollingMoments"/>, the struct form to embed per instrument.</para>
/// </remarks>
public sealed class RollingVariance
{
    private RollingMoments _moments;

    public RollingVariance(int window, VarianceKind kind)
    {
        _moments = new RollingMoments(window, kind);
    }

    public int Window => _moments.Window;

    public VarianceKind Kind => _moments.Kind;

    public bool IsReady => _moments.IsReady;

    /// <summary>The variance of <see cref="Kind"/>; NaN until ready.</summary>
    public double Value => _moments.Variance;

    public double Variance => Value;

    public double StdDev => Math.Sqrt(Value);

    public double Mean => _moments.Mean;

    /// <summary>The most recent input (what a z-score compares to the mean).</summary>
    public double Last => _moments.Last;

    /// <summary>Variance without the readiness check, for the wrappers that already made it.</summary>
    internal double RawVariance
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _moments.RawVariance;
    }

    internal double RawMean
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _moments.RawMean;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value) => _moments.Update(value);

    public void Reset() => _moments.Reset();
}
