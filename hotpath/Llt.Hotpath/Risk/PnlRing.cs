namespace Llt.Hotpath.Risk;

/// <summary>
/// Fixed-capacity ring of portfolio P&amp;L changes (one per metrics interval, currency units as double): the rolling
/// window historical-simulation VaR and max drawdown are computed over. The oldest value is overwritten when full.
/// </summary>
public sealed class PnlRing
{
    private readonly double[] _values;
    private int _next;

    public PnlRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _values = new double[capacity];
    }

    public int Capacity => _values.Length;

    public int Count { get; private set; }

    public void Add(double pnlChange)
    {
        _values[_next] = pnlChange;
        _next = _next + 1 == _values.Length ? 0 : _next + 1;
        Count = Math.Min(Count + 1, _values.Length);
    }

    /// <summary>Copies the window oldest-first into <paramref name="destination"/>; returns <see cref="Count"/>.</summary>
    public int CopyTo(Span<double> destination)
    {
        int start = Count < _values.Length ? 0 : _next;
        int firstPart = Math.Min(Count, _values.Length - start);
        _values.AsSpan(start, firstPart).CopyTo(destination);
        _values.AsSpan(0, Count - firstPart).CopyTo(destination[firstPart..]);
        return Count;
    }
}
