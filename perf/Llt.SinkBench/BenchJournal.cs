using Llt.Hotpath.Journal;
using Llt.Sbe;

namespace Llt.SinkBench;

/// <summary>A journal written up front for one run: the event mix a sink sees from a busy engine.</summary>
internal sealed class BenchJournal : IDisposable
{
    private readonly byte[] _buffer = new byte[512];
    private readonly ExclusiveJournalWriter _writer;

    public BenchJournal()
    {
        Root = Path.Combine(Path.GetTempPath(), "llt-sinkbench-" + Guid.NewGuid().ToString("N"));
        _writer = ExclusiveJournalWriter.Open(new JournalOptions { Directory = Directory, SegmentLength = 64L * 1024 * 1024 });
    }

    public string Root { get; }

    public string Directory => Path.Combine(Root, "journal");

    public long LastSequence => _writer.NextSequence - 1;

    /// <summary>
    /// Order flow as PostgreSQL stores it: per 4 events a NewOrder (1 row), an ExecutionReport with one fill
    /// (2 rows), a PositionSnapshot (history row + current-position upsert) and, every 4th group, a RiskAlert
    /// instead of the position (1 row).
    /// </summary>
    public void AppendOrderFlow(int events)
    {
        for (int i = 0; i < events; i++)
        {
            long now = Now();
            int instrument = i % 500;
            long clOrdId = i / 4;
            switch (i % 4)
            {
                case 0:
                    var order = NewOrderEncoder.WrapAndApplyHeader(_buffer, 0);
                    order.SetClOrdId((ulong)clOrdId);
                    order.SetInstrumentId(instrument);
                    order.SetStrategyId(0);
                    order.SetVenueId(1);
                    order.SetSide(Side.Buy);
                    order.SetOrdType(OrdType.Limit);
                    order.SetTimeInForce(TimeInForce.Day);
                    order.SetExecInst(ExecInst.None);
                    order.SetPrice(100_00000000 + i);
                    order.SetStopPrice(NewOrderEncoder.StopPriceNullValue);
                    order.SetQty(100);
                    order.SetDecisionTs((ulong)now);
                    order.SetReceiveTs((ulong)now);
                    Append(NewOrderEncoder.TemplateId, NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength, now);
                    break;
                case 1:
                    var report = ExecutionReportEncoder.WrapAndApplyHeader(_buffer, 0);
                    report.SetClOrdId((ulong)clOrdId);
                    report.SetVenueOrderId((ulong)i);
                    report.SetInstrumentId(instrument);
                    report.SetStrategyId(0);
                    report.SetVenueId(1);
                    report.SetExecType(ExecType.Fill);
                    report.SetOrdStatus(OrdStatus.Filled);
                    report.SetSide(Side.Buy);
                    report.SetRejectReason(RejectReason.None);
                    report.SetPrice(100_00000000 + i);
                    report.SetOrderQty(100);
                    report.SetCumQty(100);
                    report.SetLeavesQty(0);
                    report.SetAvgPx(100_00000000 + i);
                    report.SetTransactTs((ulong)now);
                    report.SetReceiveTs((ulong)now);
                    var fill = report.FillsCount(1).Next();
                    fill.SetLastPx(100_00000000 + i);
                    fill.SetLastQty(100);
                    fill.SetFee(-10_000);
                    fill.SetTradeId((ulong)i);
                    fill.SetLiquidity(Liquidity.Maker);
                    report.SetText("");
                    Append(ExecutionReportEncoder.TemplateId, ExecutionReportEncoder.HeaderLength + report.EncodedLength, now);
                    break;
                case 2:
                    AppendPosition(instrument, i, now);
                    break;
                default:
                    AppendAlert(instrument, i, now);
                    break;
            }
        }
    }

    /// <summary>
    /// The live picture as Redis keeps it: quotes over 5000 symbols (each its own hash, so little coalescing),
    /// position snapshots over 5000 keys, and a risk alert (publish + stream entry) every 10th event.
    /// </summary>
    public void AppendMarketPicture(int events)
    {
        for (int i = 0; i < events; i++)
        {
            long now = Now();
            int instrument = (i * 7) % 5000;
            if (i % 10 == 9)
            {
                AppendAlert(instrument, i, now);
            }
            else if (i % 2 == 0)
            {
                var quote = QuoteEncoder.WrapAndApplyHeader(_buffer, 0);
                quote.SetInstrumentId(instrument);
                quote.SetFeedId(1);
                quote.SetBidPrice(100_00000000 + i);
                quote.SetBidSize(100);
                quote.SetAskPrice(100_01000000 + i);
                quote.SetAskSize(100);
                quote.SetExchangeTs((ulong)now);
                quote.SetReceiveTs((ulong)now);
                Append(QuoteEncoder.TemplateId, QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength, now);
            }
            else
            {
                AppendPosition(instrument, i, now);
            }
        }
    }

    private void AppendPosition(int instrument, int i, long now)
    {
        var position = PositionSnapshotEncoder.WrapAndApplyHeader(_buffer, 0);
        position.SetInstrumentId(instrument);
        position.SetStrategyId(0);
        position.SetPosition(i);
        position.SetAvgPrice(100_00000000 + i);
        position.SetRealizedPnl(i);
        position.SetUnrealizedPnl(-i);
        position.SetTs((ulong)now);
        Append(PositionSnapshotEncoder.TemplateId, PositionSnapshotEncoder.HeaderLength + PositionSnapshotEncoder.BlockLength, now);
    }

    private void AppendAlert(int instrument, int i, long now)
    {
        var alert = RiskAlertEncoder.WrapAndApplyHeader(_buffer, 0);
        alert.SetBreachType(BreachType.PositionLimit);
        alert.SetSeverity(Severity.Warning);
        alert.SetStrategyId(0);
        alert.SetInstrumentId(instrument);
        alert.SetValue(i);
        alert.SetLimitValue(1000);
        alert.SetTs((ulong)now);
        alert.SetText("position near limit");
        Append(RiskAlertEncoder.TemplateId, RiskAlertEncoder.HeaderLength + alert.EncodedLength, now);
    }

    private static long Now() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;

    private void Append(int type, int length, long now)
    {
        long result = _writer.Append(type, _buffer.AsSpan(0, length), now);
        if (result <= 0)
        {
            throw new InvalidOperationException($"journal append failed: {result}");
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        System.IO.Directory.Delete(Root, recursive: true);
    }
}
