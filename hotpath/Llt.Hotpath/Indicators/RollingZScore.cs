using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// How far the latest value sits from the rolling mean, in rolling standard deviations: (x − mean) / σ over the
/// last n values, x included. NaN until n values have arrived. Batch equivalent: <see cref="IndicatorKernels.ZScore"/>.
/// </summary>
/// <remarks>
/// When σ ≤ <see cref="MinStdDev"/> (by default when σ is 0, i.e. a constant window) the z-score is 0, not NaN or
/// ±∞: a flat window means "not deviating", and a strategy must not see NaN once the indicator is ready. A window
/// that became flat only recently can keep a rounding residue in σ (~sqrt(ε) of the last move, see
/// <see cref="RollingVariance"/>); x − mean is then residue too, but of order ε, so z stays near 0 (|z| ≲ 1e-7 in
/// the tests). Pass a <c>minStdDev</c> below which σ is noise for the instrument (e.g. a tenth of the tick size) to
/// make those exactly 0 as well.
/// </remarks>
public sealed class RollingZScore
{
    private RollingMoments _moments;
    private readonly double _minVariance;
    private readonly double _minStdDev;

    public RollingZScore(int window, VarianceKind kind, double minStdDev = 0.0)
    {
        if (!(minStdDev >= 0.0))
        {
            IndicatorThrowHelper.ThrowArgument(nameof(minStdDev), "minStdDev must be a non-negative number");
        }

        _moments = new RollingMoments(window, kind);
        _minStdDev = minStdDev;
        _minVariance = minStdDev * minStdDev;
    }

    public int Window => _moments.Window;

    public double MinStdDev => _minStdDev;

    public bool IsReady => _moments.IsReady;

    public double Value
    {
        get
        {
            if (!_moments.IsReady)
            {
                return double.NaN;
            }

            return Of(_moments.Last, in _moments, _minVariance);
        }
    }

    public double Mean => _moments.Mean;

    public double StdDev => _moments.StdDev;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value) => _moments.Update(value);

    public void Reset() => _moments.Reset();

    /// <summary>
    /// The z-score of <paramref name="last"/> (the value just pushed) in ready <paramref name="moments"/>: 0 when the
    /// variance is at or below <paramref name="minVariance"/>. What <see cref="Value"/> returns, for strategies that
    /// keep <see cref="RollingMoments"/> inline per instrument.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double last, ref readonly RollingMoments moments, double minVariance)
    {
        double variance = moments.RawVariance;
        // compare variances, not σ: no square root on the flat path
        return variance <= minVariance ? 0.0 : (last - moments.RawMean) / Math.Sqrt(variance);
    }
}
