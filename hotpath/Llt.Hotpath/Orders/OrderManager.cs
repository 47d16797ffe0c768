using System.Diagnostics;
using System.Runtime.CompilerServices;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Orders;

/// <summary>
/// The order management state machine, single-threaded (the trading thread owns it). Orders live in a
/// preallocated struct table indexed by client order id; a closed order frees its slot at once and its id
/// goes to a <see cref="ClosedOrderHistory"/> so late messages are recognised. Every call returns an
/// <see cref="OrderResult"/>; a refusal changes nothing but the refusal counters. Nothing allocates after
/// construction.
/// <code>
/// PendingNew ──ack──► New ──fill──► PartiallyFilled ──fill (leaves 0)──► Filled
///     │ reject/expire   │ cancel req ─► PendingCancel ──canceled──► Canceled   (fills still apply;
///     ▼                 │                      └─cancel reject─► back to New/PartiallyFilled)
///  Rejected/Expired     │ replace req ─► PendingReplace ──replaced──► New/PartiallyFilled under the new id
///                       │                      └─replace reject─► back
///                       └ expired / unsolicited cancel ─► Expired / Canceled
/// </code>
/// A cancel or replace request carries its own new client order id; until the venue answers, both ids map
/// to the order, so a venue may report fills and the answer under either.
/// </summary>
public sealed class OrderManager
{
    private readonly Order[] _orders;
    private readonly int[] _freeSlots;
    private readonly int[] _openSlots;
    private readonly ClOrdIdIndex _index;
    private readonly ClosedOrderHistory _closed;
    private readonly long[] _refusedByResult;
    private readonly int _maxInFlight;
    private readonly long _ackTimeoutNs;
    private int _freeCount;
    private int _openCount;
    private int _inFlight;
    // the highest id any order or request of this manager has held: every id in the index or the closed history is at most this
    private long _highestClOrdId;
    private long _refused;
    private long _timedOut;
    private Order _lastClosed;

    public OrderManager(OrderManagerConfig config)
    {
        config.Validate();
        _orders = new Order[config.Capacity];
        _freeSlots = new int[config.Capacity];
        _openSlots = new int[config.Capacity];
        // each open order holds its own id plus at most one pending cancel/replace id
        _index = new ClOrdIdIndex(config.Capacity * 2);
        _closed = new ClosedOrderHistory(config.ClosedHistory);
        _refusedByResult = new long[(int)OrderResult.InvalidTrail + 1];
        _maxInFlight = config.MaxInFlight;
        _ackTimeoutNs = config.AckTimeoutNs;
        // stacked so slot 0 is handed out first: low slots stay hot in cache
        for (int i = 0; i < config.Capacity; i++)
        {
            _freeSlots[i] = config.Capacity - 1 - i;
        }

        _freeCount = config.Capacity;
    }

    public int Capacity => _orders.Length;

    public int OpenCount => _openCount;

    /// <summary>Orders in PendingNew, PendingCancel or PendingReplace.</summary>
    public int InFlight => _inFlight;

    public long RefusedCount => _refused;

    public long TimedOutCount => _timedOut;

    /// <summary>Copy of the order the most recent closing event closed (its slot may already be reused).</summary>
    public ref readonly Order LastClosed => ref _lastClosed;

    public long RefusedCountOf(OrderResult result) => _refusedByResult[(int)result];

    /// <summary>Slot of an open order under its id or its pending cancel/replace id.</summary>
    public bool TryGetSlot(long clOrdId, out int slot) => _index.TryGetValue(clOrdId, out slot);

    public ref readonly Order OrderAt(int slot) => ref _orders[slot];

    /// <summary>Final status of a recently closed id (Replaced for an id superseded by a replace).</summary>
    public bool TryGetClosedStatus(long clOrdId, out OrdStatus status) => _closed.TryGetStatus(clOrdId, out status);

    /// <summary>Every open order, without allocation; see <see cref="OpenOrderEnumerator"/> for mutation rules.</summary>
    public OpenOrderEnumerator OpenOrders() => new(this);

    internal ref readonly Order OpenOrderAt(int openIndex) => ref _orders[_openSlots[openIndex]];

    /// <summary>Records a new order as PendingNew, its ack due by <paramref name="nowNs"/> + ack timeout.</summary>
    public OrderResult Submit(long clOrdId, int strategyId, int venueId, in OrderRequest request, long nowNs)
    {
        OrderResult result = Reserve(clOrdId, request, out int slot);
        if (result == OrderResult.Ok)
        {
            Open(slot, clOrdId, strategyId, venueId, request, nowNs);
        }

        return result;
    }

    /// <summary>
    /// The checks of <see cref="Submit"/> and a slot for the order, without recording it: the order is not
    /// known under its id (and not counted open) until <see cref="Open"/>, which must follow before the
    /// trading thread handles anything else. Lets the trader send an order first and book it right after, so
    /// the bookkeeping is not on its tick-to-order; what can refuse the order is all decided here. It counts
    /// against the in-flight limit from now, so several reservations in a row respect it.
    /// </summary>
    // on every order before it leaves: Native AOT has no profile to inline it by (a call each cost the routed order ~3 ns)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public OrderResult Reserve(long clOrdId, in OrderRequest request, out int slot)
    {
        slot = -1;
        if (clOrdId <= 0)
        {
            return Refuse(OrderResult.InvalidClOrdId);
        }

        if (request.Qty <= 0)
        {
            return Refuse(OrderResult.InvalidQty);
        }

        if (NeedsPrice(request.OrdType) && request.Price <= 0)
        {
            return Refuse(OrderResult.InvalidPrice);
        }

        // a plain limit or market order has no trigger terms to check: no call for it
        OrderResult contingent = request.IsContingent ? CheckContingent(request) : OrderResult.Ok;
        if (contingent != OrderResult.Ok)
        {
            return Refuse(contingent);
        }

        if (IsUsed(clOrdId))
        {
            return Refuse(OrderResult.DuplicateClOrdId);
        }

        if (_freeCount == 0)
        {
            return Refuse(OrderResult.TableFull);
        }

        if (_inFlight >= _maxInFlight)
        {
            return Refuse(OrderResult.MaxInFlight);
        }

        slot = _freeSlots[--_freeCount];
        _inFlight++;
        return OrderResult.Ok;
    }

    /// <summary>Records the order <see cref="Reserve"/> took <paramref name="slot"/> for, as PendingNew.</summary>
    public void Open(int slot, long clOrdId, int strategyId, int venueId, in OrderRequest request, long nowNs)
    {
        ref Order order = ref _orders[slot];
        order = default;
        order.ClOrdId = clOrdId;
        order.StrategyId = strategyId;
        order.InstrumentId = request.InstrumentId;
        order.VenueId = venueId;
        order.Side = request.Side;
        order.OrdType = request.OrdType;
        order.TimeInForce = request.TimeInForce;
        order.ExecInst = request.ExecInst;
        order.Price = request.Price;
        order.StopPrice = request.OrdType is OrdType.Stop or OrdType.StopLimit ? request.StopPrice : OrderRequest.NoPrice;
        order.TrailPrice = request.OrdType == OrdType.TrailingStop ? request.TrailPrice : 0;
        order.TrailBps = request.OrdType == OrdType.TrailingStop ? request.TrailBps : 0;
        order.OrderQty = request.Qty;
        order.LeavesQty = request.Qty;
        order.CreatedNs = nowNs;
        order.UpdatedNs = nowNs;
        order.AckDeadlineNs = nowNs + _ackTimeoutNs;
        order.Status = OrdStatus.PendingNew;
        order.OpenIndex = _openCount;
        _openSlots[_openCount++] = slot;
        _highestClOrdId = Math.Max(_highestClOrdId, clOrdId);
        bool added = _index.TryAdd(clOrdId, slot);
        Debug.Assert(added, "Invariant: Reserve checked the id is new, and the index holds two ids per slot");
    }

    /// <summary>Venue accepted the order: PendingNew → New.</summary>
    public OrderResult OnAck(long clOrdId, long venueOrderId, long nowNs)
    {
        OrderResult found = Find(clOrdId, out int slot);
        if (found != OrderResult.Ok)
        {
            return Refuse(found);
        }

        ref Order order = ref _orders[slot];
        if (order.Status != OrdStatus.PendingNew)
        {
            return Refuse(OrderResult.InvalidTransition);
        }

        order.VenueOrderId = venueOrderId;
        order.AckDeadlineNs = Order.NoDeadline;
        order.UpdatedNs = nowNs;
        SetStatus(ref order, OrdStatus.New);
        return OrderResult.Ok;
    }

    /// <summary>Venue (or the engine) refused the new order: PendingNew → Rejected; the slot is freed.</summary>
    public OrderResult OnReject(long clOrdId, RejectReason reason, long nowNs)
    {
        OrderResult found = Find(clOrdId, out int slot);
        if (found != OrderResult.Ok)
        {
            return Refuse(found);
        }

        ref Order order = ref _orders[slot];
        if (order.Status != OrdStatus.PendingNew)
        {
            return Refuse(OrderResult.InvalidTransition);
        }

        order.RejectReason = reason;
        order.LeavesQty = 0;
        Close(slot, OrdStatus.Rejected, nowNs);
        return OrderResult.Ok;
    }

    /// <summary>
    /// An execution against a working order (New, PartiallyFilled, or racing a pending cancel/replace). A fill
    /// that completes the order closes it, whatever request was pending.
    /// </summary>
    public OrderResult OnFill(long clOrdId, long qty, long price, long fee, long nowNs, out FillEffect effect)
    {
        effect = default;
        OrderResult found = Find(clOrdId, out int slot);
        if (found != OrderResult.Ok)
        {
            return Refuse(found);
        }

        ref Order order = ref _orders[slot];
        if (order.Status is not (OrdStatus.New or OrdStatus.PartiallyFilled or OrdStatus.PendingCancel or OrdStatus.PendingReplace))
        {
            return Refuse(OrderResult.InvalidTransition);
        }

        if (qty <= 0)
        {
            return Refuse(OrderResult.InvalidQty);
        }

        if (price <= 0)
        {
            return Refuse(OrderResult.InvalidPrice);
        }

        if (qty > order.LeavesQty)
        {
            return Refuse(OrderResult.Overfill);
        }

        order.CumQty += qty;
        order.LeavesQty -= qty;
        order.Notional += (Int128)qty * price;
        order.Fees += fee;
        order.UpdatedNs = nowNs;
        bool closed = order.LeavesQty == 0;
        if (!closed && order.Status == OrdStatus.New)
        {
            SetStatus(ref order, OrdStatus.PartiallyFilled);
        }

        // read before Close: the slot may be handed out again by the next Submit
        effect = new FillEffect(
            order.ClOrdId, order.StrategyId, order.InstrumentId, order.VenueId, order.Side, qty, price, fee,
            order.CumQty, order.LeavesQty, order.AvgPx, closed ? OrdStatus.Filled : order.Status, closed);
        if (closed)
        {
            Close(slot, OrdStatus.Filled, nowNs);
        }

        return OrderResult.Ok;
    }

    /// <summary>
    /// Asks to cancel a working order under the request id <paramref name="newClOrdId"/>: → PendingCancel.
    /// Not refused by the in-flight limit, since a cancel only ever reduces exposure.
    /// </summary>
    public OrderResult RequestCancel(long clOrdId, long newClOrdId, long nowNs)
    {
        OrderResult found = FindWorkingForRequest(clOrdId, newClOrdId, out int slot);
        if (found != OrderResult.Ok)
        {
            return Refuse(found);
        }

        ref Order order = ref _orders[slot];
        BeginRequest(ref order, slot, newClOrdId, nowNs);
        order.CancelDeferred = false;
        SetStatus(ref order, OrdStatus.PendingCancel);
        return OrderResult.Ok;
    }

    /// <summary>
    /// Remembers a cancel that cannot be requested yet: the order's new order or replace is unanswered, so neither
    /// its status nor (for a replace) the id the venue will know it by is settled. The caller sends the cancel when
    /// the answer leaves the order working (<see cref="Order.CancelDeferred"/>). False when the order is not open
    /// or has no request unanswered.
    /// </summary>
    public bool DeferCancel(long clOrdId)
    {
        if (!_index.TryGetValue(clOrdId, out int slot))
        {
            return false;
        }

        ref Order order = ref _orders[slot];
        if (order.Status is not (OrdStatus.PendingNew or OrdStatus.PendingReplace))
        {
            return false;
        }

        order.CancelDeferred = true;
        return true;
    }

    /// <summary>The order is canceled: confirms a pending cancel, or an unsolicited venue cancel of a working order.</summary>
    public OrderResult OnCanceled(long clOrdId, long nowNs)
    {
        OrderResult found = Find(clOrdId, out int slot);
        if (found != OrderResult.Ok)
        {
            return Refuse(found);
        }

        ref Order order = ref _orders[slot];
        if (order.Status is not (OrdStatus.PendingCancel or OrdStatus.New or OrdStatus.PartiallyFilled or OrdStatus.PendingReplace))
        {
            return Refuse(OrderResult.InvalidTransition);
        }

        order.LeavesQty = 0;
        Close(slot, OrdStatus.Canceled, nowNs);
        return OrderResult.Ok;
    }

    /// <summary>The venue refused the cancel: back to New or PartiallyFilled (fills may have arrived meanwhile).</summary>
    public OrderResult OnCancelReject(long clOrdId, RejectReason reason, long nowNs)
    {
        return EndRequest(clOrdId, OrdStatus.PendingCancel, reason, nowNs);
    }

    /// <summary>
    /// Asks to change price and/or quantity under the request id <paramref name="newClOrdId"/>: → PendingReplace.
    /// The new quantity is the total order quantity and must exceed what is already filled.
    /// </summary>
    public OrderResult RequestReplace(long origClOrdId, long newClOrdId, long price, long qty, long nowNs)
    {
        OrderResult found = FindWorkingForRequest(origClOrdId, newClOrdId, out int slot);
        if (found != OrderResult.Ok)
        {
            return Refuse(found);
        }

        ref Order order = ref _orders[slot];
        if (qty <= order.CumQty)
        {
            return Refuse(OrderResult.InvalidQty);
        }

        if (NeedsPrice(order.OrdType) && price <= 0)
        {
            return Refuse(OrderResult.InvalidPrice);
        }

        if (_inFlight >= _maxInFlight)
        {
            return Refuse(OrderResult.MaxInFlight);
        }

        BeginRequest(ref order, slot, newClOrdId, nowNs);
        order.PendingPrice = NeedsPrice(order.OrdType) ? price : order.Price;
        order.PendingQty = qty;
        SetStatus(ref order, OrdStatus.PendingReplace);
        return OrderResult.Ok;
    }

    /// <summary>
    /// The venue confirmed the replace: the new id takes over (the old one is remembered as Replaced), price
    /// and quantity change, leaves = new qty − cum. If fills raced the replace up to the new quantity, the
    /// order is Filled and closed. <paramref name="venueOrderId"/> 0 keeps the current one.
    /// </summary>
    public OrderResult OnReplaced(long clOrdId, long venueOrderId, long nowNs)
    {
        OrderResult found = Find(clOrdId, out int slot);
        if (found != OrderResult.Ok)
        {
            return Refuse(found);
        }

        ref Order order = ref _orders[slot];
        if (order.Status != OrdStatus.PendingReplace)
        {
            return Refuse(OrderResult.InvalidTransition);
        }

        long oldId = order.ClOrdId;
        _index.Remove(oldId);
        _closed.Add(oldId, OrdStatus.Replaced);
        order.OrigClOrdId = oldId;
        order.ClOrdId = order.PendingClOrdId;
        order.PendingClOrdId = 0;
        order.Price = order.PendingPrice;
        order.OrderQty = order.PendingQty;
        order.LeavesQty = Math.Max(0, order.OrderQty - order.CumQty);
        order.AckDeadlineNs = Order.NoDeadline;
        order.UpdatedNs = nowNs;
        if (venueOrderId != 0)
        {
            order.VenueOrderId = venueOrderId;
        }

        if (order.LeavesQty == 0)
        {
            Close(slot, OrdStatus.Filled, nowNs);
        }
        else
        {
            SetStatus(ref order, WorkingStatus(order));
        }

        return OrderResult.Ok;
    }

    /// <summary>The venue refused the replace: back to New or PartiallyFilled with the old terms.</summary>
    public OrderResult OnReplaceReject(long clOrdId, RejectReason reason, long nowNs)
    {
        return EndRequest(clOrdId, OrdStatus.PendingReplace, reason, nowNs);
    }

    /// <summary>IOC/FOK remainder or DAY order at session end (also while a request is pending): → Expired.</summary>
    public OrderResult OnExpired(long clOrdId, long nowNs)
    {
        OrderResult found = Find(clOrdId, out int slot);
        if (found != OrderResult.Ok)
        {
            return Refuse(found);
        }

        ref Order order = ref _orders[slot];
        if (order.Status is not (OrdStatus.PendingNew or OrdStatus.New or OrdStatus.PartiallyFilled
            or OrdStatus.PendingCancel or OrdStatus.PendingReplace))
        {
            return Refuse(OrderResult.InvalidTransition);
        }

        order.LeavesQty = 0;
        Close(slot, OrdStatus.Expired, nowNs);
        return OrderResult.Ok;
    }

    /// <summary>
    /// Writes into <paramref name="timedOut"/> the ids of orders whose new/cancel/replace request has waited past
    /// the ack timeout, and returns how many. Each request is reported once; what to do (cancel, mark, alert)
    /// is the engine's call. When the span fills up, the rest are reported by the next call.
    /// </summary>
    public int CheckTimeouts(long nowNs, Span<long> timedOut)
    {
        int count = 0;
        for (int i = 0; i < _openCount && count < timedOut.Length; i++)
        {
            ref Order order = ref _orders[_openSlots[i]];
            if (order.AckDeadlineNs <= nowNs)
            {
                timedOut[count++] = order.ClOrdId;
                order.AckDeadlineNs = Order.NoDeadline;
            }
        }

        _timedOut += count;
        return count;
    }

    private static bool NeedsPrice(OrdType type) => type is OrdType.Limit or OrdType.StopLimit;

    /// <summary>
    /// Whether an open order or request holds <paramref name="clOrdId"/>, or a recently closed one did. An id above every
    /// id this manager has taken cannot: the engine's ids rise (ClientOrderIds), so a new order's duplicate check is a
    /// compare with a field already in cache, not two lookups in indexes a tick's work has evicted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsUsed(long clOrdId) => clOrdId <= _highestClOrdId && (_index.ContainsKey(clOrdId) || _closed.Contains(clOrdId));

    /// <summary>
    /// The trigger terms of a stop, stop-limit or trailing-stop order (other types have none): a positive stop price,
    /// or exactly one positive trail — a price offset, or basis points below 100% (a 100% trail would trigger at 0).
    /// </summary>
    internal static OrderResult CheckContingent(in OrderRequest request)
    {
        switch (request.OrdType)
        {
            case OrdType.Stop:
            case OrdType.StopLimit:
                return request.StopPrice > 0 ? OrderResult.Ok : OrderResult.InvalidStopPrice;
            case OrdType.TrailingStop:
                bool byPrice = request.TrailPrice > 0 && request.TrailBps == 0;
                bool byBps = request.TrailBps is > 0 and < OrderRequest.BpsPerUnit && request.TrailPrice == 0;
                return byPrice || byBps ? OrderResult.Ok : OrderResult.InvalidTrail;
            default:
                return OrderResult.Ok;
        }
    }

    private static OrdStatus WorkingStatus(in Order order) => order.CumQty > 0 ? OrdStatus.PartiallyFilled : OrdStatus.New;

    private OrderResult Find(long clOrdId, out int slot)
    {
        if (_index.TryGetValue(clOrdId, out slot))
        {
            return OrderResult.Ok;
        }

        return _closed.Contains(clOrdId) ? OrderResult.OrderClosed : OrderResult.UnknownOrder;
    }

    private OrderResult FindWorkingForRequest(long clOrdId, long newClOrdId, out int slot)
    {
        OrderResult found = Find(clOrdId, out slot);
        if (found != OrderResult.Ok)
        {
            return found;
        }

        // one outstanding request at a time, and never on an order the venue has not acknowledged yet
        if (_orders[slot].Status is not (OrdStatus.New or OrdStatus.PartiallyFilled))
        {
            return OrderResult.InvalidTransition;
        }

        if (newClOrdId <= 0)
        {
            return OrderResult.InvalidClOrdId;
        }

        if (IsUsed(newClOrdId))
        {
            return OrderResult.DuplicateClOrdId;
        }

        return OrderResult.Ok;
    }

    private void BeginRequest(ref Order order, int slot, long newClOrdId, long nowNs)
    {
        bool added = _index.TryAdd(newClOrdId, slot);
        Debug.Assert(added, "Invariant: an order holds at most one pending id, so the index has room");
        _highestClOrdId = Math.Max(_highestClOrdId, newClOrdId);
        order.PendingClOrdId = newClOrdId;
        order.AckDeadlineNs = nowNs + _ackTimeoutNs;
        order.UpdatedNs = nowNs;
    }

    private OrderResult EndRequest(long clOrdId, OrdStatus expected, RejectReason reason, long nowNs)
    {
        OrderResult found = Find(clOrdId, out int slot);
        if (found != OrderResult.Ok)
        {
            return Refuse(found);
        }

        ref Order order = ref _orders[slot];
        if (order.Status != expected)
        {
            return Refuse(OrderResult.InvalidTransition);
        }

        // the request's id is dead: late reports for it are recognised as closed
        _index.Remove(order.PendingClOrdId);
        _closed.Add(order.PendingClOrdId, OrdStatus.Rejected);
        order.PendingClOrdId = 0;
        order.PendingPrice = 0;
        order.PendingQty = 0;
        order.RejectReason = reason;
        order.AckDeadlineNs = Order.NoDeadline;
        order.UpdatedNs = nowNs;
        SetStatus(ref order, WorkingStatus(order));
        return OrderResult.Ok;
    }

    private void SetStatus(ref Order order, OrdStatus status)
    {
        _inFlight += (Order.IsPendingStatus(status) ? 1 : 0) - (order.IsPending ? 1 : 0);
        order.Status = status;
    }

    private void Close(int slot, OrdStatus status, long nowNs)
    {
        ref Order order = ref _orders[slot];
        SetStatus(ref order, status);
        order.UpdatedNs = nowNs;
        order.AckDeadlineNs = Order.NoDeadline;
        _index.Remove(order.ClOrdId);
        _closed.Add(order.ClOrdId, status);
        if (order.PendingClOrdId != 0)
        {
            _index.Remove(order.PendingClOrdId);
            _closed.Add(order.PendingClOrdId, status);
        }

        _lastClosed = order;

        // swap-remove from the open list; the moved order learns its new position
        int openIndex = order.OpenIndex;
        int lastSlot = _openSlots[--_openCount];
        _openSlots[openIndex] = lastSlot;
        _orders[lastSlot].OpenIndex = openIndex;
        _freeSlots[_freeCount++] = slot;
    }

    private OrderResult Refuse(OrderResult result)
    {
        _refused++;
        _refusedByResult[(int)result]++;
        return result;
    }
}
