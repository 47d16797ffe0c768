using Llt.Hotpath.Counters;
using Llt.Hotpath.Orders;
using Llt.Hotpath.Portfolio;
using Llt.Hotpath.Risk;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// The second half of the critical path, on the trading thread: a strategy's order passes the pre-trade
/// <see cref="RiskGate"/>, enters the <see cref="OrderManager"/> and goes to the venue; the venue's reports
/// come back through the OMS into the <see cref="PortfolioLedger"/>, the risk gate's exposure and the
/// strategy. Every accepted, rejected, filled, cancelled or expired order is journaled as an SBE
/// ExecutionReport. One venue (the embedded <see cref="SimulatedExchange"/>) until routing across several
/// is wired in.
/// </summary>
public sealed class ExecutionPipeline
{
    private const int VenueId = 0;

    private readonly RiskGate _risk;
    private readonly OrderManager _oms;
    private readonly SimulatedExchange _venue;
    private readonly PortfolioLedger _portfolio;
    private readonly StrategyHost _strategies;
    private readonly EventJournal _journal;
    private readonly ClientOrderIds _orderIds;
    private ReportHandler _reports;
    private readonly long[] _timedOut = new long[64];

    public ExecutionPipeline(
        RiskGate risk, OrderManager oms, SimulatedExchange venue, PortfolioLedger portfolio, StrategyHost strategies,
        EventJournal journal, ClientOrderIds orderIds, CountersManager counters)
    {
        _risk = risk;
        _oms = oms;
        _venue = venue;
        _portfolio = portfolio;
        _strategies = strategies;
        _journal = journal;
        _orderIds = orderIds;
        _reports = new ReportHandler(this);
        OrdersSent = counters.AllocateCounter(510, "orders: sent to venue");
        OrdersRejected = counters.AllocateCounter(511, "orders: rejected (risk, OMS or venue)");
        Fills = counters.AllocateCounter(512, "orders: fills");
        Cancels = counters.AllocateCounter(513, "orders: cancelled or expired");
        TickToOrder = counters.AllocateHistogram(903, "tick-to-order ns");
        AckTimeouts = counters.AllocateCounter(514, "orders: unacknowledged past the ack timeout");
    }

    public RiskGate Risk => _risk;

    public OrderManager Oms => _oms;

    public PortfolioLedger Portfolio => _portfolio;

    public SimulatedExchange Venue => _venue;

    public Counter OrdersSent { get; }

    public Counter OrdersRejected { get; }

    public Counter Fills { get; }

    public Counter Cancels { get; }

    public LatencyHistogram TickToOrder { get; }

    public Counter AckTimeouts { get; }

    /// <summary>
    /// Orders the venue has not acknowledged within the OMS's ack timeout: counted and cancelled at the venue
    /// (a venue that acks late then cancels; one that never answers leaves the order pending for the operator).
    /// Called on the conductor's timer.
    /// </summary>
    public int CheckTimeouts(long nowNs)
    {
        int total = 0;
        int found;
        do
        {
            found = _oms.CheckTimeouts(nowNs, _timedOut);
            for (int i = 0; i < found; i++)
            {
                AckTimeouts.Increment();
                _venue.Cancel(_timedOut[i], nowNs);
            }

            total += found;
        }
        while (found == _timedOut.Length);

        return total;
    }

    /// <summary>Risk, OMS, venue for one new order intent.</summary>
    public void Submit(in OrderIntent intent, long nowNs)
    {
        ref readonly OrderRequest request = ref intent.Request;
        RejectReason reason = _risk.Check(intent.StrategyId, request, nowNs);
        if (reason != RejectReason.None)
        {
            Reject(intent, reason, nowNs);
            return;
        }

        if (_oms.Submit(intent.ClOrdId, intent.StrategyId, VenueId, request, nowNs) != OrderResult.Ok)
        {
            Reject(intent, RejectReason.MaxOpenOrders, nowNs);
            return;
        }

        var order = new VenueOrder(intent.ClOrdId, request.InstrumentId, request.Side, request.OrdType, request.TimeInForce,
            request.ExecInst, request.Price == OrderRequest.NoPrice ? 0 : request.Price, request.Qty);
        if (_venue.Submit(order, nowNs) != VenueResult.Accepted)
        {
            _oms.OnReject(intent.ClOrdId, RejectReason.VenueReject, nowNs);
            Reject(intent, RejectReason.VenueReject, nowNs);
            return;
        }

        _risk.OnOrderAccepted(intent.StrategyId, request, intent.ClOrdId);
        OrdersSent.Increment();
        if (intent.ReceiveTs > 0 && nowNs >= intent.ReceiveTs)
        {
            TickToOrder.Record(nowNs - intent.ReceiveTs);
        }
    }

    /// <summary>Asks the venue to cancel an open order; unknown or already-closing orders are ignored.</summary>
    public void Cancel(long clOrdId, long nowNs)
    {
        if (_oms.RequestCancel(clOrdId, _orderIds.Next(), nowNs) == OrderResult.Ok)
        {
            _venue.Cancel(clOrdId, nowNs);
        }
    }

    /// <summary>Cancels every open order (the kill switch); returns how many cancels were sent.</summary>
    public int CancelAll(long nowNs)
    {
        int sent = 0;
        foreach (ref readonly Order order in _oms.OpenOrders())
        {
            long clOrdId = order.ClOrdId;
            if (_oms.RequestCancel(clOrdId, _orderIds.Next(), nowNs) == OrderResult.Ok)
            {
                _venue.Cancel(clOrdId, nowNs);
                sent++;
            }
        }

        return sent;
    }

    public void OnQuote(int instrumentId, long bidPrice, long bidSize, long askPrice, long askSize, long nowNs)
    {
        _venue.OnQuote(instrumentId, bidPrice, bidSize, askPrice, askSize, nowNs);
        _portfolio.OnQuote(instrumentId, bidPrice, askPrice);
        _risk.OnMark(instrumentId, (bidPrice + askPrice) >> 1);
    }

    public void OnTrade(int instrumentId, long price, long size, long nowNs)
    {
        _venue.OnTrade(instrumentId, price, size, nowNs);
        _portfolio.OnTrade(instrumentId, price);
        _risk.OnMarketTrade(instrumentId, size, nowNs);
    }

    /// <summary>Delivers the venue's reports that are due; returns how many.</summary>
    public int Poll(long nowNs)
    {
        _reports.NowNs = nowNs;
        return _venue.Poll(nowNs, ref _reports);
    }

    /// <summary>Journals that an order working before a restart is gone (the venue restarted with the engine).</summary>
    internal void JournalRestartCancel(long clOrdId, int strategyId, int instrumentId, Side side, long price, long orderQty, long cumQty)
    {
        Cancels.Increment();
        JournalReport(clOrdId, strategyId, instrumentId, side, ExecType.Canceled, OrdStatus.Canceled, RejectReason.None,
            price, orderQty, cumQty, 0, 0, 0, 0, Liquidity.Taker, 0);
    }

    private void Reject(in OrderIntent intent, RejectReason reason, long nowNs)
    {
        OrdersRejected.Increment();
        ref readonly OrderRequest request = ref intent.Request;
        JournalReport(intent.ClOrdId, intent.StrategyId, request.InstrumentId, request.Side, ExecType.Rejected, OrdStatus.Rejected, reason,
            request.Price, request.Qty, 0, 0, 0, 0, 0, Liquidity.Taker, nowNs);
        _strategies.OnOrderClosed(intent.StrategyId, intent.ClOrdId, rejected: true);
    }

    private void OnReport(in VenueReport report, long nowNs)
    {
        if (!_oms.TryGetSlot(report.ClOrdId, out int slot))
        {
            return;
        }

        ref readonly Order order = ref _oms.OrderAt(slot);
        int strategyId = order.StrategyId;
        long orderQty = order.OrderQty;
        long price = order.Price;
        switch (report.Kind)
        {
            case VenueReportKind.Ack:
                if (_oms.OnAck(report.ClOrdId, report.ClOrdId, nowNs) == OrderResult.Ok)
                {
                    JournalReport(report.ClOrdId, strategyId, report.InstrumentId, report.Side, ExecType.New, OrdStatus.New, RejectReason.None,
                        price, orderQty, 0, orderQty, 0, 0, 0, Liquidity.Taker, nowNs);
                }

                break;
            case VenueReportKind.Fill:
                if (_oms.OnFill(report.ClOrdId, report.LastQty, report.Price, report.Fee, nowNs, out FillEffect effect) != OrderResult.Ok)
                {
                    return;
                }

                Fills.Increment();
                _portfolio.OnFill(strategyId, report.InstrumentId, report.Side, report.LastQty, report.Price, report.Fee);
                _risk.OnFill(strategyId, report.ClOrdId, report.InstrumentId, report.Side, report.LastQty, report.Price);
                if (effect.Closed)
                {
                    _risk.OnOrderClosed(report.ClOrdId);
                }

                JournalReport(report.ClOrdId, strategyId, report.InstrumentId, report.Side,
                    effect.LeavesQty == 0 ? ExecType.Fill : ExecType.PartialFill, effect.Status, RejectReason.None,
                    price, orderQty, effect.CumQty, effect.LeavesQty, effect.AvgPx, report.Price, report.LastQty, report.Liquidity, nowNs, report.Fee);
                _strategies.OnFill(strategyId, new Fill(report.ClOrdId, report.InstrumentId, report.Side, report.Price, report.LastQty, report.Fee, nowNs));
                break;
            case VenueReportKind.Canceled:
            case VenueReportKind.Expired:
                OrderResult closed = report.Kind == VenueReportKind.Canceled ? _oms.OnCanceled(report.ClOrdId, nowNs) : _oms.OnExpired(report.ClOrdId, nowNs);
                if (closed != OrderResult.Ok)
                {
                    return;
                }

                Cancels.Increment();
                _risk.OnOrderClosed(report.ClOrdId);
                JournalReport(report.ClOrdId, strategyId, report.InstrumentId, report.Side,
                    report.Kind == VenueReportKind.Canceled ? ExecType.Canceled : ExecType.Expired,
                    report.Kind == VenueReportKind.Canceled ? OrdStatus.Canceled : OrdStatus.Expired, RejectReason.None,
                    price, orderQty, report.CumQty, 0, 0, 0, 0, Liquidity.Taker, nowNs);
                _strategies.OnOrderClosed(strategyId, report.ClOrdId, rejected: false);
                break;
            case VenueReportKind.Rejected:
                if (_oms.OnReject(report.ClOrdId, report.RejectReason, nowNs) != OrderResult.Ok)
                {
                    return;
                }

                OrdersRejected.Increment();
                _risk.OnOrderClosed(report.ClOrdId);
                JournalReport(report.ClOrdId, strategyId, report.InstrumentId, report.Side, ExecType.Rejected, OrdStatus.Rejected, report.RejectReason,
                    price, orderQty, 0, 0, 0, 0, 0, Liquidity.Taker, nowNs);
                _strategies.OnOrderClosed(strategyId, report.ClOrdId, rejected: true);
                break;
            case VenueReportKind.CancelRejected:
                _oms.OnCancelReject(report.ClOrdId, report.RejectReason, nowNs);
                break;
        }
    }

    private void JournalReport(
        long clOrdId, int strategyId, int instrumentId, Side side, ExecType execType, OrdStatus status, RejectReason reason,
        long price, long orderQty, long cumQty, long leavesQty, long avgPx, long lastPx, long lastQty, Liquidity liquidity,
        long nowNs, long fee = 0)
    {
        int fixedLength = ExecutionReportEncoder.HeaderLength + ExecutionReportEncoder.BlockLength;
        var report = ExecutionReportEncoder.WrapAndApplyHeader(_journal.ClearedScratch(fixedLength + 64), 0);
        report.SetClOrdId((ulong)clOrdId);
        report.SetVenueOrderId((ulong)clOrdId);
        report.SetInstrumentId(instrumentId);
        report.SetStrategyId((short)strategyId);
        report.SetVenueId(VenueId);
        report.SetExecType(execType);
        report.SetOrdStatus(status);
        report.SetSide(side);
        report.SetRejectReason(reason);
        report.SetPrice(price is OrderRequest.NoPrice or 0 ? ExecutionReportEncoder.PriceNullValue : price);
        report.SetOrderQty(orderQty);
        report.SetCumQty(cumQty);
        report.SetLeavesQty(leavesQty);
        report.SetAvgPx(cumQty == 0 ? ExecutionReportEncoder.AvgPxNullValue : avgPx);
        report.SetTransactTs((ulong)_journal.EpochNanoTime());
        report.SetReceiveTs((ulong)nowNs);
        var fills = report.FillsCount(lastQty > 0 ? 1 : 0);
        if (lastQty > 0)
        {
            fills.Next();
            fills.SetLastPx(lastPx);
            fills.SetLastQty(lastQty);
            fills.SetFee(fee);
            fills.SetTradeId(0);
            fills.SetLiquidity(liquidity);
        }

        report.SetText(ReadOnlySpan<byte>.Empty);
        _journal.AppendScratch(ExecutionReportEncoder.TemplateId, ExecutionReportEncoder.HeaderLength + report.EncodedLength);
    }

    private struct ReportHandler : IVenueReportHandler
    {
        private readonly ExecutionPipeline _pipeline;

        public ReportHandler(ExecutionPipeline pipeline)
        {
            _pipeline = pipeline;
            NowNs = 0;
        }

        public long NowNs;

        public void OnReport(in VenueReport report) => _pipeline.OnReport(report, NowNs);
    }
}
