using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Feeds.Iex;

public sealed class DeepBookBuilderTests
{
    private const long Ts = 1_611_692_981_294_956_478;

    [Fact]
    public void LevelUpdates_BuildBothSidesBestFirst_AndPublishTheTop()
    {
        using var builder = NewBuilder();

        Apply(builder, IexWire.Bid("ZIEXT", 99.04m, 200));
        Apply(builder, IexWire.Bid("ZIEXT", 99.05m, 100));
        Apply(builder, IexWire.Ask("ZIEXT", 99.08m, 50));
        Apply(builder, IexWire.Ask("ZIEXT", 99.07m, 300));

        Assert.True(builder.TryGetBookIndex(IexSymbol.From("ZIEXT"), out int index));
        L2Book book = builder.Book(index);
        Assert.Equal(2, book.BidLevelCount);
        Assert.Equal(2, book.AskLevelCount);
        Assert.Equal(new BookLevel(IexWire.Price8(99.05m), 100, 0), book.GetLevel(Side.Buy, 0));
        Assert.Equal(new BookLevel(IexWire.Price8(99.04m), 200, 0), book.GetLevel(Side.Buy, 1));
        Assert.Equal(new BookLevel(IexWire.Price8(99.07m), 300, 0), book.GetLevel(Side.Sell, 0));
        Assert.Equal(new BookLevel(IexWire.Price8(99.08m), 50, 0), book.GetLevel(Side.Sell, 1));
        IexQuote last = builder.Listener.Quotes[^1];
        Assert.Equal((IexWire.Price8(99.05m), 100L, IexWire.Price8(99.07m), 300L), (last.BidPrice, last.BidSize, last.AskPrice, last.AskSize));
        Assert.Equal("ZIEXT", last.Symbol.ToString());
        Assert.Equal(4, builder.LevelUpdates);
    }

    [Fact]
    public void UpdatesWithEventFlagClear_AreAppliedButPublishNoQuote_UntilTheUpdateThatCompletesTheEvent()
    {
        using var builder = NewBuilder();
        Apply(builder, IexWire.Bid("ZIEXT", 99.05m, 100));
        Apply(builder, IexWire.Ask("ZIEXT", 99.06m, 100));
        Apply(builder, IexWire.Ask("ZIEXT", 99.07m, 100));
        int quotesBefore = builder.Listener.Quotes.Count;

        // a buy order sweeps both ask levels and rests the remainder at 99.07: three updates, one event
        Apply(builder, IexWire.Ask("ZIEXT", 99.06m, 0, complete: false));
        Apply(builder, IexWire.Ask("ZIEXT", 99.07m, 0, complete: false));
        Assert.True(builder.IsInTransition(0));
        Assert.Equal(quotesBefore, builder.Listener.Quotes.Count);
        Assert.Equal(0, builder.Book(0).AskLevelCount); // applied as they came
        Apply(builder, IexWire.Bid("ZIEXT", 99.07m, 40, complete: true));

        Assert.False(builder.IsInTransition(0));
        IexQuote quote = Assert.Single(builder.Listener.Quotes.Skip(quotesBefore));
        Assert.Equal(IexWire.Price8(99.07m), quote.BidPrice);
        Assert.Equal(40, quote.BidSize);
        Assert.Equal(BookPrice.None, quote.AskPrice);
        Assert.Equal(0, quote.AskSize);
        Assert.Equal([false, false, true], builder.Listener.Levels.Skip(3).Select(l => l.IsEventComplete));
    }

    [Fact]
    public void CompletedEventThatLeavesTheTopUnchanged_PublishesNoQuote()
    {
        using var builder = NewBuilder();
        Apply(builder, IexWire.Bid("ZIEXT", 99.05m, 100));
        Apply(builder, IexWire.Ask("ZIEXT", 99.07m, 100));
        int quotes = builder.Listener.Quotes.Count;

        Apply(builder, IexWire.Bid("ZIEXT", 99.01m, 500));

        Assert.Equal(quotes, builder.Listener.Quotes.Count);
        Assert.Equal(2, builder.Book(0).BidLevelCount);
    }

    [Fact]
    public void SizeZero_RemovesTheLevel_AndTheNextLevelBecomesTheTop()
    {
        using var builder = NewBuilder();
        Apply(builder, IexWire.Bid("ZIEXT", 99.05m, 100));
        Apply(builder, IexWire.Bid("ZIEXT", 99.04m, 200));

        Apply(builder, IexWire.Bid("ZIEXT", 99.05m, 0));

        Assert.Equal(1, builder.Book(0).BidLevelCount);
        Assert.Equal(IexWire.Price8(99.04m), builder.Listener.Quotes[^1].BidPrice);
        Assert.Equal(200, builder.Listener.Quotes[^1].BidSize);
        Assert.Equal(0, builder.MissingLevelDeletes);
    }

    [Fact]
    public void SizeZeroForAPriceTheBookDoesNotHold_IsCountedAsAMissingLevelDelete()
    {
        using var builder = NewBuilder();
        Apply(builder, IexWire.Bid("ZIEXT", 99.05m, 100));

        Apply(builder, IexWire.Bid("ZIEXT", 98.00m, 0));

        Assert.Equal(1, builder.MissingLevelDeletes);
        Assert.Equal(1, builder.Book(0).BidLevelCount);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-990500L)]
    [InlineData(long.MaxValue)]
    public void LevelWithAnImpossiblePrice_IsRejectedAndCounted_ButStillCompletesItsEvent(long price4)
    {
        using var builder = NewBuilder();
        Apply(builder, IexWire.Bid("ZIEXT", 99.05m, 100, complete: false));

        Apply(builder, IexWire.PriceLevel(true, 1, Ts, "ZIEXT", 100, price4));

        Assert.Equal(1, builder.RejectedUpdates);
        Assert.False(builder.IsInTransition(0));
        Assert.Equal(1, builder.Book(0).BidLevelCount);
        Assert.Equal(IexWire.Price8(99.05m), builder.Listener.Quotes[^1].BidPrice);
    }

    [Fact]
    public void TopsQuoteUpdate_SetsAOneLevelBook_AndAZeroQuoteEmptiesIt()
    {
        using var builder = NewBuilder();

        Apply(builder, IexWire.QuoteUpdate(0, Ts, "ATSG", 18773, 241900, 242500, 60677), IexProtocol.Tops);
        L2Book book = builder.Book(0);
        Assert.Equal(new BookLevel(2_419_000_000, 18773, 0), book.GetLevel(Side.Buy, 0));
        Assert.Equal(new BookLevel(2_425_000_000, 60677, 0), book.GetLevel(Side.Sell, 0));
        Assert.Equal(Ts, builder.Listener.Quotes[^1].Timestamp);

        Apply(builder, IexWire.QuoteUpdate(0x80, Ts + 1, "ATSG", 0, 0, 0, 0), IexProtocol.Tops);

        Assert.Equal(0, book.BidLevelCount);
        Assert.Equal(0, book.AskLevelCount);
        Assert.Equal(2, builder.Listener.Quotes.Count);
        Assert.Equal(0, builder.Listener.Quotes[^1].BidSize);
    }

    [Fact]
    public void TradeReportAndTradeBreak_ArePublishedWithEnginePrices()
    {
        using var builder = NewBuilder();

        Apply(builder, IexWire.Trade('T', 0xc0, Ts, "ZIEXT", 100, 9998, 972306), IexProtocol.Tops);
        Apply(builder, IexWire.Trade('B', 0xc0, Ts + 5, "ZIEXT", 100, 9998, 972306), IexProtocol.Tops);

        IexTrade trade = Assert.Single(builder.Listener.Trades);
        Assert.Equal((99_980_000L, 100L, 972306L, (byte)0xc0, Ts), (trade.Price, trade.Size, trade.TradeId, trade.SaleConditionFlags, trade.Timestamp));
        Assert.False(trade.IsLastSaleEligible); // extended hours
        IexTrade broken = Assert.Single(builder.Listener.TradeBreaks);
        Assert.Equal(972306, broken.TradeId);
        Assert.Equal(Ts + 5, broken.Timestamp);
    }

    [Fact]
    public void TradingStatusAndOperationalHalt_UpdateTheSymbolsStatus()
    {
        using var builder = NewBuilder();
        Apply(builder, IexWire.Bid("ZIEXT", 99.05m, 100));

        Apply(builder, IexWire.TradingStatus((byte)'T', Ts, "ZIEXT", ""));
        Assert.True(builder.Status(0).IsTradable);
        Apply(builder, IexWire.OperationalHaltStatus((byte)'O', Ts + 1, "ZIEXT"));
        Assert.False(builder.Status(0).IsTradable);
        Apply(builder, IexWire.OperationalHaltStatus((byte)'N', Ts + 2, "ZIEXT"));
        Apply(builder, IexWire.TradingStatus((byte)'H', Ts + 3, "ZIEXT", "T1"));

        Assert.Equal(4, builder.Listener.Statuses.Count);
        IexSecurityStatus last = builder.Listener.Statuses[^1];
        Assert.Equal(((byte)'H', (byte)'N', Ts + 3), (last.TradingStatus, last.OperationalHaltStatus, last.Timestamp));
        Assert.False(last.IsTradable);
    }

    [Fact]
    public void StatusOfASymbolWithoutABook_IsCountedAndAddsNoBook()
    {
        using var builder = NewBuilder();

        Apply(builder, IexWire.TradingStatus((byte)'T', Ts, "AAPL", ""));

        Assert.Equal(0, builder.Count);
        Assert.Equal(1, builder.UnregisteredSymbolMessages);
        Assert.Empty(builder.Listener.Statuses);
    }

    [Fact]
    public void SymbolsBeyondCapacity_AreRefusedAndCounted_AndTheOthersKeepWorking()
    {
        using var builder = new DeepBookBuilder<RecordingBookListener>(2, 8, new RecordingBookListener());

        Apply(builder, IexWire.Bid("AAA", 1m, 1));
        Apply(builder, IexWire.Bid("BBB", 2m, 1));
        Apply(builder, IexWire.Bid("CCC", 3m, 1));
        Apply(builder, IexWire.Bid("AAA", 1.5m, 1));

        Assert.Equal(2, builder.Count);
        Assert.Equal(1, builder.SymbolOverflows);
        Assert.Equal(1, builder.UnregisteredSymbolMessages);
        Assert.False(builder.TryGetBookIndex(IexSymbol.From("CCC"), out _));
        Assert.Equal(IexWire.Price8(1.5m), builder.Book(0).BestBidPrice);
    }

    [Fact]
    public void EngineOwnedBooks_RegisteredInInstrumentOrder_GetOnlyTheirSymbols()
    {
        using var aapl = new L2Book(4);
        using var msft = new L2Book(4);
        using var builder = new DeepBookBuilder<RecordingBookListener>([aapl, msft], new RecordingBookListener());
        Assert.Equal(0, builder.Register(IexSymbol.From("AAPL")));
        Assert.Equal(1, builder.Register(IexSymbol.From("MSFT")));

        Apply(builder, IexWire.Ask("MSFT", 410.12m, 300));
        Apply(builder, IexWire.Ask("GOOGL", 170m, 300));

        Assert.Equal(IexWire.Price8(410.12m), msft.BestAskPrice);
        Assert.Equal(0, aapl.AskLevelCount);
        Assert.Equal(1, builder.Listener.Quotes[^1].BookIndex);
        Assert.Equal(1, builder.UnregisteredSymbolMessages);
        Assert.Equal(2, builder.Count);
    }

    [Fact]
    public void MalformedMessages_AreCountedByReason_AndTheNextMessageStillApplies()
    {
        using var builder = NewBuilder();

        Assert.Equal(IexMalformedReason.TooShort, Apply(builder, IexWire.Bid("ZIEXT", 99.05m, 100)[..29]));
        Assert.Equal(IexMalformedReason.UnknownMessageType, Apply(builder, [(byte)'Z', 0, 0]));
        Assert.Equal(IexMalformedReason.UnknownMessageType, Apply(builder, IexWire.QuoteUpdate(0, Ts, "ZIEXT", 1, 1, 2, 1))); // TOPS type on DEEP
        Assert.Equal(IexMalformedReason.Empty, Apply(builder, []));
        Assert.Equal(IexMalformedReason.None, Apply(builder, IexWire.Bid("ZIEXT", 99.05m, 100)));

        Assert.Equal(4, builder.MalformedMessages);
        Assert.Equal(1, builder.MalformedCount(IexMalformedReason.TooShort));
        Assert.Equal(2, builder.MalformedCount(IexMalformedReason.UnknownMessageType));
        Assert.Equal(1, builder.MalformedCount(IexMalformedReason.Empty));
        Assert.Equal(5, builder.Messages);
        Assert.Equal(IexWire.Price8(99.05m), builder.Book(0).BestBidPrice);
    }

    [Fact]
    public void SystemEvent_IsRemembered()
    {
        using var builder = NewBuilder();

        Apply(builder, IexWire.SystemEvent((byte)'R', Ts));

        Assert.Equal((byte)'R', builder.LastSystemEvent);
    }

    [Fact]
    public void SteadyStateDeepTraffic_AllocatesNothing()
    {
        byte[][] messages = SteadyStateMessages();
        using var builder = new DeepBookBuilder<CountingBookListener>(4, 16, default);
        for (int round = 0; round < 100; round++)
        {
            ApplyAll(builder, messages);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 2_000; round++)
        {
            ApplyAll(builder, messages);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(builder.Listener.Quotes > 0);
        Assert.Equal(0, builder.MalformedMessages);
    }

    internal static byte[][] SteadyStateMessages() =>
    [
        IexWire.Bid("ZIEXT", 99.05m, 100),
        IexWire.Ask("ZIEXT", 99.07m, 300),
        IexWire.Bid("ZIEXT", 99.06m, 50, complete: false),
        IexWire.Bid("ZIEXT", 99.06m, 0, complete: true),
        IexWire.Ask("AAPL", 190.01m, 200),
        IexWire.Trade('T', 0, Ts, "ZIEXT", 100, IexWire.Price4(99.06m), 7),
        IexWire.Bid("AAPL", 190.00m, 100),
        IexWire.Ask("ZIEXT", 99.07m, 0),
        IexWire.Ask("ZIEXT", 99.08m, 10),
        IexWire.Ask("ZIEXT", 99.07m, 30),
    ];

    private static void ApplyAll(DeepBookBuilder<CountingBookListener> builder, byte[][] messages)
    {
        foreach (byte[] message in messages)
        {
            builder.Apply(IexProtocol.Deep, message, 0);
        }
    }

    private static DeepBookBuilder<RecordingBookListener> NewBuilder() => new(8, 16, new RecordingBookListener());

    private static IexMalformedReason Apply(DeepBookBuilder<RecordingBookListener> builder, byte[] message, IexProtocol protocol = IexProtocol.Deep) =>
        builder.Apply(protocol, message, 0);
}
