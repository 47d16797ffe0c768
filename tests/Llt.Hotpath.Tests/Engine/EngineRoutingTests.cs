using Llt.Hotpath.Config;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// The smart order router inside the engine: two simulated venues splitting the market's displayed size 60/40
/// (A: 0.3 cent taker fee, B: 0.25 cent), orders split by displayed size in fee order, the decision
/// journaled, the strategy seeing one order under its own id, venues marked down by a control command.
/// The test quote shows bid 100 / ask 200, so A shows 60 / 120 and B 40 / 80.
/// </summary>
public sealed class EngineRoutingTests
{
    private const long Px = EngineMessages.AaplPrice;
    private const long Tick = EngineMessages.Tick;
    private const int VenueA = 0;
    private const int VenueB = 1;

    /// <summary>Sends the request it was built with on the first quote; records fills and closes.</summary>
    private sealed class OneShot(Func<QuoteTick, OrderRequest> request) : Strategy
    {
        public long ClOrdId { get; private set; } = -1;

        public List<Fill> Fills { get; } = [];

        public List<(long ClOrdId, bool Rejected)> Closed { get; } = [];

        public bool CancelNextQuote { get; set; }

        public override void OnQuote(in QuoteTick quote)
        {
            if (ClOrdId < 0)
            {
                ClOrdId = Context.Submit(request(quote));
            }
            else if (CancelNextQuote)
            {
                CancelNextQuote = false;
                Context.Cancel(ClOrdId, quote.InstrumentId);
            }
        }

        public override void OnFill(in Fill fill) => Fills.Add(fill);

        public override void OnOrderClosed(long clOrdId, bool rejected) => Closed.Add((clOrdId, rejected));
    }

    private static EngineHarness Harness(OneShot strategy)
    {
        var registry = new StrategyRegistry().Register("one-shot", _ => strategy);
        return new EngineHarness(
            customize: c => c with
            {
                Strategies = [new StrategyConfig { Name = "router-test", Type = "one-shot", Instruments = ["AAPL"], MaxPosition = 10_000 }],
                Venues =
                [
                    new VenueConfig { Name = "A", TakerFeePerUnit = 300_000, LiquidityShare = 60_000_000 },
                    new VenueConfig { Name = "B", TakerFeePerUnit = 250_000, LiquidityShare = 40_000_000 },
                ],
            },
            registry: registry);
    }

    private static void Quote(EngineHarness harness, ulong ts = 1, long ticksUp = 0)
    {
        long bid = Px + (ticksUp * Tick);
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, bid, bid + Tick, exchangeTs: ts));
        harness.Drain();
    }

    private static (long Parent, (long ClOrdId, int Venue, long Qty, long Price)[] Legs)[] Decisions(EngineHarness harness)
    {
        List<JournalRecord> frames = harness.ReadJournal(RouteDecisionDecoder.TemplateId);
        var result = new (long, (long, int, long, long)[])[frames.Count];
        for (int i = 0; i < frames.Count; i++)
        {
            var decision = RouteDecisionDecoder.Decode(frames[i].Payload, 0);
            long parent = (long)decision.ParentClOrdId;
            var legs = new List<(long, int, long, long)>();
            var group = decision.Legs();
            while (group.HasNext)
            {
                group.Next();
                legs.Add(((long)group.ClOrdId, group.VenueId, group.Qty, group.Price));
            }

            result[i] = (parent, legs.ToArray());
        }

        return result;
    }

    private static List<(long ClOrdId, int Venue, ExecType Type, long LastQty)> Reports(EngineHarness harness)
    {
        var result = new List<(long, int, ExecType, long)>();
        foreach (JournalRecord frame in harness.ReadJournal(ExecutionReportDecoder.TemplateId))
        {
            var report = ExecutionReportDecoder.Decode(frame.Payload, 0);
            long clOrdId = (long)report.ClOrdId;
            int venue = report.VenueId;
            ExecType type = report.ExecType;
            long lastQty = 0;
            var fills = report.Fills();
            while (fills.HasNext)
            {
                fills.Next();
                lastQty += fills.LastQty;
            }

            result.Add((clOrdId, venue, type, lastQty));
        }

        return result;
    }

    [Fact]
    public void OrderLargerThanTheCheapestVenueShows_IsSplit_CheapestFirst_AndTheStrategySeesOneOrder()
    {
        var strategy = new OneShot(q => OrderRequest.Limit(q.InstrumentId, Side.Buy, 150, q.AskPrice, TimeInForce.ImmediateOrCancel));
        using EngineHarness harness = Harness(strategy);
        Quote(harness);

        var decision = Assert.Single(Decisions(harness));
        Assert.Equal(strategy.ClOrdId, decision.Parent);
        Assert.Equal(2, decision.Legs.Length);
        // equal prices: the lower taker fee ranks first and gets all it shows
        Assert.Equal((VenueB, 80L, Px + Tick), (decision.Legs[0].Venue, decision.Legs[0].Qty, decision.Legs[0].Price));
        Assert.Equal((VenueA, 70L, Px + Tick), (decision.Legs[1].Venue, decision.Legs[1].Qty, decision.Legs[1].Price));
        Assert.NotEqual(decision.Legs[0].ClOrdId, decision.Legs[1].ClOrdId);
        Assert.DoesNotContain(strategy.ClOrdId, new[] { decision.Legs[0].ClOrdId, decision.Legs[1].ClOrdId });

        // the journal shows each child at its venue; the strategy sees both fills under its own id
        var fills = Reports(harness).FindAll(r => r.Type == ExecType.Fill);
        Assert.Contains((decision.Legs[0].ClOrdId, VenueB, ExecType.Fill, 80L), fills);
        Assert.Contains((decision.Legs[1].ClOrdId, VenueA, ExecType.Fill, 70L), fills);
        Assert.Equal(2, strategy.Fills.Count);
        Assert.All(strategy.Fills, f => Assert.Equal(strategy.ClOrdId, f.ClOrdId));
        Assert.Equal(150, strategy.Fills.Sum(f => f.Qty));
        Assert.Empty(strategy.Closed);
        Assert.Equal(150, harness.Engine.Execution.Portfolio.GetPosition(0, EngineMessages.Aapl).Quantity);
        // each venue charged its own fee: 80 × 0.0025 + 70 × 0.003
        Assert.Equal((80 * 250_000L) + (70 * 300_000L), harness.Engine.Execution.Portfolio.Fees);
        Assert.Equal(1, harness.Engine.Execution.Splits.Get());
        Assert.Equal(0, harness.Engine.Execution.Parents.Count);
    }

    [Fact]
    public void SplitOrder_IsJournaledAsTheStrategysOrder_ThenItsRoute_ThenTheChildrensReports()
    {
        // the children leave before the trader books them; the journal still reads in decision order
        var strategy = new OneShot(q => OrderRequest.Limit(q.InstrumentId, Side.Buy, 150, q.AskPrice, TimeInForce.ImmediateOrCancel));
        using EngineHarness harness = Harness(strategy);
        Quote(harness);

        List<JournalRecord> records = harness.ReadJournal().FindAll(r =>
            r.Type is NewOrderDecoder.TemplateId or RouteDecisionDecoder.TemplateId or ExecutionReportDecoder.TemplateId);
        Assert.True(records.Count >= 4, $"expected the order, its route and the children's reports, got {records.Count} events");
        Assert.Equal(NewOrderDecoder.TemplateId, records[0].Type);
        Assert.Equal(RouteDecisionDecoder.TemplateId, records[1].Type);
        Assert.All(records.Skip(2), r => Assert.Equal(ExecutionReportDecoder.TemplateId, r.Type));
        Assert.Equal(strategy.ClOrdId, (long)NewOrderDecoder.Decode(records[0].Payload, 0).ClOrdId);
        Assert.True(records[0].Sequence < records[1].Sequence);
        // both children were booked by the OMS before their reports came back: both filled, none unknown
        Assert.Equal(2, harness.Engine.Execution.Fills.Get());
        Assert.Equal(0, harness.Engine.Execution.Oms.OpenCount);
    }

    [Fact]
    public void OrderTheCheapestVenueCovers_GoesThereWhole_UnderTheStrategysId()
    {
        var strategy = new OneShot(q => OrderRequest.Limit(q.InstrumentId, Side.Buy, 50, q.AskPrice, TimeInForce.ImmediateOrCancel));
        using EngineHarness harness = Harness(strategy);
        Quote(harness);

        var decision = Assert.Single(Decisions(harness));
        var leg = Assert.Single(decision.Legs);
        Assert.Equal((strategy.ClOrdId, VenueB, 50L), (leg.ClOrdId, leg.Venue, leg.Qty));
        Assert.Contains((strategy.ClOrdId, VenueB, ExecType.Fill, 50L), Reports(harness));
        Assert.Equal(0, harness.Engine.Execution.Splits.Get());
    }

    [Fact]
    public void QuantityBeyondAllDisplayedSize_RestsAsARemainder_AndCancellingTheParentCancelsIt()
    {
        // 250 against 80 + 120 shown: the remainder (50) rests at the top-ranked venue at the limit
        var strategy = new OneShot(q => OrderRequest.Limit(q.InstrumentId, Side.Buy, 250, q.AskPrice));
        using EngineHarness harness = Harness(strategy);
        Quote(harness);

        var decision = Assert.Single(Decisions(harness));
        Assert.Equal([(VenueB, 80L), (VenueA, 120L), (VenueB, 50L)], decision.Legs.Select(l => (l.Venue, l.Qty)).ToArray());
        Assert.Equal(200, strategy.Fills.Sum(f => f.Qty));
        Assert.Equal(1, harness.Engine.Execution.Oms.OpenCount);
        Assert.Empty(strategy.Closed);

        // the market moves away (a refresh at the same ask would fill the remainder), then the strategy cancels
        strategy.CancelNextQuote = true;
        Quote(harness, ts: 2, ticksUp: 2);

        long remainder = decision.Legs[2].ClOrdId;
        Assert.Contains(Reports(harness), r => r.ClOrdId == remainder && r.Type == ExecType.Canceled && r.Venue == VenueB);
        // the parent ends once, cancelled after a partial fill: not a reject
        Assert.Equal((strategy.ClOrdId, false), Assert.Single(strategy.Closed));
        Assert.Equal(0, harness.Engine.Execution.Oms.OpenCount);
        Assert.Equal(0, harness.Engine.Execution.Parents.Count);
    }

    [Fact]
    public void VenueMarkedDown_IsSkipped_AndWithEveryVenueDownTheOrderIsRejected()
    {
        var strategy = new OneShot(q => OrderRequest.Limit(q.InstrumentId, Side.Buy, 100, q.AskPrice, TimeInForce.ImmediateOrCancel));
        using EngineHarness harness = Harness(strategy);
        harness.WriteCmd(VenueControlDecoder.TemplateId, VenueControl(31, VenueB, VenueStatus.Down));
        harness.Drain();
        Assert.False(harness.Engine.Execution.IsVenueUp(VenueB));
        Quote(harness);

        // B (cheaper) is down: A takes it all, and A shows 120
        var leg = Assert.Single(Assert.Single(Decisions(harness)).Legs);
        Assert.Equal((VenueA, 100L), (leg.Venue, leg.Qty));
        Assert.Contains((strategy.ClOrdId, VenueA, ExecType.Fill, 100L), Reports(harness));

        // the applied command is journaled with its result
        Assert.Single(harness.ReadJournal(VenueControlDecoder.TemplateId));
        var result = CommandResultDecoder.Decode(Assert.Single(harness.ReadJournal(CommandResultDecoder.TemplateId)).Payload, 0);
        Assert.Equal((31L, CommandStatus.Applied), (result.CorrelationId, result.Status));
    }

    [Fact]
    public void EveryVenueDown_RejectsWithVenueDown_AndUnknownVenueIdsAreRefused()
    {
        var strategy = new OneShot(q => OrderRequest.Limit(q.InstrumentId, Side.Buy, 10, q.AskPrice, TimeInForce.ImmediateOrCancel));
        using EngineHarness harness = Harness(strategy);
        harness.WriteCmd(VenueControlDecoder.TemplateId, VenueControl(1, VenueA, VenueStatus.Down));
        harness.WriteCmd(VenueControlDecoder.TemplateId, VenueControl(2, VenueB, VenueStatus.Down));
        harness.WriteCmd(VenueControlDecoder.TemplateId, VenueControl(3, 7, VenueStatus.Down));
        harness.Drain();
        Quote(harness);

        var reject = ExecutionReportDecoder.Decode(Assert.Single(harness.ReadJournal(ExecutionReportDecoder.TemplateId)).Payload, 0);
        Assert.Equal((ExecType.Rejected, RejectReason.VenueDown), (reject.ExecType, reject.RejectReason));
        Assert.Equal((strategy.ClOrdId, true), Assert.Single(strategy.Closed));

        var results = harness.ReadJournal(CommandResultDecoder.TemplateId).ConvertAll(f =>
        {
            var r = CommandResultDecoder.Decode(f.Payload, 0);
            return (r.CorrelationId, r.Status);
        });
        Assert.Equal(CommandStatus.Rejected, results.Single(r => r.CorrelationId == 3).Status);
        Assert.Equal(2, harness.ReadJournal(VenueControlDecoder.TemplateId).Count);

        // back up: routable again
        harness.WriteCmd(VenueControlDecoder.TemplateId, VenueControl(4, VenueA, VenueStatus.Up));
        harness.Drain();
        Assert.True(harness.Engine.Execution.IsVenueUp(VenueA));
    }

    private static byte[] VenueControl(long correlationId, int venueId, VenueStatus status)
    {
        var buffer = new byte[128];
        var command = VenueControlEncoder.WrapAndApplyHeader(buffer, 0);
        command.SetCorrelationId(correlationId);
        command.SetVenueId((short)venueId);
        command.SetStatus(status);
        command.SetSource("test:ops");
        return buffer.AsSpan(0, VenueControlEncoder.HeaderLength + command.EncodedLength).ToArray();
    }
}
