using System.Numerics;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Highest high and lowest low of the last n updates as a mutable struct to embed in per-instrument state;
/// <see cref="RollingHighLow"/> is its class form (see it for the algorithm) and gives identical results. Both
/// monotonic deques live in one array of (update number, value) entries, highs in the first half and lows in the
/// second, so an update touches one array whose entries carry their number and value on the same cache line.
/// <see cref="High"/>/<see cref="Low"/> are NaN until n updates have arrived. Use in place (a copy shares the
/// array but not the deques' positions).
/// </summary>
public struct RollingExtremes
{
    private readonly ExtremeEntry[] _entries;
    private readonly int _window;
    private readonly int _mask;
    private readonly int _lowBase;
    private long _updates;
    private int _highFront;
    private int _highCount;
    private int _lowFront;
    private int _lowCount;

    public RollingExtremes(int window)
    {
        IndicatorThrowHelper.CheckWindow(window);
        // both deques share one array of 2 × the power-of-two capacity: its length must stay an int
        if (window > 1 << 29)
        {
            IndicatorThrowHelper.ThrowArgumentOutOfRange(nameof(window), window, "window must be at most 2^29");
        }

        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)window);
        _window = window;
        _mask = capacity - 1;
        _lowBase = capacity;
        _entries = new ExtremeEntry[2 * capacity];
    }

    public readonly int Window => _window;

    public readonly bool IsReady
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _updates >= _window;
    }

    public readonly double High
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsReady ? _entries[_highFront].Value : double.NaN;
    }

    public readonly double Low
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsReady ? _entries[_lowBase + _lowFront].Value : double.NaN;
    }

    /// <summary>One tick: the price is both the high and the low.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value) => Update(value, value);

    /// <summary>One bar.</summary>
    public void Update(double high, double low)
    {
        ExtremeEntry[] entries = _entries;
        int lowBase = _lowBase;
        long now = _updates++;
        long expired = now - _window;
        int mask = _mask;

        // highs: expire first so the ring never needs more than n slots, then pop dominated entries off the back
        int front = _highFront;
        int count = _highCount;
        if (count > 0 && entries[front].Update <= expired)
        {
            front = (front + 1) & mask;
            count--;
        }

        while (count > 0 && entries[(front + count - 1) & mask].Value <= high)
        {
            count--;
        }

        ref ExtremeEntry highSlot = ref entries[(front + count) & mask];
        highSlot.Update = now;
        highSlot.Value = high;
        _highFront = front;
        _highCount = count + 1;

        front = _lowFront;
        count = _lowCount;
        if (count > 0 && entries[lowBase + front].Update <= expired)
        {
            front = (front + 1) & mask;
            count--;
        }

        while (count > 0 && entries[lowBase + ((front + count - 1) & mask)].Value >= low)
        {
            count--;
        }

        ref ExtremeEntry lowSlot = ref entries[lowBase + ((front + count) & mask)];
        lowSlot.Update = now;
        lowSlot.Value = low;
        _lowFront = front;
        _lowCount = count + 1;
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
