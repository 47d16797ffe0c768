using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Arithmetic mean of the last n values as a mutable struct to embed in per-instrument state (the window and the
/// drift-free <see cref="RollingSum"/> inline in the owner); <see cref="SimpleMovingAverage"/> is its class form and
/// gives identical results. <see cref="Value"/> is NaN until n values have arrived. Use in place (a copy shares the
/// window's array but not its position).
/// </summary>
public struct RollingMean
{
    private WindowRing _window;
    private readonly double _inverseWindow;
    private RollingSum _sum;

    public RollingMean(int window)
    {
        _window = new WindowRing(window);
        _inverseWindow = 1.0 / window;
        _sum = new RollingSum(window);
    }

    public readonly int Window => _window.Capacity;

    public readonly bool IsReady
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _window.IsFull;
    }

    public readonly double Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _window.IsFull ? _sum.Value * _inverseWindow : double.NaN;
    }

    /// <summary>Sum of the values in the window (partial while filling).</summary>
    public readonly double Sum => _sum.Value;

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
