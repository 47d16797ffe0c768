using Llt.Codecs.Runtime;
using Llt.Hotpath.Config;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// A strategy's stop and trailing-stop orders through the wired path: journaled as the NewOrder they are (stop
/// price, trail), risk, OMS, the simulated exchange arming and triggering them, fills back to the strategy; an
/// at-the-opening order refused by the simulated venue with its reason in the journal.
/// </summary>
public sealed class EngineStopOrderTests
{
    private const long Px = EngineMessages.AaplPrice;
    private const long Tick = EngineMessages.Tick;

    /// <summary>Sends the order <c>make</c> builds from the first quote it sees.</summary>
    private sealed class OneShot(Func<QuoteTick, OrderRequest> make) : Strategy
    {
        public long ClOrdId { get; private set; } = -1;

        public List<Fill> Fills { get; } = [];

        public List<(long ClOrdId, bool Rejected)> Closed { get; } = [];

        public override void OnQuote(in QuoteTick quote)
        {
            if (ClOrdId < 0)
            {
                ClOrdId = Context.Submit(make(quote));
            }
        }

        public override void OnFill(in Fill fill) => Fills.Add(fill);

        public override void OnOrderClosed(long clOrdId, bool rejected) => Closed.Add((clOrdId, rejected));
    }

    private static EngineHarness Harness(OneShot strategy) =>
        new(
            customize: c => c with
            {
                Strategies = [new StrategyConfig { Name = "stopper", Type = "one-shot", Instruments = ["AAPL"], MaxPosition = 1_000 }],
            },
            registry: new StrategyRegistry().Register("one-shot", _ => strategy));

    private static byte[] TradePrint(long price, ulong ts)
    {
        var buffer = new byte[TradeEncoder.HeaderLength + TradeEncoder.BlockLength];
        var trade = TradeEncoder.WrapAndApplyHeader(buffer, 0);
        trade.SetInstrumentId(EngineMessages.Aapl);
        trade.SetAggressor(AggressorSide.Sell);
        trade.SetFeedId(1);
        trade.SetPrice(price);
        trade.SetSize(10);
        trade.SetTradeId(ts);
        trade.SetExchangeTs(ts);
        trade.SetReceiveTs(ts);
        return buffer;
    }

    private static void Step(EngineHarness harness)
    {
        harness.Drain();
        harness.Clock.Advance(1_000_000);
        harness.Drain();
    }

    private static List<(ExecType ExecType, OrdStatus OrdStatus, RejectReason RejectReason, long CumQty)> Reports(EngineHarness harness) =>
        harness.ReadJournal(ExecutionReportDecoder.TemplateId).ConvertAll(f =>
        {
            var r = ExecutionReportDecoder.Decode(f.Payload, 0);
            return (r.ExecType, r.OrdStatus, r.RejectReason, r.CumQty);
        });

    [Fact]
    public void TrailingStop_IsJournaledWithItsTrail_StaysNewUntilTheMarketFallsByTheTrail_ThenSells()
    {
        var strategy = new OneShot(q => OrderRequest.TrailingStop(q.InstrumentId, Side.Sell, 50, 3 * Tick, TimeInForce.GoodTillCancel));
        using EngineHarness harness = Harness(strategy);
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        Step(harness);

        var order = NewOrderDecoder.Decode(Assert.Single(harness.ReadJournal(NewOrderDecoder.TemplateId)).Payload, 0);
        Assert.Equal((OrdType.TrailingStop, TimeInForce.GoodTillCancel, 3 * Tick), (order.OrdType, order.TimeInForce, order.TrailPrice));
        Assert.Equal(NewOrderDecoder.TrailBpsNullValue, order.TrailBps);
        Assert.Equal(NewOrderDecoder.StopPriceNullValue, order.StopPrice);
        Assert.Equal(NewOrderDecoder.PriceNullValue, order.Price);

        var oms = harness.Engine.Execution.Oms;
        Assert.True(oms.TryGetSlot(strategy.ClOrdId, out int slot));
        Assert.Equal(OrdStatus.New, oms.OrderAt(slot).Status);
        Assert.Equal(1, harness.Engine.Gateway.WorkingAt(EngineMessages.Aapl)); // so prints reach the venue

        harness.WriteMd(TradeEncoder.TemplateId, TradePrint(Px + (4 * Tick), 2)); // high water 190.04 → stop 190.01
        Step(harness);
        harness.WriteMd(TradeEncoder.TemplateId, TradePrint(Px + (2 * Tick), 3));
        Step(harness);
        Assert.Empty(strategy.Fills);
        Assert.Equal(OrdStatus.New, oms.OrderAt(slot).Status);

        harness.WriteMd(TradeEncoder.TemplateId, TradePrint(Px + Tick, 4));
        Step(harness);
        Fill fill = Assert.Single(strategy.Fills);
        Assert.Equal((strategy.ClOrdId, Px, 50L), (fill.ClOrdId, fill.Price, fill.Qty)); // sold at the bid
        var reports = Reports(harness);
        Assert.Equal((ExecType.New, OrdStatus.New), (reports[0].ExecType, reports[0].OrdStatus));
        Assert.Equal((ExecType.Fill, OrdStatus.Filled, 50L), (reports[^1].ExecType, reports[^1].OrdStatus, reports[^1].CumQty));
        Assert.Equal(-50, harness.Engine.Strategies.Context(0).Position(EngineMessages.Aapl));
    }

    [Fact]
    public void StopLimit_IsJournaledWithStopAndLimit()
    {
        var strategy = new OneShot(q => OrderRequest.StopLimit(q.InstrumentId, Side.Buy, 10, q.AskPrice + (5 * Tick), q.AskPrice + (6 * Tick)));
        using EngineHarness harness = Harness(strategy);
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        Step(harness);

        var order = NewOrderDecoder.Decode(Assert.Single(harness.ReadJournal(NewOrderDecoder.TemplateId)).Payload, 0);
        Assert.Equal((OrdType.StopLimit, Px + (6 * Tick), Px + (7 * Tick)), (order.OrdType, order.StopPrice, order.Price));
        Assert.Equal(NewOrderDecoder.TrailPriceNullValue, order.TrailPrice);
        Assert.Equal(ExecType.New, Assert.Single(Reports(harness)).ExecType);
        Assert.Empty(strategy.Closed);
    }

    [Fact]
    public void AtTheOpening_IsRejectedBySimulatedVenue_WithTheReasonJournaled_AndTheStrategyTold()
    {
        var strategy = new OneShot(q => OrderRequest.Limit(q.InstrumentId, Side.Buy, 10, q.BidPrice, TimeInForce.AtTheOpening));
        using EngineHarness harness = Harness(strategy);
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        Step(harness);

        var report = Assert.Single(Reports(harness));
        Assert.Equal((ExecType.Rejected, OrdStatus.Rejected, RejectReason.UnsupportedTimeInForce), (report.ExecType, report.OrdStatus, report.RejectReason));
        Assert.Equal((strategy.ClOrdId, true), Assert.Single(strategy.Closed));
        Assert.Equal(1, harness.Engine.Execution.OrdersRejected.Get());
        Assert.Equal(0, harness.Engine.Execution.Oms.OpenCount);
    }

    [Fact]
    public void ExternalVenue_GetsTheTrailingStopAtTheClose_AsTheNewOrderItIs()
    {
        var strategy = new OneShot(q => OrderRequest.TrailingStopBps(q.InstrumentId, Side.Sell, 20, 150, TimeInForce.AtTheClose));
        using var harness = new EngineHarness(
            customize: c => c with
            {
                Strategies = [new StrategyConfig { Name = "stopper", Type = "one-shot", Instruments = ["AAPL"], MaxPosition = 1_000 }],
                Venues = [new VenueConfig { Name = "ALPACA", Type = "external" }],
            },
            registry: new StrategyRegistry().Register("one-shot", _ => strategy));
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        Step(harness);

        using RingBufferFile outFile = RingBufferFile.Open(harness.Config.VenueOutRingPath(0));
        var messages = new List<(int Type, byte[] Body)>();
        new OneToOneRingBuffer(outFile.Buffer).Read(
            new MessageHandler((type, buffer, index, length) => messages.Add((type, buffer.AsSpan(index, length).ToArray()))), 10);
        (int type, byte[] body) = Assert.Single(messages);
        Assert.Equal(NewOrderDecoder.TemplateId, type);
        var order = NewOrderDecoder.Decode(body, 0);
        Assert.Equal((strategy.ClOrdId, OrdType.TrailingStop, TimeInForce.AtTheClose, 150, 20L),
            ((long)order.ClOrdId, order.OrdType, order.TimeInForce, order.TrailBps, order.Qty));
        Assert.Equal(NewOrderDecoder.TrailPriceNullValue, order.TrailPrice);
        Assert.Empty(strategy.Closed); // passed through: the simulated venues' OPG/CLS refusal is theirs alone
    }
}
