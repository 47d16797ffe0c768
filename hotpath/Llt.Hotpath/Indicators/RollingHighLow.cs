using System.Numerics;
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
/// <see cref="IndicatorKernels.RollingMin"/>.
/// </remarks>
public sealed class RollingHighLow
{
    private readonly int _window;
    private readonly int _mask;
    private readonly long[] _highIndices;
    private readonly double[] _highValues;
    private readonly long[] _lowIndices;
    private readonly double[] _lowValues;
    private long _updates;
    private int _highFront;
    private int _highCount;
    private int _lowFront;
    private int _lowCount;

    public RollingHighLow(int window)
    {
        IndicatorThrowHelper.CheckWindow(window);
        if (window > 1 << 30)
        {
            IndicatorThrowHelper.ThrowArgumentOutOfRange(nameof(window), window, "window must be at most 2^30");
        }

        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)window);
        _window = window;
        _mask = capacity - 1;
        _highIndices = new long[capacity];
        _highValues = new double[capacity];
        _lowIndices = new long[capacity];
        _lowValues = new double[capacity];
    }

    public int Window => _window;

    public bool IsReady => _updates >= _window;

    public double High => IsReady ? _highValues[_highFront] : double.NaN;

    public double Low => IsReady ? _lowValues[_lowFront] : double.NaN;

    /// <summary>One tick: the price is both the high and the low.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value) => Update(value, value);

    /// <summary>One bar.</summary>
    public void Update(double high, double low)
    {
        long now = _updates++;
        long expired = now - _window;
        int mask = _mask;

        // highs: expire first so the ring never needs more than n slots, then pop dominated entries off the back
        if (_highCount > 0 && _highIndices[_highFront] <= expired)
        {
            _highFront = (_highFront + 1) & mask;
            _highCount--;
        }

        while (_highCount > 0 && _highValues[(_highFront + _highCount - 1) & mask] <= high)
        {
            _highCount--;
        }

        int highSlot = (_highFront + _highCount) & mask;
        _highIndices[highSlot] = now;
        _highValues[highSlot] = high;
        _highCount++;

        if (_lowCount > 0 && _lowIndices[_lowFront] <= expired)
        {
            _lowFront = (_lowFront + 1) & mask;
            _lowCount--;
        }

        while (_lowCount > 0 && _lowValues[(_lowFront + _lowCount - 1) & mask] >= low)
        {
            _lowCount--;
        }

        int lowSlot = (_lowFront + _lowCount) & mask;
        _lowIndices[lowSlot] = now;
        _lowValues[lowSlot] = low;
        _lowCount++;
    }

    public void Reset()
    {
        _updates = 0;
        _highFront = 0;
        _highCount = 0;
        _lowFront = 0;
        _lowCount = 0;
    }
}
