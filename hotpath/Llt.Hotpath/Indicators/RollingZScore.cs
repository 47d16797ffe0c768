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
    private readonly RollingVariance _variance;
    private readonly double _minVariance;
    private readonly double _minStdDev;

    public RollingZScore(int window, VarianceKind kind, double minStdDev = 0.0)
    {
        if (!(minStdDev >= 0.0))
        {
            IndicatorThrowHelper.ThrowArgument(nameof(minStdDev), "minStdDev must be a non-negative number");
        }

        _variance = new RollingVariance(window, kind);
        _minStdDev = minStdDev;
        _minVariance = minStdDev * minStdDev;
    }

    public int Window => _variance.Window;

    public double MinStdDev => _minStdDev;

    public bool IsReady => _variance.IsReady;

    public double Value
    {
        get
        {
            if (!_variance.IsReady)
            {
                return double.NaN;
            }

            double variance = _variance.RawVariance;
            // compare variances, not σ: no square root on the flat path
            return variance <= _minVariance ? 0.0 : (_variance.Last - _variance.RawMean) / Math.Sqrt(variance);
        }
    }

    public double Mean => _variance.Mean;

    public double StdDev => _variance.StdDev;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value) => _variance.Update(value);

    public void Reset() => _variance.Reset();
}
