using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Arithmetic mean of the last n values, O(1) per update (<see cref="RollingSum"/>, drift-free over any run
/// length). <see cref="Value"/> is NaN until n values have arrived. Batch equivalent:
/// <see cref="IndicatorKernels.Sma"/>. The class form of <see cref="RollingMean"/>.
/// </summary>
public sealed class SimpleMovingAverage
{
    private RollingMean _mean;

    public SimpleMovingAverage(int window)
    {
        _mean = new RollingMean(window);
    }

    public int Window => _mean.Window;

    public bool IsReady => _mean.IsReady;

    public double Value => _mean.Value;

    /// <summary>Sum of the values in the window (partial while filling).</summary>
    public double Sum => _mean.Sum;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value) => _mean.Update(value);

    public void Reset() => _mean.Reset();
}
