using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Llt.Codecs.Runtime;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// The venue side of the engine: drains the gateway ring the trader encodes orders into (SBE NewOrder with
/// its venue, CancelOrder, ReplaceOrder) and hands them to the venue sessions — here the embedded simulated exchanges —
/// then passes every report the venues have due back to the trader on the report ring. The same ring also
/// carries the quotes and trades the trader saw (SBE Quote/Trade), because a simulated exchange needs the
/// market it trades against: on one ring, an order can never see a market newer than the one that caused it.
/// Runs on the trader's thread (one-thread mode: the hops are in-cache ring copies) or on its own
/// (pipelined mode). It never journals: the trader journals each report when it reads it (single writer).
/// <para>
/// External venues (<see cref="Config.VenueConfig.IsExternal"/>) have no exchange here: their orders and cancels
/// are copied, as the SBE messages they are, onto the venue's own out ring for its adapter process, and the
/// adapters' SBE ExecutionReports on the shared in ring become the same reports a simulated venue produces.
/// </para>
/// </summary>
public sealed class GatewayAgent : IAgent
{
    // Per duty cycle. The order ring must be drained faster than the trader fills it: the market-data agent forwards
    // up to 1,024 quotes per cycle (its batch) plus the orders they cause, so a limit of 256 let the ring fill and
    // stay full under a bursty feed: quotes dropped before the venues, orders refused, each order reaching its venue
    // tens of cycles late. Four market-data batches (4,096 records, ~256 KiB, a quarter of the ring) keep up with a
    // full batch and the orders it causes. External adapters' reports keep the smaller limit.
    internal const int OrderBatchLimit = 4 * MarketDataAgent.BatchLimit;
    private const int BatchLimit = 256;

    private readonly RingBuffer _orders;
    private readonly SimulatedExchange?[] _venues;
    private readonly RingBuffer? _externalIn;
    private readonly INanoClock _clock;
    private Handler _handler;
    private ReportWriter _writer;

    public GatewayAgent(RingBuffer orders, RingBuffer reports, SimulatedExchange[] venues, INanoClock clock, CountersManager counters)
        : this(orders, reports, venues, new RingBuffer?[venues.Length], null, clock, counters)
    {
    }

    /// <param name="venues">Venue i's simulated exchange, or null for an external venue.</param>
    /// <param name="externalOut">Venue i's out ring for an external venue, null for a simulated one.</param>
    /// <param name="externalIn">Where external venues' adapters write their ExecutionReports (null: no external venue).</param>
    public GatewayAgent(
        RingBuffer orders, RingBuffer reports, SimulatedExchange?[] venues, RingBuffer?[] externalOut, RingBuffer? externalIn,
        INanoClock clock, CountersManager counters)
    {
        _orders = orders;
        _venues = venues;
        _externalIn = externalIn;
        _clock = clock;
        Rejected = counters.AllocateCounter(530, "gateway: orders the venue refused on entry");
        Malformed = counters.AllocateCounter(531, "gateway: undecodable or unknown records");
        ReportsDeferred = counters.AllocateCounter(532, "gateway: report polls deferred (report ring full)");
        ReportsLost = counters.AllocateCounter(533, "gateway: reports lost (report ring full)");
        ExternalReports = counters.AllocateCounter(537, "gateway: execution reports from external venue adapters");
        _writer = new ReportWriter(reports, ReportsLost);
        _handler = new Handler(venues, externalOut, reports, Rejected, Malformed, ReportsLost);
        _externalHandler = new ExternalReportHandler(reports, Malformed, ReportsLost, _handler.ExternalOrders, ExternalReports);
    }

    private ExternalReportHandler _externalHandler;

    /// <summary>Reports read from external venues' adapters.</summary>
    public Counter ExternalReports { get; }

    public string RoleName => Config.EngineAgentNames.Gateway;

    public ReadOnlySpan<SimulatedExchange?> Venues => _venues;

    public Counter Rejected { get; }

    public Counter Malformed { get; }

    public Counter ReportsDeferred { get; }

    public Counter ReportsLost { get; }

    public int DoWork()
    {
        long nowNs = _clock.NanoTime();
        _handler.NowNs = nowNs;
        int work = _orders.Read(ref _handler, OrderBatchLimit);
        SimulatedExchange?[] venues = _venues;
        for (int v = 0; v < venues.Length; v++)
        {
            SimulatedExchange? venue = venues[v];
            if (venue is null)
            {
                continue;
            }

            // a report polled is a report dropped from the venue's queue: poll only what the ring can take
            if (!_writer.HasRoomFor(venue.PendingReportCount))
            {
                ReportsDeferred.Increment();
                continue;
            }

            work += venue.Poll(nowNs, ref _writer);
        }

        if (_externalIn is not null && _writer.HasRoomFor(BatchLimit))
        {
            _externalHandler.NowNs = nowNs;
            work += _externalIn.Read(ref _externalHandler, BatchLimit);
        }

        return work;
    }

    /// <summary>Writes reports into the report ring; the caller checked there is room.</summary>
    private struct ReportWriter : IVenueReportHandler
    {
        private static readonly int RecordLength = RecordDescriptor.Align(RecordDescriptor.HeaderLength + Unsafe.SizeOf<VenueReport>());

        private readonly RingBuffer _reports;
        private readonly Counter _lost;

        public ReportWriter(RingBuffer reports, Counter lost)
        {
            _reports = reports;
            _lost = lost;
        }

        public readonly bool HasRoomFor(int count) =>
            count == 0 || (long)(_reports.Capacity - _reports.Size) >= (long)count * RecordLength;

        public readonly void OnReport(in VenueReport report) => Send(_reports, report, _lost);
    }

    private static void Send(RingBuffer reports, in VenueReport report, Counter lost)
    {
        if (reports.Write(VenueGateway.VenueReportTypeId, MemoryMarshal.AsBytes(new ReadOnlySpan<VenueReport>(in report))) != WriteResult.Success)
        {
            lost.Increment();
        }
    }

    private struct Handler : IMessageHandler
    {
        private const int QuoteRecordLength = QuoteDecoder.HeaderLength + QuoteDecoder.BlockLength;
        private const int TradeRecordLength = TradeDecoder.HeaderLength + TradeDecoder.BlockLength;
        private const int NewOrderRecordLength = NewOrderDecoder.HeaderLength + NewOrderDecoder.BlockLength;

        private readonly SimulatedExchange?[] _venues;
        private readonly RingBuffer?[] _externalOut;
        private readonly RingBuffer _reports;
        private readonly Counter _rejected;
        private readonly Counter _malformed;
        private readonly Counter _lost;

        public Handler(SimulatedExchange?[] venues, RingBuffer?[] externalOut, RingBuffer reports, Counter rejected, Counter malformed, Counter lost)
        {
            _venues = venues;
            _externalOut = externalOut;
            ExternalOrders = new ExternalOrderTable(8192);
            _reports = reports;
            _rejected = rejected;
            _malformed = malformed;
            _lost = lost;
            NowNs = 0;
        }

        public long NowNs;

        /// <summary>Orders working at external venues: which venue holds each (cancels go there).</summary>
        public readonly ExternalOrderTable ExternalOrders;

        public readonly void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
        {
            ReadOnlySpan<byte> message = buffer.AsSpan(index, length);
            switch (msgTypeId)
            {
                case QuoteDecoder.TemplateId:
                    OnQuote(message);
                    break;
                case TradeDecoder.TemplateId:
                    OnTrade(message);
                    break;
                case NewOrderDecoder.TemplateId:
                    OnNewOrder(message);
                    break;
                case CancelOrderDecoder.TemplateId:
                    OnCancel(message);
                    break;
                case ReplaceOrderDecoder.TemplateId:
                    OnReplace(message);
                    break;
                default:
                    _malformed.Increment();
                    break;
            }
        }

        private readonly void OnQuote(ReadOnlySpan<byte> message)
        {
            // Only this process writes the gateway ring (VenueGateway, MarketDataRecords: the current schema's Quote),
            // and the record's type said Quote: a record long enough for one is read with the trusted wrap instead of
            // TryDecode's schema, template and block checks, once per tick. A short record is still counted and dropped.
            if (message.Length < QuoteRecordLength)
            {
                _malformed.Increment();
                return;
            }

            QuoteDecoder quote = QuoteDecoder.WrapWithHeader(message, 0);

            int instrumentId = quote.InstrumentId;
            long bid = quote.BidPrice, bidSize = quote.BidSize, ask = quote.AskPrice, askSize = quote.AskSize;
            SimulatedExchange?[] venues = _venues;
            for (int v = 0; v < venues.Length; v++)
            {
                venues[v]?.OnQuote(instrumentId, bid, bidSize, ask, askSize, NowNs);
            }
        }

        private readonly void OnTrade(ReadOnlySpan<byte> message)
        {
            // as OnQuote: our own record, read with the trusted wrap
            if (message.Length < TradeRecordLength)
            {
                _malformed.Increment();
                return;
            }

            TradeDecoder trade = TradeDecoder.WrapWithHeader(message, 0);

            int instrumentId = trade.InstrumentId;
            long price = trade.Price, size = trade.Size;
            SimulatedExchange?[] venues = _venues;
            for (int v = 0; v < venues.Length; v++)
            {
                venues[v]?.OnTrade(instrumentId, price, size, NowNs);
            }
        }

        private readonly void OnNewOrder(ReadOnlySpan<byte> message)
        {
            // as OnQuote: VenueGateway.SendNew's record, read with the trusted wrap after a length check
            if (message.Length < NewOrderRecordLength)
            {
                _malformed.Increment();
                return;
            }

            NewOrderDecoder order = NewOrderDecoder.WrapWithHeader(message, 0);
            if ((uint)order.VenueId >= (uint)_venues.Length)
            {
                _malformed.Increment();
                return;
            }

            long clOrdId = (long)order.ClOrdId;
            long price = order.Price;
            long stopPrice = order.StopPrice, trailPrice = order.TrailPrice;
            int trailBps = order.TrailBps;
            var venueOrder = new VenueOrder(clOrdId, order.InstrumentId, order.Side, order.OrdType, order.TimeInForce,
                order.ExecInst, price == NewOrderDecoder.PriceNullValue ? 0 : price, order.Qty,
                stopPrice == NewOrderDecoder.StopPriceNullValue ? 0 : stopPrice,
                trailPrice == NewOrderDecoder.TrailPriceNullValue ? 0 : trailPrice,
                trailBps == NewOrderDecoder.TrailBpsNullValue ? 0 : trailBps);
            SimulatedExchange? simulated = _venues[order.VenueId];
            VenueResult result;
            if (simulated is not null)
            {
                result = simulated.Submit(venueOrder, NowNs);
            }
            else
            {
                // the adapter gets the order as the SBE message it is; it answers with ExecutionReports
                result = _externalOut[order.VenueId]!.Write(NewOrderDecoder.TemplateId, message) == WriteResult.Success
                    && ExternalOrders.TryAdd(clOrdId, order.VenueId)
                    ? VenueResult.Accepted
                    : VenueResult.OrderCapacityFull;
            }

            if (result != VenueResult.Accepted)
            {
                // refused on entry: the trader learns it the way it learns everything, from a report
                _rejected.Increment();
                var report = new VenueReport
                {
                    TimestampNs = NowNs,
                    VenueTimeNs = NowNs,
                    Kind = VenueReportKind.Rejected,
                    ClOrdId = clOrdId,
                    InstrumentId = venueOrder.InstrumentId,
                    Side = venueOrder.Side,
                    Price = venueOrder.Price,
                    RejectReason = RejectReason.VenueReject,
                };
                Send(_reports, report, _lost);
            }
        }

        private readonly void OnCancel(ReadOnlySpan<byte> message)
        {
            if (CancelOrderDecoder.TryDecode(message, 0, out CancelOrderDecoder cancel, out SbeError _) != SbeDecodeStatus.Ok)
            {
                _malformed.Increment();
                return;
            }

            long target = (long)cancel.OrigClOrdId;
            SimulatedExchange?[] venues = _venues;
            for (int v = 0; v < venues.Length; v++)
            {
                if (venues[v] is { } venue && venue.Holds(target))
                {
                    venue.Cancel(target, NowNs);
                    return;
                }
            }

            int external = ExternalOrders.VenueOf(target);
            if (external >= 0 && _externalOut[external]!.Write(CancelOrderDecoder.TemplateId, message) == WriteResult.Success)
            {
                return;
            }

            // no venue holds it any more (filled or cancelled meanwhile): too late to cancel
            RefuseRequest(target, target, cancel.InstrumentId, RejectReason.TooLateToCancel);
        }

        private readonly void OnReplace(ReadOnlySpan<byte> message)
        {
            if (ReplaceOrderDecoder.TryDecode(message, 0, out ReplaceOrderDecoder replace, out SbeError _) != SbeDecodeStatus.Ok)
            {
                _malformed.Increment();
                return;
            }

            long clOrdId = (long)replace.ClOrdId;
            long target = (long)replace.OrigClOrdId;
            // a null price keeps the order's own (a market, stop or trailing stop changes only its quantity)
            long price = replace.Price == ReplaceOrderDecoder.PriceNullValue ? 0 : replace.Price;
            SimulatedExchange?[] venues = _venues;
            for (int v = 0; v < venues.Length; v++)
            {
                if (venues[v] is { } venue && venue.Holds(target))
                {
                    VenueResult result = venue.Replace(target, clOrdId, price, replace.Qty, NowNs);
                    if (result != VenueResult.Accepted)
                    {
                        // refused before it reached the book (a bad quantity, a full request queue): as the venue would
                        _rejected.Increment();
                        RefuseRequest(clOrdId, target, replace.InstrumentId,
                            result == VenueResult.InvalidQty ? RejectReason.InvalidQty : RejectReason.VenueReject);
                    }

                    return;
                }
            }

            if (ExternalOrders.VenueOf(target) is int external and >= 0)
            {
                if (ExternalOrders.TryAddReplace(clOrdId, target))
                {
                    if (_externalOut[external]!.Write(ReplaceOrderDecoder.TemplateId, message) == WriteResult.Success)
                    {
                        return;
                    }

                    ExternalOrders.OnReplaceAnswered(clOrdId, applied: false);
                }

                _rejected.Increment();
                RefuseRequest(clOrdId, target, replace.InstrumentId, RejectReason.VenueReject);
                return;
            }

            // no venue holds it any more (filled or cancelled meanwhile): too late to amend
            RefuseRequest(clOrdId, target, replace.InstrumentId, RejectReason.TooLateToCancel);
        }

        /// <summary>A cancel or replace refused here, reported as a venue refuses one (<see cref="VenueReportKind.CancelRejected"/>).</summary>
        private readonly void RefuseRequest(long clOrdId, long origClOrdId, int instrumentId, RejectReason reason)
        {
            var report = new VenueReport
            {
                TimestampNs = NowNs,
                VenueTimeNs = NowNs,
                Kind = VenueReportKind.CancelRejected,
                ClOrdId = clOrdId,
                OrigClOrdId = origClOrdId,
                InstrumentId = instrumentId,
                RejectReason = reason,
            };
            Send(_reports, report, _lost);
        }
    }

    /// <summary>
    /// An external venue adapter's SBE ExecutionReport → the <see cref="VenueReport"/> a simulated venue would have
    /// produced: New → Ack, PartialFill/Fill → Fill (one per fill in the group), Replaced (under the new id),
    /// Canceled, Expired, Rejected with status Rejected → Rejected, Rejected with any other status → the cancel or
    /// replace was refused (CancelRejected).
    /// Reports for orders the gateway did not send are counted malformed and dropped.
    /// </summary>
    private struct ExternalReportHandler : IMessageHandler
    {
        private readonly RingBuffer _reports;
        private readonly Counter _malformed;
        private readonly Counter _lost;
        private readonly ExternalOrderTable _orders;
        private readonly Counter _received;

        public ExternalReportHandler(RingBuffer reports, Counter malformed, Counter lost, ExternalOrderTable orders, Counter received)
        {
            _reports = reports;
            _malformed = malformed;
            _lost = lost;
            _orders = orders;
            _received = received;
            NowNs = 0;
        }

        public long NowNs;

        public readonly void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
        {
            if (msgTypeId != ExecutionReportDecoder.TemplateId
                || ExecutionReportDecoder.TryDecode(buffer.AsSpan(index, length), 0, out ExecutionReportDecoder er, out SbeError _) != SbeDecodeStatus.Ok)
            {
                _malformed.Increment();
                return;
            }

            long clOrdId = (long)er.ClOrdId;
            if (_orders.VenueOf(clOrdId) < 0)
            {
                _malformed.Increment();
                return;
            }

            _received.Increment();
            var report = new VenueReport
            {
                TimestampNs = NowNs,
                VenueTimeNs = (long)er.TransactTs,
                ClOrdId = clOrdId,
                InstrumentId = er.InstrumentId,
                Side = er.Side,
                Price = er.Price == ExecutionReportDecoder.PriceNullValue ? 0 : er.Price,
                CumQty = er.CumQty,
                LeavesQty = er.LeavesQty,
                RejectReason = er.RejectReason,
            };
            switch (er.ExecType)
            {
                case ExecType.New:
                    report.Kind = VenueReportKind.Ack;
                    Send(_reports, report, _lost);
                    break;
                case ExecType.PartialFill:
                case ExecType.Fill:
                    var fills = er.Fills();
                    while (fills.HasNext)
                    {
                        fills.Next();
                        report.Kind = VenueReportKind.Fill;
                        report.Price = fills.LastPx;
                        report.LastQty = fills.LastQty;
                        report.Fee = fills.Fee;
                        report.Liquidity = fills.Liquidity;
                        Send(_reports, report, _lost);
                    }

                    if (er.LeavesQty == 0)
                    {
                        _orders.Remove(clOrdId);
                    }

                    break;
                case ExecType.Replaced:
                    // the order works under the new id from now on; the id it replaced is done
                    report.Kind = VenueReportKind.Replaced;
                    report.OrigClOrdId = _orders.OnReplaceAnswered(clOrdId, applied: true);
                    if (er.LeavesQty == 0)
                    {
                        _orders.Remove(clOrdId);
                    }

                    Send(_reports, report, _lost);
                    break;
                case ExecType.Canceled:
                    report.Kind = VenueReportKind.Canceled;
                    _orders.Remove(clOrdId);
                    Send(_reports, report, _lost);
                    break;
                case ExecType.Expired:
                    report.Kind = VenueReportKind.Expired;
                    _orders.Remove(clOrdId);
                    Send(_reports, report, _lost);
                    break;
                case ExecType.Rejected:
                    if (er.OrdStatus == OrdStatus.Rejected)
                    {
                        report.Kind = VenueReportKind.Rejected;
                        _orders.Remove(clOrdId);
                    }
                    else
                    {
                        // a cancel or replace refused: a refused replace's id is done, the order works on under its old one
                        report.Kind = VenueReportKind.CancelRejected;
                        report.OrigClOrdId = _orders.OnReplaceAnswered(clOrdId, applied: false);
                    }

                    Send(_reports, report, _lost);
                    break;
                default:
                    _malformed.Increment();
                    break;
            }
        }
    }
}
