using Llt.Hotpath.Journal;
using Llt.Sbe;

namespace Llt.Integration.Tests.Sink;

/// <summary>
/// A journal the way the engine writes it, built frame by frame with the SBE encoders: each round is an order
/// and its fill, the position and P&amp;L snapshots that follow, a risk alert and metrics, a quote, a heartbeat,
/// and an operator's limit change, the engine's answer, a strategy enable/disable and a kill switch change.
/// Lets a test know exactly which rows every store must end up with. Small segments, so rounds cross rolls.
/// </summary>
public sealed class ScenarioJournal : IDisposable
{
    /// <summary>Frames per <see cref="AppendRounds"/> round.</summary>
    public const int FramesPerRound = 12;

    private readonly ExclusiveJournalWriter _writer;
    private readonly byte[] _buffer = new byte[1024];
    private readonly object _lock = new();

    public ScenarioJournal()
    {
        Root = Path.Combine(Path.GetTempPath(), "llt-integration-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        _writer = ExclusiveJournalWriter.Open(new JournalOptions { Directory = JournalDirectory, SegmentLength = 256 * 1024, PreTouch = false });
    }

    public string Root { get; }

    public string JournalDirectory => Path.Combine(Root, "journal");

    public int Rounds { get; private set; }

    /// <summary>Undecodable frames appended (each must land in the store's reject table, not be dropped).</summary>
    public int Undecodable { get; private set; }

    public long LastSequence
    {
        get
        {
            lock (_lock)
            {
                return _writer.NextSequence - 1;
            }
        }
    }

    public static long NowNs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;

    public void AppendRounds(int rounds)
    {
        lock (_lock)
        {
            for (int r = 0; r < rounds; r++)
            {
                AppendRound(Rounds++);
            }
        }
    }

    /// <summary>A heartbeat the engine stamped at <paramref name="heartbeatTs"/> (ns since the epoch).</summary>
    public void AppendHeartbeat(long heartbeatTs)
    {
        lock (_lock)
        {
            var heartbeat = HeartbeatEncoder.WrapAndApplyHeader(_buffer, 0);
            heartbeat.SetState(EngineState.Running);
            heartbeat.SetTs((ulong)heartbeatTs);
            heartbeat.SetJournalSequence((ulong)_writer.NextSequence);
            Append(HeartbeatEncoder.TemplateId, HeartbeatEncoder.HeaderLength + HeartbeatEncoder.BlockLength);
        }
    }

    /// <summary>A frame whose type says RiskAlert but whose payload is cut short: the decoder must refuse it.</summary>
    public void AppendUndecodable()
    {
        lock (_lock)
        {
            Append(RiskAlertEncoder.TemplateId, [1, 2, 3, 4, 5]);
            Undecodable++;
        }
    }

    private void AppendRound(int round)
    {
        long now = NowNs();
        ulong ts = (ulong)now;
        int instrument = round % 3;
        short strategy = (short)(round % 2);
        long clOrdId = 1_000_000 + round;
        long price = 190_00000000 + (round * 1_000_000L);

        var order = NewOrderEncoder.WrapAndApplyHeader(_buffer, 0);
        order.SetClOrdId((ulong)clOrdId);
        order.SetInstrumentId(instrument);
        order.SetStrategyId(strategy);
        order.SetVenueId(1);
        order.SetSide(round % 2 == 0 ? Side.Buy : Side.Sell);
        order.SetOrdType(OrdType.Limit);
        order.SetTimeInForce(TimeInForce.Day);
        order.SetExecInst(ExecInst.None);
        order.SetPrice(price);
        order.SetStopPrice(NewOrderEncoder.StopPriceNullValue);
        order.SetQty(100);
        order.SetDecisionTs(ts);
        order.SetReceiveTs(ts);
        Append(NewOrderEncoder.TemplateId, NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength);

        var report = ExecutionReportEncoder.WrapAndApplyHeader(_buffer, 0);
        report.SetClOrdId((ulong)clOrdId);
        report.SetVenueOrderId((ulong)(5_000_000 + round));
        report.SetInstrumentId(instrument);
        report.SetStrategyId(strategy);
        report.SetVenueId(1);
        report.SetExecType(ExecType.Fill);
        report.SetOrdStatus(OrdStatus.Filled);
        report.SetSide(round % 2 == 0 ? Side.Buy : Side.Sell);
        report.SetRejectReason(RejectReason.None);
        report.SetPrice(price);
        report.SetOrderQty(100);
        report.SetCumQty(100);
        report.SetLeavesQty(0);
        report.SetAvgPx(price);
        report.SetTransactTs(ts);
        report.SetReceiveTs(ts);
        var fill = report.FillsCount(1).Next();
        fill.SetLastPx(price);
        fill.SetLastQty(100);
        fill.SetFee(-25_000);
        fill.SetTradeId((ulong)(9_000_000 + round));
        fill.SetLiquidity(Liquidity.Maker);
        report.SetText("filled");
        Append(ExecutionReportEncoder.TemplateId, ExecutionReportEncoder.HeaderLength + report.EncodedLength);

        var position = PositionSnapshotEncoder.WrapAndApplyHeader(_buffer, 0);
        position.SetInstrumentId(instrument);
        position.SetStrategyId(strategy);
        position.SetPosition(round);
        position.SetAvgPrice(price);
        position.SetRealizedPnl(round * 100_000_000L);
        position.SetUnrealizedPnl(-round * 50_000_000L);
        position.SetTs(ts);
        Append(PositionSnapshotEncoder.TemplateId, PositionSnapshotEncoder.HeaderLength + PositionSnapshotEncoder.BlockLength);

        var pnl = PnlSnapshotEncoder.WrapAndApplyHeader(_buffer, 0);
        pnl.SetRealizedPnl(round * 100_000_000L);
        pnl.SetUnrealizedPnl(-round * 50_000_000L);
        pnl.SetDailyPnl(round * 50_000_000L);
        pnl.SetHighWaterMark(round * 50_000_000L);
        pnl.SetDrawdown(0);
        pnl.SetGrossExposure(price * 100);
        pnl.SetNetExposure(price * 100);
        pnl.SetTs(ts);
        var line = pnl.StrategiesCount(1).Next();
        line.SetStrategyId(strategy);
        line.SetRealizedPnl(round * 100_000_000L);
        line.SetUnrealizedPnl(-round * 50_000_000L);
        Append(PnlSnapshotEncoder.TemplateId, PnlSnapshotEncoder.HeaderLength + pnl.EncodedLength);

        var alert = RiskAlertEncoder.WrapAndApplyHeader(_buffer, 0);
        alert.SetBreachType(BreachType.PositionLimit);
        alert.SetSeverity(Severity.Warning);
        alert.SetStrategyId(strategy);
        alert.SetInstrumentId(instrument);
        alert.SetValue(round * 100_000_000L);
        alert.SetLimitValue(5000 * 100_000_000L);
        alert.SetTs(ts);
        alert.SetText($"position {round} near limit");
        Append(RiskAlertEncoder.TemplateId, RiskAlertEncoder.HeaderLength + alert.EncodedLength);

        var metrics = RiskMetricsEncoder.WrapAndApplyHeader(_buffer, 0);
        metrics.SetVar95(round * 1_000_000L);
        metrics.SetVar99(round * 2_000_000L);
        metrics.SetMaxDrawdown(0);
        metrics.SetGrossExposure(price * 100);
        metrics.SetNetExposure(price * 100);
        metrics.SetTs(ts);
        Append(RiskMetricsEncoder.TemplateId, RiskMetricsEncoder.HeaderLength + RiskMetricsEncoder.BlockLength);

        var quote = QuoteEncoder.WrapAndApplyHeader(_buffer, 0);
        quote.SetInstrumentId(instrument);
        quote.SetFeedId(1);
        quote.SetBidPrice(price - 1_000_000);
        quote.SetBidSize(100 + round);
        quote.SetAskPrice(price + 1_000_000);
        quote.SetAskSize(200 + round);
        quote.SetExchangeTs(ts);
        quote.SetReceiveTs(ts);
        Append(QuoteEncoder.TemplateId, QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength);

        var heartbeat = HeartbeatEncoder.WrapAndApplyHeader(_buffer, 0);
        heartbeat.SetState(EngineState.Running);
        heartbeat.SetTs(ts);
        heartbeat.SetJournalSequence((ulong)_writer.NextSequence);
        Append(HeartbeatEncoder.TemplateId, HeartbeatEncoder.HeaderLength + HeartbeatEncoder.BlockLength);

        long correlation = 10_000 + round;
        var limit = SetLimitEncoder.WrapAndApplyHeader(_buffer, 0);
        limit.SetCorrelationId(correlation);
        limit.SetLimitType(LimitType.Position);
        limit.SetScope(LimitScope.Instrument);
        limit.SetStrategyId(SetLimitEncoder.StrategyIdNullValue);
        limit.SetInstrumentId(instrument);
        limit.SetValue(5000 * 100_000_000L);
        limit.SetSource("ops@desk-1");
        Append(SetLimitEncoder.TemplateId, SetLimitEncoder.HeaderLength + limit.EncodedLength);

        var result = CommandResultEncoder.WrapAndApplyHeader(_buffer, 0);
        result.SetCorrelationId(correlation);
        result.SetCommandTemplateId(SetLimitEncoder.TemplateId);
        result.SetStatus(CommandStatus.Applied);
        result.SetRejectReason(RejectReason.None);
        result.SetTs(ts);
        result.SetText("");
        Append(CommandResultEncoder.TemplateId, CommandResultEncoder.HeaderLength + result.EncodedLength);

        var control = StrategyControlEncoder.WrapAndApplyHeader(_buffer, 0);
        control.SetCorrelationId(correlation + 1);
        control.SetStrategyId(strategy);
        control.SetAction(round % 4 < 2 ? StrategyAction.Disable : StrategyAction.Enable);
        control.SetSource("ops@desk-1");
        Append(StrategyControlEncoder.TemplateId, StrategyControlEncoder.HeaderLength + control.EncodedLength);

        var kill = KillSwitchStateEncoder.WrapAndApplyHeader(_buffer, 0);
        kill.SetEngaged(round % 2 == 0 ? BooleanType.True : BooleanType.False);
        kill.SetBreachType(BreachType.KillSwitch);
        kill.SetCanceledOrders((uint)round);
        kill.SetCorrelationId(correlation + 2);
        kill.SetTs(ts);
        kill.SetSource("ops@desk-1");
        kill.SetReason("drill");
        Append(KillSwitchStateEncoder.TemplateId, KillSwitchStateEncoder.HeaderLength + kill.EncodedLength);
    }

    private void Append(int type, int length) => Append(type, _buffer.AsSpan(0, length));

    private void Append(int type, ReadOnlySpan<byte> payload)
    {
        long result = _writer.Append(type, payload, NowNs());
        if (result <= 0)
        {
            throw new InvalidOperationException($"journal append of type {type} failed with {result}");
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
