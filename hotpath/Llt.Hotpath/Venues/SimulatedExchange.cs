using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Llt.Sbe;

namespace Llt.Hotpath.Venues;

/// <summary>
/// The embedded default venue for paper trading and backtests: matches our orders against the market the
/// engine feeds it (top of book, L2 levels, trade prints), with configured latencies and maker/taker fees.
/// The fill model is specified in docs/VENUES.md. Stop, stop-limit and trailing-stop orders wait armed, in no
/// book, until a trade print reaches their trigger; then they enter as the market or limit order they become.
/// At-the-opening and at-the-close orders are rejected on arrival: this venue runs no auctions. Single-threaded (the gateway agent's thread); no
/// allocation after construction; every refusal is a <see cref="VenueResult"/> or a report, never a throw.
/// </summary>
/// <remarks>
/// Time is passed in. Requests act at the venue at <c>nowNs + EntryLatencyNs</c>; what happens at the venue
/// at time T is reported at <c>T + AckLatencyNs</c>. Market data is applied at the venue at the nowNs it is
/// given, after every request that has arrived by then, so an order sees the market as of its arrival.
/// Time must not go backwards across calls.
/// </remarks>
public sealed class SimulatedExchange
{
    private const int NoSlot = -1;
    private const int BidSide = 0;
    private const int AskSide = 1;
    private const int BpsPerUnit = 10_000;

    private readonly long _entryLatencyNs;
    private readonly long _ackLatencyNs;
    private readonly long _makerFeePerUnit;
    private readonly long _takerFeePerUnit;
    private readonly int _instrumentCount;
    private readonly int _depth;
    private readonly LiquidityShare _share;

    // market: per instrument and side (key = instrument * 2 + side), a ring of _levelStride slots holding the side's
    // levels best first from _levelHeads[key], _levelCounts[key] of them, DisplayedQty > 0. A ring because the quote
    // path changes the book only at its top (drop the better levels, refresh, insert or remove the best): moving the
    // head is what a copy of the whole side was.
    private readonly MarketLevel[] _levels;
    private readonly int[] _levelHeads;
    private readonly int[] _levelCounts;
    private readonly int _levelStride;
    private readonly int _levelMask;

    // ours: slots, free stack, resting lists per instrument side (price, then time)
    private readonly SimOrderSlot[] _orders;
    private readonly int[] _freeSlots;
    private int _freeCount;
    private readonly int[] _restingHeads;
    // armed (untriggered) stops per instrument, both sides, oldest first: a print triggering several enters them in time order
    private readonly int[] _armedHeads;
    private readonly int[] _armedTails;
    private readonly ClOrdIdIndex _index;
    private long _triggered;
    private long _unsupportedTimeInForce;

    private readonly FixedRing<VenueRequest> _requests;
    private readonly FixedRing<VenueReport> _reports;
    // written instead of the queue when it is full, so emit sites need no branch
    private VenueReport _overflowReport;
    private long _droppedReports;

    public SimulatedExchange(SimulatedExchangeOptions options)
    {
        string? error = options.Validate();
        if (error is not null)
        {
            VenueThrowHelper.ThrowArgument(nameof(options), error);
        }

        VenueId = options.VenueId;
        Name = options.Name;
        _entryLatencyNs = options.EntryLatencyNs;
        _ackLatencyNs = options.AckLatencyNs;
        _makerFeePerUnit = options.MakerFeePerUnit;
        _takerFeePerUnit = options.TakerFeePerUnit;
        _instrumentCount = options.InstrumentCount;
        _depth = options.BookDepth;
        _share = new LiquidityShare(options.LiquidityShare);

        _levelStride = (int)BitOperations.RoundUpToPowerOf2((uint)_depth);
        _levelMask = _levelStride - 1;
        _levels = new MarketLevel[_instrumentCount * 2 * _levelStride];
        _levelHeads = new int[_instrumentCount * 2];
        _levelCounts = new int[_instrumentCount * 2];
        _orders = new SimOrderSlot[options.OrderCapacity];
        _freeSlots = new int[options.OrderCapacity];
        for (int i = 0; i < _freeSlots.Length; i++)
        {
            // popped from the end: slot 0 first
            _freeSlots[i] = _freeSlots.Length - 1 - i;
        }

        _freeCount = _freeSlots.Length;
        _restingHeads = new int[_instrumentCount * 2];
        _restingHeads.AsSpan().Fill(NoSlot);
        _armedHeads = new int[_instrumentCount];
        _armedHeads.AsSpan().Fill(NoSlot);
        _armedTails = new int[_instrumentCount];
        _armedTails.AsSpan().Fill(NoSlot);
        _index = new ClOrdIdIndex(options.OrderCapacity);
        _requests = new FixedRing<VenueRequest>(options.RequestCapacity);
        _reports = new FixedRing<VenueReport>(options.ReportCapacity);
    }

    public int VenueId { get; }

    public string Name { get; }

    /// <summary>One-way time from our request to the venue acting on it.</summary>
    public long EntryLatencyNs => _entryLatencyNs;

    /// <summary>One-way time from a venue event to its report reaching the engine.</summary>
    public long AckLatencyNs => _ackLatencyNs;

    /// <summary>Fee per unit taken, fixed-point 10^-8 (negative = rebate).</summary>
    public long TakerFeePerUnit => _takerFeePerUnit;

    /// <summary>Orders held (in flight or working).</summary>
    public int OrderCount => _orders.Length - _freeCount;

    /// <summary>Reports produced and not yet polled (some may not be due yet).</summary>
    public int PendingReportCount => _reports.Count;

    /// <summary>Reports lost because the report queue was full; nonzero means ReportCapacity is too small.</summary>
    public long DroppedReports => _droppedReports;

    /// <summary>Stop, stop-limit and trailing-stop orders triggered so far.</summary>
    public long TriggeredCount => _triggered;

    /// <summary>At-the-opening / at-the-close orders rejected on arrival (<see cref="VenueRejectCode.UnsupportedTimeInForce"/>).</summary>
    public long UnsupportedTimeInForceRejects => _unsupportedTimeInForce;

    /// <summary>Sends a new order; it acts at the venue at <paramref name="nowNs"/> + entry latency.</summary>
    public VenueResult Submit(in VenueOrder order, long nowNs)
    {
        if ((uint)order.InstrumentId >= (uint)_instrumentCount)
        {
            return VenueResult.UnknownInstrument;
        }

        if (order.Qty <= 0)
        {
            return VenueResult.InvalidQty;
        }

        if (order.OrdType is not (OrdType.Limit or OrdType.Market or OrdType.Stop or OrdType.StopLimit or OrdType.TrailingStop))
        {
            return VenueResult.UnsupportedOrdType;
        }

        if (order.OrdType is OrdType.Limit or OrdType.StopLimit && order.Price <= 0)
        {
            return VenueResult.InvalidPrice;
        }

        if (order.OrdType is OrdType.Stop or OrdType.StopLimit && order.StopPrice <= 0)
        {
            return VenueResult.InvalidStopPrice;
        }

        if (order.OrdType == OrdType.TrailingStop
            && !(order.TrailPrice > 0 && order.TrailBps == 0)
            && !(order.TrailBps is > 0 and < BpsPerUnit && order.TrailPrice == 0))
        {
            return VenueResult.InvalidTrail;
        }

        if (_requests.IsFull)
        {
            return VenueResult.RequestQueueFull;
        }

        if (_freeCount == 0)
        {
            return VenueResult.OrderCapacityFull;
        }

        int slot = _freeSlots[_freeCount - 1];
        if (!_index.TryAdd(order.ClOrdId, slot))
        {
            return VenueResult.DuplicateClOrdId;
        }

        _freeCount--;
        ref SimOrderSlot o = ref _orders[slot];
        o.ClOrdId = order.ClOrdId;
        o.InstrumentId = order.InstrumentId;
        o.Side = order.Side;
        o.OrdType = order.OrdType;
        o.TimeInForce = order.TimeInForce;
        o.ExecInst = order.ExecInst;
        o.Price = order.OrdType is OrdType.Limit or OrdType.StopLimit ? order.Price : 0;
        o.StopPrice = order.OrdType is OrdType.Stop or OrdType.StopLimit ? order.StopPrice : 0;
        o.TrailPrice = order.OrdType == OrdType.TrailingStop ? order.TrailPrice : 0;
        o.TrailBps = order.OrdType == OrdType.TrailingStop ? order.TrailBps : 0;
        o.WaterMark = 0;
        o.OrderQty = order.Qty;
        o.CumQty = 0;
        o.QueueAhead = 0;
        o.UnmatchedPrintQty = 0;
        o.Prev = NoSlot;
        o.Next = NoSlot;
        o.State = SimOrderState.InFlight;

        ref VenueRequest request = ref _requests.Claim(out _);
        request.Kind = VenueRequestKind.New;
        request.ArrivalNs = nowNs + _entryLatencyNs;
        request.ClOrdId = order.ClOrdId;
        request.Slot = slot;
        return VenueResult.Accepted;
    }

    /// <summary>Requests a cancel; an unknown or finished order gets a <see cref="VenueReportKind.CancelRejected"/>.</summary>
    public VenueResult Cancel(long clOrdId, long nowNs)
    {
        if (_requests.IsFull)
        {
            return VenueResult.RequestQueueFull;
        }

        ref VenueRequest request = ref _requests.Claim(out _);
        request.Kind = VenueRequestKind.Cancel;
        request.ArrivalNs = nowNs + _entryLatencyNs;
        request.ClOrdId = clOrdId;
        return VenueResult.Accepted;
    }

    /// <summary>
    /// Requests a cancel/replace of a working limit order to a new price and total quantity under
    /// <paramref name="newClOrdId"/>. Same price and lower quantity keeps queue priority; anything else loses it.
    /// A <paramref name="price"/> of 0 keeps the order's price (the only replace a stop or trailing stop takes here:
    /// its quantity).
    /// </summary>
    public VenueResult Replace(long clOrdId, long newClOrdId, long price, long qty, long nowNs)
    {
        if (qty <= 0)
        {
            return VenueResult.InvalidQty;
        }

        if (price < 0)
        {
            return VenueResult.InvalidPrice;
        }

        return EnqueueReplace(clOrdId, newClOrdId, price, 0, qty, nowNs);
    }

    /// <summary>
    /// Requests a cancel/replace of an untriggered stop or stop-limit order to a new stop price, limit
    /// (<paramref name="limitPrice"/>, stop-limit only; 0 keeps it) and total quantity under <paramref name="newClOrdId"/>.
    /// A stop that triggered meanwhile is replaced as the limit order it became (the stop price no longer matters);
    /// a trailing stop has no stop price to set and gets a <see cref="VenueReportKind.CancelRejected"/>
    /// (<see cref="VenueRejectCode.InvalidStopPrice"/>): change its quantity with <see cref="Replace"/>.
    /// </summary>
    public VenueResult ReplaceStop(long clOrdId, long newClOrdId, long stopPrice, long limitPrice, long qty, long nowNs)
    {
        if (qty <= 0)
        {
            return VenueResult.InvalidQty;
        }

        if (stopPrice <= 0)
        {
            return VenueResult.InvalidStopPrice;
        }

        if (limitPrice < 0)
        {
            return VenueResult.InvalidPrice;
        }

        return EnqueueReplace(clOrdId, newClOrdId, limitPrice, stopPrice, qty, nowNs);
    }

    /// <summary>Queues a cancel/replace request for its entry latency (Replace and ReplaceStop checked their terms).</summary>
    private VenueResult EnqueueReplace(long clOrdId, long newClOrdId, long price, long stopPrice, long qty, long nowNs)
    {
        if (_requests.IsFull)
        {
            return VenueResult.RequestQueueFull;
        }

        ref VenueRequest request = ref _requests.Claim(out _);
        request.Kind = VenueRequestKind.Replace;
        request.ArrivalNs = nowNs + _entryLatencyNs;
        request.ClOrdId = clOrdId;
        request.NewClOrdId = newClOrdId;
        request.Price = price;
        request.StopPrice = stopPrice;
        request.Qty = qty;
        return VenueResult.Accepted;
    }

    /// <summary>
    /// Top of book: sets the best bid and ask levels, removing market levels better than them. A price
    /// &lt;= 0 leaves that side alone; a size &lt;= 0 removes the level at that price.
    /// </summary>
    public VenueResult OnQuote(int instrumentId, long bidPx, long bidSz, long askPx, long askSz, long nowNs)
    {
        if ((uint)instrumentId >= (uint)_instrumentCount)
        {
            return VenueResult.UnknownInstrument;
        }

        // Every quote reaches every venue, and most find no request due and no order of ours resting on the
        // instrument: those checks are inline here, so such a quote costs the two level updates and nothing else.
        if (_requests.Count > 0 && _requests.Peek().ArrivalNs <= nowNs)
        {
            ProcessRequests(nowNs);
        }

        SetTop(instrumentId, BidSide, bidPx, Share(bidSz));
        SetTop(instrumentId, AskSide, askPx, Share(askSz));
        int key = instrumentId * 2;
        if (_restingHeads[key + BidSide] != NoSlot)
        {
            MatchCrossedResting(instrumentId, BidSide, nowNs);
        }

        if (_restingHeads[key + AskSide] != NoSlot)
        {
            MatchCrossedResting(instrumentId, AskSide, nowNs);
        }

        return VenueResult.Accepted;
    }

    /// <summary>One L2 level: displayed size at a price on a side; size &lt;= 0 deletes the level.</summary>
    public VenueResult OnBookLevel(int instrumentId, Side side, long price, long size, long nowNs)
    {
        if ((uint)instrumentId >= (uint)_instrumentCount)
        {
            return VenueResult.UnknownInstrument;
        }

        if (price <= 0)
        {
            return VenueResult.InvalidPrice;
        }

        ProcessRequests(nowNs);
        int s = SideIndex(side);
        SetLevel(instrumentId, s, price, Share(size));
        MatchCrossedResting(instrumentId, 1 - s, nowNs);
        return VenueResult.Accepted;
    }

    /// <summary>A trade print in the market: fills our resting orders it reaches (docs/VENUES.md).</summary>
    public VenueResult OnTrade(int instrumentId, long price, long size, long nowNs)
    {
        if ((uint)instrumentId >= (uint)_instrumentCount)
        {
            return VenueResult.UnknownInstrument;
        }

        if (size <= 0)
        {
            return VenueResult.InvalidQty;
        }

        ProcessRequests(nowNs);
        long printed = Share(size);
        ApplyPrint(instrumentId, BidSide, price, printed, nowNs);
        ApplyPrint(instrumentId, AskSide, price, printed, nowNs);
        if (_armedHeads[instrumentId] != NoSlot)
        {
            TriggerStops(instrumentId, price, nowNs);
        }

        return VenueResult.Accepted;
    }

    /// <summary>End of session: every working Day order is expired at <paramref name="nowNs"/>. O(order capacity).</summary>
    public int ExpireDayOrders(long nowNs)
    {
        ProcessRequests(nowNs);
        int expired = 0;
        for (int slot = 0; slot < _orders.Length; slot++)
        {
            ref SimOrderSlot o = ref _orders[slot];
            if (o.State is SimOrderState.Resting or SimOrderState.Armed && o.TimeInForce == TimeInForce.Day)
            {
                Emit(VenueReportKind.Expired, slot, nowNs);
                Finish(slot);
                expired++;
            }
        }

        return expired;
    }

    /// <summary>
    /// Acts on every request that has arrived by <paramref name="nowNs"/>, then hands each report due by
    /// then to <paramref name="handler"/> in time order. Returns the number of reports delivered.
    /// </summary>
    public int Poll<THandler>(long nowNs, ref THandler handler)
        where THandler : IVenueReportHandler
    {
        ProcessRequests(nowNs);
        int delivered = 0;
        while (_reports.Count > 0)
        {
            ref VenueReport report = ref _reports.Peek();
            if (report.TimestampNs > nowNs)
            {
                break;
            }

            handler.OnReport(in report);
            _reports.Drop();
            delivered++;
        }

        return delivered;
    }

    /// <summary>
    /// The best market level on <paramref name="side"/> (the ask side is what a buy takes) and the size still
    /// available there; false when the venue shows nothing on that side. What the router ranks venues by.
    /// </summary>
    public bool TryGetTouch(int instrumentId, Side side, out long price, out long availableQty)
    {
        price = 0;
        availableQty = 0;
        if ((uint)instrumentId >= (uint)_instrumentCount)
        {
            return false;
        }

        int key = instrumentId * 2 + SideIndex(side);
        if (_levelCounts[key] == 0)
        {
            return false;
        }

        ref readonly MarketLevel best = ref Level(key, 0);
        price = best.Price;
        availableQty = best.AvailableQty;
        return availableQty > 0;
    }

    /// <summary>True while the venue holds the order (in flight to it or working there).</summary>
    public bool Holds(long clOrdId) => _index.Find(clOrdId) >= 0;

    /// <summary>Market volume ahead of a working order in its price queue, or -1 if it is not working.</summary>
    public long QueueAheadOf(long clOrdId)
    {
        int slot = _index.Find(clOrdId);
        return slot >= 0 && _orders[slot].State == SimOrderState.Resting ? _orders[slot].QueueAhead : -1;
    }

    /// <summary>True while the order is an untriggered stop, stop-limit or trailing stop at the venue.</summary>
    public bool IsArmed(long clOrdId)
    {
        int slot = _index.Find(clOrdId);
        return slot >= 0 && _orders[slot].State == SimOrderState.Armed;
    }

    /// <summary>
    /// Current trigger of an untriggered stop (a trailing stop's moves with its water mark; 0 before its first
    /// print), or -1 if the order is not armed.
    /// </summary>
    public long StopPriceOf(long clOrdId)
    {
        int slot = _index.Find(clOrdId);
        return slot >= 0 && _orders[slot].State == SimOrderState.Armed ? _orders[slot].StopPrice : -1;
    }

    /// <summary>Displayed size the market shows at a price, less what our orders took since its last refresh.</summary>
    public long AvailableQty(int instrumentId, Side side, long price)
    {
        int i = FindLevel(instrumentId, SideIndex(side), price);
        return i >= 0 ? Level(instrumentId * 2 + SideIndex(side), i).AvailableQty : 0;
    }

    private void ProcessRequests(long nowNs)
    {
        while (_requests.Count > 0)
        {
            ref VenueRequest head = ref _requests.Peek();
            if (head.ArrivalNs > nowNs)
            {
                return;
            }

            VenueRequest request = head;
            _requests.Drop();
            switch (request.Kind)
            {
                case VenueRequestKind.New:
                    OnNewArrived(request.Slot, request.ArrivalNs);
                    break;
                case VenueRequestKind.Cancel:
                    OnCancelArrived(in request);
                    break;
                default:
                    OnReplaceArrived(in request);
                    break;
            }
        }
    }

    private void OnNewArrived(int slot, long venueNs)
    {
        ref SimOrderSlot o = ref _orders[slot];
        if (o.TimeInForce is TimeInForce.AtTheOpening or TimeInForce.AtTheClose)
        {
            // no opening or closing cross here: the order could never trade in the session it asks for
            _unsupportedTimeInForce++;
            ref VenueReport refused = ref Emit(VenueReportKind.Rejected, slot, venueNs);
            refused.RejectReason = RejectReason.UnsupportedTimeInForce;
            refused.RejectCode = VenueRejectCode.UnsupportedTimeInForce;
            Finish(slot);
            return;
        }

        bool postOnly = (o.ExecInst & ExecInst.PostOnly) != 0;
        if (postOnly && o.OrdType == OrdType.Limit && CrossingAvailableQty(slot) > 0)
        {
            ref VenueReport reject = ref Emit(VenueReportKind.Rejected, slot, venueNs);
            reject.RejectReason = RejectReason.VenueReject;
            reject.RejectCode = VenueRejectCode.PostOnlyWouldCross;
            Finish(slot);
            return;
        }

        Emit(VenueReportKind.Ack, slot, venueNs);
        if (o.OrdType is OrdType.Stop or OrdType.StopLimit or OrdType.TrailingStop)
        {
            Arm(slot);
            return;
        }

        Enter(slot, venueNs);
    }

    /// <summary>A live order meets the market: fill-or-kill check, take what crosses, cancel what may not rest, rest the rest.</summary>
    private void Enter(int slot, long venueNs)
    {
        ref SimOrderSlot o = ref _orders[slot];
        if (o.TimeInForce == TimeInForce.FillOrKill && CrossingAvailableQty(slot) < o.LeavesQty)
        {
            Emit(VenueReportKind.Canceled, slot, venueNs);
            Finish(slot);
            return;
        }

        TakeLiquidity(slot, Liquidity.Taker, venueNs);
        if (o.LeavesQty == 0)
        {
            Finish(slot);
            return;
        }

        if (o.OrdType == OrdType.Market || o.TimeInForce == TimeInForce.ImmediateOrCancel || o.TimeInForce == TimeInForce.FillOrKill)
        {
            Emit(VenueReportKind.Canceled, slot, venueNs);
            Finish(slot);
            return;
        }

        Rest(slot);
    }

    private void OnCancelArrived(in VenueRequest request)
    {
        int slot = _index.Find(request.ClOrdId);
        if (slot < 0 || _orders[slot].State is not (SimOrderState.Resting or SimOrderState.Armed))
        {
            EmitCancelReject(request.ClOrdId, request.ClOrdId, VenueRejectCode.UnknownOrder, request.ArrivalNs);
            return;
        }

        Emit(VenueReportKind.Canceled, slot, request.ArrivalNs);
        Finish(slot);
    }

    private void OnReplaceArrived(in VenueRequest request)
    {
        long venueNs = request.ArrivalNs;
        int slot = _index.Find(request.ClOrdId);
        if (slot < 0 || _orders[slot].State is not (SimOrderState.Resting or SimOrderState.Armed))
        {
            EmitCancelReject(request.NewClOrdId, request.ClOrdId, VenueRejectCode.UnknownOrder, venueNs);
            return;
        }

        ref SimOrderSlot o = ref _orders[slot];
        if (request.Qty <= o.CumQty)
        {
            EmitCancelReject(request.NewClOrdId, request.ClOrdId, VenueRejectCode.InvalidQty, venueNs);
            return;
        }

        if (request.NewClOrdId != request.ClOrdId && _index.Find(request.NewClOrdId) >= 0)
        {
            EmitCancelReject(request.NewClOrdId, request.ClOrdId, VenueRejectCode.DuplicateClOrdId, venueNs);
            return;
        }

        if (o.State == SimOrderState.Armed)
        {
            ReplaceArmed(slot, in request, venueNs);
            return;
        }

        // a stop that triggered into a limit order: a stop replace's limit of 0 keeps its price
        long newPrice = request.Price > 0 ? request.Price : o.Price;
        bool losesPriority = newPrice != o.Price || request.Qty > o.OrderQty;
        if (losesPriority && (o.ExecInst & ExecInst.PostOnly) != 0)
        {
            long oldPrice = o.Price;
            o.Price = newPrice;
            long crossing = CrossingAvailableQty(slot);
            o.Price = oldPrice;
            if (crossing > 0)
            {
                EmitCancelReject(request.NewClOrdId, request.ClOrdId, VenueRejectCode.PostOnlyWouldCross, venueNs);
                return;
            }
        }

        _index.Remove(o.ClOrdId);
        _index.TryAdd(request.NewClOrdId, slot);
        o.ClOrdId = request.NewClOrdId;
        o.OrderQty = request.Qty;
        if (!losesPriority)
        {
            ref VenueReport kept = ref Emit(VenueReportKind.Replaced, slot, venueNs);
            kept.OrigClOrdId = request.ClOrdId;
            return;
        }

        Unlink(slot);
        o.State = SimOrderState.InFlight;
        o.Price = newPrice;
        ref VenueReport replaced = ref Emit(VenueReportKind.Replaced, slot, venueNs);
        replaced.OrigClOrdId = request.ClOrdId;

        // a new price that crosses takes liquidity as a new order would
        TakeLiquidity(slot, Liquidity.Taker, venueNs);
        if (o.LeavesQty == 0)
        {
            Finish(slot);
            return;
        }

        Rest(slot);
    }

    /// <summary>
    /// Replace of an untriggered stop: new quantity, and for a stop or stop-limit a new stop price (0 keeps it) and,
    /// for a stop-limit, a new limit (0 keeps it). It stays armed; the next print at or through the new stop triggers it.
    /// </summary>
    private void ReplaceArmed(int slot, in VenueRequest request, long venueNs)
    {
        ref SimOrderSlot o = ref _orders[slot];
        if (request.StopPrice > 0 && o.OrdType == OrdType.TrailingStop)
        {
            EmitCancelReject(request.NewClOrdId, request.ClOrdId, VenueRejectCode.InvalidStopPrice, venueNs);
            return;
        }

        _index.Remove(o.ClOrdId);
        _index.TryAdd(request.NewClOrdId, slot);
        o.ClOrdId = request.NewClOrdId;
        o.OrderQty = request.Qty;
        if (request.StopPrice > 0)
        {
            o.StopPrice = request.StopPrice;
        }

        if (o.OrdType == OrdType.StopLimit && request.Price > 0)
        {
            o.Price = request.Price;
        }

        ref VenueReport replaced = ref Emit(VenueReportKind.Replaced, slot, venueNs);
        replaced.OrigClOrdId = request.ClOrdId;
    }

    /// <summary>An accepted stop, stop-limit or trailing stop waits, in no book, for a print at or through its trigger.</summary>
    private void Arm(int slot)
    {
        ref SimOrderSlot o = ref _orders[slot];
        ref int tail = ref _armedTails[o.InstrumentId];
        o.State = SimOrderState.Armed;
        o.Prev = tail;
        o.Next = NoSlot;
        if (tail == NoSlot)
        {
            _armedHeads[o.InstrumentId] = slot;
        }
        else
        {
            _orders[tail].Next = slot;
        }

        tail = slot;
    }

    /// <summary>
    /// A print at <paramref name="price"/>: trailing stops move their water mark (and trigger with it), then every armed
    /// order whose trigger the print reached (a buy: at or above its stop; a sell: at or below) becomes the market
    /// (stop, trailing stop) or limit (stop-limit) order it stands for and meets the book at once, as a new order would.
    /// </summary>
    private void TriggerStops(int instrumentId, long price, long venueNs)
    {
        int slot = _armedHeads[instrumentId];
        while (slot != NoSlot)
        {
            ref SimOrderSlot o = ref _orders[slot];
            int next = o.Next;
            if (o.OrdType == OrdType.TrailingStop)
            {
                Trail(ref o, price);
            }

            if (o.StopPrice > 0 && (o.Side == Side.Buy ? price >= o.StopPrice : price <= o.StopPrice))
            {
                Unlink(slot);
                o.State = SimOrderState.InFlight;
                _triggered++;
                if (o.OrdType == OrdType.StopLimit)
                {
                    o.OrdType = OrdType.Limit;
                }
                else
                {
                    o.OrdType = OrdType.Market;
                    o.Price = 0;
                }

                Enter(slot, venueNs);
            }

            slot = next;
        }
    }

    /// <summary>
    /// Moves a trailing stop's water mark to a better print (higher for a sell, lower for a buy; the first print sets
    /// it) and its trigger with it: a sell at mark − trail, a buy at mark + trail, a trail in basis points taken of the
    /// mark and truncated (so a sell's trigger rounds up, a buy's down — never a worse price than the trail allows).
    /// </summary>
    private static void Trail(ref SimOrderSlot o, long price)
    {
        bool isBuy = o.Side == Side.Buy;
        if (o.WaterMark != 0 && (isBuy ? price >= o.WaterMark : price <= o.WaterMark))
        {
            return;
        }

        o.WaterMark = price;
        long trail = o.TrailPrice > 0 ? o.TrailPrice : (long)((Int128)price * o.TrailBps / BpsPerUnit);
        o.StopPrice = isBuy ? price + trail : Math.Max(price - trail, 0);
    }

    /// <summary>
    /// Takes available market liquidity on the other side, best level first, while the level price is within
    /// the order's limit. Taker fills print at the level price; maker fills (the market crossed our resting
    /// order) at our price. Returns the quantity filled; the caller finishes a filled order.
    /// </summary>
    private long TakeLiquidity(int slot, Liquidity liquidity, long venueNs)
    {
        ref SimOrderSlot o = ref _orders[slot];
        int key = o.InstrumentId * 2 + 1 - SideIndex(o.Side);
        int count = _levelCounts[key];
        long filled = 0;
        for (int i = 0; i < count && o.LeavesQty > 0; i++)
        {
            ref MarketLevel level = ref Level(key, i);
            if (!Crosses(in o, level.Price))
            {
                break;
            }

            long take = Math.Min(level.AvailableQty, o.LeavesQty);
            if (take == 0)
            {
                continue;
            }

            level.ConsumedQty += take;
            filled += take;
            EmitFill(slot, liquidity == Liquidity.Taker ? level.Price : o.Price, take, liquidity, venueNs);
        }

        return filled;
    }

    private long CrossingAvailableQty(int slot)
    {
        ref SimOrderSlot o = ref _orders[slot];
        int key = o.InstrumentId * 2 + 1 - SideIndex(o.Side);
        int count = _levelCounts[key];
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            ref MarketLevel level = ref Level(key, i);
            if (!Crosses(in o, level.Price))
            {
                break;
            }

            total += level.AvailableQty;
        }

        return total;
    }

    /// <summary>After a market update, our resting orders the other side now crosses are filled as makers.</summary>
    private void MatchCrossedResting(int instrumentId, int side, long venueNs)
    {
        int slot = _restingHeads[instrumentId * 2 + side];
        while (slot != NoSlot)
        {
            int next = _orders[slot].Next;
            TakeLiquidity(slot, Liquidity.Maker, venueNs);
            if (_orders[slot].LeavesQty != 0)
            {
                // best-priced order not filled: nothing worse can be
                return;
            }

            Finish(slot);
            slot = next;
        }
    }

    private void ApplyPrint(int instrumentId, int side, long price, long size, long venueNs)
    {
        long remaining = size;
        int slot = _restingHeads[instrumentId * 2 + side];

        // priced better than the print: the print went through us, fill up to its size in price-time order
        while (slot != NoSlot && IsBetter(side, _orders[slot].Price, price))
        {
            ref SimOrderSlot o = ref _orders[slot];
            int next = o.Next;
            long fill = Math.Min(remaining, o.LeavesQty);
            if (fill > 0)
            {
                remaining -= fill;
                EmitFill(slot, o.Price, fill, Liquidity.Maker, venueNs);
                if (o.LeavesQty == 0)
                {
                    Finish(slot);
                }
            }

            slot = next;
        }

        // at the print price: the print consumes market volume queued ahead of each order first
        long marketConsumed = 0;
        while (slot != NoSlot && _orders[slot].Price == price)
        {
            ref SimOrderSlot o = ref _orders[slot];
            int next = o.Next;
            long ahead = Math.Max(0, o.QueueAhead - marketConsumed);
            long throughQueue = Math.Min(remaining, ahead);
            remaining -= throughQueue;
            marketConsumed += throughQueue;
            o.QueueAhead = Math.Max(0, o.QueueAhead - marketConsumed);
            o.UnmatchedPrintQty += size;
            long fill = Math.Min(remaining, o.LeavesQty);
            if (fill > 0)
            {
                remaining -= fill;
                EmitFill(slot, o.Price, fill, Liquidity.Maker, venueNs);
                if (o.LeavesQty == 0)
                {
                    Finish(slot);
                }
            }

            slot = next;
        }
    }

    // a size that rounds to 0 shows nothing
    private long Share(long size) => _share.Apply(size);

    /// <summary>
    /// The quote path's level update: drops the levels better than <paramref name="price"/>, then refreshes, inserts or
    /// (size 0) removes the level at it, which is then the best. Same effect as <see cref="SetLevel"/> after the drop,
    /// without its search (the new top is level 0) and, when none of our orders rests on the side, without the
    /// queue adjustments (they only move our orders' queue positions). Inlined into <see cref="OnQuote"/>, which checked
    /// the instrument: the per-side state is read without bounds checks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetTop(int instrumentId, int side, long price, long size)
    {
        if (price <= 0)
        {
            return;
        }

        Debug.Assert((uint)instrumentId < (uint)_instrumentCount, "Invariant: OnQuote checked the instrument");
        int key = instrumentId * 2 + side;
        ref int count = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_levelCounts), key);
        ref int head = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_levelHeads), key);
        ref MarketLevel ring = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_levels), key * _levelStride);
        int mask = _levelMask;
        bool resting = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_restingHeads), key) != NoSlot;
        int n = count;
        int h = head;

        // drop the levels better than the new top: the head moves past them
        while (n > 0)
        {
            ref MarketLevel best = ref Unsafe.Add(ref ring, h);
            if (!IsBetter(side, best.Price, price))
            {
                break;
            }

            if (resting)
            {
                AdjustQueues(instrumentId, side, best.Price, best.DisplayedQty, 0);
            }

            h = (h + 1) & mask;
            n--;
        }

        long newSize = Math.Max(0, size);
        long oldSize = 0;
        if (n > 0 && Unsafe.Add(ref ring, h).Price == price)
        {
            ref MarketLevel top = ref Unsafe.Add(ref ring, h);
            oldSize = top.DisplayedQty;
            if (newSize == 0)
            {
                h = (h + 1) & mask;
                n--;
            }
            else
            {
                // a refresh is the market's word on this level: what we took is forgotten
                top.DisplayedQty = newSize;
                top.ConsumedQty = 0;
            }
        }
        else if (newSize > 0)
        {
            // the new best goes in front; at full depth the slot it takes is the worst level's (or one past the count)
            h = (h - 1) & mask;
            Unsafe.Add(ref ring, h) = new MarketLevel { Price = price, DisplayedQty = newSize, ConsumedQty = 0 };
            n = Math.Min(n + 1, _depth);
        }

        head = h;
        count = n;
        if (resting)
        {
            AdjustQueues(instrumentId, side, price, oldSize, newSize);
        }
    }

    /// <summary>An L2 level update anywhere in the side: refreshes, inserts (shifting worse levels down) or removes.</summary>
    private void SetLevel(int instrumentId, int side, long price, long size)
    {
        int key = instrumentId * 2 + side;
        ref int count = ref _levelCounts[key];
        int i = 0;
        while (i < count && IsBetter(side, Level(key, i).Price, price))
        {
            i++;
        }

        bool found = i < count && Level(key, i).Price == price;
        long oldSize = found ? Level(key, i).DisplayedQty : 0;
        long newSize = Math.Max(0, size);
        if (found)
        {
            if (newSize == 0)
            {
                for (int j = i; j < count - 1; j++)
                {
                    Level(key, j) = Level(key, j + 1);
                }

                count--;
            }
            else
            {
                // a refresh is the market's word on this level: what we took is forgotten
                ref MarketLevel level = ref Level(key, i);
                level.DisplayedQty = newSize;
                level.ConsumedQty = 0;
            }
        }
        else if (newSize > 0 && i < _depth)
        {
            for (int j = Math.Min(count, _depth - 1); j > i; j--)
            {
                Level(key, j) = Level(key, j - 1);
            }

            Level(key, i) = new MarketLevel { Price = price, DisplayedQty = newSize, ConsumedQty = 0 };
            count = Math.Min(count + 1, _depth);
        }

        AdjustQueues(instrumentId, side, price, oldSize, newSize);
    }

    /// <summary>
    /// Displayed size at a price we rest at went from <paramref name="oldSize"/> to <paramref name="newSize"/>.
    /// A decrease is first matched against prints at that price already applied to the queue; the rest is
    /// cancellations, taken from ahead of us in proportion to our queue-ahead share of the old size. Queue
    /// ahead never exceeds what is displayed. Increases join behind us.
    /// </summary>
    private void AdjustQueues(int instrumentId, int side, long price, long oldSize, long newSize)
    {
        int slot = _restingHeads[instrumentId * 2 + side];
        while (slot != NoSlot && IsBetter(side, _orders[slot].Price, price))
        {
            slot = _orders[slot].Next;
        }

        while (slot != NoSlot && _orders[slot].Price == price)
        {
            ref SimOrderSlot o = ref _orders[slot];
            if (newSize < oldSize)
            {
                long decrease = oldSize - newSize;
                long fromPrints = Math.Min(decrease, o.UnmatchedPrintQty);
                o.UnmatchedPrintQty -= fromPrints;
                long cancelled = decrease - fromPrints;
                if (cancelled > 0 && o.QueueAhead > 0)
                {
                    o.QueueAhead -= (long)((Int128)cancelled * o.QueueAhead / oldSize);
                }

                o.QueueAhead = Math.Min(o.QueueAhead, newSize);
            }
            else
            {
                o.UnmatchedPrintQty = 0;
            }

            slot = o.Next;
        }
    }

    /// <summary>Working order joins its price queue behind the market's displayed size and behind our earlier orders there.</summary>
    private void Rest(int slot)
    {
        ref SimOrderSlot o = ref _orders[slot];
        int side = SideIndex(o.Side);
        int level = FindLevel(o.InstrumentId, side, o.Price);
        o.QueueAhead = level >= 0 ? Level(o.InstrumentId * 2 + side, level).AvailableQty : 0;
        o.UnmatchedPrintQty = 0;
        o.State = SimOrderState.Resting;

        ref int head = ref _restingHeads[o.InstrumentId * 2 + side];
        int prev = NoSlot;
        int cursor = head;
        while (cursor != NoSlot && !IsBetter(side, o.Price, _orders[cursor].Price))
        {
            prev = cursor;
            cursor = _orders[cursor].Next;
        }

        o.Prev = prev;
        o.Next = cursor;
        if (prev == NoSlot)
        {
            head = slot;
        }
        else
        {
            _orders[prev].Next = slot;
        }

        if (cursor != NoSlot)
        {
            _orders[cursor].Prev = slot;
        }
    }

    /// <summary>Takes a resting order out of its price queue, or an armed one out of its instrument's armed list.</summary>
    private void Unlink(int slot)
    {
        ref SimOrderSlot o = ref _orders[slot];
        if (o.Prev == NoSlot)
        {
            if (o.State == SimOrderState.Armed)
            {
                _armedHeads[o.InstrumentId] = o.Next;
            }
            else
            {
                _restingHeads[o.InstrumentId * 2 + SideIndex(o.Side)] = o.Next;
            }
        }
        else
        {
            _orders[o.Prev].Next = o.Next;
        }

        if (o.Next != NoSlot)
        {
            _orders[o.Next].Prev = o.Prev;
        }
        else if (o.State == SimOrderState.Armed)
        {
            _armedTails[o.InstrumentId] = o.Prev;
        }

        o.Prev = NoSlot;
        o.Next = NoSlot;
    }

    /// <summary>Order is done (filled, cancelled, rejected, expired): unlink, forget its id, free its slot.</summary>
    private void Finish(int slot)
    {
        ref SimOrderSlot o = ref _orders[slot];
        if (o.State is SimOrderState.Resting or SimOrderState.Armed)
        {
            Unlink(slot);
        }

        _index.Remove(o.ClOrdId);
        o.State = SimOrderState.Free;
        _freeSlots[_freeCount++] = slot;
    }

    private void EmitFill(int slot, long price, long qty, Liquidity liquidity, long venueNs)
    {
        ref SimOrderSlot o = ref _orders[slot];
        o.CumQty += qty;
        ref VenueReport report = ref Emit(VenueReportKind.Fill, slot, venueNs);
        report.Price = price;
        report.LastQty = qty;
        report.Liquidity = liquidity;
        report.Fee = qty * (liquidity == Liquidity.Maker ? _makerFeePerUnit : _takerFeePerUnit);
    }

    private ref VenueReport Emit(VenueReportKind kind, int slot, long venueNs)
    {
        ref SimOrderSlot o = ref _orders[slot];
        ref VenueReport report = ref ClaimReport(kind, venueNs);
        report.ClOrdId = o.ClOrdId;
        report.InstrumentId = o.InstrumentId;
        report.Side = o.Side;
        report.Price = o.Price;
        report.CumQty = o.CumQty;
        report.LeavesQty = kind == VenueReportKind.Fill || kind == VenueReportKind.Ack || kind == VenueReportKind.Replaced ? o.LeavesQty : 0;
        return ref report;
    }

    private void EmitCancelReject(long clOrdId, long origClOrdId, VenueRejectCode code, long venueNs)
    {
        ref VenueReport report = ref ClaimReport(VenueReportKind.CancelRejected, venueNs);
        report.ClOrdId = clOrdId;
        report.OrigClOrdId = origClOrdId;
        report.InstrumentId = -1;
        report.RejectCode = code;
        report.RejectReason = code switch
        {
            VenueRejectCode.UnknownOrder => RejectReason.UnknownOrder,
            VenueRejectCode.InvalidQty => RejectReason.InvalidQty,
            _ => RejectReason.VenueReject,
        };
    }

    private ref VenueReport ClaimReport(VenueReportKind kind, long venueNs)
    {
        ref VenueReport report = ref _reports.Claim(out bool claimed);
        if (!claimed)
        {
            _droppedReports++;
            report = ref _overflowReport;
        }

        report = default;
        report.Kind = kind;
        report.VenueTimeNs = venueNs;
        report.TimestampNs = venueNs + _ackLatencyNs;
        return ref report;
    }

    private int FindLevel(int instrumentId, int side, long price)
    {
        int key = instrumentId * 2 + side;
        int count = _levelCounts[key];
        for (int i = 0; i < count; i++)
        {
            long p = Level(key, i).Price;
            if (p == price)
            {
                return i;
            }

            if (!IsBetter(side, p, price))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The <paramref name="i"/>-th best level of side <paramref name="key"/> (instrument * 2 + side); i &lt; its count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref MarketLevel Level(int key, int i) => ref _levels[(key * _levelStride) + ((_levelHeads[key] + i) & _levelMask)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SideIndex(Side side) => side == Side.Buy ? BidSide : AskSide;

    /// <summary>True when price <paramref name="a"/> ranks ahead of <paramref name="b"/> on a side (higher bid, lower ask).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBetter(int side, long a, long b) => side == BidSide ? a > b : a < b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Crosses(in SimOrderSlot o, long contraPrice) =>
        o.OrdType == OrdType.Market || (o.Side == Side.Buy ? contraPrice <= o.Price : contraPrice >= o.Price);
}
