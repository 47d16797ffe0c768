namespace Llt.Hotpath.Venues;

/// <summary>
/// Which external venue holds each working order (client order id → venue id), so the gateway can send a cancel
/// or replace to the right adapter, and for each replace sent the id it replaces (an adapter's report names only
/// the new id). Preallocated; full means new external orders are refused (counted by the gateway).
/// </summary>
public sealed class ExternalOrderTable
{
    private readonly ClOrdIdIndex _index;
    // replace request id → slot in _origins, the id it replaces
    private readonly ClOrdIdIndex _replacing;
    private readonly long[] _origins;
    private readonly int[] _freeOrigins;
    private int _freeOriginCount;

    public ExternalOrderTable(int capacity)
    {
        Capacity = capacity;
        _index = new ClOrdIdIndex(capacity);
        // a replace request is itself a working id until answered, so there are never more than the table holds
        _replacing = new ClOrdIdIndex(capacity);
        _origins = new long[capacity];
        _freeOrigins = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _freeOrigins[i] = capacity - 1 - i;
        }

        _freeOriginCount = capacity;
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>False when the table is full or the id is already working.</summary>
    public bool TryAdd(long clOrdId, int venueId)
    {
        if (Count >= Capacity || !_index.TryAdd(clOrdId, venueId))
        {
            return false;
        }

        Count++;
        return true;
    }

    /// <summary>The venue holding <paramref name="clOrdId"/>, or -1.</summary>
    public int VenueOf(long clOrdId) => _index.Find(clOrdId);

    /// <summary>
    /// A replace of working order <paramref name="origClOrdId"/> went to its venue under <paramref name="clOrdId"/>:
    /// reports for either id are the venue's until the replace is answered. False when the original is not working
    /// here or the table is full.
    /// </summary>
    public bool TryAddReplace(long clOrdId, long origClOrdId)
    {
        int venueId = VenueOf(origClOrdId);
        if (venueId < 0 || _freeOriginCount == 0 || !TryAdd(clOrdId, venueId))
        {
            return false;
        }

        int slot = _freeOrigins[--_freeOriginCount];
        _origins[slot] = origClOrdId;
        _replacing.TryAdd(clOrdId, slot);
        return true;
    }

    /// <summary>
    /// The venue answered replace <paramref name="clOrdId"/>: applied, the order works under the new id only (the
    /// original is forgotten); refused, under the original only. Returns the original id, or 0 when
    /// <paramref name="clOrdId"/> was no replace awaiting its answer.
    /// </summary>
    public long OnReplaceAnswered(long clOrdId, bool applied)
    {
        int slot = _replacing.Find(clOrdId);
        if (slot < 0)
        {
            return 0;
        }

        _replacing.Remove(clOrdId);
        _freeOrigins[_freeOriginCount++] = slot;
        long origClOrdId = _origins[slot];
        Remove(applied ? origClOrdId : clOrdId);
        return origClOrdId;
    }

    /// <summary>The order is done (filled, cancelled, expired, rejected).</summary>
    public void Remove(long clOrdId)
    {
        if (_index.Find(clOrdId) >= 0)
        {
            _index.Remove(clOrdId);
            Count--;
        }
    }
}
