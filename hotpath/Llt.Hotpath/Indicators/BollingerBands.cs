using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Bollinger bands over the last n values: middle = rolling mean, upper/lower = middle ± k·σ. σ is the population
/// standard deviation by default, as Bollinger defines it. NaN until n values have arrived. Batch equivalent:
/// <see cref="IndicatorKernels.BollingerBands"/>.
/// </summary>
public sealed class BollingerBands
{
    private readonly RollingVariance _variance;
    private readonly double _width;

    public BollingerBands(int window, double width = 2.0, VarianceKind kind = VarianceKind.Population)
    {
        if (!(width >= 0.0) || double.IsInfinity(width))
        {
            IndicatorThrowHelper.ThrowArgument(nameof(width), "width (k) must be a finite non-negative number");
        }

        _variance = new RollingVariance(window, kind);
        _width = width;
    }

    public int Window => _variance.Window;

    /// <summary>k, the band half-width in standard deviations.</summary>
    public double Width => _width;

    public bool IsReady => _variance.IsReady;

    /// <summary>The middle band (the rolling mean).</summary>
    public double Value => Middle;

    public double Middle => _variance.Mean;

    public double Upper => _variance.Mean + _width * _variance.StdDev;

    public double Lower => _variance.Mean - _width * _variance.StdDev;

    public double StdDev => _variance.StdDev;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value) => _variance.Update(value);

    public void Reset() => _variance.Reset();
}
