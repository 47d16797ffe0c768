using Llt.Codecs.Runtime;
using Llt.Hotpath.Config;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// An external venue (the shell's Alpaca adapter in production; the test plays the adapter here): orders and
/// cancels leave the engine as SBE on the venue's out ring, the adapter's SBE ExecutionReports come back on the
/// shared in ring and move the OMS, positions and the strategy exactly as a simulated venue's reports do.
/// </summary>
public sealed class EngineExternalVenueTests
{
    private sealed class Trader : Strategy
    {
        public long ClOrdId { get; private set; } = -1;

        public List<Fill> Fills { get; } = [];

        public List<(long ClOrdId, bool Rejected)> Closed { get; } = [];

        public bool CancelOnNextQuote { get; set; }

        public override void OnQuote(in QuoteTick quote)
        {
            if (ClOrdId < 0)
            {
                ClOrdId = Context.Submit(OrderRequest.Limit(quote.InstrumentId, Side.Buy, 100, quote.BidPrice));
            }
            else if (CancelOnNextQuote)
            {
                CancelOnNextQuote = false;
                Context.Cancel(ClOrdId, quote.InstrumentId);
            }
        }

        public override void OnFill(in Fill fill) => Fills.Add(fill);

        public override void OnOrderClosed(long clOrdId, bool rejected) => Closed.Add((clOrdId, rejected));
    }

    /// <summary>The adapter's side of the two rings.</summary>
    private sealed class Adapter : IDisposable
    {
        private readonly RingBufferFile _outFile;
        private readonly RingBufferFile _inFile;
        private readonly RingBuffer _out;
        private readonly RingBuffer _in;

        public Adapter(EngineConfig config)
        {
            _outFile = RingBufferFile.Open(config.VenueOutRingPath(0));
            _inFile = RingBufferFile.Open(config.VenueInRingPath);
            _out = new OneToOneRingBuffer(_outFile.Buffer);
            _in = new ManyToOneRingBuffer(_inFile.Buffer);
        }

        public List<(int Type, byte[] Body)> Take()
        {
            var messages = new List<(int, byte[])>();
            _out.Read(new MessageHandler((type, buffer, index, length) => messages.Add((type, buffer.AsSpan(index, length).ToArray()))), 100);
            return messages;
        }

        public void Report(long clOrdId, ExecType execType, OrdStatus status, long cumQty, long leavesQty, long lastQty = 0, long lastPx = 0, RejectReason reason = RejectReason.None)
        {
            var buffer = new byte[256];
            var report = ExecutionReportEncoder.WrapAndApplyHeader(buffer, 0);
            report.SetClOrdId((ulong)clOrdId);
            report.SetVenueOrderId(77);
            report.SetInstrumentId(EngineMessages.Aapl);
            report.SetStrategyId(0);
            report.SetVenueId(0);
            report.SetExecType(execType);
            report.SetOrdStatus(status);
            report.SetSide(Side.Buy);
            report.SetRejectReason(reason);
            report.SetPrice(EngineMessages.AaplPrice - EngineMessages.Tick);
            report.SetOrderQty(100);
            report.SetCumQty(cumQty);
            report.SetLeavesQty(leavesQty);
            report.SetAvgPx(ExecutionReportEncoder.AvgPxNullValue);
            report.SetTransactTs(1);
            report.SetReceiveTs(0);
            var fills = report.FillsCount(lastQty > 0 ? 1 : 0);
            if (lastQty > 0)
            {
                fills.Next();
                fills.SetLastPx(lastPx);
                fills.SetLastQty(lastQty);
                fills.SetFee(1_000_000);
                fills.SetTradeId(5);
                fills.SetLiquidity(Liquidity.Maker);
            }

            report.SetText(ReadOnlySpan<byte>.Empty);
            Assert.Equal(WriteResult.Success, _in.Write(ExecutionReportEncoder.TemplateId, buffer.AsSpan(0, ExecutionReportEncoder.HeaderLength + report.EncodedLength)));
        }

        public void Dispose()
        {
            _outFile.Dispose();
            _inFile.Dispose();
        }
    }

    private static EngineHarness Harness(Trader trader) =>
        new(
            customize: c => c with
            {
                Strategies = [new StrategyConfig { Name = "ext-test", Type = "trader", Instruments = ["AAPL"], MaxPosition = 10_000 }],
                Venues = [new VenueConfig { Name = "ALPACA", Type = "external" }],
            },
            registry: new StrategyRegistry().Register("trader", _ => trader));

    private static void Quote(EngineHarness h, ulong ts)
    {
        h.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(ts));
        h.Drain();
    }

    [Fact]
    public void OrderGoesOutAsSbe_AckAndFillsComeBack_ToOmsPositionsAndStrategy()
    {
        var trader = new Trader();
        using EngineHarness h = Harness(trader);
        using var adapter = new Adapter(h.Config);
        Quote(h, 1);

        var sent = adapter.Take();
        var (type, body) = Assert.Single(sent);
        Assert.Equal(NewOrderDecoder.TemplateId, type);
        Assert.Equal(SbeDecodeStatus.Ok, NewOrderDecoder.TryDecode(body, 0, out NewOrderDecoder order, out _));
        Assert.Equal(trader.ClOrdId, (long)order.ClOrdId);
        Assert.Equal((0, 100L), (order.VenueId, order.Qty));

        adapter.Report(trader.ClOrdId, ExecType.New, OrdStatus.New, 0, 100);
        adapter.Report(trader.ClOrdId, ExecType.PartialFill, OrdStatus.PartiallyFilled, 40, 60, lastQty: 40, lastPx: EngineMessages.AaplPrice - EngineMessages.Tick);
        adapter.Report(trader.ClOrdId, ExecType.Fill, OrdStatus.Filled, 100, 0, lastQty: 60, lastPx: EngineMessages.AaplPrice - EngineMessages.Tick);
        h.Drain();

        Assert.Equal([40L, 60L], trader.Fills.Select(f => f.Qty));
        Assert.Equal(100, h.Engine.Execution.Portfolio.GetPosition(0, EngineMessages.Aapl).Quantity);
        Assert.Equal(0, h.Engine.Execution.Oms.OpenCount);
        Assert.Equal(3, h.Engine.GatewayAgent.ExternalReports.Get());
        var journaled = h.ReadJournal(ExecutionReportDecoder.TemplateId).Select(r => ExecutionReportDecoder.Decode(r.Payload, 0).ExecType).ToList();
        Assert.Equal([ExecType.New, ExecType.PartialFill, ExecType.Fill], journaled);
    }

    [Fact]
    public void CancelGoesToTheVenueHoldingTheOrder_AndItsConfirmationClosesIt()
    {
        var trader = new Trader();
        using EngineHarness h = Harness(trader);
        using var adapter = new Adapter(h.Config);
        Quote(h, 1);
        adapter.Take();
        adapter.Report(trader.ClOrdId, ExecType.New, OrdStatus.New, 0, 100);
        h.Drain();

        trader.CancelOnNextQuote = true;
        Quote(h, 2);
        var (type, body) = Assert.Single(adapter.Take());
        Assert.Equal(CancelOrderDecoder.TemplateId, type);
        Assert.Equal(trader.ClOrdId, (long)CancelOrderDecoder.Decode(body, 0).OrigClOrdId);

        adapter.Report(trader.ClOrdId, ExecType.Canceled, OrdStatus.Canceled, 0, 0);
        h.Drain();
        Assert.Equal([(trader.ClOrdId, false)], trader.Closed);
        Assert.Equal(0, h.Engine.Execution.Oms.OpenCount);
    }

    [Fact]
    public void VenueRejection_ClosesTheOrderAsRejected()
    {
        var trader = new Trader();
        using EngineHarness h = Harness(trader);
        using var adapter = new Adapter(h.Config);
        Quote(h, 1);
        adapter.Take();

        adapter.Report(trader.ClOrdId, ExecType.Rejected, OrdStatus.Rejected, 0, 0, reason: RejectReason.VenueReject);
        h.Drain();

        Assert.Equal([(trader.ClOrdId, true)], trader.Closed);
        Assert.Equal(0, h.Engine.Execution.Oms.OpenCount);
    }

    [Fact]
    public void ReportsForOrdersTheEngineNeverSent_AreCountedAndDropped()
    {
        var trader = new Trader();
        using EngineHarness h = Harness(trader);
        using var adapter = new Adapter(h.Config);
        long malformedBefore = h.Engine.GatewayAgent.Malformed.Get();

        adapter.Report(424242, ExecType.Fill, OrdStatus.Filled, 100, 0, lastQty: 100, lastPx: EngineMessages.AaplPrice);
        h.Drain();

        Assert.Equal(malformedBefore + 1, h.Engine.GatewayAgent.Malformed.Get());
        Assert.Equal(0, h.Engine.Execution.Portfolio.GetPosition(0, EngineMessages.Aapl).Quantity);
        Assert.Empty(h.ReadJournal(ExecutionReportDecoder.TemplateId));
    }
}
