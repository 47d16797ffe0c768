using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Venues;

/// <summary>
/// Stop, stop-limit and trailing-stop orders at the simulated exchange (docs/VENUES.md, "Stop and trailing-stop
/// orders"): they wait armed until a trade print reaches their trigger, then meet the book as the market or limit
/// order they stand for. At-the-opening / at-the-close orders are refused on arrival: the venue runs no auctions.
/// </summary>
public sealed class SimulatedExchangeStopOrderTests
{
    private const long Unit = 100_000_000;
    private const int Instr = 0;
    private const long Entry = 1_000;
    private const long Ack = 500;
    private const long TakerFee = 300_000;

    private static long P(long cents) => cents * Unit / 100;

    private static SimulatedExchange NewExchange() =>
        new(new SimulatedExchangeOptions
        {
            VenueId = 1,
            EntryLatencyNs = Entry,
            AckLatencyNs = Ack,
            MakerFeePerUnit = -200_000,
            TakerFeePerUnit = TakerFee,
            InstrumentCount = 2,
            BookDepth = 8,
            OrderCapacity = 64,
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

    private static VenueOrder Stop(long id, Side side, long stopCents, long qty, TimeInForce tif = TimeInForce.Day) =>
        new(id, Instr, side, OrdType.Stop, tif, ExecInst.None, 0, qty, P(stopCents));

    private static VenueOrder StopLimit(long id, Side side, long stopCents, long limitCents, long qty) =>
        new(id, Instr, side, OrdType.StopLimit, TimeInForce.Day, ExecInst.None, P(limitCents), qty, P(stopCents));

    private static VenueOrder Trailing(long id, Side side, long qty, long trailPrice = 0, int trailBps = 0) =>
        new(id, Instr, side, OrdType.TrailingStop, TimeInForce.GoodTillCancel, ExecInst.None, 0, qty, 0, trailPrice, trailBps);

    private static ReportLog Poll(SimulatedExchange ex, long nowNs)
    {
        var log = new ReportLog();
        ex.Poll(nowNs, ref log);
        return log;
    }

    [Fact]
    public void BuyStop_WaitsUntriggered_ThenFillsAsAMarketOrderOnThePrintAtItsStop()
    {
        var ex = NewExchange();
        SeedBook(ex);
        Assert.Equal(VenueResult.Accepted, ex.Submit(Stop(1, Side.Buy, 10002, 150), 0));
        var acked = Poll(ex, 10_000);
        Assert.Equal(VenueReportKind.Ack, Assert.Single(acked.Reports).Kind);
        Assert.True(ex.IsArmed(1));
        Assert.Equal(P(10002), ex.StopPriceOf(1));

        // a print below a buy stop does not trigger it, even though the ask would fill it
        ex.OnTrade(Instr, P(10001), 10, 20_000);
        Assert.Empty(Poll(ex, 30_000).Reports);
        Assert.True(ex.IsArmed(1));

        ex.OnTrade(Instr, P(10002), 10, 40_000);
        var fills = Poll(ex, 50_000).Of(VenueReportKind.Fill);
        Assert.Equal(2, fills.Count);
        Assert.Equal((P(10001), 100L, Liquidity.Taker), (fills[0].Price, fills[0].LastQty, fills[0].Liquidity));
        Assert.Equal((P(10002), 50L, 0L), (fills[1].Price, fills[1].LastQty, fills[1].LeavesQty));
        Assert.Equal(40_000 + Ack, fills[0].TimestampNs);
        Assert.Equal(100 * TakerFee, fills[0].Fee);
        Assert.Equal(1, ex.TriggeredCount);
        Assert.Equal(0, ex.OrderCount);
    }

    [Fact]
    public void StopsTriggeredByOnePrint_EnterOldestFirst()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Stop(1, Side.Buy, 10001, 80), 0);
        ex.Submit(Stop(2, Side.Buy, 10001, 80), 0);
        ex.Submit(Stop(3, Side.Sell, 9000, 10), 0); // armed on the same instrument, untouched by the print
        ex.OnTrade(Instr, P(10001), 1, 10_000);
        var fills = Poll(ex, 20_000).Of(VenueReportKind.Fill);
        Assert.Equal(
            [(1L, P(10001), 80L), (2L, P(10001), 20L), (2L, P(10002), 60L)],
            fills.ConvertAll(f => (f.ClOrdId, f.Price, f.LastQty)));
        Assert.True(ex.IsArmed(3));
        ex.Cancel(3, 20_000);
        Assert.Equal(VenueReportKind.Canceled, Assert.Single(Poll(ex, 30_000).Reports).Kind);
        ex.Submit(Stop(4, Side.Sell, 9000, 10), 30_000); // the emptied list takes a new order
        ex.OnTrade(Instr, P(9000), 1, 40_000);
        Assert.Equal(4L, Assert.Single(Poll(ex, 50_000).Of(VenueReportKind.Fill)).ClOrdId);
    }

    [Fact]
    public void SellStop_GappedThrough_TriggersAndSellsAtTheBid()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Stop(1, Side.Sell, 9995, 80), 0);
        ex.OnTrade(Instr, P(9996), 5, 10_000);
        Assert.True(ex.IsArmed(1));

        ex.OnTrade(Instr, P(9990), 5, 20_000); // through the stop, not at it
        var fill = Assert.Single(Poll(ex, 30_000).Of(VenueReportKind.Fill));
        Assert.Equal((P(10000), 80L, 0L), (fill.Price, fill.LastQty, fill.LeavesQty));
    }

    [Fact]
    public void StopMarket_BeyondDisplayedLiquidity_RemainderCanceledLikeAMarketOrder()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Stop(1, Side.Sell, 10000, 500, TimeInForce.GoodTillCancel), 0);
        ex.OnTrade(Instr, P(10000), 1, 10_000);
        var log = Poll(ex, 20_000);
        Assert.Equal(300, log.Of(VenueReportKind.Fill).Sum(f => f.LastQty));
        Assert.Equal(300, Assert.Single(log.Of(VenueReportKind.Canceled)).CumQty);
        Assert.Equal(0, ex.OrderCount);
    }

    [Fact]
    public void StopLimit_AfterTrigger_FillsPartlyUpToItsLimit_RestsTheRest_AndFillsLaterAsMaker()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(StopLimit(1, Side.Buy, 10001, 10002, 400), 0);
        ex.OnTrade(Instr, P(10001), 10, 10_000);
        var log = Poll(ex, 20_000);
        var fills = log.Of(VenueReportKind.Fill);
        Assert.Equal(2, fills.Count);
        Assert.Equal((P(10002), 200L, 100L), (fills[1].Price, fills[1].LastQty, fills[1].LeavesQty));
        Assert.Empty(log.Of(VenueReportKind.Canceled));
        Assert.False(ex.IsArmed(1));
        Assert.Equal(0, ex.QueueAheadOf(1)); // resting at its limit now, a buy at 100.02 with no market bid there

        ex.OnTrade(Instr, P(10002), 60, 30_000);
        var maker = Assert.Single(Poll(ex, 40_000).Of(VenueReportKind.Fill));
        Assert.Equal((P(10002), 60L, Liquidity.Maker, 40L), (maker.Price, maker.LastQty, maker.Liquidity, maker.LeavesQty));
    }

    [Fact]
    public void StopLimit_TriggeredWhereItsLimitDoesNotCross_RestsWithoutFilling()
    {
        var ex = NewExchange();
        SeedBook(ex);
        // sell stop 100.00 with limit 100.01: triggered by the print at 100.00, but the bid does not reach 100.01
        ex.Submit(StopLimit(1, Side.Sell, 10000, 10001, 50), 0);
        ex.OnTrade(Instr, P(10000), 10, 10_000);
        Assert.Empty(Poll(ex, 20_000).Of(VenueReportKind.Fill));
        Assert.False(ex.IsArmed(1));
        Assert.True(ex.QueueAheadOf(1) >= 0);
    }

    [Fact]
    public void Cancel_BeforeTrigger_EndsTheOrder_AndALaterPrintFillsNothing()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Stop(1, Side.Buy, 10002, 10), 0);
        Poll(ex, 10_000);
        Assert.Equal(VenueResult.Accepted, ex.Cancel(1, 10_000));
        var canceled = Assert.Single(Poll(ex, 20_000).Reports);
        Assert.Equal((VenueReportKind.Canceled, 1L), (canceled.Kind, canceled.ClOrdId));
        Assert.False(ex.Holds(1));

        ex.OnTrade(Instr, P(10005), 10, 30_000);
        Assert.Empty(Poll(ex, 40_000).Reports);
        Assert.Equal(0, ex.TriggeredCount);
        Assert.Equal(0, ex.OrderCount);
    }

    [Fact]
    public void ReplaceStop_BeforeTrigger_MovesTheTriggerUnderTheNewId()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(StopLimit(1, Side.Buy, 10005, 10005, 30), 0);
        Poll(ex, 10_000);
        Assert.Equal(VenueResult.Accepted, ex.ReplaceStop(1, 2, P(10001), P(10001), 40, 10_000));
        var replaced = Assert.Single(Poll(ex, 20_000).Reports);
        Assert.Equal((VenueReportKind.Replaced, 2L, 1L, 40L), (replaced.Kind, replaced.ClOrdId, replaced.OrigClOrdId, replaced.LeavesQty));
        Assert.True(ex.IsArmed(2));
        Assert.False(ex.Holds(1));
        Assert.Equal(P(10001), ex.StopPriceOf(2));

        // 100.01 no longer short of the stop: triggers, takes the 100 at 100.01 up to its new 40
        ex.OnTrade(Instr, P(10001), 1, 30_000);
        var fill = Assert.Single(Poll(ex, 40_000).Of(VenueReportKind.Fill));
        Assert.Equal((2L, P(10001), 40L, 0L), (fill.ClOrdId, fill.Price, fill.LastQty, fill.LeavesQty));
    }

    [Fact]
    public void ReplaceStop_OfATrailingStop_IsRefused_AndTheOrderKeepsTrailing()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Trailing(1, Side.Sell, 10, trailPrice: P(10)), 0);
        ex.ReplaceStop(1, 2, P(9990), 0, 10, 10_000);
        var refused = Assert.Single(Poll(ex, 20_000).Of(VenueReportKind.CancelRejected));
        Assert.Equal((VenueRejectCode.InvalidStopPrice, 2L, 1L), (refused.RejectCode, refused.ClOrdId, refused.OrigClOrdId));
        Assert.True(ex.IsArmed(1));
    }

    [Fact]
    public void TrailingSellStop_FollowsTheHighWaterMark_AndTriggersAtHighWaterMinusTrail()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Trailing(1, Side.Sell, 50, trailPrice: P(10)), 0);
        Poll(ex, 10_000);
        Assert.Equal(0, ex.StopPriceOf(1)); // no print yet: no water mark

        ex.OnTrade(Instr, P(10000), 1, 10_000);
        Assert.Equal(P(9990), ex.StopPriceOf(1));
        ex.OnTrade(Instr, P(10020), 1, 20_000);
        Assert.Equal(P(10010), ex.StopPriceOf(1));
        ex.OnTrade(Instr, P(10011), 1, 30_000); // lower, above the trigger: the stop does not move down
        Assert.Equal(P(10010), ex.StopPriceOf(1));
        Assert.Empty(Poll(ex, 40_000).Reports);

        ex.OnTrade(Instr, P(10010), 1, 50_000);
        var fill = Assert.Single(Poll(ex, 60_000).Of(VenueReportKind.Fill));
        Assert.Equal((P(10000), 50L, 0L), (fill.Price, fill.LastQty, fill.LeavesQty));
        Assert.Equal(1, ex.TriggeredCount);
    }

    [Fact]
    public void TrailingBuyStop_InBasisPoints_FollowsTheLowWaterMark_AndTriggersAtLowWaterPlusTrail()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Trailing(1, Side.Buy, 20, trailBps: 100), 0); // 1%
        ex.OnTrade(Instr, P(10000), 1, 10_000);
        Assert.Equal(P(10100), ex.StopPriceOf(1));
        ex.OnTrade(Instr, P(9900), 1, 20_000);
        Assert.Equal(P(9999), ex.StopPriceOf(1)); // 99.00 + 0.99
        ex.OnTrade(Instr, P(9850), 1, 25_000);
        Assert.Equal(P(9948) + 50 * Unit / 10_000, ex.StopPriceOf(1)); // 98.50 + 0.985
        ex.OnTrade(Instr, P(9948), 1, 30_000); // up, short of the trigger: the stop does not move up
        Assert.Equal(P(9948) + 50 * Unit / 10_000, ex.StopPriceOf(1));
        Assert.True(ex.IsArmed(1));

        ex.OnTrade(Instr, P(9949), 1, 40_000);
        var fill = Assert.Single(Poll(ex, 50_000).Of(VenueReportKind.Fill));
        Assert.Equal((P(10001), 20L), (fill.Price, fill.LastQty));
    }

    [Fact]
    public void AtTheOpeningAndAtTheClose_AreRejectedOnArrival_TheVenueRunsNoAuctions()
    {
        var ex = NewExchange();
        SeedBook(ex);
        Assert.Equal(VenueResult.Accepted, ex.Submit(new VenueOrder(1, Instr, Side.Buy, OrdType.Limit, TimeInForce.AtTheOpening, ExecInst.None, P(10001), 10), 0));
        Assert.Equal(VenueResult.Accepted, ex.Submit(new VenueOrder(2, Instr, Side.Sell, OrdType.Market, TimeInForce.AtTheClose, ExecInst.None, 0, 10), 0));
        var log = Poll(ex, 10_000);
        Assert.Equal(2, log.Reports.Count);
        Assert.All(log.Reports, r =>
        {
            Assert.Equal(VenueReportKind.Rejected, r.Kind);
            Assert.Equal(RejectReason.UnsupportedTimeInForce, r.RejectReason);
            Assert.Equal(VenueRejectCode.UnsupportedTimeInForce, r.RejectCode);
        });
        Assert.Empty(log.Of(VenueReportKind.Fill));
        Assert.Equal(2, ex.UnsupportedTimeInForceRejects);
        Assert.Equal(0, ex.OrderCount);
    }

    [Fact]
    public void DayStop_ExpiresUntriggered_GtcStopStays()
    {
        var ex = NewExchange();
        SeedBook(ex);
        ex.Submit(Stop(1, Side.Buy, 10050, 10), 0);
        ex.Submit(Stop(2, Side.Buy, 10050, 10, TimeInForce.GoodTillCancel), 0);
        Assert.Equal(1, ex.ExpireDayOrders(10_000));
        Assert.Equal(1L, Assert.Single(Poll(ex, 20_000).Of(VenueReportKind.Expired)).ClOrdId);
        Assert.True(ex.IsArmed(2));
    }

    [Fact]
    public void InvalidStopTerms_ReturnCodes()
    {
        var ex = NewExchange();
        Assert.Equal(VenueResult.InvalidStopPrice, ex.Submit(Stop(1, Side.Buy, 0, 10), 0));
        Assert.Equal(VenueResult.InvalidPrice, ex.Submit(StopLimit(1, Side.Buy, 10001, 0, 10), 0));
        Assert.Equal(VenueResult.InvalidTrail, ex.Submit(Trailing(1, Side.Sell, 10), 0));
        Assert.Equal(VenueResult.InvalidTrail, ex.Submit(Trailing(1, Side.Sell, 10, trailPrice: P(10), trailBps: 50), 0));
        Assert.Equal(VenueResult.InvalidTrail, ex.Submit(Trailing(1, Side.Sell, 10, trailBps: 10_000), 0));
        Assert.Equal(VenueResult.InvalidStopPrice, ex.ReplaceStop(1, 2, 0, 0, 10, 0));
        Assert.Equal(0, ex.OrderCount);
    }

    [Fact]
    public void SteadyState_WithStopsAndTrailingStops_AllocatesNothing()
    {
        var ex = NewExchange();
        var handler = new CountingHandler();
        for (int round = 0; round < 3; round++)
        {
            RunRound(ex, ref handler, round);
        }

        long triggeredBefore = ex.TriggeredCount;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 3; round < 200; round++)
        {
            RunRound(ex, ref handler, round);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(0, ex.OrderCount);
        Assert.Equal(0, ex.DroppedReports);
        Assert.Equal(197 * 3, ex.TriggeredCount - triggeredBefore);
        Assert.True(handler.FilledQty > 0);
    }

    private static void RunRound(SimulatedExchange ex, ref CountingHandler handler, int round)
    {
        long t = round * 1_000_000L;
        ex.OnQuote(Instr, P(10000), 100, P(10001), 100, t);
        long id = round * 10L;
        ex.Submit(Stop(id + 1, Side.Buy, 10001, 20), t);
        ex.Submit(StopLimit(id + 2, Side.Sell, 10000, 10000, 20), t);
        ex.Submit(Trailing(id + 3, Side.Sell, 20, trailBps: 5), t);
        ex.Submit(Stop(id + 4, Side.Buy, 20000, 20), t);
        ex.Submit(new VenueOrder(id + 5, Instr, Side.Buy, OrdType.Limit, TimeInForce.AtTheClose, ExecInst.None, P(10000), 1), t);
        ex.Poll(t + 10_000, ref handler);
        ex.ReplaceStop(id + 4, id + 6, P(30000), 0, 10, t + 10_000);
        ex.OnTrade(Instr, P(10001), 1, t + 20_000);
        ex.OnTrade(Instr, P(10000), 1, t + 30_000);
        ex.OnTrade(Instr, P(9990), 1, t + 40_000);
        ex.Cancel(id + 6, t + 40_000);
        ex.Poll(t + 50_000, ref handler);
    }
}
