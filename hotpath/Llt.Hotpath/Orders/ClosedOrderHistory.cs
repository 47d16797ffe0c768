using Llt.Sbe;

namespace Llt.Hotpath.Orders;

/// <summary>
/// The last N closed client order ids with their final status, so a late fill, ack or cancel for an order
/// whose slot was freed is refused as <see cref="OrderResult.OrderClosed"/> rather than as unknown. A FIFO
/// ring of ids plus an id → ring-position index: add and lookup are O(1), the oldest id is forgotten.
/// </summary>
public sealed class ClosedOrderHistory
{
    private readonly long[] _ids;
    private readonly OrdStatus[] _statuses;
    private readonly ClOrdIdIndex _index;
    private int _next;

    public ClosedOrderHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ids = new long[capacity];
        _statuses = new OrdStatus[capacity];
        _index = new ClOrdIdIndex(capacity);
    }

    public int Capacity => _ids.Length;

    public void Add(long clOrdId, OrdStatus status)
    {
        long evicted = _ids[_next];
        if (evicted != 0)
        {
            _index.Remove(evicted);
        }

        // an id closed twice (never expected: ids are unique) keeps only its newest ring position
        if (_index.TryGetValue(clOrdId, out int old))
        {
            _index.Remove(clOrdId);
            _ids[old] = 0;
        }

        _ids[_next] = clOrdId;
        _statuses[_next] = status;
        _index.TryAdd(clOrdId, _next);
        _next = _next + 1 == _ids.Length ? 0 : _next + 1;
    }

    public bool TryGetStatus(long clOrdId, out OrdStatus status)
    {
        if (_index.TryGetValue(clOrdId, out int position))
        {
            status = _statuses[position];
            return true;
        }

        status = default;
        return false;
    }

    public bool Contains(long clOrdId) => _index.ContainsKey(clOrdId);
}
