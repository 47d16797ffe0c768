namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>
/// A synthetic but self-consistent ITCH 5.0 trading session built from the specification's layouts: system events,
/// a Stock Directory per stock, every other message type at least once, and order lifecycles (adds with and without
/// MPID, executions with and without price, cancels, replaces, deletes) that only ever refer to live orders with the
/// shares they still have, bids below and asks above each stock's mid so no book ever crosses. Deterministic for a
/// seed. Test infrastructure (issue 7.7): feeds <see cref="MoldUdpFeedWriter"/>.
/// </summary>
internal sealed class ItchSessionGenerator
{
    private readonly Random _random;
    private readonly List<byte[]> _messages = [];
    private readonly List<LiveOrder> _live = [];
    private long _timestamp = 34_200_000_000_000; // 09:30
    private ulong _nextOrderRef = 1;
    private ulong _nextMatch = 1;

    public ItchSessionGenerator(int seed, int stocks = 4)
    {
        _random = new Random(seed);
        Stocks = [.. Enumerable.Range(0, stocks).Select(i => new GeneratedStock((ushort)(i + 1), $"SYM{i}", 10_000u * (uint)(50 + (i * 25))))];
    }

    public IReadOnlyList<GeneratedStock> Stocks { get; }

    public IReadOnlyList<byte[]> Messages => _messages;

    /// <summary>Builds the session: header messages, <paramref name="orderEvents"/> order events, trailer messages.</summary>
    public ItchSessionGenerator Generate(int orderEvents)
    {
        Add(ItchWire.SystemEvent(0, 0, Tick(), 'O'));
        Add(ItchWire.SystemEvent(0, 0, Tick(), 'S'));
        foreach (GeneratedStock stock in Stocks)
        {
            Add(ItchWire.StockDirectory(stock.Locate, 0, Tick(), stock.Symbol, 'Q', 'N', 100, 'N', 'C', "Z", 'P', 'N', 'N', '1', 'N', 1, 'N'));
            Add(ItchWire.StockTradingAction(stock.Locate, 0, Tick(), stock.Symbol, 'T', ' ', "    "));
            Add(ItchWire.RegShoRestriction(stock.Locate, 0, Tick(), stock.Symbol, '0'));
            Add(ItchWire.MarketParticipantPosition(stock.Locate, 0, Tick(), "GSCO", stock.Symbol, 'Y', 'N', 'A'));
        }

        GeneratedStock first = Stocks[0];
        Add(ItchWire.MwcbDeclineLevel(0, 0, Tick(), 400_000_000_000, 380_000_000_000, 350_000_000_000));
        Add(ItchWire.IpoQuotingPeriodUpdate(first.Locate, 0, Tick(), first.Symbol, 34_500, 'A', first.Mid));
        Add(ItchWire.LuldAuctionCollar(first.Locate, 0, Tick(), first.Symbol, first.Mid, first.Mid + 5_000, first.Mid - 5_000, 1));
        Add(ItchWire.NetOrderImbalanceIndicator(first.Locate, 0, Tick(), 10_000, 500, 'B', first.Symbol, first.Mid, first.Mid, first.Mid, 'O', 'L'));
        Add(ItchWire.CrossTrade(first.Locate, 0, Tick(), 10_000, first.Symbol, first.Mid, _nextMatch++, 'O'));
        Add(ItchWire.SystemEvent(0, 0, Tick(), 'Q'));
        Add(ItchWire.RetailPriceImprovementIndicator(first.Locate, 0, Tick(), first.Symbol, 'B'));
        Add(ItchWire.DirectListingWithCapitalRaise(first.Locate, 0, Tick(), first.Symbol, 'N', first.Mid - 100, first.Mid + 100, first.Mid, 34_000_000_000_000, first.Mid - 200, first.Mid + 200));

        for (int i = 0; i < orderEvents; i++)
        {
            OrderEvent();
        }

        ulong trade = _nextMatch++;
        Add(ItchWire.Trade(first.Locate, 0, Tick(), 0, 'B', 100, first.Symbol, first.Mid, trade));
        Add(ItchWire.BrokenTrade(first.Locate, 0, Tick(), trade));
        Add(ItchWire.OperationalHalt(first.Locate, 0, Tick(), first.Symbol, 'Q', 'H'));
        Add(ItchWire.MwcbStatus(0, 0, Tick(), '1'));
        Add(ItchWire.SystemEvent(0, 0, Tick(), 'M'));
        Add(ItchWire.SystemEvent(0, 0, Tick(), 'E'));
        Add(ItchWire.SystemEvent(0, 0, Tick(), 'C'));
        return this;
    }

    private void OrderEvent()
    {
        int choice = _random.Next(100);
        if (_live.Count < 8 || choice < 40)
        {
            AddOrder();
            return;
        }

        int index = _random.Next(_live.Count);
        LiveOrder order = _live[index];
        if (choice < 55)
        {
            uint shares = (uint)_random.Next(1, (int)order.Shares + 1);
            Add(ItchWire.OrderExecuted(order.Stock.Locate, 0, Tick(), order.Ref, shares, _nextMatch++));
            Reduce(index, shares);
        }
        else if (choice < 62)
        {
            uint shares = (uint)_random.Next(1, (int)order.Shares + 1);
            Add(ItchWire.OrderExecutedWithPrice(order.Stock.Locate, 0, Tick(), order.Ref, shares, _nextMatch++, _random.Next(2) == 0 ? 'Y' : 'N', order.Price));
            Reduce(index, shares);
        }
        else if (choice < 75)
        {
            uint shares = (uint)_random.Next(1, (int)order.Shares + 1);
            Add(ItchWire.OrderCancel(order.Stock.Locate, 0, Tick(), order.Ref, shares));
            Reduce(index, shares);
        }
        else if (choice < 88)
        {
            ulong newRef = _nextOrderRef++;
            uint shares = (uint)_random.Next(1, 10) * 100;
            uint price = PriceFor(order.Stock, order.Side);
            Add(ItchWire.OrderReplace(order.Stock.Locate, 0, Tick(), order.Ref, newRef, shares, price));
            _live[index] = order with { Ref = newRef, Shares = shares, Price = price };
        }
        else
        {
            Add(ItchWire.OrderDelete(order.Stock.Locate, 0, Tick(), order.Ref));
            _live.RemoveAt(index);
        }
    }

    private void AddOrder()
    {
        GeneratedStock stock = Stocks[_random.Next(Stocks.Count)];
        char side = _random.Next(2) == 0 ? 'B' : 'S';
        uint shares = (uint)_random.Next(1, 10) * 100;
        uint price = PriceFor(stock, side);
        ulong orderRef = _nextOrderRef++;
        Add(_random.Next(4) == 0
            ? ItchWire.AddOrderMpid(stock.Locate, 0, Tick(), orderRef, side, shares, stock.Symbol, price, "VIRT")
            : ItchWire.AddOrder(stock.Locate, 0, Tick(), orderRef, side, shares, stock.Symbol, price));
        _live.Add(new LiveOrder(stock, orderRef, side, shares, price));
    }

    /// <summary>Bids 1..20 cents below the mid, asks 1..20 above: never crossed.</summary>
    private uint PriceFor(GeneratedStock stock, char side)
    {
        uint offset = (uint)_random.Next(1, 21) * 100;
        return side == 'B' ? stock.Mid - offset : stock.Mid + offset;
    }

    private void Reduce(int index, uint shares)
    {
        LiveOrder order = _live[index];
        if (shares == order.Shares)
        {
            _live.RemoveAt(index);
        }
        else
        {
            _live[index] = order with { Shares = order.Shares - shares };
        }
    }

    private long Tick() => _timestamp += _random.Next(1, 5_000);

    private void Add(byte[] message) => _messages.Add(message);

    private sealed record LiveOrder(GeneratedStock Stock, ulong Ref, char Side, uint Shares, uint Price);
}
