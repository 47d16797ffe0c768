namespace Llt.Hotpath.Venues;

/// <summary>
/// Which external venue holds each working order (client order id → venue id), so the gateway can send a cancel
/// to the right adapter. Preallocated; full means new external orders are refused (counted by the gateway).
/// </summary>
public sealed class ExternalOrderTable
{
    private readonly ClOrdIdIndex _index;

    public ExternalOrderTable(int capacity)
    {
        Capacity = capacity;
        _index = new ClOrdIdIndex(capacity);
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
