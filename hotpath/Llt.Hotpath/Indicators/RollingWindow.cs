using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Fixed-capacity ring of the last <see cref="Capacity"/> values, oldest evicted first. Storage is allocated
/// once in the constructor; <see cref="Push"/> is O(1) and allocation-free. Single-threaded, like every indicator.
/// The class form of <see cref="WindowRing"/>.
/// </summary>
public sealed class RollingWindow
{
    private WindowRing _ring;

    public RollingWindow(int capacity)
    {
        _ring = new WindowRing(capacity);
    }

    public int Capacity => _ring.Capacity;

    public int Count => _ring.Count;

    public bool IsFull => _ring.IsFull;

    /// <summary>The most recently pushed value (undefined when empty).</summary>
    public double Newest => _ring.Newest;

    /// <summary>The value <see cref="Push"/> would evict next (undefined when empty).</summary>
    public double Oldest => _ring.Oldest;

    /// <summary>Value by age: 0 is the oldest, <see cref="Count"/> - 1 the newest.</summary>
    public double this[int age] => _ring[age];

    /// <summary>Appends <paramref name="value"/>; returns true and the evicted value once the window is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Push(double value, out double evicted) => _ring.Push(value, out evicted);

    /// <summary>Copies the window oldest first into <paramref name="destination"/>; returns the count copied.</summary>
    public int CopyTo(Span<double> destination) => _ring.CopyTo(destination);

    public void Reset() => _ring.Reset();
}
