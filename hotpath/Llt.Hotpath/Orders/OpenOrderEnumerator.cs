namespace Llt.Hotpath.Orders;

/// <summary>
/// Allocation-free <c>foreach</c> over every open order of an <see cref="OrderManager"/>, in no particular order.
/// It walks the open list from the end, so requesting a cancel for, or even closing, the current order while
/// enumerating is safe (a closed order's place is taken by one already visited); orders submitted during the
/// walk are not visited.
/// </summary>
public ref struct OpenOrderEnumerator
{
    private readonly OrderManager _owner;
    private int _index;

    internal OpenOrderEnumerator(OrderManager owner)
    {
        _owner = owner;
        _index = owner.OpenCount;
    }

    public readonly ref readonly Order Current => ref _owner.OpenOrderAt(_index);

    public readonly OpenOrderEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        // closes during the walk shrink the list; never step past its end
        _index = Math.Min(_index - 1, _owner.OpenCount - 1);
        return _index >= 0;
    }
}
