using Llt.Hotpath.Engine;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.MarketData.Validation;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>L2 and L3 feed messages reach the instrument's books and its top of book through md.ring.</summary>
public sealed class EngineBooksTests
{
    private const long Px = EngineMessages.AaplPrice;
    private const long Tick = EngineMessages.Tick;

    private static byte[] Level(Side side, BookAction action, long price, long size)
    {
        var buffer = new byte[128];
        var e = BookLevelUpdateEncoder.WrapAndApplyHeader(buffer, 0);
        e.SetInstrumentId(EngineMessages.Aapl);
        e.SetSide(side);
        e.SetAction(action);
        e.SetFeedId(0);
        e.SetLevel(255);
        e.SetPrice(price);
        e.SetSize(size);
        e.SetOrderCount(BookLevelUpdateEncoder.OrderCountNullValue);
        e.SetExchangeTs(1);
        e.SetReceiveTs(1);
        return buffer[..(BookLevelUpdateEncoder.HeaderLength + e.EncodedLength)];
    }

    private static byte[] Add(ulong orderId, Side side, long price, long size)
    {
        var buffer = new byte[128];
        var e = OrderAddEncoder.WrapAndApplyHeader(buffer, 0);
        e.SetInstrumentId(EngineMessages.Aapl);
        e.SetSide(side);
        e.SetFeedId(1);
        e.SetOrderId(orderId);
        e.SetPrice(price);
        e.SetSize(size);
        e.SetExchangeTs(1);
        e.SetReceiveTs(1);
        return buffer[..(OrderAddEncoder.HeaderLength + e.EncodedLength)];
    }

    private static byte[] Execute(ulong orderId, long size)
    {
        var buffer = new byte[128];
        var e = OrderExecuteEncoder.WrapAndApplyHeader(buffer, 0);
        e.SetInstrumentId(EngineMessages.Aapl);
        e.SetFeedId(1);
        e.SetOrderId(orderId);
        e.SetExecutedSize(size);
        e.SetPrice(OrderExecuteEncoder.PriceNullValue);
        e.SetMatchId(9);
        e.SetExchangeTs(2);
        e.SetReceiveTs(2);
        return buffer[..(OrderExecuteEncoder.HeaderLength + e.EncodedLength)];
    }

    [Fact]
    public void L2LevelUpdates_BuildTheBook_AndMoveTopOfBook()
    {
        using var harness = new EngineHarness();
        harness.WriteMd(BookLevelUpdateEncoder.TemplateId, Level(Side.Buy, BookAction.New, Px, 300));
        harness.WriteMd(BookLevelUpdateEncoder.TemplateId, Level(Side.Buy, BookAction.New, Px - Tick, 500));
        harness.WriteMd(BookLevelUpdateEncoder.TemplateId, Level(Side.Sell, BookAction.New, Px + Tick, 200));
        harness.Drain();

        var book = harness.Engine.Books.L2(EngineMessages.Aapl);
        Assert.Equal(Px, book.BestBidPrice);
        Assert.Equal(300, book.BestBidSize);
        Assert.Equal(2, book.BidLevelCount);
        ref InstrumentState state = ref harness.Engine.Instruments[EngineMessages.Aapl];
        Assert.Equal(Px, state.BidPrice);
        Assert.Equal(Px + Tick, state.AskPrice);

        harness.WriteMd(BookLevelUpdateEncoder.TemplateId, Level(Side.Buy, BookAction.Delete, Px, 0));
        harness.Drain();
        Assert.Equal(Px - Tick, book.BestBidPrice);
        Assert.Equal(Px - Tick, harness.Engine.Instruments[EngineMessages.Aapl].BidPrice);
        Assert.Equal(4, harness.Engine.Counters.MdBookUpdates.Get());
    }

    [Fact]
    public void L3Orders_BuildTheOrderBook_AndAnUnknownOrderIsRejectedAsBookInconsistent()
    {
        using var harness = new EngineHarness();
        harness.WriteMd(OrderAddEncoder.TemplateId, Add(1, Side.Buy, Px, 100));
        harness.WriteMd(OrderAddEncoder.TemplateId, Add(2, Side.Sell, Px + Tick, 70));
        harness.WriteMd(OrderExecuteEncoder.TemplateId, Execute(1, 40));
        harness.Drain();

        var book = harness.Engine.Books.L3(EngineMessages.Aapl)!;
        Assert.Equal(2, book.OrderCount);
        Assert.Equal(60, book.BestBidSize);
        Assert.Equal(Px + Tick, harness.Engine.Instruments[EngineMessages.Aapl].AskPrice);

        harness.WriteMd(OrderExecuteEncoder.TemplateId, Execute(99, 1));
        harness.Drain();
        Assert.Equal(1, harness.Engine.Counters.MdRejected.Get());
        Assert.Equal(1, harness.Engine.Counters.MdRejectsByReason[(1 * EngineCounters.ReasonCount) + (int)TickRejectReason.BookInconsistent].Get());
        Assert.Equal(60, book.BestBidSize);
    }

    [Fact]
    public void L2Levels_BelowTheKeptDepth_AreIgnoredAndCounted_NotRejected()
    {
        // a deeper feed than the engine keeps (IEX DEEP sends every level): 3 kept, 5 sent per side
        using var harness = new EngineHarness(customize: c => c with { L2Depth = 3 });
        for (int i = 0; i < 5; i++)
        {
            harness.WriteMd(BookLevelUpdateEncoder.TemplateId, Level(Side.Buy, BookAction.New, Px - (i * Tick), 100 + i));
        }

        // the dropped level 5 changes, then goes; an unknown price inside the kept range is still an inconsistency
        harness.WriteMd(BookLevelUpdateEncoder.TemplateId, Level(Side.Buy, BookAction.Change, Px - (4 * Tick), 900));
        harness.WriteMd(BookLevelUpdateEncoder.TemplateId, Level(Side.Buy, BookAction.Delete, Px - (4 * Tick), 0));
        harness.Drain();

        var book = harness.Engine.Books.L2(EngineMessages.Aapl);
        Assert.Equal(3, book.BidLevelCount);
        Assert.Equal([Px, Px - Tick, Px - (2 * Tick)], Enumerable.Range(0, 3).Select(i => book.GetLevel(Side.Buy, i).Price));
        Assert.Equal(0, harness.Engine.Counters.MdRejected.Get());
        Assert.True(harness.Engine.Counters.MdLevelsBeyondDepth.Get() >= 3, $"counted {harness.Engine.Counters.MdLevelsBeyondDepth.Get()}");

        harness.WriteMd(BookLevelUpdateEncoder.TemplateId, Level(Side.Buy, BookAction.Delete, Px + Tick, 0));
        harness.Drain();
        Assert.Equal(1, harness.Engine.Counters.MdRejectsByReason[(0 * EngineCounters.ReasonCount) + (int)TickRejectReason.BookInconsistent].Get());
        Assert.Equal(Px, book.BestBidPrice);
    }
}
