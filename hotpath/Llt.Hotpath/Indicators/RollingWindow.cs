using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Fixed-capacity ring of the last <see cref="Capacity"/> values, oldest evicted first. Storage is allocated
/// once in the constructor; <see cref="Push"/> is O(1) and allocation-free. Single-threaded, like every indicator.
/// </summary>
public sealed class RollingWindow
{
    private readonly double[] _values;
    private int _next;
    private int _count;

    public RollingWindow(int capacity)
    {
        IndicatorThrowHelper.CheckWindow(capacity);
        _values = new double[capacity];
    }

    public int Capacity => _values.Length;

    public int Count => _count;

    public bool IsFull => _count == _values.Length;

    /// <summary>The most recently pushed value (undefined when empty).</summary>
    public double Newest => _values[(_next == 0 ? _values.Length : _next) - 1];

    /// <summary>The value <see cref="Push"/> would evict next (undefined when empty).</summary>
    public double Oldest => _values[IsFull ? _next : 0];

    /// <summary>Value by age: 0 is the oldest, <see cref="Count"/> - 1 the newest.</summary>
    public double this[int age]
    {
        get
        {
            int start = IsFull ? _next : 0;
            int index = start + age;
            return _values[index >= _values.Length ? index - _values.Length : index];
        }
    }

    /// <summary>Appends <paramref name="value"/>; returns true and the evicted value once the window is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Push(double value, out double evicted)
    {
        double[] values = _values;
        int next = _next;
        evicted = values[next];
        values[next] = value;
        // compare-and-reset rather than modulo: the capacity need not be a power of two, and a divide costs ~20 cycles
        next++;
        _next = next == values.Length ? 0 : next;
        if (_count == values.Length)
        {
            return true;
        }

        _count++;
        return false;
    }

    /// <summary>Copies the window oldest first into <paramref name="destination"/>; returns the count copied.</summary>
    public int CopyTo(Span<double> destination)
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
