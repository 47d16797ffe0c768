using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Fixed-capacity ring of the last <see cref="Capacity"/> values, oldest evicted first, as a mutable struct to
/// embed in other indicator state (and in a strategy's per-instrument slot array): the values are one array
/// reached straight from the owner, not through an object of their own. Storage is allocated once in the
/// constructor; <see cref="Push"/> is O(1) and allocation-free. Keep it in a field or an array element and use it
/// in place (a copy shares the values but not the position). <see cref="RollingWindow"/> is the class form.
/// </summary>
public struct WindowRing
{
    private readonly double[] _values;
    private readonly int _capacity;
    private int _next;
    private int _count;

    public WindowRing(int capacity)
    {
        IndicatorThrowHelper.CheckWindow(capacity);
        _values = new double[capacity];
        _capacity = capacity;
    }

    public readonly int Capacity => _capacity;

    public readonly int Count => _count;

    public readonly bool IsFull
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count == _capacity;
    }

    /// <summary>The most recently pushed value (undefined when empty).</summary>
    public readonly double Newest => _values[(_next == 0 ? _capacity : _next) - 1];

    /// <summary>The value <see cref="Push"/> would evict next (undefined when empty).</summary>
    public readonly double Oldest => _values[IsFull ? _next : 0];

    /// <summary>Value by age: 0 is the oldest, <see cref="Count"/> - 1 the newest.</summary>
    public readonly double this[int age]
    {
        get
        {
            int start = IsFull ? _next : 0;
            int index = start + age;
            return _values[index >= _capacity ? index - _capacity : index];
        }
    }

    /// <summary>Appends <paramref name="value"/>; returns true and the evicted value once the ring is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Push(double value, out double evicted)
    {
        double[] values = _values;
        int next = _next;
        evicted = values[next];
        values[next] = value;
        // compare-and-reset rather than modulo: the capacity need not be a power of two, and a divide costs ~20 cycles
        next++;
        _next = next == _capacity ? 0 : next;
        if (_count == _capacity)
        {
            return true;
        }

        _count++;
        return false;
    }

    /// <summary>Copies the ring oldest first into <paramref name="destination"/>; returns the count copied.</summary>
    public readonly int CopyTo(Span<double> destination)
    {
        for (int age = 0; age < _count; age++)
        {
            destination[age] = this[age];
        }

        return _count;
    }

    public void Reset()
    {
        _next = 0;
        _count = 0;
    }
}
