using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Venues;

public sealed class SimulatedExchangeTests
{
    private const long Unit = 100_000_000;
    private const int Instr = 0;
    private const long Entry = 1_000;
    private const long Ack = 500;
    private const long MakerFee = -200_000; // 0.002 rebate per unit
    private const long TakerFee = 300_000;  // 0.003 per unit

    private static long P(long cents) => cents * Unit / 100;

    private static SimulatedExchange NewExchange(int orderCapacity = 64, long entry = Entry, long ack = Ack) =>
        new(new SimulatedExchangeOptions
        {
            VenueId = 1,
            Name = "SIM",
            EntryLatencyNs = entry,
            AckLatencyNs = ack,
            MakerFeePerUnit = MakerFee,
            TakerFeePerUnit = TakerFee,
            InstrumentCount = 2,
            BookDepth = 8,
            OrderCapacity = orderCapacity,
            RequestCapacity = 64,
            ReportCapacity = 256,
        });

    /// <summary>Bids 100.00 x 100, 99.99 x 200; asks 100.01 x 100, 100.02 x 200, 100.03 x 300.</summary>
    private static void SeedBook(SimulatedExchange ex, long nowNs = 0)
    {
        ex.OnBookLevel(Instr, Side.Buy, P(10000), 100, nowNs);
        ex.OnBookLevel(Instr, Side.Buy, P(9999), 200, nowNs);
        ex.OnBookLevel(Instr, Side.Sell, P(10001), 100, nowNs);
        ex.OnBookLevel(Instr, Side.Sell, P(10002), 200, nowNs);
        ex.OnBookLevel(Instr, Side.Sell, P(10003), 300, nowNs);
    }

    private static VenueOrder Limit(long id, Side side, long cents, long qty, TimeInForce tif = TimeInForce.Day, ExecInst inst = ExecInst.None) =>
        new(id, Instr, side, OrdType.Limit, tif, inst, P(cents), qty);

    private static VenueOrder Market(long id, Side side, long qty) =>
        new(id, Instr, side, OrdType.Market, TimeInForce.ImmediateOrCancel, ExecInst.None, 0, qty);

    private static ReportLog PollAll(SimulatedExchange ex, long nowNs = 1_000_000_000)
    {
        var log = new ReportLog();
        ex.Poll(nowNs, ref log);
        return log;
    }

    [Fact]
    public void MarketBuy_TakesTheAskAndWalksLevels()
    {
        var ex = NewExchange();
        SeedBook(ex);
        Assert.Equal(VenueResult.Accepted, ex.Submit(Market(1, Side.Buy, 250), 0));
        var log = PollAll(ex);
        var fills = log.Of(VenueReportKind.Fill);
        Assert.Equal(VenueReportKind.Ack, log.Reports[0].Kind);
        Assert.Equal(2, fills.Count);
        Assert.Equal((P(10001), 100L), (fills[0].Price, fills[0].LastQty));
        Assert.Equal((P(10002), 150L), (fills[1].Price, fills[1].LastQty));
        Assert.Equal(0, fills[1].LeavesQty);
        Assert.All(fills, f => Assert.Equal(Liquidity.Taker, f.Liquidity));
        // consumed liquidity stays gone until the market refreshes the level
        Assert.Equal(0, ex.AvailableQty(Instr, Side.Sell, P(10001)));
        Assert.Equal(50, ex.AvailableQty(Instr, Side.Sell, P(10002)));
        ex.OnBookLevel(Instr, Side.Sell, P(10002), 120, 10);
        Assert.Equal(120, ex.AvailableQty(Instr, Side.Sell, P(10002)));
    }

    [Fact]
    public void MarketOrder_BeyondDisplayedLiquidity_RemainderCanceled()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Market(1, Side.Sell, 500), 0);
        var log = PollAll(ex);
        Assert.Equal(300, log.Of(VenueReportKind.Fill).Sum(f => f.LastQty));
        var cancel = Assert.Single(log.Of(VenueReportKind.Canceled));
        Assert.Equal(300, cancel.CumQty);
        Assert.Equal(0, ex.OrderCount);
    }

    [Fact]
    public void LimitAtTouch_PartiallyFills_ThenRests()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10001, 150), 0);
        var log = PollAll(ex);
        var fill = Assert.Single(log.Of(VenueReportKind.Fill));
        Assert.Equal((P(10001), 100L, 50L), (fill.Price, fill.LastQty, fill.LeavesQty));
        Assert.Empty(log.Of(VenueReportKind.Canceled));
        Assert.Equal(1, ex.OrderCount);
        // rests at 100.01 where the bid side shows nothing: first in line
        Assert.Equal(0, ex.QueueAheadOf(1));
    }

    [Fact]
    public void Ioc_RemainderCanceled()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10002, 400, TimeInForce.ImmediateOrCancel), 0);
        var log = PollAll(ex);
        Assert.Equal(new long[] { 100, 200 }, log.Of(VenueReportKind.Fill).Select(f => f.LastQty));
        var cancel = Assert.Single(log.Of(VenueReportKind.Canceled));
        Assert.Equal(300, cancel.CumQty);
        Assert.Equal(0, ex.OrderCount);
    }

    [Fact]
    public void Fok_EnoughLiquidity_FillsEntirely()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10003, 600, TimeInForce.FillOrKill), 0);
        var log = PollAll(ex);
        Assert.Equal(600, log.Of(VenueReportKind.Fill).Sum(f => f.LastQty));
        Assert.Empty(log.Of(VenueReportKind.Canceled));
    }

    [Fact]
    public void Fok_NotEnoughWithinLimit_NothingFills()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10002, 301, TimeInForce.FillOrKill), 0);
        var log = PollAll(ex);
        Assert.Empty(log.Of(VenueReportKind.Fill));
        Assert.Single(log.Of(VenueReportKind.Canceled));
        Assert.Equal(100, ex.AvailableQty(Instr, Side.Sell, P(10001)));
    }

    [Fact]
    public void PostOnly_Crossing_Rejected_NonCrossing_Rests()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10001, 10, inst: ExecInst.PostOnly), 0);
        ex.Submit(Limit(2, Side.Buy, 10000, 10, inst: ExecInst.PostOnly), 0);
        var log = PollAll(ex);
        var reject = Assert.Single(log.Of(VenueReportKind.Rejected));
        Assert.Equal(1, reject.ClOrdId);
        Assert.Equal(VenueRejectCode.PostOnlyWouldCross, reject.RejectCode);
        Assert.Equal(RejectReason.VenueReject, reject.RejectReason);
        var ack = Assert.Single(log.Of(VenueReportKind.Ack));
        Assert.Equal(2, ack.ClOrdId);
        Assert.Equal(100, ex.QueueAheadOf(2));
    }

    [Fact]
    public void Resting_PrintsAtItsPrice_ConsumeQueueAheadThenFill()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10000, 50), 0);
        PollAll(ex, Entry);
        Assert.Equal(100, ex.QueueAheadOf(1));

        ex.OnTrade(Instr, P(10000), 60, 2_000);
        Assert.Equal(40, ex.QueueAheadOf(1));
        ex.OnTrade(Instr, P(10000), 60, 3_000); // 40 ahead, then 20 to us
        ex.OnTrade(Instr, P(10000), 45, 4_000); // 30 left → fills, 15 spare
        var fills = PollAll(ex).Of(VenueReportKind.Fill);
        Assert.Equal(new long[] { 20, 30 }, fills.Select(f => f.LastQty));
        Assert.Equal(new long[] { 30, 0 }, fills.Select(f => f.LeavesQty));
        Assert.All(fills, f => Assert.Equal((P(10000), Liquidity.Maker), (f.Price, f.Liquidity)));
        Assert.Equal(0, ex.OrderCount);
    }

    [Fact]
    public void Resting_PrintThroughItsPrice_FillsUpToPrintSize()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10000, 50), 0);
        ex.Submit(Limit(2, Side.Sell, 10003, 80), 0);
        PollAll(ex, Entry);
        ex.OnTrade(Instr, P(9999), 30, 2_000);  // below our bid: through us, queue ignored
        ex.OnTrade(Instr, P(10004), 500, 2_000); // above our offer: fills all of it
        var fills = PollAll(ex).Of(VenueReportKind.Fill);
        Assert.Equal(2, fills.Count);
        Assert.Equal((1L, P(10000), 30L, 20L), (fills[0].ClOrdId, fills[0].Price, fills[0].LastQty, fills[0].LeavesQty));
        Assert.Equal((2L, P(10003), 80L, 0L), (fills[1].ClOrdId, fills[1].Price, fills[1].LastQty, fills[1].LeavesQty));
    }

    [Fact]
    public void DisplayedDecrease_CancellationsReduceQueueAheadProportionally_PrintsNotCountedTwice()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10000, 50), 0);
        PollAll(ex, Entry);
        Assert.Equal(100, ex.QueueAheadOf(1));
        // 100 → 60 displayed (no print): 40 cancelled; our share ahead 100/100 → ahead 60
        ex.OnBookLevel(Instr, Side.Buy, P(10000), 60, 2_000);
        Assert.Equal(60, ex.QueueAheadOf(1));
        // size grows behind us: ahead unchanged
        ex.OnBookLevel(Instr, Side.Buy, P(10000), 160, 3_000);
        Assert.Equal(60, ex.QueueAheadOf(1));
        // 40 cancelled out of 160, we have 60 of 160 ahead → ahead −15
        ex.OnBookLevel(Instr, Side.Buy, P(10000), 120, 4_000);
        Assert.Equal(45, ex.QueueAheadOf(1));
        // a print of 20 then the feed showing the level down by 20: ahead drops by 20 once
        ex.OnTrade(Instr, P(10000), 20, 5_000);
        ex.OnBookLevel(Instr, Side.Buy, P(10000), 100, 5_001);
        Assert.Equal(25, ex.QueueAheadOf(1));
        // level gone: we are at the front
        ex.OnBookLevel(Instr, Side.Buy, P(10000), 0, 6_000);
        Assert.Equal(0, ex.QueueAheadOf(1));
    }

    [Fact]
    public void OurOrders_PriceTimePriority()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.OnBookLevel(Instr, Side.Buy, P(10000), 0, 0); // empty level so queue ahead is ours only
        ex.Submit(Limit(1, Side.Buy, 10000, 10), 0);
        ex.Submit(Limit(2, Side.Buy, 10000, 10), 1);
        ex.Submit(Limit(3, Side.Buy, 9999, 10), 2);   // worse price: behind 200 displayed
        ex.Submit(Limit(4, Side.Buy, 10000, 10), 3);
        PollAll(ex, 10_000);
        ex.OnTrade(Instr, P(10000), 25, 20_000);
        var fills = PollAll(ex).Of(VenueReportKind.Fill);
        Assert.Equal(new long[] { 1, 2, 4 }, fills.Select(f => f.ClOrdId));
        Assert.Equal(new long[] { 10, 10, 5 }, fills.Select(f => f.LastQty));
        // a print through 100.00 reaches the better price first
        ex.OnTrade(Instr, P(9998), 7, 30_000);
        fills = PollAll(ex).Of(VenueReportKind.Fill);
        Assert.Equal(new long[] { 4, 3 }, fills.Select(f => f.ClOrdId));
        Assert.Equal(new long[] { 5, 2 }, fills.Select(f => f.LastQty));
    }

    [Fact]
    public void Cancel_WorkingOrder_Canceled_UnknownOrder_Rejected()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10000, 50), 0);
        Assert.Equal(VenueResult.Accepted, ex.Cancel(1, 10));
        Assert.Equal(VenueResult.Accepted, ex.Cancel(99, 10));
        var log = PollAll(ex);
        var canceled = Assert.Single(log.Of(VenueReportKind.Canceled));
        Assert.Equal((1L, 10 + Entry + Ack), (canceled.ClOrdId, canceled.TimestampNs));
        var reject = Assert.Single(log.Of(VenueReportKind.CancelRejected));
        Assert.Equal((99L, RejectReason.UnknownOrder), (reject.ClOrdId, reject.RejectReason));
        Assert.Equal(0, ex.OrderCount);
        // cancelling it again: gone, rejected
        ex.Cancel(1, 20_000);
        Assert.Single(PollAll(ex).Of(VenueReportKind.CancelRejected));
    }

    [Fact]
    public void Replace_QtyDown_KeepsPriority_PriceChange_LosesIt()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10000, 50), 0);
        ex.Submit(Limit(2, Side.Buy, 10000, 50), 0);
        PollAll(ex, Entry);
        ex.OnTrade(Instr, P(10000), 70, 2_000); // ahead 100 → 30 for both
        ex.OnBookLevel(Instr, Side.Buy, P(10000), 30, 2_001); // the feed shows the print: not counted twice
        ex.Replace(1, 11, P(10000), 40, 3_000);
        var log = PollAll(ex);
        var replaced = Assert.Single(log.Of(VenueReportKind.Replaced));
        Assert.Equal((11L, 1L, 40L), (replaced.ClOrdId, replaced.OrigClOrdId, replaced.LeavesQty));
        Assert.Equal(30, ex.QueueAheadOf(11));
        Assert.Equal(-1, ex.QueueAheadOf(1));

        // price away and back: back of the queue behind displayed and behind order 2
        ex.Replace(11, 12, P(9999), 40, 10_000);
        ex.Replace(12, 13, P(10000), 40, 11_000);
        PollAll(ex);
        Assert.Equal(30, ex.QueueAheadOf(13));
        ex.OnTrade(Instr, P(10000), 90, 20_000); // 30 market ahead of 2, 50 to order 2, 10 to 13
        var fills = PollAll(ex).Of(VenueReportKind.Fill);
        Assert.Equal(new long[] { 2, 13 }, fills.Select(f => f.ClOrdId));
        Assert.Equal(new long[] { 50, 10 }, fills.Select(f => f.LastQty));
        Assert.Equal(0, ex.QueueAheadOf(13));
    }

    [Fact]
    public void Replace_UnknownOrder_Rejected()
    {
        var ex = NewExchange();
        ex.Replace(5, 6, P(10000), 10, 0);
        var reject = Assert.Single(PollAll(ex).Reports);
        Assert.Equal(VenueReportKind.CancelRejected, reject.Kind);
        Assert.Equal((6L, 5L, VenueRejectCode.UnknownOrder), (reject.ClOrdId, reject.OrigClOrdId, reject.RejectCode));
    }

    [Fact]
    public void Latency_NothingBeforeEntry_ReportsAtEntryPlusAck()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10001, 150), 100);
        // the market changes before the order arrives: the order sees the new market
        ex.OnBookLevel(Instr, Side.Sell, P(10001), 30, 100 + Entry - 1);
        Assert.Equal(30, ex.AvailableQty(Instr, Side.Sell, P(10001)));
        var log = new ReportLog();
        Assert.Equal(0, ex.Poll(100 + Entry + Ack - 1, ref log));
        Assert.Equal(30, ex.AvailableQty(Instr, Side.Sell, P(10001)) + 30); // arrived: liquidity taken, not yet reported
        Assert.Equal(2, ex.Poll(100 + Entry + Ack, ref log));
        Assert.Equal((VenueReportKind.Ack, 100 + Entry + Ack, 100 + Entry), (log.Reports[0].Kind, log.Reports[0].TimestampNs, log.Reports[0].VenueTimeNs));
        Assert.Equal((VenueReportKind.Fill, 30L), (log.Reports[1].Kind, log.Reports[1].LastQty));

        // a print fill at t is reported at t + ack
        ex.OnTrade(Instr, P(10001), 500, 50_000);
        Assert.Equal(0, ex.Poll(50_000 + Ack - 1, ref log));
        Assert.Equal(1, ex.Poll(50_000 + Ack, ref log));
        Assert.Equal(120, log.Reports[2].LastQty);
    }

    [Fact]
    public void Latency_OrderNotLiveBeforeEntry_PrintBeforeArrivalDoesNotFill()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10000, 10), 0);
        ex.OnTrade(Instr, P(9990), 1_000, Entry - 1);
        Assert.Empty(PollAll(ex).Of(VenueReportKind.Fill));
        ex.OnTrade(Instr, P(9990), 1_000, Entry);
        Assert.Single(PollAll(ex).Of(VenueReportKind.Fill));
    }

    [Fact]
    public void Fees_MakerAndTaker_Exact()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Market(1, Side.Buy, 120), 0);
        ex.Submit(Limit(2, Side.Sell, 10005, 7), 0);
        PollAll(ex, Entry);
        ex.OnTrade(Instr, P(10006), 7, 5_000);
        var fills = PollAll(ex).Of(VenueReportKind.Fill);
        Assert.Equal(new long[] { 100 * TakerFee, 20 * TakerFee, 7 * MakerFee }, fills.Select(f => f.Fee));
        Assert.Equal(-1_400_000, fills[2].Fee); // a rebate of 0.014
    }

    [Fact]
    public void CrossedByMarket_RestingOrderFilledAsMakerAtItsPrice()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 10000, 50), 0);
        PollAll(ex, Entry);
        ex.OnQuote(Instr, P(9999), 200, P(9998), 20, 2_000);
        var fill = Assert.Single(PollAll(ex).Of(VenueReportKind.Fill));
        Assert.Equal((P(10000), 20L, Liquidity.Maker), (fill.Price, fill.LastQty, fill.Liquidity));
    }

    [Fact]
    public void CapacityFull_Rejected_ThenFreedSlotReused()
    {
        var ex = NewExchange(orderCapacity: 2);
        SeedBook(ex);
        Assert.Equal(VenueResult.Accepted, ex.Submit(Limit(1, Side.Buy, 9000, 1), 0));
        Assert.Equal(VenueResult.DuplicateClOrdId, ex.Submit(Limit(1, Side.Buy, 9000, 1), 0));
        Assert.Equal(VenueResult.Accepted, ex.Submit(Limit(2, Side.Buy, 9000, 1), 0));
        Assert.Equal(VenueResult.OrderCapacityFull, ex.Submit(Limit(3, Side.Buy, 9000, 1), 0));
        ex.Cancel(1, 0);
        PollAll(ex);
        Assert.Equal(VenueResult.Accepted, ex.Submit(Limit(3, Side.Buy, 9000, 1), 10_000));
    }

    [Fact]
    public void InvalidRequests_ReturnCodes()
    {
        var ex = NewExchange();
        Assert.Equal(VenueResult.UnknownInstrument, ex.Submit(new VenueOrder(1, 7, Side.Buy, OrdType.Limit, TimeInForce.Day, ExecInst.None, P(100), 1), 0));
        Assert.Equal(VenueResult.InvalidQty, ex.Submit(Limit(1, Side.Buy, 10000, 0), 0));
        Assert.Equal(VenueResult.InvalidPrice, ex.Submit(Limit(1, Side.Buy, 0, 1), 0));
        Assert.Equal(VenueResult.UnsupportedOrdType, ex.Submit(new VenueOrder(1, 0, Side.Buy, (OrdType)'9', TimeInForce.Day, ExecInst.None, P(100), 1), 0));
        Assert.Equal(VenueResult.InvalidStopPrice, ex.Submit(new VenueOrder(1, 0, Side.Buy, OrdType.Stop, TimeInForce.Day, ExecInst.None, P(100), 1), 0));
    }

    [Fact]
    public void DayOrders_Expire()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Limit(1, Side.Buy, 9000, 1), 0);
        ex.Submit(Limit(2, Side.Buy, 9000, 1, TimeInForce.GoodTillCancel), 0);
        Assert.Equal(1, ex.ExpireDayOrders(10_000));
        Assert.Equal(1L, Assert.Single(PollAll(ex).Of(VenueReportKind.Expired)).ClOrdId);
    }

    [Fact]
    public void SteadyState_AllocatesNothing()
    {
        var ex = NewExchange();
        var handler = new CountingHandler();
        for (int round = 0; round < 3; round++)
        {
            RunRound(ex, ref handler, round);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 3; round < 200; round++)
        {
            RunRound(ex, ref handler, round);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(0, ex.OrderCount);
        Assert.Equal(0, ex.DroppedReports);
        Assert.True(handler.FilledQty > 0);
    }

    private static void RunRound(SimulatedExchange ex, ref CountingHandler handler, int round)
    {
        long t = round * 1_000_000L;
        ex.OnQuote(Instr, P(10000), 100, P(10001), 100, t);
        ex.OnBookLevel(Instr, Side.Sell, P(10002), 200, t);
        long id = round * 10L;
        ex.Submit(Market(id + 1, Side.Buy, 150), t);
        ex.Submit(Limit(id + 2, Side.Buy, 10000, 50), t);
        ex.Submit(Limit(id + 3, Side.Buy, 10002, 60, TimeInForce.FillOrKill), t);
        ex.Poll(t + 10_000, ref handler);
        ex.Replace(id + 2, id + 4, P(10000), 40, t + 10_000);
        ex.OnTrade(Instr, P(10000), 300, t + 20_000);
        ex.OnBookLevel(Instr, Side.Buy, P(10000), 0, t + 30_000);
        ex.Poll(t + 40_000, ref handler);
    }
}
