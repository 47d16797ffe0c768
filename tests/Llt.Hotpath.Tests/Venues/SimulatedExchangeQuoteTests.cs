using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Venues;

/// <summary>
/// The quote path (<see cref="SimulatedExchange.OnQuote"/>): the venue's depth is built from quote history, and the
/// queue positions of our resting orders follow what each quote does to their level (docs/VENUES.md).
/// </summary>
public sealed class SimulatedExchangeQuoteTests
{
    private const long Unit = 100_000_000;
    private const int Instr = 0;
    private const long Entry = 1_000;

    private static long P(long cents) => cents * Unit / 100;

    private static SimulatedExchange NewExchange(int depth = 4, long share = SimulatedExchangeOptions.FullShare) =>
        new(new SimulatedExchangeOptions
        {
            VenueId = 1,
            Name = "SIM",
            EntryLatencyNs = Entry,
            AckLatencyNs = 500,
            InstrumentCount = 2,
            BookDepth = depth,
            OrderCapacity = 16,
            RequestCapacity = 16,
            ReportCapacity = 64,
            LiquidityShare = share,
        });

    private static VenueOrder Limit(long id, Side side, long cents, long qty) =>
        new(id, Instr, side, OrdType.Limit, TimeInForce.Day, ExecInst.None, P(cents), qty);

    private static ReportLog PollAll(SimulatedExchange ex, long nowNs = 1_000_000_000)
    {
        var log = new ReportLog();
        ex.Poll(nowNs, ref log);
        return log;
    }

    [Fact]
    public void QuotesMovingAway_LeaveTheOldTopsAsDepth()
    {
        var ex = NewExchange();
        ex.OnQuote(Instr, P(10000), 100, P(10001), 110, 0);
        ex.OnQuote(Instr, P(10001), 120, P(10002), 130, 1); // the market moves up a tick
        // the bid side keeps 100.00 behind the new top; the ask side dropped 100.01 (better than the new ask)
        Assert.Equal(120, ex.AvailableQty(Instr, Side.Buy, P(10001)));
        Assert.Equal(100, ex.AvailableQty(Instr, Side.Buy, P(10000)));
        Assert.Equal(0, ex.AvailableQty(Instr, Side.Sell, P(10001)));
        Assert.Equal(130, ex.AvailableQty(Instr, Side.Sell, P(10002)));
        Assert.True(ex.TryGetTouch(Instr, Side.Sell, out long askPx, out long askQty));
        Assert.Equal((P(10002), 130L), (askPx, askQty));
        Assert.True(ex.TryGetTouch(Instr, Side.Buy, out long bidPx, out long bidQty));
        Assert.Equal((P(10001), 120L), (bidPx, bidQty));
    }

    [Fact]
    public void Depth_KeepsTheBestLevels_UpToBookDepth()
    {
        var ex = NewExchange(depth: 3);
        for (int i = 0; i < 5; i++)
        {
            // bids stepping up: each quote's bid is a new top, the older ones stay below it until depth runs out
            ex.OnQuote(Instr, P(10000 + i), 100 + i, P(10100), 50, i);
        }

        Assert.Equal(104, ex.AvailableQty(Instr, Side.Buy, P(10004)));
        Assert.Equal(103, ex.AvailableQty(Instr, Side.Buy, P(10003)));
        Assert.Equal(102, ex.AvailableQty(Instr, Side.Buy, P(10002)));
        Assert.Equal(0, ex.AvailableQty(Instr, Side.Buy, P(10001)));
        Assert.Equal(0, ex.AvailableQty(Instr, Side.Buy, P(10000)));

        // a quote back down removes the better levels: 100.04 and 100.03 go, 100.02 is refreshed
        ex.OnQuote(Instr, P(10002), 77, P(10100), 50, 10);
        Assert.Equal(0, ex.AvailableQty(Instr, Side.Buy, P(10004)));
        Assert.Equal(0, ex.AvailableQty(Instr, Side.Buy, P(10003)));
        Assert.Equal(77, ex.AvailableQty(Instr, Side.Buy, P(10002)));
    }

    [Fact]
    public void RefreshAtTheTop_ForgetsWhatWeTook_SizeZeroRemovesIt()
    {
        var ex = NewExchange();
        ex.OnQuote(Instr, P(10000), 100, P(10001), 100, 0);
        ex.Submit(new VenueOrder(1, Instr, Side.Buy, OrdType.Market, TimeInForce.ImmediateOrCancel, ExecInst.None, 0, 30), 0);
        PollAll(ex, Entry);
        Assert.Equal(70, ex.AvailableQty(Instr, Side.Sell, P(10001)));
        ex.OnQuote(Instr, P(10000), 100, P(10001), 90, 2_000);
        Assert.Equal(90, ex.AvailableQty(Instr, Side.Sell, P(10001)));
        ex.OnQuote(Instr, P(10000), 0, P(10001), 90, 3_000);
        Assert.Equal(0, ex.AvailableQty(Instr, Side.Buy, P(10000)));
        Assert.False(ex.TryGetTouch(Instr, Side.Buy, out _, out _));
    }

    [Fact]
    public void RestingOrder_TopShrinks_QueueAheadShrinksInProportion()
    {
        var ex = NewExchange();
        ex.OnQuote(Instr, P(10000), 100, P(10001), 100, 0);
        ex.Submit(Limit(1, Side.Buy, 10000, 10), 0);
        PollAll(ex, Entry);
        Assert.Equal(100, ex.QueueAheadOf(1));
        ex.OnQuote(Instr, P(10000), 60, P(10001), 100, 2_000);
        Assert.Equal(60, ex.QueueAheadOf(1));
        ex.OnQuote(Instr, P(10000), 160, P(10001), 100, 3_000); // grows behind us
        Assert.Equal(60, ex.QueueAheadOf(1));
        ex.OnQuote(Instr, P(10000), 120, P(10001), 100, 4_000); // 40 of 160 cancelled, 60 of them ahead: −15
        Assert.Equal(45, ex.QueueAheadOf(1));
    }

    [Fact]
    public void RestingOrder_ItsLevelDroppedByABetterTop_KeepsItsPlace_LevelGoneMeansFront()
    {
        var ex = NewExchange();
        ex.OnQuote(Instr, P(9999), 100, P(10001), 100, 0);
        ex.Submit(Limit(1, Side.Buy, 9999, 10), 0);
        PollAll(ex, Entry);
        Assert.Equal(100, ex.QueueAheadOf(1));
        // a better bid arrives: 99.99 stays as depth, our queue is untouched
        ex.OnQuote(Instr, P(10000), 50, P(10001), 100, 2_000);
        Assert.Equal(100, ex.QueueAheadOf(1));
        // the market falls through us: 100.00 goes (not our level), 99.98 is the top, 99.99 removed as better
        ex.OnQuote(Instr, P(9998), 70, P(10001), 100, 3_000);
        Assert.Equal(0, ex.QueueAheadOf(1));
        Assert.Equal(0, ex.AvailableQty(Instr, Side.Buy, P(9999)));
    }

    [Fact]
    public void RestingOrders_OnBothSides_CrossedByAQuote_FillAsMakers()
    {
        var ex = NewExchange();
        ex.OnQuote(Instr, P(10000), 100, P(10003), 100, 0);
        ex.Submit(Limit(1, Side.Buy, 10001, 40), 0);
        ex.Submit(Limit(2, Side.Sell, 10002, 30), 0);
        PollAll(ex, Entry);
        Assert.Equal(0, ex.QueueAheadOf(1));
        Assert.Equal(0, ex.QueueAheadOf(2));
        // the ask drops to 100.01 (crosses our bid), then the bid lifts to 100.02 (crosses our offer)
        ex.OnQuote(Instr, P(10000), 100, P(10001), 25, 2_000);
        ex.OnQuote(Instr, P(10002), 20, P(10003), 100, 3_000);
        var fills = PollAll(ex).Of(VenueReportKind.Fill);
        Assert.Equal(2, fills.Count);
        Assert.Equal((1L, P(10001), 25L, 15L, Liquidity.Maker), (fills[0].ClOrdId, fills[0].Price, fills[0].LastQty, fills[0].LeavesQty, fills[0].Liquidity));
        Assert.Equal((2L, P(10002), 20L, 10L, Liquidity.Maker), (fills[1].ClOrdId, fills[1].Price, fills[1].LastQty, fills[1].LeavesQty, fills[1].Liquidity));
    }

    [Fact]
    public void Quote_AppliesTheVenuesShareOfTheDisplayedSize()
    {
        var ex = NewExchange(share: 40_000_000);
        ex.OnQuote(Instr, P(10000), 200, P(10001), 1, 0);
        Assert.Equal(80, ex.AvailableQty(Instr, Side.Buy, P(10000)));
        // 0.4 of 1 rounds to 0: the venue shows nothing there
        Assert.False(ex.TryGetTouch(Instr, Side.Sell, out _, out _));
    }

    [Fact]
    public void QuoteForAnUnknownInstrument_IsRefused()
    {
        var ex = NewExchange();
        Assert.Equal(VenueResult.UnknownInstrument, ex.OnQuote(2, P(10000), 1, P(10001), 1, 0));
        Assert.Equal(VenueResult.UnknownInstrument, ex.OnQuote(-1, P(10000), 1, P(10001), 1, 0));
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    public void LongQuoteHistory_WithL2Updates_KeepsTheBookTheModelDescribes(int depth, int seed)
    {
        // Hundreds of quotes walking up and down a narrow band (tops pushed past the depth, dropped, refreshed and
        // removed many times over) with L2 updates anywhere in between: after every event each side shows exactly
        // what the documented model gives (docs/VENUES.md: a quote drops the better levels and sets the best; a level
        // update refreshes, inserts within the depth or removes), best first and capped at the depth.
        var ex = NewExchange(depth);
        var bids = new List<(long Price, long Qty)>();
        var asks = new List<(long Price, long Qty)>();
        var random = new Random(seed);
        for (int step = 0; step < 600; step++)
        {
            long bid = 10000 + random.Next(0, 12);
            long ask = bid + 1 + random.Next(0, 12);
            long bidQty = random.Next(0, 6) == 0 ? 0 : random.Next(1, 500);
            long askQty = random.Next(0, 6) == 0 ? 0 : random.Next(1, 500);
            if (random.Next(0, 4) == 0)
            {
                bool buy = random.Next(0, 2) == 0;
                long price = buy ? bid : ask;
                Assert.Equal(VenueResult.Accepted, ex.OnBookLevel(Instr, buy ? Side.Buy : Side.Sell, P(price), bidQty, step));
                ModelLevel(buy ? bids : asks, buy, price, bidQty, depth);
            }
            else
            {
                Assert.Equal(VenueResult.Accepted, ex.OnQuote(Instr, P(bid), bidQty, P(ask), askQty, step));
                ModelTop(bids, true, bid, bidQty, depth);
                ModelTop(asks, false, ask, askQty, depth);
            }

            AssertSide(ex, Side.Buy, bids);
            AssertSide(ex, Side.Sell, asks);
        }
    }

    private static bool Better(bool buy, long a, long b) => buy ? a > b : a < b;

    private static void ModelTop(List<(long Price, long Qty)> side, bool buy, long price, long qty, int depth)
    {
        while (side.Count > 0 && Better(buy, side[0].Price, price))
        {
            side.RemoveAt(0);
        }

        ModelLevel(side, buy, price, qty, depth);
    }

    private static void ModelLevel(List<(long Price, long Qty)> side, bool buy, long price, long qty, int depth)
    {
        int i = 0;
        while (i < side.Count && Better(buy, side[i].Price, price))
        {
            i++;
        }

        if (i < side.Count && side[i].Price == price)
        {
            if (qty > 0)
            {
                side[i] = (price, qty);
            }
            else
            {
                side.RemoveAt(i);
            }
        }
        else if (qty > 0 && i < depth)
        {
            side.Insert(i, (price, qty));
            if (side.Count > depth)
            {
                side.RemoveAt(depth);
            }
        }
    }

    private static void AssertSide(SimulatedExchange ex, Side side, List<(long Price, long Qty)> model)
    {
        for (long cents = 9990; cents <= 10030; cents++)
        {
            int at = model.FindIndex(l => l.Price == cents);
            Assert.Equal(at >= 0 ? model[at].Qty : 0, ex.AvailableQty(Instr, side, P(cents)));
        }

        bool shown = ex.TryGetTouch(Instr, side, out long price, out long qty);
        Assert.Equal(model.Count > 0, shown);
        if (shown)
        {
            Assert.Equal((P(model[0].Price), model[0].Qty), (price, qty));
        }
    }
}
