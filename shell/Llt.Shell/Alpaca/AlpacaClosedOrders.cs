using Llt.Sbe;

namespace Llt.Shell.Alpaca;

/// <summary>
/// The last orders that ended (filled, canceled, expired, rejected), under every client order id they had, so a
/// replace that arrives after the end is refused as too late rather than as an unknown order. Bounded: the oldest is
/// forgotten first. Not thread-safe: the adapter holds its state lock.
/// </summary>
internal sealed class AlpacaClosedOrders(int capacity)
{
    private readonly Dictionary<long, (AlpacaTrackedOrder Order, OrdStatus Status)> _byId = [];
    private readonly Queue<long> _age = new();

    public void Remember(AlpacaTrackedOrder order, OrdStatus status)
    {
        foreach (AlpacaOrderLeg leg in order.Legs)
        {
            if (_byId.TryAdd(leg.ClOrdId, (order, status)))
            {
                _age.Enqueue(leg.ClOrdId);
            }
        }

        while (_age.Count > capacity)
        {
            _byId.Remove(_age.Dequeue());
        }
    }

    public bool TryGet(long clOrdId, out AlpacaTrackedOrder order, out OrdStatus status)
    {
        bool found = _byId.TryGetValue(clOrdId, out var closed);
        (order, status) = closed;
        return found;
    }
}
