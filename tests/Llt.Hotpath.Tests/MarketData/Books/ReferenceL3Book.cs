using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.MarketData.Books;

/// <summary>
/// The obvious, slow L3 book the property test checks <see cref="L3Book"/> against: a dictionary of orders
/// and, per side, a sorted dictionary of price → FIFO list. Same rules, same result codes, same checks order.
/// </summary>
internal sealed class ReferenceL3Book
{
    private readonly int _orderCapacity;
    private readonly int _levelCapacity;
    private readonly Dictionary<long, ReferenceOrder> _orders = [];
    private readonly SortedDictionary<long, List<ReferenceOrder>> _bids = new(Comparer<long>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<long, List<ReferenceOrder>> _asks = [];

    public ReferenceL3Book(int orderCapacity, int levelCapacity)
    {
        _orderCapacity = orderCapacity;
        _levelCapacity = levelCapacity;
    }

    public IReadOnlyDictionary<long, ReferenceOrder> Orders => _orders;

    /// <summary>Levels best first.</summary>
    public SortedDictionary<long, List<ReferenceOrder>> Levels(Side side) => side == Side.Buy ? _bids : _asks;

    public BookResult Add(long id, Side side, long price, long quantity)
    {
        if (side != Side.Buy && side != Side.Sell)
        {
            return BookResult.InvalidSide;
        }

        if (price <= 0)
        {
            return BookResult.InvalidPrice;
        }

        if (quantity <= 0)
        {
            return BookResult.InvalidQuantity;
        }

        if (_orders.ContainsKey(id))
        {
            return BookResult.DuplicateOrderId;
        }

        if (_orders.Count == _orderCapacity)
        {
            return BookResult.OrderTableFull;
        }

        if (!Levels(side).ContainsKey(price) && Levels(side).Count == _levelCapacity)
        {
            return BookResult.LevelTableFull;
        }

        var order = new ReferenceOrder { Id = id, Side = side, Price = price, Quantity = quantity };
        _orders[id] = order;
        Enqueue(order);
        return BookResult.Ok;
    }

    public BookResult Modify(long id, long price, long quantity)
    {
        if (price <= 0)
        {
            return BookResult.InvalidPrice;
        }

        if (quantity <= 0)
        {
            return BookResult.InvalidQuantity;
        }

        if (!_orders.TryGetValue(id, out ReferenceOrder? order))
        {
            return BookResult.UnknownOrderId;
        }

        if (price == order.Price)
        {
            bool increase = quantity > order.Quantity;
            order.Quantity = quantity;
            if (increase)
            {
                List<ReferenceOrder> queue = Levels(order.Side)[price];
                queue.Remove(order);
                queue.Add(order);
            }

            return BookResult.Ok;
        }

        if (!CanMoveTo(order, price))
        {
            return BookResult.LevelTableFull;
        }

        Dequeue(order);
        order.Price = price;
        order.Quantity = quantity;
        Enqueue(order);
        return BookResult.Ok;
    }

    public BookResult Replace(long id, long newId, long price, long quantity)
    {
        if (price <= 0)
        {
            return BookResult.InvalidPrice;
        }

        if (quantity <= 0)
        {
            return BookResult.InvalidQuantity;
        }

        if (!_orders.TryGetValue(id, out ReferenceOrder? order))
        {
            return BookResult.UnknownOrderId;
        }

        if (newId != id && _orders.ContainsKey(newId))
        {
            return BookResult.DuplicateOrderId;
        }

        if (!CanMoveTo(order, price))
        {
            return BookResult.LevelTableFull;
        }

        Dequeue(order);
        _orders.Remove(id);
        order.Id = newId;
        order.Price = price;
        order.Quantity = quantity;
        _orders[newId] = order;
        Enqueue(order);
        return BookResult.Ok;
    }

    public BookResult Reduce(long id, long quantity)
    {
        if (quantity <= 0)
        {
            return BookResult.InvalidQuantity;
        }

        if (!_orders.TryGetValue(id, out ReferenceOrder? order))
        {
            return BookResult.UnknownOrderId;
        }

        if (quantity > order.Quantity)
        {
            return BookResult.QuantityExceedsRemaining;
        }

        order.Quantity -= quantity;
        if (order.Quantity == 0)
        {
            Dequeue(order);
            _orders.Remove(id);
        }

        return BookResult.Ok;
    }

    public BookResult Delete(long id)
    {
        if (!_orders.TryGetValue(id, out ReferenceOrder? order))
        {
            return BookResult.UnknownOrderId;
        }

        Dequeue(order);
        _orders.Remove(id);
        return BookResult.Ok;
    }

    private bool CanMoveTo(ReferenceOrder order, long price)
    {
        SortedDictionary<long, List<ReferenceOrder>> levels = Levels(order.Side);
        return levels.ContainsKey(price) || levels.Count < _levelCapacity || levels[order.Price].Count == 1;
    }

    private void Enqueue(ReferenceOrder order)
    {
        SortedDictionary<long, List<ReferenceOrder>> levels = Levels(order.Side);
        if (!levels.TryGetValue(order.Price, out List<ReferenceOrder>? queue))
        {
            queue = [];
            levels[order.Price] = queue;
        }

        queue.Add(order);
    }

    private void Dequeue(ReferenceOrder order)
    {
        SortedDictionary<long, List<ReferenceOrder>> levels = Levels(order.Side);
        List<ReferenceOrder> queue = levels[order.Price];
        queue.Remove(order);
        if (queue.Count == 0)
        {
            levels.Remove(order.Price);
        }
    }
}
