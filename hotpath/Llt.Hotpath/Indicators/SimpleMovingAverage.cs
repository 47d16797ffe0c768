using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Arithmetic mean of the last n values, O(1) per update (<see cref="RollingSum"/>, drift-free over any run
/// length). <see cref="Value"/> is NaN until n values have arrived. Batch equivalent:
/// <see cref="IndicatorKernels.Sma"/>.
/// </summary>
public sealed class SimpleMovingAverage
{
    private readonly RollingWindow _window;
    private readonly double _inverseWindow;
    private RollingSum _sum;

    public SimpleMovingAverage(int window)
    {
        _window = new RollingWindow(window);
        _inverseWindow = 1.0 / window;
        _sum = new RollingSum(window);
    }

    public int Window => _window.Capacity;

    public bool IsReady => _window.IsFull;

    public double Value => _window.IsFull ? _sum.Value * _inverseWindow : double.NaN;

    /// <summary>Sum of the values in the window (partial while filling).</summary>
    public double Sum => _sum.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value)
    {
        double leaving = _window.Push(value, out double evicted) ? evicted : 0.0;
        _sum.Update(value, leaving);
    }

    public void Reset()
    {
        _window.Reset();
        _sum.Reset();
    }
}
