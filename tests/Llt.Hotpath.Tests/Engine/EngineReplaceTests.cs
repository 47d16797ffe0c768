using Llt.Hotpath.Config;
using Llt.Hotpath.Orders;
using Llt.Hotpath.Strategies;
using Llt.Sbe;
using Llt.Hotpath.Tests.Runtime;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// A strategy amending its working order through the wired path: the intent journaled as a ReplaceOrder, risk on
/// the amended terms, the venue replace under a new id, the ExecutionReport Replaced, the strategy told once and
/// keeping its own id for the fills that follow; refusals by risk, by the engine and by the venue journaled as
/// rejected replaces while the order works on; a split order's legs amended as one; the kill switch with a
/// replace in flight; restart after a replace.
/// </summary>
public sealed class EngineReplaceTests
{
    private const long Px = EngineMessages.AaplPrice;
    private const long Tick = EngineMessages.Tick;

    /// <summary>Sends its order on the first quote; on later quotes runs what the test queued.</summary>
    private sealed class Amender(Func<QuoteTick, OrderRequest> first) : Strategy
    {
        public long ClOrdId { get; private set; } = -1;

        public Queue<Action<StrategyContext, long>> Next { get; } = new();

        public List<Fill> Fills { get; } = [];

        public List<(long ClOrdId, bool Rejected)> Closed { get; } = [];

        public List<(long ClOrdId, bool Rejected)> Replaced { get; } = [];

        public override void OnQuote(in QuoteTick quote)
        {
            if (ClOrdId < 0)
            {
                ClOrdId = Context.Submit(first(quote));
            }
            else if (Next.TryDequeue(out Action<StrategyContext, long>? action))
            {
                action(Context, ClOrdId);
            }
        }

        public override void OnFill(in Fill fill) => Fills.Add(fill);

        public override void OnOrderClosed(long clOrdId, bool rejected) => Closed.Add((clOrdId, rejected));

        public override void OnOrderReplaced(long clOrdId, bool rejected) => Replaced.Add((clOrdId, rejected));
    }

    private static EngineHarness Harness(Amender strategy, Func<EngineConfig, EngineConfig>? venues = null) =>
        new(
            customize: c =>
            {
                EngineConfig config = c with
                {
                    Strategies = [new StrategyConfig { Name = "amender", Type = "amender", Instruments = ["AAPL"], MaxPosition = 1_000 }],
                };
                return venues is null ? config : venues(config);
            },
            registry: new StrategyRegistry().Register("amender", _ => strategy));

    private static void Quote(EngineHarness harness, ulong ts, long bid, long ask)
    {
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, bid, ask, exchangeTs: ts));
        harness.Drain();
        harness.Clock.Advance(1_000_000);
        harness.Drain();
    }

    private sealed record Report(long ClOrdId, ExecType Type, OrdStatus Status, RejectReason Reason, long Price, long OrderQty, long CumQty, long LeavesQty);

    private static List<Report> Reports(EngineHarness harness) =>
        harness.ReadJournal(ExecutionReportDecoder.TemplateId).ConvertAll(f =>
        {
            var r = ExecutionReportDecoder.Decode(f.Payload, 0);
            return new Report((long)r.ClOrdId, r.ExecType, r.OrdStatus, r.RejectReason, r.Price, r.OrderQty, r.CumQty, r.LeavesQty);
        });

    private static List<(long ClOrdId, long Orig, long Price, long Qty)> Replaces(EngineHarness harness) =>
        harness.ReadJournal(ReplaceOrderDecoder.TemplateId).ConvertAll(f =>
        {
            var r = ReplaceOrderDecoder.Decode(f.Payload, 0);
            return ((long)r.ClOrdId, (long)r.OrigClOrdId, r.Price, r.Qty);
        });

    /// <summary>A buy limit of 100 resting one tick under the bid, acknowledged.</summary>
    private static (Amender Strategy, EngineHarness Harness) Resting(long qty = 100, ExecInst execInst = ExecInst.None)
    {
        var strategy = new Amender(q => new OrderRequest(q.InstrumentId, Side.Buy, qty, q.BidPrice - Tick, OrdType.Limit, TimeInForce.Day, execInst));
        EngineHarness harness = Harness(strategy);
        Quote(harness, 1, Px, Px + Tick);
        Assert.Equal(ExecType.New, Assert.Single(Reports(harness)).Type);
        return (strategy, harness);
    }

    [Fact]
    public void AmendedPriceAndQuantity_AreReplacedAtTheVenueUnderANewId_AndTheStrategyKeepsItsOwn()
    {
        (Amender strategy, EngineHarness harness) = Resting();
        using EngineHarness owned = harness;
        long id = strategy.ClOrdId;
        strategy.Next.Enqueue((c, own) => Assert.True(c.Replace(own, EngineMessages.Aapl, Px - (2 * Tick), 150)));
        Quote(harness, 2, Px, Px + Tick);

        // the decision, journaled under its request id, naming the order it amends
        (long requestId, long orig, long price, long qty) = Assert.Single(Replaces(harness));
        Assert.Equal((id, Px - (2 * Tick), 150L), (orig, price, qty));
        Report replaced = Reports(harness)[^1];
        Assert.Equal(new Report(requestId, ExecType.Replaced, OrdStatus.New, RejectReason.None, Px - (2 * Tick), 150, 0, 150), replaced);
        Assert.Equal((id, false), Assert.Single(strategy.Replaced));

        // the OMS and risk hold it under the new id at the new terms
        var oms = harness.Engine.Execution.Oms;
        Assert.False(oms.TryGetSlot(id, out _));
        Assert.True(oms.TryGetSlot(requestId, out int slot));
        Assert.Equal((OrdStatus.New, Px - (2 * Tick), 150L), (oms.OrderAt(slot).Status, oms.OrderAt(slot).Price, oms.OrderAt(slot).OrderQty));
        Assert.Equal(150, harness.Engine.Execution.Risk.OpenBuyQty(EngineMessages.Aapl));
        Assert.Equal(1, harness.Engine.Execution.Replaces.Get());

        // amended again, now to cross the ask: it takes liquidity, and the fill reaches the strategy under its own id
        strategy.Next.Enqueue((c, own) => Assert.True(c.Replace(own, EngineMessages.Aapl, Px + Tick, 150)));
        Quote(harness, 3, Px, Px + Tick);
        Assert.Equal([(id, false), (id, false)], strategy.Replaced);
        Fill fill = Assert.Single(strategy.Fills);
        Assert.Equal((id, Px + Tick, 150L), (fill.ClOrdId, fill.Price, fill.Qty));
        Assert.Equal(150, harness.Engine.Strategies.Context(0).Position(EngineMessages.Aapl));
        Assert.Equal(0, harness.Engine.Execution.Risk.OpenBuyQty(EngineMessages.Aapl));
        Assert.Equal(0, oms.OpenCount);
        Assert.Equal(0, harness.Engine.Execution.Parents.Count);
        Assert.Empty(strategy.Closed); // a complete fill is learned from the fills
    }

    [Fact]
    public void ReplaceOverThePositionLimit_IsRefusedByRisk_AndTheOrderWorksOnAtItsOldTerms()
    {
        (Amender strategy, EngineHarness harness) = Resting();
        using EngineHarness owned = harness;
        long id = strategy.ClOrdId;
        strategy.Next.Enqueue((c, own) => c.Replace(own, EngineMessages.Aapl, Px - Tick, 5_000));
        Quote(harness, 2, Px, Px + Tick);

        (long requestId, _, _, _) = Assert.Single(Replaces(harness));
        Report refused = Reports(harness)[^1];
        // FIX's way: Rejected under the request's id, with the order's own status (it works on)
        Assert.Equal((requestId, ExecType.Rejected, OrdStatus.New, RejectReason.PositionLimit), (refused.ClOrdId, refused.Type, refused.Status, refused.Reason));
        Assert.Equal((id, true), Assert.Single(strategy.Replaced));
        Assert.True(harness.Engine.Execution.Oms.TryGetSlot(id, out int slot));
        Assert.Equal((OrdStatus.New, 100L), (harness.Engine.Execution.Oms.OrderAt(slot).Status, harness.Engine.Execution.Oms.OrderAt(slot).OrderQty));
        Assert.Equal(100, harness.Engine.Execution.Risk.OpenBuyQty(EngineMessages.Aapl));
        Assert.Equal(1, harness.Engine.Execution.ReplacesRejected.Get());
        Assert.Equal(0, harness.Engine.Execution.Replaces.Get());
    }

    [Fact]
    public void ReplaceOfAnUnknownOrder_OrOneWithAReplaceUnanswered_IsRefusedWithItsReason()
    {
        var strategy = new Amender(q => new OrderRequest(q.InstrumentId, Side.Buy, 100, q.BidPrice - Tick));
        using EngineHarness harness = Harness(strategy, c => c with { Venues = [new VenueConfig { EntryLatencyNs = 5_000_000 }] });
        Quote(harness, 1, Px, Px + Tick);
        Quote(harness, 2, Px, Px + Tick);
        Quote(harness, 3, Px, Px + Tick);
        Quote(harness, 4, Px, Px + Tick);
        Quote(harness, 5, Px, Px + Tick);
        Quote(harness, 6, Px, Px + Tick); // past the entry latency: acknowledged
        Assert.Equal(ExecType.New, Assert.Single(Reports(harness)).Type);
        long id = strategy.ClOrdId;

        strategy.Next.Enqueue((c, own) =>
        {
            c.Replace(987_654, EngineMessages.Aapl, Px - Tick, 100);
            c.Replace(own, EngineMessages.Aapl, Px - (2 * Tick), 100);
            c.Replace(own, EngineMessages.Aapl, Px - (3 * Tick), 100); // the one before is still on its way
        });
        Quote(harness, 7, Px, Px + Tick);

        var refused = Reports(harness).FindAll(r => r.Type == ExecType.Rejected);
        Assert.Equal([RejectReason.UnknownOrder, RejectReason.RequestPending], refused.ConvertAll(r => r.Reason));
        Assert.Equal([(987_654L, true), (id, true)], strategy.Replaced);

        for (ulong ts = 8; ts < 14; ts++)
        {
            Quote(harness, ts, Px, Px + Tick);
        }

        Assert.Equal([(987_654L, true), (id, true), (id, false)], strategy.Replaced);
        Assert.Equal(Px - (2 * Tick), Reports(harness)[^1].Price);
    }

    [Fact]
    public void ReplaceTheVenueRefuses_IsJournaledAsRejected_AndRiskExposureReturnsToTheOldTerms()
    {
        // post-only: an amendment that would cross is refused by the venue, not by the engine
        (Amender strategy, EngineHarness harness) = Resting(execInst: ExecInst.PostOnly);
        using EngineHarness owned = harness;
        long id = strategy.ClOrdId;
        strategy.Next.Enqueue((c, own) => c.Replace(own, EngineMessages.Aapl, Px + Tick, 200));
        Quote(harness, 2, Px, Px + Tick);

        Report refused = Reports(harness)[^1];
        (long requestId, _, _, _) = Assert.Single(Replaces(harness));
        Assert.Equal((requestId, ExecType.Rejected, OrdStatus.New, RejectReason.VenueReject, 100L), (refused.ClOrdId, refused.Type, refused.Status, refused.Reason, refused.OrderQty));
        Assert.Equal((id, true), Assert.Single(strategy.Replaced));
        Assert.Equal(1, harness.Engine.Execution.Replaces.Get());
        Assert.Equal(1, harness.Engine.Execution.ReplacesRejected.Get());
        Assert.Equal(100, harness.Engine.Execution.Risk.OpenBuyQty(EngineMessages.Aapl));
        Assert.True(harness.Engine.Execution.Oms.TryGetSlot(id, out int slot));
        Assert.Equal((OrdStatus.New, Px - Tick), (harness.Engine.Execution.Oms.OrderAt(slot).Status, harness.Engine.Execution.Oms.OrderAt(slot).Price));
        Assert.Empty(strategy.Closed);
    }

    [Fact]
    public void QuantityNotAboveWhatIsFilled_IsRefused_AndADecreaseKeepsTheOrderWorking()
    {
        (Amender strategy, EngineHarness harness) = Resting();
        using EngineHarness owned = harness;
        long id = strategy.ClOrdId;
        strategy.Next.Enqueue((c, own) => c.Replace(own, EngineMessages.Aapl, Px - Tick, 0));
        Quote(harness, 2, Px, Px + Tick);
        Assert.Equal(RejectReason.InvalidQty, Reports(harness)[^1].Reason);

        strategy.Next.Enqueue((c, own) => c.Replace(own, EngineMessages.Aapl, Px - Tick, 40));
        Quote(harness, 3, Px, Px + Tick);
        Report replaced = Reports(harness)[^1];
        Assert.Equal((ExecType.Replaced, 40L, 40L), (replaced.Type, replaced.OrderQty, replaced.LeavesQty));
        Assert.Equal([(id, true), (id, false)], strategy.Replaced);
        Assert.Equal(40, harness.Engine.Execution.Risk.OpenBuyQty(EngineMessages.Aapl));
    }

    [Fact]
    public void SplitOrdersResting_Legs_AreAmendedAsOneOrder_QuantityTakenFromTheLastLegFirst()
    {
        // A shows 120 of the ask, B 80; B's orders arrive 5 ms late, after the market has moved up and away, so its
        // leg (80) and the remainder (50) rest at B while A's leg fills: one parent, two resting children
        var strategy = new Amender(q => OrderRequest.Limit(q.InstrumentId, Side.Buy, 250, q.AskPrice));
        using EngineHarness harness = Harness(strategy, c => c with
        {
            Venues =
            [
                new VenueConfig { Name = "A", TakerFeePerUnit = 300_000, LiquidityShare = 60_000_000 },
                new VenueConfig { Name = "B", TakerFeePerUnit = 250_000, LiquidityShare = 40_000_000, EntryLatencyNs = 5_000_000 },
            ],
        });
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        harness.Drain();
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px + (3 * Tick), Px + (4 * Tick), exchangeTs: 2));
        harness.Drain();
        for (ulong ts = 3; ts < 12; ts++)
        {
            Quote(harness, ts, Px + (3 * Tick), Px + (4 * Tick));
        }

        long parent = strategy.ClOrdId;
        Assert.Equal(120, strategy.Fills.Sum(f => f.Qty));
        Assert.All(strategy.Fills, f => Assert.Equal(parent, f.ClOrdId));
        var oms = harness.Engine.Execution.Oms;
        Assert.Equal(2, oms.OpenCount);
        ReadOnlySpan<long> children = harness.Engine.Execution.Parents.ChildrenOf(parent);
        Assert.Equal(3, children.Length);

        // 250 → 230 at one tick lower: 110 left to fill instead of 130, taken from the remainder (50 → 30); both legs reprice
        strategy.Next.Enqueue((c, own) => c.Replace(own, EngineMessages.Aapl, Px, 230));
        Quote(harness, 12, Px + (3 * Tick), Px + (4 * Tick));
        for (ulong ts = 13; ts < 20; ts++)
        {
            Quote(harness, ts, Px + (3 * Tick), Px + (4 * Tick));
        }

        List<Report> replaced = Reports(harness).FindAll(r => r.Type == ExecType.Replaced);
        Assert.Equal([(Px, 80L), (Px, 30L)], replaced.ConvertAll(r => (r.Price, r.LeavesQty)));
        Assert.Equal((parent, false), Assert.Single(strategy.Replaced));
        Assert.Equal(110, harness.Engine.Execution.Risk.OpenBuyQty(EngineMessages.Aapl));
        Assert.Equal(3, Replaces(harness).Count); // the strategy's, then one per leg (the first under the strategy's request id)

        // 230 → 140: 20 left, so the remainder goes (cancelled) and the first leg keeps 20
        strategy.Next.Enqueue((c, own) => c.Replace(own, EngineMessages.Aapl, Px, 140));
        for (ulong ts = 20; ts < 28; ts++)
        {
            Quote(harness, ts, Px + (3 * Tick), Px + (4 * Tick));
        }

        Assert.Equal(2, strategy.Replaced.Count);
        Assert.Equal((parent, false), strategy.Replaced[1]);
        Assert.Equal(20, harness.Engine.Execution.Risk.OpenBuyQty(EngineMessages.Aapl));
        Assert.Equal(1, oms.OpenCount);
        Assert.Empty(strategy.Closed);

        // the market comes down through the price: the last 20 fill, under the parent's id
        Quote(harness, 28, Px - Tick, Px);
        Quote(harness, 29, Px - Tick, Px);
        Assert.Equal(140, strategy.Fills.Sum(f => f.Qty));
        Assert.All(strategy.Fills, f => Assert.Equal(parent, f.ClOrdId));
        Assert.Equal(0, oms.OpenCount);
        Assert.Equal(0, harness.Engine.Execution.Parents.Count);
    }

    [Fact]
    public void KillSwitch_WithAReplaceInFlight_CancelsTheOrderWhicheverIdTheVenueHoldsItUnder()
    {
        var strategy = new Amender(q => new OrderRequest(q.InstrumentId, Side.Buy, 100, q.BidPrice - Tick));
        using EngineHarness harness = Harness(strategy, c => c with { Venues = [new VenueConfig { EntryLatencyNs = 5_000_000 }] });
        for (ulong ts = 1; ts < 8; ts++)
        {
            Quote(harness, ts, Px, Px + Tick);
        }

        strategy.Next.Enqueue((c, own) => c.Replace(own, EngineMessages.Aapl, Px - (2 * Tick), 150));
        Quote(harness, 8, Px, Px + Tick);
        var oms = harness.Engine.Execution.Oms;
        Assert.True(oms.TryGetSlot(strategy.ClOrdId, out int slot));
        Assert.Equal(OrdStatus.PendingReplace, oms.OrderAt(slot).Status);

        harness.WriteCmd(KillSwitchCommandEncoder.TemplateId, EngineMessages.KillSwitch(1, KillSwitchAction.Engage));
        for (ulong ts = 9; ts < 20; ts++)
        {
            Quote(harness, ts, Px, Px + Tick);
        }

        Assert.Equal(0, oms.OpenCount);
        Assert.Equal(0, harness.Engine.Execution.Risk.OpenBuyQty(EngineMessages.Aapl));
        Assert.Contains(Reports(harness), r => r.Type == ExecType.Canceled);
        Assert.Equal((strategy.ClOrdId, false), Assert.Single(strategy.Closed));
    }

    [Fact]
    public void Restart_AfterAReplace_CancelsTheOrderUnderItsCurrentIdOnly()
    {
        (Amender strategy, EngineHarness harness) = Resting();
        using EngineHarness owned = harness;
        strategy.Next.Enqueue((c, own) => c.Replace(own, EngineMessages.Aapl, Px - (2 * Tick), 150));
        Quote(harness, 2, Px, Px + Tick);
        long current = Reports(harness)[^1].ClOrdId;

        harness.Restart();
        harness.Drain();

        Report[] restartCancels = Reports(harness).FindAll(r => r.Type == ExecType.Canceled).ToArray();
        Report cancel = Assert.Single(restartCancels);
        Assert.Equal((current, 150L), (cancel.ClOrdId, cancel.OrderQty));
    }

    [Fact]
    public void KillSwitch_BeforeTheVenueAcknowledges_CancelsTheOrderOnItsAck()
    {
        var strategy = new Amender(q => new OrderRequest(q.InstrumentId, Side.Buy, 100, q.BidPrice - Tick));
        using EngineHarness harness = Harness(strategy, c => c with { Venues = [new VenueConfig { EntryLatencyNs = 5_000_000 }] });
        Quote(harness, 1, Px, Px + Tick);
        var oms = harness.Engine.Execution.Oms;
        Assert.True(oms.TryGetSlot(strategy.ClOrdId, out int slot));
        Assert.Equal(OrdStatus.PendingNew, oms.OrderAt(slot).Status);

        harness.WriteCmd(KillSwitchCommandEncoder.TemplateId, EngineMessages.KillSwitch(1, KillSwitchAction.Engage));
        for (ulong ts = 2; ts < 16; ts++)
        {
            Quote(harness, ts, Px, Px + Tick);
        }

        Assert.Equal([ExecType.New, ExecType.Canceled], Reports(harness).ConvertAll(r => r.Type));
        Assert.Equal(0, oms.OpenCount);
        Assert.Equal((strategy.ClOrdId, false), Assert.Single(strategy.Closed));
    }

    [Fact]
    public void CancelWhileTheNewOrderOrAReplaceIsUnanswered_IsSentOnTheAnswer_NotDropped()
    {
        var strategy = new Amender(q => new OrderRequest(q.InstrumentId, Side.Buy, 100, q.BidPrice - Tick));
        using EngineHarness harness = Harness(strategy, c => c with { Venues = [new VenueConfig { EntryLatencyNs = 5_000_000 }] });
        Quote(harness, 1, Px, Px + Tick);
        strategy.Next.Enqueue((c, own) => c.Cancel(own, EngineMessages.Aapl)); // not acknowledged yet
        Quote(harness, 2, Px, Px + Tick);
        for (ulong ts = 3; ts < 14; ts++)
        {
            Quote(harness, ts, Px, Px + Tick);
        }

        Assert.Equal([ExecType.New, ExecType.Canceled], Reports(harness).ConvertAll(r => r.Type));
        Assert.Equal((strategy.ClOrdId, false), Assert.Single(strategy.Closed));

        // the same for a cancel behind an unanswered replace: it goes to the id the replace left the order under
        var second = new Amender(q => new OrderRequest(q.InstrumentId, Side.Buy, 100, q.BidPrice - Tick));
        using EngineHarness other = Harness(second, c => c with { Venues = [new VenueConfig { EntryLatencyNs = 5_000_000 }] });
        for (ulong ts = 1; ts < 8; ts++)
        {
            Quote(other, ts, Px, Px + Tick);
        }

        second.Next.Enqueue((c, own) => c.Replace(own, EngineMessages.Aapl, Px - (2 * Tick), 150));
        second.Next.Enqueue((c, own) => c.Cancel(own, EngineMessages.Aapl));
        for (ulong ts = 8; ts < 22; ts++)
        {
            Quote(other, ts, Px, Px + Tick);
        }

        List<Report> reports = Reports(other);
        Assert.Equal([ExecType.New, ExecType.Replaced, ExecType.Canceled], reports.ConvertAll(r => r.Type));
        Assert.Equal(reports[1].ClOrdId, reports[2].ClOrdId);
        Assert.Equal([(second.ClOrdId, false)], second.Replaced);
        Assert.Equal((second.ClOrdId, false), Assert.Single(second.Closed));
        Assert.Equal(0, other.Engine.Execution.Oms.OpenCount);
    }

    /// <summary>STRATEGY_GUIDE's example: a passive buy that follows the bid, amended through the tracker.</summary>
    private sealed class BidFollower : Strategy
    {
        private PendingOrderTracker _pending = null!;
        private long[] _restingAt = [];

        public override void OnStart()
        {
            _pending = new PendingOrderTracker(Context, PendingOrderTracker.NoTimeout);
            _restingAt = new long[Context.InstrumentCount];
        }

        public override void OnQuote(in QuoteTick quote)
        {
            int id = quote.InstrumentId;
            if (!_pending.IsPending(id))
            {
                _pending.Submit(OrderRequest.Limit(id, Side.Buy, 100, quote.BidPrice), quote.ReceiveTs);
                _restingAt[id] = quote.BidPrice;
            }
            else if (quote.BidPrice != _restingAt[id])
            {
                if (_pending.Replace(id, quote.BidPrice, 100, quote.ReceiveTs))
                {
                    _restingAt[id] = quote.BidPrice;
                }
            }
        }

        public override void OnFill(in Fill fill) => _pending.OnFill(fill);

        public override void OnOrderClosed(long clOrdId, bool rejected) => _pending.OnOrderClosed(clOrdId);

        public override void OnOrderReplaced(long clOrdId, bool rejected) => _pending.OnOrderReplaced(clOrdId, rejected);
    }

    [Fact]
    public void TheGuidesBidFollower_KeepsOneOrderAtTheBid_ThenFillsAndQuotesAgain()
    {
        var strategy = new BidFollower();
        using var harness = new EngineHarness(
            customize: c => c with
            {
                Strategies = [new StrategyConfig { Name = "follower", Type = "follower", Instruments = ["AAPL"], MaxPosition = 1_000 }],
            },
            registry: new StrategyRegistry().Register("follower", _ => strategy));
        var oms = harness.Engine.Execution.Oms;
        for (int up = 0; up < 4; up++)
        {
            Quote(harness, (ulong)(up + 1), Px + (up * Tick), Px + ((up + 2) * Tick));
            Assert.Equal(1, oms.OpenCount);
            foreach (ref readonly Order order in oms.OpenOrders())
            {
                Assert.Equal((Px + (up * Tick), 100L), (order.Price, order.OrderQty));
            }
        }

        Assert.Equal(3, Reports(harness).Count(r => r.Type == ExecType.Replaced));

        // the offer comes down to the bid: the resting buy is crossed and fills; the next quote rests a new one
        Quote(harness, 5, Px + (2 * Tick), Px + (3 * Tick));
        Assert.Equal(100, harness.Engine.Strategies.Context(0).Position(EngineMessages.Aapl));
        Quote(harness, 6, Px + (2 * Tick), Px + (4 * Tick));
        Assert.Equal(1, oms.OpenCount);
        Assert.Equal(2, harness.ReadJournal(NewOrderDecoder.TemplateId).Count);
    }

    /// <summary>Rests one buy and amends it between two prices on every quote once the last amendment is answered.</summary>
    private sealed class Flipper : Strategy
    {
        private long _clOrdId = -1;
        private bool _waiting;
        private bool _low;

        public long Applied { get; private set; }

        public long Rejected { get; private set; }

        public override void OnQuote(in QuoteTick quote)
        {
            if (_clOrdId < 0)
            {
                _clOrdId = Context.Submit(OrderRequest.Limit(quote.InstrumentId, Side.Buy, 100, Px - (10 * Tick)));
                return;
            }

            if (!_waiting)
            {
                _low = !_low;
                _waiting = Context.Replace(_clOrdId, quote.InstrumentId, Px - ((_low ? 11 : 10) * Tick), _low ? 120 : 100);
            }
        }

        public override void OnOrderReplaced(long clOrdId, bool rejected)
        {
            _waiting = false;
            Applied += rejected ? 0 : 1;
            Rejected += rejected ? 1 : 0;
        }
    }

    [Fact]
    public void AmendingOnEveryQuote_AfterWarmUp_AllocatesNothing()
    {
        var strategy = new Flipper();
        using var harness = new EngineHarness(
            journalTicks: false,
            segmentLength: 64 << 20,
            customize: c => c with
            {
                Strategies = [new StrategyConfig { Name = "flipper", Type = "flipper", Instruments = ["AAPL"], MaxPosition = 1_000 }],
            },
            registry: new StrategyRegistry().Register("flipper", _ => strategy));
        var quote = new byte[QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength];
        Pump(harness, quote, 1, 2_000);
        harness.Clock.Advance(EngineHarness.HeartbeatIntervalNs);
        harness.Drain();
        long appliedBefore = strategy.Applied;

        long from = 2_001;
        long second = SteadyAllocation.Of(
            () =>
            {
                Pump(harness, quote, from, 10_000);
                from += 10_000;
            },
            out long first);
        Assert.True(second == 0, $"allocated {first} B, then {second} B; agent errors {harness.Engine.Errors.ErrorCount} ({harness.Engine.Errors.LastError}); replaces applied {strategy.Applied - appliedBefore}, rejected {strategy.Rejected}");
        Assert.True(strategy.Applied - appliedBefore >= 9_000, $"replaces applied in the windows: {strategy.Applied - appliedBefore}");
        Assert.Equal(1, harness.Engine.Execution.Oms.OpenCount);
        Assert.Equal(0, harness.Engine.Errors.ErrorCount);
    }

    private static void Pump(EngineHarness harness, byte[] quote, long firstExchangeTs, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int length = EngineMessages.WriteQuote(quote, EngineMessages.Aapl, Px, Px + Tick, (ulong)(firstExchangeTs + i));
            if (harness.Engine.MdRing.Write(QuoteEncoder.TemplateId, quote.AsSpan(0, length)) != Llt.Hotpath.Ipc.WriteResult.Success)
            {
                throw new InvalidOperationException("md.ring full");
            }

            // one quote at a time: each amendment is answered before the next quote arrives (bounded: a few cycles do it)
            for (int cycle = 0; cycle < 64 && harness.Invoke() != 0; cycle++)
            {
            }
        }
    }
}
