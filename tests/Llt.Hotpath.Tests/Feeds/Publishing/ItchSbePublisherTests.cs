using System.Buffers.Binary;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.Publishing;
using Llt.Hotpath.MarketData.Books;
using Llt.Hotpath.Tests.Engine;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Feeds.Publishing;

/// <summary>
/// ITCH 5.0 into the running engine: messages built from the specification's layouts, parsed by
/// <see cref="ItchParser"/>, published as SBE on md.ring by <see cref="ItchSbePublisher"/>, applied by the
/// trader to its L3 books. Default instruments: AAPL (0), MSFT (1), ...
/// </summary>
public sealed class ItchSbePublisherTests
{
    private const ushort AaplLocate = 13;
    private const ushort MsftLocate = 14;
    private const ushort ZvzztLocate = 99;
    private const long Midnight = 1_704_067_200_000_000_000; // 2024-01-01T00:00:00Z

    private static byte[] Header(byte type, int length, ushort locate, long timestamp)
    {
        var message = new byte[length];
        message[0] = type;
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(ItchDescriptor.StockLocateOffset), locate);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(ItchDescriptor.TrackingNumberOffset), 0);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(ItchDescriptor.TimestampOffset), (ushort)(timestamp >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(ItchDescriptor.TimestampOffset + 2), (uint)timestamp);
        return message;
    }

    private static void Stock(Span<byte> field, string symbol)
    {
        field[..ItchDescriptor.StockLength].Fill((byte)' ');
        for (int i = 0; i < symbol.Length; i++)
        {
            field[i] = (byte)symbol[i];
        }
    }

    internal static byte[] Directory(ushort locate, string symbol)
    {
        byte[] m = Header(ItchDescriptor.StockDirectory.Type, ItchDescriptor.StockDirectory.Length, locate, 1_000);
        Stock(m.AsSpan(ItchDescriptor.StockDirectory.StockOffset), symbol);
        m[ItchDescriptor.StockDirectory.MarketCategoryOffset] = (byte)'Q';
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.StockDirectory.RoundLotSizeOffset), 100);
        return m;
    }

    internal static byte[] Add(ushort locate, long orderId, char side, uint shares, string symbol, uint price4, long ts = 2_000)
    {
        byte[] m = Header(ItchDescriptor.AddOrder.Type, ItchDescriptor.AddOrder.Length, locate, ts);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(ItchDescriptor.AddOrder.OrderReferenceNumberOffset), (ulong)orderId);
        m[ItchDescriptor.AddOrder.BuySellIndicatorOffset] = (byte)side;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.AddOrder.SharesOffset), shares);
        Stock(m.AsSpan(ItchDescriptor.AddOrder.StockOffset), symbol);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.AddOrder.PriceOffset), price4);
        return m;
    }

    internal static byte[] Executed(ushort locate, long orderId, uint shares)
    {
        byte[] m = Header(ItchDescriptor.OrderExecuted.Type, ItchDescriptor.OrderExecuted.Length, locate, 3_000);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(ItchDescriptor.OrderExecuted.OrderReferenceNumberOffset), (ulong)orderId);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.OrderExecuted.ExecutedSharesOffset), shares);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(ItchDescriptor.OrderExecuted.MatchNumberOffset), 555);
        return m;
    }

    internal static byte[] ExecutedWithPrice(ushort locate, long orderId, uint shares, uint price4, char printable)
    {
        byte[] m = Header(ItchDescriptor.OrderExecutedWithPrice.Type, ItchDescriptor.OrderExecutedWithPrice.Length, locate, 3_500);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(ItchDescriptor.OrderExecutedWithPrice.OrderReferenceNumberOffset), (ulong)orderId);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.OrderExecutedWithPrice.ExecutedSharesOffset), shares);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(ItchDescriptor.OrderExecutedWithPrice.MatchNumberOffset), 556);
        m[ItchDescriptor.OrderExecutedWithPrice.PrintableOffset] = (byte)printable;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.OrderExecutedWithPrice.ExecutionPriceOffset), price4);
        return m;
    }

    internal static byte[] Cancel(ushort locate, long orderId, uint shares)
    {
        byte[] m = Header(ItchDescriptor.OrderCancel.Type, ItchDescriptor.OrderCancel.Length, locate, 4_000);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(ItchDescriptor.OrderCancel.OrderReferenceNumberOffset), (ulong)orderId);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.OrderCancel.CanceledSharesOffset), shares);
        return m;
    }

    internal static byte[] Delete(ushort locate, long orderId)
    {
        byte[] m = Header(ItchDescriptor.OrderDelete.Type, ItchDescriptor.OrderDelete.Length, locate, 5_000);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(ItchDescriptor.OrderDelete.OrderReferenceNumberOffset), (ulong)orderId);
        return m;
    }

    internal static byte[] Replace(ushort locate, long orderId, long newOrderId, uint shares, uint price4)
    {
        byte[] m = Header(ItchDescriptor.OrderReplace.Type, ItchDescriptor.OrderReplace.Length, locate, 6_000);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(ItchDescriptor.OrderReplace.OriginalOrderReferenceNumberOffset), (ulong)orderId);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(ItchDescriptor.OrderReplace.NewOrderReferenceNumberOffset), (ulong)newOrderId);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.OrderReplace.SharesOffset), shares);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.OrderReplace.PriceOffset), price4);
        return m;
    }

    internal static byte[] HiddenTrade(ushort locate, char side, uint shares, string symbol, uint price4)
    {
        byte[] m = Header(ItchDescriptor.Trade.Type, ItchDescriptor.Trade.Length, locate, 7_000);
        m[ItchDescriptor.Trade.BuySellIndicatorOffset] = (byte)side;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.Trade.SharesOffset), shares);
        Stock(m.AsSpan(ItchDescriptor.Trade.StockOffset), symbol);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(ItchDescriptor.Trade.PriceOffset), price4);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(ItchDescriptor.Trade.MatchNumberOffset), 777);
        return m;
    }

    internal static byte[] TradingAction(ushort locate, string symbol, char state)
    {
        byte[] m = Header(ItchDescriptor.StockTradingAction.Type, ItchDescriptor.StockTradingAction.Length, locate, 8_000);
        Stock(m.AsSpan(ItchDescriptor.StockTradingAction.StockOffset), symbol);
        m[ItchDescriptor.StockTradingAction.TradingStateOffset] = (byte)state;
        return m;
    }

    private static ItchSbePublisher Publisher(EngineHarness h) =>
        new(h.Engine.MdRing, ItchInstrumentMap.For([.. h.Config.Instruments.Select(i => i.Symbol)]), feedId: 7, Midnight)
        {
            ReceiveTs = h.Clock.NanoTime(),
        };

    private static void Feed(ref ItchSbePublisher publisher, params byte[][] messages)
    {
        foreach (byte[] message in messages)
        {
            ItchParser.Parse(message, ref publisher);
        }
    }

    [Fact]
    public void OrdersAddExecuteCancelReplaceDelete_BuildTheTradersL3Book()
    {
        using var h = new EngineHarness();
        ItchSbePublisher publisher = Publisher(h);
        Feed(ref publisher,
            Directory(AaplLocate, "AAPL"),
            Add(AaplLocate, 1, 'B', 300, "AAPL", 189_9900),
            Add(AaplLocate, 2, 'B', 200, "AAPL", 190_0000),
            Add(AaplLocate, 3, 'S', 500, "AAPL", 190_0100),
            Executed(AaplLocate, 2, 50),       // best bid 190.00: 200 -> 150
            Cancel(AaplLocate, 3, 100),        // best ask 190.01: 500 -> 400
            Replace(AaplLocate, 1, 11, 250, 189_9800));
        h.Drain();

        L3Book book = h.Engine.Books.L3(0)!;
        Assert.Equal(190_00000000, book.BestBidPrice);
        Assert.Equal(150, book.BestBidSize);
        Assert.Equal(190_01000000, book.BestAskPrice);
        Assert.Equal(400, book.BestAskSize);
        Assert.Equal(3, book.OrderCount);
        Assert.Equal(BookResult.Ok, book.GetOrder(11, out BookOrder replaced));
        Assert.Equal(189_98000000, replaced.Price);
        Assert.Equal(250, replaced.RemainingQuantity);

        Feed(ref publisher, Delete(AaplLocate, 2));
        h.Drain();
        Assert.Equal(189_98000000, book.BestBidPrice);
        Assert.Equal(0, h.Engine.Counters.MdRejected.Get());
        Assert.Equal(7, publisher.Published); // the directory message maps, it publishes nothing
    }

    [Fact]
    public void PricedExecutionsAndHiddenTrades_ReachTheTraderAsTrades_NonPrintableOnesDoNot()
    {
        using var h = new EngineHarness();
        ItchSbePublisher publisher = Publisher(h);
        Feed(ref publisher,
            Directory(AaplLocate, "AAPL"),
            Add(AaplLocate, 1, 'S', 500, "AAPL", 190_0100),
            ExecutedWithPrice(AaplLocate, 1, 100, 190_0000, 'Y'),
            ExecutedWithPrice(AaplLocate, 1, 100, 190_0000, 'N'),
            HiddenTrade(AaplLocate, 'B', 40, "AAPL", 190_0100));
        h.Drain();

        Assert.Equal(2, h.Engine.Counters.MdTrades.Get());
        Assert.Equal(300, h.Engine.Books.L3(0)!.BestAskSize);
        Assert.Equal(190_01000000, h.Engine.Instruments[0].LastPrice);
        Assert.Equal(0, h.Engine.Counters.MdRejected.Get());
    }

    [Fact]
    public void TopOfBookChanges_BecomeQuotes_ForStrategiesAndVenues()
    {
        using var h = new EngineHarness();
        ItchSbePublisher publisher = Publisher(h);
        Feed(ref publisher,
            Directory(AaplLocate, "AAPL"),
            Add(AaplLocate, 1, 'B', 300, "AAPL", 189_9900),   // one-sided: no quote yet
            Add(AaplLocate, 2, 'S', 500, "AAPL", 190_0100),   // two-sided: quote 189.99 x 190.01
            Add(AaplLocate, 3, 'B', 100, "AAPL", 189_9000),   // below the top: no new quote
            Add(AaplLocate, 4, 'B', 200, "AAPL", 190_0000));  // new best bid: quote
        h.Drain();

        Assert.Equal(2, h.Engine.Counters.MdBookQuotes.Get());
        Assert.Equal(0, h.Engine.Counters.MdQuotes.Get()); // no Quote message arrived: these came from the book
        ref var aapl = ref h.Engine.Instruments[0];
        Assert.Equal(190_00000000, aapl.BidPrice);
        Assert.Equal(200, aapl.BidSize);
        Assert.Equal(190_01000000, aapl.AskPrice);
    }

    [Fact]
    public void StocksTheEngineDoesNotTrade_AreSkipped_NotPublished()
    {
        using var h = new EngineHarness();
        ItchSbePublisher publisher = Publisher(h);
        Feed(ref publisher,
            Directory(ZvzztLocate, "ZVZZT"),
            Add(ZvzztLocate, 1, 'B', 100, "ZVZZT", 10_0000),
            Add(MsftLocate, 2, 'B', 100, "MSFT", 400_0000)); // before MSFT's directory message: locate unknown
        h.Drain();

        Assert.Equal(0, publisher.Published);
        Assert.Equal(3, publisher.Skipped);
        Assert.Equal(0, publisher.Mapped);
        Assert.Equal(0, h.Engine.Counters.MdReceived.Get());
    }

    [Fact]
    public void TradingAction_BecomesAnInstrumentStatus()
    {
        using var h = new EngineHarness();
        ItchSbePublisher publisher = Publisher(h);
        Feed(ref publisher, Directory(MsftLocate, "MSFT"), TradingAction(MsftLocate, "MSFT", 'H'));
        h.Drain();

        Assert.Equal(1, publisher.Published);
        Assert.Equal(1, h.Engine.Counters.MdAccepted.Get());
        Assert.Equal(1, publisher.Mapped);
    }

    [Fact]
    public void Publishing_DoesNotAllocate_AfterWarmUp()
    {
        using var h = new EngineHarness(journalTicks: false);
        ItchSbePublisher publisher = Publisher(h);
        byte[] directory = Directory(AaplLocate, "AAPL");
        byte[] add = Add(AaplLocate, 1, 'B', 100, "AAPL", 190_0000);
        byte[] delete = Delete(AaplLocate, 1);
        ItchParser.Parse(directory, ref publisher);
        for (int i = 0; i < 1000; i++)
        {
            ItchParser.Parse(add, ref publisher);
            ItchParser.Parse(delete, ref publisher);
            h.Drain();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            ItchParser.Parse(add, ref publisher);
            ItchParser.Parse(delete, ref publisher);
            h.Invoke();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, publisher.RingFull);
    }
}
