using Llt.Hotpath.Config;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// A strategy's order through the wired execution path: risk gate, OMS, simulated exchange, fills back into
/// the portfolio and the strategy, every step journaled as an ExecutionReport; the kill switch cancels.
/// </summary>
public sealed class EngineExecutionTests
{
    private const long Px = EngineMessages.AaplPrice;
    private const long Tick = EngineMessages.Tick;

    /// <summary>Sends one order on the first quote it sees: buy 50 at the ask (IOC) or, resting, 5 ticks under the bid (Day).</summary>
    private sealed class OneShotBuyer(bool resting) : Strategy
    {
        public long ClOrdId { get; private set; } = -1;

        public List<Fill> Fills { get; } = [];

        public List<(long ClOrdId, bool Rejected)> Closed { get; } = [];

        public override void OnQuote(in QuoteTick quote)
        {
            if (ClOrdId >= 0)
            {
                return;
            }

            ClOrdId = resting
                ? Context.Submit(OrderRequest.Limit(quote.InstrumentId, Side.Buy, 50, quote.BidPrice - (5 * Tick)))
                : Context.Submit(OrderRequest.Limit(quote.InstrumentId, Side.Buy, 50, quote.AskPrice, TimeInForce.ImmediateOrCancel));
        }

        public override void OnFill(in Fill fill) => Fills.Add(fill);

        public override void OnOrderClosed(long clOrdId, bool rejected) => Closed.Add((clOrdId, rejected));
    }

    private static EngineHarness Harness(OneShotBuyer strategy, Func<EngineConfig, EngineConfig>? more = null)
    {
        var registry = new StrategyRegistry().Register("one-shot", _ => strategy);
        return new EngineHarness(
            customize: c =>
            {
                EngineConfig config = c with
                {
                    Strategies = [new StrategyConfig { Name = "buyer", Type = "one-shot", Instruments = ["AAPL"], MaxPosition = 1_000 }],
                };
                return more is null ? config : more(config);
            },
            registry: registry);
    }

    private static (ExecType Type, OrdStatus Status, RejectReason Reason, long CumQty, long LeavesQty, int Fills)[] ReportSummaries(EngineHarness harness)
    {
        List<JournalRecord> frames = harness.ReadJournal(ExecutionReportDecoder.TemplateId);
        var result = new (ExecType, OrdStatus, RejectReason, long, long, int)[frames.Count];
        for (int i = 0; i < frames.Count; i++)
        {
            var report = ExecutionReportDecoder.Decode(frames[i].Payload, 0);
            result[i] = (report.ExecType, report.OrdStatus, report.RejectReason, report.CumQty, report.LeavesQty, report.Fills().Count);
        }

        return result;
    }

    [Fact]
    public void MarketableOrder_IsAcceptedFilledAndMovesPositionAndPnl()
    {
        var strategy = new OneShotBuyer(resting: false);
        using EngineHarness harness = Harness(strategy);
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        harness.Drain();

        var summaries = ReportSummaries(harness);
        Assert.Equal(ExecType.New, summaries[0].Type);
        Assert.Equal((ExecType.Fill, OrdStatus.Filled, RejectReason.None, 50L, 0L, 1), summaries[^1]);
        Fill fill = Assert.Single(strategy.Fills);
        Assert.Equal(strategy.ClOrdId, fill.ClOrdId);
        Assert.Equal(Px + Tick, fill.Price);
        Assert.Equal(50, fill.Qty);
        Assert.Equal(50, harness.Engine.Strategies.Context(0).Position(EngineMessages.Aapl));
        Assert.Equal(50, harness.Engine.Execution.Portfolio.GetPosition(0, EngineMessages.Aapl).Quantity);
        // bought at the ask, marked at the mid: half a tick under water on 50 shares, plus the taker fee
        Assert.True(harness.Engine.Execution.Portfolio.Equity < 0);
        Assert.Equal(1, harness.Engine.Execution.Fills.Get());
    }

    private static byte[] TradePrint(long price, long size, ulong tradeId, ulong ts)
    {
        var buffer = new byte[TradeEncoder.HeaderLength + TradeEncoder.BlockLength];
        var trade = TradeEncoder.WrapAndApplyHeader(buffer, 0);
        trade.SetInstrumentId(EngineMessages.Aapl);
        trade.SetAggressor(AggressorSide.Sell);
        trade.SetFeedId(1);
        trade.SetPrice(price);
        trade.SetSize(size);
        trade.SetTradeId(tradeId);
        trade.SetExchangeTs(ts);
        trade.SetReceiveTs(ts);
        return buffer;
    }

    [Fact]
    public void TradePrints_GoToTheVenuesOnlyWhileAnOrderOfOursWorksOnTheInstrument_AndStillFillTheRestingOrder()
    {
        var strategy = new OneShotBuyer(resting: true);
        using EngineHarness harness = Harness(strategy);
        var gateway = harness.Engine.Gateway;

        // nothing of ours works on AAPL: the print cannot touch a venue order, so it is not forwarded
        harness.WriteMd(TradeEncoder.TemplateId, TradePrint(Px, 100, tradeId: 1, ts: 1));
        harness.Drain();
        Assert.Equal(1, gateway.TradesNotForwarded.Get());
        Assert.Equal(0, gateway.WorkingAt(EngineMessages.Aapl));

        // the resting buy 5 ticks under the bid makes AAPL's prints matter
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 2));
        harness.Drain();
        harness.Clock.Advance(1_000_000);
        harness.Drain();
        Assert.Equal(1, gateway.WorkingAt(EngineMessages.Aapl));
        Assert.Equal(1, harness.Engine.Execution.Oms.OpenCount);

        // a print at our price reaches the venue and fills the order (nothing was queued ahead of it there)
        harness.WriteMd(TradeEncoder.TemplateId, TradePrint(Px - (5 * Tick), 1_000, tradeId: 2, ts: 3));
        harness.Drain();
        harness.Clock.Advance(1_000_000);
        harness.Drain();
        Fill fill = Assert.Single(strategy.Fills);
        Assert.Equal((Px - (5 * Tick), 50L), (fill.Price, fill.Qty));
        Assert.Equal(0, harness.Engine.Execution.Oms.OpenCount);
        Assert.Equal(1, gateway.TradesNotForwarded.Get());

        // filled and closed: AAPL's prints stop at the trader again
        Assert.Equal(0, gateway.WorkingAt(EngineMessages.Aapl));
        harness.WriteMd(TradeEncoder.TemplateId, TradePrint(Px, 100, tradeId: 3, ts: 4));
        harness.Drain();
        Assert.Equal(2, gateway.TradesNotForwarded.Get());
        Assert.Equal(0, gateway.MarketDataDropped.Get());
    }

    [Fact]
    public void OrderOverThePositionLimit_IsRejectedByRisk_JournaledAndToldToTheStrategy()
    {
        var strategy = new OneShotBuyer(resting: false);
        using EngineHarness harness = Harness(strategy);
        harness.WriteCmd(SetLimitDecoder.TemplateId, EngineMessages.SetLimit(5, LimitType.Position, LimitScope.Instrument, EngineMessages.Aapl, SetLimitEncoder.StrategyIdNullValue, 10));
        harness.Drain();
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        harness.Drain();

        var report = Assert.Single(ReportSummaries(harness));
        Assert.Equal((ExecType.Rejected, OrdStatus.Rejected, RejectReason.PositionLimit), (report.Type, report.Status, report.Reason));
        Assert.Equal((strategy.ClOrdId, true), Assert.Single(strategy.Closed));
        Assert.Empty(strategy.Fills);
        Assert.Equal(0, harness.Engine.Execution.OrdersSent.Get());
        Assert.Equal(1, harness.Engine.Execution.OrdersRejected.Get());
    }

    [Fact]
    public void KillSwitch_CancelsTheRestingOrder_AndBlocksNewOnes()
    {
        var strategy = new OneShotBuyer(resting: true);
        using EngineHarness harness = Harness(strategy);
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        harness.Drain();
        Assert.Equal(1, harness.Engine.Execution.Oms.OpenCount);

        harness.WriteCmd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(9, KillSwitchAction.Engage));
        harness.Drain();

        var state = KillSwitchStateDecoder.Decode(Assert.Single(harness.ReadJournal(KillSwitchStateDecoder.TemplateId)).Payload, 0);
        Assert.Equal(1u, state.CanceledOrders);
        Assert.Equal(0, harness.Engine.Execution.Oms.OpenCount);
        Assert.Equal((ExecType.Canceled, OrdStatus.Canceled), (ReportSummaries(harness)[^1].Type, ReportSummaries(harness)[^1].Status));
        Assert.Equal((strategy.ClOrdId, false), Assert.Single(strategy.Closed));
        Assert.Equal(RejectReason.KillSwitch, harness.Engine.Execution.Risk.Check(0, OrderRequest.Limit(EngineMessages.Aapl, Side.Buy, 1, Px), 0));
    }

    [Fact]
    public void DailyLossBreach_OnTheTimer_AlertsAndTripsTheKillSwitch()
    {
        var strategy = new OneShotBuyer(resting: false);
        using EngineHarness harness = Harness(strategy);
        // a one-unit (10^-8) daily loss limit: the fill at the ask, marked at the mid, breaches it
        harness.WriteCmd(SetLimitDecoder.TemplateId, EngineMessages.SetLimit(6, LimitType.DailyLoss, LimitScope.Portfolio, SetLimitEncoder.InstrumentIdNullValue, SetLimitEncoder.StrategyIdNullValue, 1));
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        harness.Drain();
        harness.Clock.Advance(EngineHarness.HeartbeatIntervalNs); // the conductor's next timer checks the P&L
        harness.Drain();

        Assert.True(harness.Engine.KillSwitch.IsEngaged);
        var alert = RiskAlertDecoder.Decode(Assert.Single(harness.ReadJournal(RiskAlertDecoder.TemplateId)).Payload, 0);
        Assert.Equal(BreachType.DailyLoss, alert.BreachType);
        Assert.Equal(Severity.Critical, alert.Severity);
        var state = KillSwitchStateDecoder.Decode(Assert.Single(harness.ReadJournal(KillSwitchStateDecoder.TemplateId)).Payload, 0);
        Assert.Equal(BooleanType.True, state.Engaged);
        Assert.Equal(BreachType.DailyLoss, state.BreachType);
        Assert.Equal(1, harness.Engine.RiskMonitor.Breaches.Get());
        Assert.NotEmpty(harness.ReadJournal(RiskMetricsDecoder.TemplateId));
    }

    [Fact]
    public void Restart_RebuildsPositionsAndPnlFromTheJournal()
    {
        var strategy = new OneShotBuyer(resting: false);
        using EngineHarness harness = Harness(strategy);
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        harness.Drain();
        var before = harness.Engine.Execution.Portfolio.GetPosition(0, EngineMessages.Aapl);
        long fees = harness.Engine.Execution.Portfolio.Fees;
        Assert.Equal(50, before.Quantity);

        harness.Restart(); // a new engine on the same journal, as after a crash or a redeploy

        Assert.Equal(1, harness.Engine.RecoveredFills);
        var after = harness.Engine.Execution.Portfolio.GetPosition(0, EngineMessages.Aapl);
        Assert.Equal(before.Quantity, after.Quantity);
        Assert.Equal(before.CostBasis, after.CostBasis);
        Assert.Equal(fees, harness.Engine.Execution.Portfolio.Fees);
        Assert.Equal(50, harness.Engine.Strategies.Context(0).Position(EngineMessages.Aapl));
        // new client order ids continue above every id the journal has seen
        Assert.True(harness.Engine.OrderIds.Next() > strategy.ClOrdId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Restart_AfterRetentionRetiredTheSegmentWithTheFill_RecoversItFromTheArchive_OrSaysTheHistoryIsCut(bool archive)
    {
        // a hot journal with retention: the fill lands in segment 0, later ticks roll the journal until retention has
        // retired segment 0 into the archive (or deleted it); the restarted engine must still hold the position
        var strategy = new OneShotBuyer(resting: false);
        string archiveDirectory = Path.Combine(Path.GetTempPath(), "llt-archive-" + Guid.NewGuid().ToString("N"));
        try
        {
            using EngineHarness harness = Harness(strategy, c => c with
            {
                Journal = new JournalConfig
                {
                    Directory = c.Journal.Directory,
                    SegmentLength = 1 << 16,
                    RetainSegments = 1,
                    ArchiveDirectory = archive ? archiveDirectory : null,
                    JournalTicks = true,
                },
            });
            harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
            harness.Drain();
            Assert.Equal(50, harness.Engine.Execution.Portfolio.GetPosition(0, EngineMessages.Aapl).Quantity);
            ulong ts = 2;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (File.Exists(Path.Combine(harness.JournalDirectory, SegmentFileName(0))))
            {
                Assert.True(DateTime.UtcNow < deadline, "retention never retired segment 0");
                for (int i = 0; i < 200; i++)
                {
                    harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: ts++));
                }

                harness.Drain();
            }

            harness.Restart();

            if (archive)
            {
                Assert.True(File.Exists(Path.Combine(archiveDirectory, SegmentFileName(0))));
                Assert.True(harness.Engine.History!.IsComplete);
                Assert.Equal(2, harness.Engine.History.Parts.Count);
                Assert.Equal(1, harness.Engine.RecoveredFills);
                Assert.Equal(50, harness.Engine.Execution.Portfolio.GetPosition(0, EngineMessages.Aapl).Quantity);
                Assert.Equal(50, harness.Engine.Strategies.Context(0).Position(EngineMessages.Aapl));
            }
            else
            {
                // deleted: the fill is gone, and the engine knows its history is cut (llt-engine warns at startup)
                Assert.False(harness.Engine.History!.IsComplete);
                Assert.True(harness.Engine.History.FirstSegment > 0);
                Assert.Equal(0, harness.Engine.RecoveredFills);
            }
        }
        finally
        {
            if (Directory.Exists(archiveDirectory))
            {
                Directory.Delete(archiveDirectory, recursive: true);
            }
        }
    }

    private static string SegmentFileName(long index) => Llt.Hotpath.Journal.JournalDescriptor.SegmentFileName(index);

    [Fact]
    public void OrderNotAcknowledgedWithinTheAckTimeout_IsCountedOnceAndCancelled()
    {
        var strategy = new OneShotBuyer(resting: true);
        using EngineHarness harness = Harness(strategy, c => c with
        {
            Venues = [new VenueConfig { AckLatencyNs = 10_000_000_000 }],
            AckTimeoutNs = 1_000_000_000,
        });
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        harness.Drain();
        Assert.Equal(OrdStatus.PendingNew, harness.Engine.Execution.Oms.OrderAt(0).Status);

        for (int i = 0; i < 15; i++)
        {
            harness.Clock.Advance(EngineHarness.HeartbeatIntervalNs);
            harness.Drain();
        }

        Assert.Equal(1, harness.Engine.Execution.AckTimeouts.Get());

        // the venue's late ack, then its answer to the cancel: the order ends cancelled, and is reported once
        for (int i = 0; i < 100; i++)
        {
            harness.Clock.Advance(EngineHarness.HeartbeatIntervalNs);
            harness.Drain();
        }

        Assert.Equal(1, harness.Engine.Execution.AckTimeouts.Get());
        Assert.Equal(0, harness.Engine.Execution.Oms.OpenCount);
        Assert.Equal((strategy.ClOrdId, false), Assert.Single(strategy.Closed));
    }

    [Fact]
    public void Restart_WithAWorkingOrder_JournalsItAsCancelled()
    {
        var strategy = new OneShotBuyer(resting: true);
        using EngineHarness harness = Harness(strategy);
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(EngineMessages.Aapl, Px, Px + Tick, exchangeTs: 1));
        harness.Drain();
        Assert.Equal(ExecType.New, ReportSummaries(harness)[^1].Type);

        harness.Restart();

        var last = ReportSummaries(harness)[^1];
        Assert.Equal((ExecType.Canceled, OrdStatus.Canceled), (last.Type, last.Status));
        Assert.Equal(0, harness.Engine.Execution.Oms.OpenCount);
        var report = ExecutionReportDecoder.Decode(harness.ReadJournal(ExecutionReportDecoder.TemplateId)[^1].Payload, 0);
        Assert.Equal(strategy.ClOrdId, (long)report.ClOrdId);
    }

    [Fact]
    public void SetLimit_AtAScopeTheGateNeverReads_IsRejectedNotSilentlyApplied()
    {
        var strategy = new OneShotBuyer(resting: true);
        using EngineHarness harness = Harness(strategy);
        harness.WriteCmd(SetLimitDecoder.TemplateId, EngineMessages.SetLimit(8, LimitType.DailyLoss, LimitScope.Instrument, EngineMessages.Aapl, SetLimitEncoder.StrategyIdNullValue, 100));
        harness.Drain();

        var result = CommandResultDecoder.Decode(Assert.Single(harness.ReadJournal(CommandResultDecoder.TemplateId)).Payload, 0);
        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Equal(8, result.CorrelationId);
        Assert.Contains("not read at Instrument scope", result.GetTextAsString(), StringComparison.Ordinal);
        Assert.Equal(Llt.Hotpath.Risk.RiskLimits.Unlimited, harness.Engine.Limits.Instrument(LimitType.DailyLoss, EngineMessages.Aapl));
    }
}
