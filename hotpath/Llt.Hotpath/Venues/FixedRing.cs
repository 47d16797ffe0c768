namespace Llt.Hotpath.Venues;

/// <summary>
/// Single-threaded FIFO of structs over a preallocated array. The exchange's event queues are FIFOs because
/// each latency is a constant and time only moves forward, so enqueue order is time order.
/// </summary>
internal sealed class FixedRing<T>
    where T : struct
{
    private readonly T[] _items;
    private int _head;
    private int _count;

    public FixedRing(int capacity)
    {
        _items = new T[capacity];
    }

    public int Count => _count;

    public bool IsFull => _count == _items.Length;

    /// <summary>Slot to fill in place, or false when full.</summary>
    public ref T Claim(out bool claimed)
    {
        if (_count == _items.Length)
        {
            claimed = false;
            return ref _items[0];
        }

        int tail = _head + _count;
        if (tail >= _items.Length)
        {
            tail -= _items.Length;
        }

        _count++;
        claimed = true;
        return ref _items[tail];
    }

    /// <summary>The oldest item; only valid when <see cref="Count"/> &gt; 0.</summary>
    public ref T Peek() => ref _items[_head];

    public void Drop()
    {
        _head = _head + 1 == _items.Length ? 0 : _head + 1;
        _count--;
    }
}
