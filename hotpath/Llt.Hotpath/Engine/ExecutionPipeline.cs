using System.Diagnostics;
using System.Runtime.CompilerServices;
using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Orders;
using Llt.Hotpath.Portfolio;
using Llt.Hotpath.Risk;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// The second half of the critical path, on the trading thread: a strategy's order passes the pre-trade
/// <see cref="RiskGate"/>, the <see cref="SmartOrderRouter"/> splits it over the venues that are up (best
/// price, then fee, then latency; the decision is journaled as a RouteDecision), each child enters the
/// <see cref="OrderManager"/> and is encoded into the gateway ring for its venue (<see cref="VenueGateway"/>);
/// the venues' reports come back on the report ring through the OMS into the
/// <see cref="PortfolioLedger"/>, the risk gate's exposure and the strategy, which sees one order under the id it
/// sent (<see cref="ParentOrderTable"/>). Every accepted, rejected, filled, cancelled or expired child is
/// journaled as an SBE ExecutionReport carrying its venue. With one venue configured there is nothing to
/// route: the order goes straight to it under its own id.
/// </summary>
public sealed class ExecutionPipeline
{
    private readonly RiskGate _risk;
    private readonly OrderManager _oms;
    private readonly VenueGateway _gateway;
    private readonly INanoClock _clock;
    private readonly bool[] _venueUp;
    // the market as the trader last saw it, per instrument: what the router expects each venue to show
    private readonly long[] _bidPrice;
    private readonly long[] _bidSize;
    private readonly long[] _askPrice;
    private readonly long[] _askSize;
    private readonly Counter[] _venueUpGauges;
    private readonly SmartOrderRouter _router;
    private readonly VenueQuote[] _quotes;
    private readonly RouteLeg[] _legs;
    // per leg of the order being submitted: its request, its OMS slot, what became of it
    private readonly OrderRequest[] _children;
    private readonly int[] _slots;
    private readonly ChildOutcome[] _outcomes;
    // per open child of the order being amended: its leaves after the amendment
    private readonly long[] _amendedLeaves;
    private readonly ParentOrderTable _parents;
    private readonly PortfolioLedger _portfolio;
    private readonly StrategyHost _strategies;
    private readonly EventJournal _journal;
    private readonly ClientOrderIds _orderIds;
    private ReportHandler _reports;
    private readonly long[] _timedOut = new long[64];
    // as many as the gateway can produce in one of its cycles (GatewayAgent's order batch), so reports never queue up
    private const int ReportBatchLimit = GatewayAgent.OrderBatchLimit;

    public ExecutionPipeline(
        RiskGate risk, OrderManager oms, VenueGateway gateway, PortfolioLedger portfolio, StrategyHost strategies,
        EventJournal journal, ClientOrderIds orderIds, CountersManager counters, INanoClock clock, int instrumentCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(instrumentCount);
        _risk = risk;
        _oms = oms;
        _gateway = gateway;
        _clock = clock;
        int venueCount = gateway.VenueCount;
        _bidPrice = new long[instrumentCount];
        _bidSize = new long[instrumentCount];
        _askPrice = new long[instrumentCount];
        _askSize = new long[instrumentCount];
        _venueUp = new bool[venueCount];
        _venueUp.AsSpan().Fill(true);
        _router = new SmartOrderRouter(venueCount);
        _quotes = new VenueQuote[venueCount];
        for (int i = 0; i < venueCount; i++)
        {
            VenueConfig venue = gateway.Venues[i];
            _quotes[i] = new VenueQuote(i, OrderRequest.NoPrice, 0, venue.TakerFeePerUnit, venue.EntryLatencyNs + venue.AckLatencyNs);
        }

        _legs = new RouteLeg[venueCount + 1];
        _children = new OrderRequest[venueCount + 1];
        _slots = new int[venueCount + 1];
        _outcomes = new ChildOutcome[venueCount + 1];
        _amendedLeaves = new long[venueCount + 1];
        // a split order has two or more children, but an amended whole order is a parent of its one: every open order may be one
        _parents = new ParentOrderTable(Math.Max(1, oms.Capacity), venueCount + 1);
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
        Replaces = counters.AllocateCounter(518, "orders: replaces sent to venue");
        ReplacesRejected = counters.AllocateCounter(519, "orders: replaces rejected (risk, OMS or venue)");
        Routed = counters.AllocateCounter(515, "orders: routed (route decisions journaled)");
        Splits = counters.AllocateCounter(516, "orders: split across several venues");
        _venueUpGauges = new Counter[venueCount];
        for (int i = 0; i < venueCount; i++)
        {
            _venueUpGauges[i] = counters.AllocateCounter(520 + i, $"venue {i} {gateway.NameOf(i)}: up");
            _venueUpGauges[i].Set(1);
        }
    }

    public RiskGate Risk => _risk;

    public OrderManager Oms => _oms;

    public PortfolioLedger Portfolio => _portfolio;

    public VenueGateway Gateway => _gateway;

    public int VenueCount => _gateway.VenueCount;

    public string VenueName(int venueId) => _gateway.NameOf(venueId);

    public ParentOrderTable Parents => _parents;

    public Counter Routed { get; }

    public Counter Splits { get; }

    public bool IsVenueUp(int venueId) => (uint)venueId < (uint)_venueUp.Length && _venueUp[venueId];

    /// <summary>
    /// Marks a venue up or down. The router skips a down venue for new orders; orders already working there
    /// stay (cancel them explicitly or with the kill switch). False for an unknown venue id.
    /// </summary>
    public bool SetVenueUp(int venueId, bool up)
    {
        if ((uint)venueId >= (uint)_venueUp.Length)
        {
            return false;
        }

        _venueUp[venueId] = up;
        _venueUpGauges[venueId].Set(up ? 1 : 0);
        return true;
    }

    public Counter OrdersSent { get; }

    public Counter OrdersRejected { get; }

    public Counter Fills { get; }

    public Counter Cancels { get; }

    public LatencyHistogram TickToOrder { get; }

    public Counter AckTimeouts { get; }

    public Counter Replaces { get; }

    public Counter ReplacesRejected { get; }

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
                CancelAtVenue(_timedOut[i], nowNs);
            }

            total += found;
        }
        while (found == _timedOut.Length);

        return total;
    }

    /// <summary>
    /// Risk, routing, OMS and the gateway ring for one new order intent, in two halves. First everything that
    /// decides whether and where each child goes: the risk check, the route, an OMS slot per child (with the
    /// OMS's checks) and room for the parent; then each child is encoded into the gateway ring and committed.
    /// Tick-to-order is read there: the order has left the trader. Then the bookkeeping nobody can observe before
    /// this method returns (the venues' reports come back through this thread's own poll): the OMS records the
    /// children, the parent is opened, risk counts the open exposure, and the route and any refused child are
    /// journaled, in the order they were before the split.
    /// </summary>
    public void Submit(in OrderIntent intent, long nowNs)
    {
        ref readonly OrderRequest request = ref intent.Request;
        RejectReason reason = _risk.Check(intent.StrategyId, request, nowNs);
        if (reason != RejectReason.None)
        {
            Reject(intent, reason, nowNs);
            return;
        }

        int legCount;
        bool routed = _venueUp.Length > 1;
        RouteDecision decision = default;
        if (!routed)
        {
            // nothing to route: straight to the one venue under the strategy's own id
            if (!_venueUp[0])
            {
                Reject(intent, RejectReason.VenueDown, nowNs);
                return;
            }

            _legs[0] = new RouteLeg(0, request.Qty, request.Price, ClOrdId: intent.ClOrdId);
            _children[0] = request;
            legCount = 1;
        }
        else
        {
            legCount = Route(intent, nowNs, out decision);
            if (legCount == 0)
            {
                return;
            }
        }

        bool sent = false;
        for (int i = 0; i < legCount; i++)
        {
            ref readonly RouteLeg leg = ref _legs[i];
            ref readonly OrderRequest child = ref _children[i];
            bool reserved = _oms.Reserve(leg.ClOrdId, child, out _slots[i]) == OrderResult.Ok;
            bool left = reserved && _gateway.SendNew(leg.VenueId, leg.ClOrdId, intent.StrategyId, child, intent.ReceiveTs, intent.DecisionTs);
            _outcomes[i] = !reserved ? ChildOutcome.Refused : left ? ChildOutcome.Sent : ChildOutcome.GatewayFull;
            sent |= left;
        }

        if (sent && intent.ReceiveTs > 0)
        {
            long committedNs = _clock.NanoTime();
            if (committedNs >= intent.ReceiveTs)
            {
                TickToOrder.Record(committedNs - intent.ReceiveTs);
            }
        }

        int routeEvent = -1;
        if (routed)
        {
            routeEvent = OpenRoute(intent, decision, legCount);
        }

        for (int i = 0; i < legCount; i++)
        {
            BookChild(intent, i, nowNs);
        }

        if (routeEvent >= 0)
        {
            int length = RouteDecisionWriter.EncodedLength(legCount);
            Span<byte> place = _journal.DeferredMessage(routeEvent, length);
            place.Clear();
            RouteDecisionWriter.Encode(place, decision, _legs.AsSpan(0, legCount));
        }
    }

    /// <summary>Asks the venue(s) to cancel an open order (all open children of a routed one); unknown or already-closing orders are ignored.</summary>
    public void Cancel(long clOrdId, long nowNs)
    {
        ReadOnlySpan<long> children = _parents.ChildrenOf(clOrdId);
        if (children.IsEmpty)
        {
            RequestCancel(clOrdId, nowNs);
            return;
        }

        for (int i = 0; i < children.Length; i++)
        {
            RequestCancel(children[i], nowNs);
        }
    }

    /// <summary>
    /// Cancels every open order at every venue (the kill switch); returns how many cancels were sent. An order whose
    /// new order or replace the venue has not answered yet cannot be cancelled until it answers (only then is its id
    /// certain): the answer that leaves it working is met with a cancel while the switch is engaged
    /// (<see cref="CancelIfWanted"/>).
    /// </summary>
    public int CancelAll(long nowNs)
    {
        int sent = 0;
        foreach (ref readonly Order order in _oms.OpenOrders())
        {
            long clOrdId = order.ClOrdId;
            long cancelId = _orderIds.Next();
            if (_oms.RequestCancel(clOrdId, cancelId, nowNs) == OrderResult.Ok
                && _gateway.SendCancel(cancelId, clOrdId, order.InstrumentId, order.StrategyId, nowNs))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// A venue's answer left <paramref name="clOrdId"/> (in OMS slot <paramref name="slot"/>) working: acknowledged,
    /// replaced, or a replace refused. A cancel asked for while it was unanswered (<see cref="OrderManager.DeferCancel"/>),
    /// or the kill switch engaged meanwhile (<see cref="CancelAll"/> had to leave it to its answer), is sent now.
    /// </summary>
    private void CancelIfWanted(long clOrdId, int slot, long nowNs)
    {
        if (_risk.KillSwitch.IsEngaged || _oms.OrderAt(slot).CancelDeferred)
        {
            RequestCancel(clOrdId, nowNs);
        }
    }

    /// <summary>
    /// Amends the order the strategy knows as <paramref name="intent"/>'s OrigClOrdId to the intent's price and total
    /// quantity. Risk checks the amended order as a whole (<see cref="RiskGate.CheckReplace"/>); then each open child
    /// whose terms change gets a venue replace under a new id (an order sent whole is its own one child, and keeps
    /// the strategy's id as its parent, <see cref="ParentOrderTable.TryOpenSingle"/>). A split order's quantity
    /// change lands on its legs in order: an increase on the first open child, a decrease from the last one back, a
    /// child left with nothing cancelled. The strategy hears <see cref="Strategy.OnOrderReplaced"/> once every child
    /// replace is answered: applied when any took effect. Refused (journaled as a rejected replace, and
    /// told at once) when the order is unknown or closed, another request of it is unanswered, the quantity is not
    /// above what is filled, or risk says no.
    /// </summary>
    public void Replace(in OrderIntent intent, long nowNs)
    {
        long parentId = intent.OrigClOrdId;
        int strategyId = intent.StrategyId;
        int owner = _parents.StrategyOf(parentId);
        if (owner < 0)
        {
            if (!_oms.TryGetSlot(parentId, out int own) || _oms.OrderAt(own).ClOrdId != parentId || _oms.OrderAt(own).StrategyId != strategyId)
            {
                RejectReplace(intent, RejectReason.UnknownOrder, nowNs);
                return;
            }

            if (_oms.OrderAt(own).IsPending)
            {
                RejectReplace(intent, RejectReason.RequestPending, nowNs);
                return;
            }

            if (!_parents.TryOpenSingle(parentId, strategyId, _oms.OrderAt(own).CumQty))
            {
                RejectReplace(intent, RejectReason.MaxOpenOrders, nowNs);
                return;
            }
        }
        else if (owner != strategyId)
        {
            RejectReplace(intent, RejectReason.UnknownOrder, nowNs);
            return;
        }
        else if (_parents.IsReplacing(parentId))
        {
            RejectReplace(intent, RejectReason.RequestPending, nowNs);
            return;
        }

        // the open children, their leaves; any with a request unanswered refuses the whole amendment
        ReadOnlySpan<long> children = _parents.ChildrenOf(parentId);
        int open = 0;
        long leaves = 0;
        for (int i = 0; i < children.Length; i++)
        {
            if (!_oms.TryGetSlot(children[i], out int slot))
            {
                continue;
            }

            ref readonly Order child = ref _oms.OrderAt(slot);
            if (child.IsPending)
            {
                RejectReplace(intent, RejectReason.RequestPending, nowNs);
                return;
            }

            _slots[open] = slot;
            _amendedLeaves[open] = child.LeavesQty;
            leaves += child.LeavesQty;
            open++;
        }

        if (open == 0)
        {
            RejectReplace(intent, RejectReason.TooLateToCancel, nowNs);
            return;
        }

        ref readonly Order first = ref _oms.OrderAt(_slots[0]);
        long newLeaves = intent.Request.Qty - _parents.CumQtyOf(parentId);
        if (intent.Request.Qty <= 0 || newLeaves <= 0)
        {
            RejectReplace(intent, RejectReason.InvalidQty, nowNs);
            return;
        }

        // only a limit or stop-limit order has a limit to change; the others amend their quantity
        bool priced = first.OrdType is OrdType.Limit or OrdType.StopLimit;
        long price = priced ? intent.Request.Price : first.Price;
        var amended = new OrderRequest(first.InstrumentId, first.Side, intent.Request.Qty, price, first.OrdType, first.TimeInForce,
            first.ExecInst, first.StopPrice, first.TrailPrice, first.TrailBps);
        RejectReason reason = _risk.CheckReplace(strategyId, amended, newLeaves - leaves, nowNs);
        if (reason != RejectReason.None)
        {
            RejectReplace(intent, reason, nowNs);
            return;
        }

        // the quantity change, over the legs: more on the first, less from the last back
        long delta = newLeaves - leaves;
        if (delta > 0)
        {
            _amendedLeaves[0] += delta;
        }

        for (int i = open - 1; i >= 0 && delta < 0; i--)
        {
            long taken = Math.Min(_amendedLeaves[i], -delta);
            _amendedLeaves[i] -= taken;
            delta += taken;
        }

        int requests = 0;
        bool firstRequest = true;
        for (int i = 0; i < open; i++)
        {
            ref readonly Order child = ref _oms.OrderAt(_slots[i]);
            long childId = child.ClOrdId;
            if (_amendedLeaves[i] == 0)
            {
                RequestCancel(childId, nowNs);
                continue;
            }

            if (_amendedLeaves[i] == child.LeavesQty && (!priced || price == child.Price))
            {
                continue;
            }

            // the strategy's request id goes to the first venue replace (an order sent whole: its only one)
            long newId = firstRequest ? intent.ClOrdId : _orderIds.Next();
            firstRequest = false;
            long childQty = child.CumQty + _amendedLeaves[i];
            if (SendReplace(intent, parentId, childId, child.InstrumentId, newId, priced ? price : OrderRequest.NoPrice, childQty, _amendedLeaves[i], nowNs))
            {
                requests++;
            }
        }

        if (requests == 0)
        {
            // nothing left to confirm: terms unchanged, or a decrease done by cancelling whole children
            _strategies.OnOrderReplaced(strategyId, parentId, rejected: !firstRequest);
            return;
        }

        _parents.BeginReplace(parentId, requests);
    }

    /// <summary>One child's venue replace: OMS, gateway ring, risk's exposure and the journal; false when refused (journaled).</summary>
    private bool SendReplace(in OrderIntent intent, long parentId, long childId, int instrumentId, long newId, long price, long qty, long newLeaves, long nowNs)
    {
        OrderResult requested = _oms.RequestReplace(childId, newId, price, qty, nowNs);
        if (requested != OrderResult.Ok)
        {
            RejectReason why = requested switch
            {
                OrderResult.InvalidTransition => RejectReason.RequestPending,
                OrderResult.InvalidQty => RejectReason.InvalidQty,
                OrderResult.InvalidPrice => RejectReason.InvalidPrice,
                OrderResult.UnknownOrder => RejectReason.UnknownOrder,
                OrderResult.OrderClosed => RejectReason.TooLateToCancel,
                // the in-flight cap, a duplicate id: the engine's own limits
                _ => RejectReason.MaxOpenOrders,
            };
            JournalReplaceReject(newId, childId, intent.StrategyId, instrumentId, why, nowNs);
            return false;
        }

        if (!_gateway.SendReplace(newId, childId, instrumentId, intent.StrategyId, price, qty, intent.DecisionTs))
        {
            _oms.OnReplaceReject(newId, RejectReason.VenueReject, nowNs);
            JournalReplaceReject(newId, childId, intent.StrategyId, instrumentId, RejectReason.VenueReject, nowNs);
            return false;
        }

        Replaces.Increment();
        _risk.OnReplaceSent(childId, newLeaves);
        if (childId != parentId || newId != intent.ClOrdId)
        {
            // the venue's replace, journaled when it is not the strategy's own (OrderEntry journaled that one)
            JournalReplace(newId, childId, instrumentId, intent.StrategyId, price, qty, intent.DecisionTs);
        }

        return true;
    }

    /// <summary>
    /// Splits the order over the venues that are up into <see cref="_legs"/> and <see cref="_children"/>; returns
    /// the number of legs, or 0 when it refused the order (journaled).
    /// </summary>
    // on every order before it leaves: Native AOT has no profile to inline it by (a call each cost the routed order ~3 ns)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Route(in OrderIntent intent, long nowNs, out RouteDecision decision)
    {
        ref readonly OrderRequest request = ref intent.Request;
        // a buy takes the asks, a sell the bids
        Side book = request.Side == Side.Buy ? Side.Sell : Side.Buy;
        int instrumentId = request.InstrumentId;
        long touchPrice = 0, touchSize = 0;
        if ((uint)instrumentId < (uint)_bidPrice.Length)
        {
            touchPrice = book == Side.Buy ? _bidPrice[instrumentId] : _askPrice[instrumentId];
            touchSize = book == Side.Buy ? _bidSize[instrumentId] : _askSize[instrumentId];
        }

        for (int v = 0; v < _quotes.Length; v++)
        {
            ref VenueQuote quote = ref _quotes[v];
            quote.IsUp = _venueUp[v];
            long displayed = touchPrice > 0 && touchSize > 0 ? _gateway.DisplayedAt(v, touchSize) : 0;
            quote.Price = displayed > 0 ? touchPrice : OrderRequest.NoPrice;
            quote.DisplayedQty = displayed;
        }

        RouteResult result = _router.Route(intent.ClOrdId, request, _quotes, _legs, nowNs, out decision);
        if (result != RouteResult.Routed)
        {
            Reject(intent, result switch
            {
                RouteResult.VenueDown => RejectReason.VenueDown,
                RouteResult.InvalidQty => RejectReason.InvalidQty,
                RouteResult.InvalidPrice => RejectReason.InvalidPrice,
                _ => RejectReason.VenueReject,
            }, nowNs);
            return 0;
        }

        int legCount = decision.LegCount;
        // checked before any child leaves; the parent is opened right after they have
        if (legCount > 1 && !_parents.CanOpen(intent.ClOrdId, legCount))
        {
            Reject(intent, RejectReason.MaxOpenOrders, nowNs);
            return 0;
        }

        // Legs and children are built field by field: a `with` on these structs copies them through the stack and
        // reloads the copy over the narrower stores it just made (store-forwarding stalls, ~45 ns per split order).
        for (int i = 0; i < legCount; i++)
        {
            ref RouteLeg leg = ref _legs[i];
            long clOrdId = legCount == 1 ? intent.ClOrdId : _orderIds.Next();
            leg = new RouteLeg(leg.VenueId, leg.Qty, leg.Price, leg.IsRemainder, clOrdId);
            // a lone leg at the parent's own price is the parent's order as it is
            long qty = legCount == 1 && leg.Price == request.Price ? request.Qty : leg.Qty;
            _children[i] = new OrderRequest(
                request.InstrumentId, request.Side, qty, leg.Price,
                request.OrdType, request.TimeInForce, request.ExecInst, request.StopPrice, request.TrailPrice, request.TrailBps);
        }

        return legCount;
    }

    /// <summary>After the children left: counts the route, opens the parent of a split and takes the RouteDecision's journal place (-1: none, it was written).</summary>
    private int OpenRoute(in OrderIntent intent, in RouteDecision decision, int legCount)
    {
        ReadOnlySpan<RouteLeg> legs = _legs.AsSpan(0, legCount);
        if (legCount > 1)
        {
            bool opened = _parents.TryOpen(intent.ClOrdId, intent.StrategyId, legs);
            Debug.Assert(opened, "Invariant: CanOpen held before the children left, and their ids are fresh");
            Splits.Increment();
        }

        Routed.Increment();
        int routeLength = RouteDecisionWriter.EncodedLength(legCount);
        int routeEvent = _journal.ReserveDeferredHandle(RouteDecisionEncoder.TemplateId, routeLength);
        if (routeEvent < 0)
        {
            Span<byte> scratch = _journal.ClearedScratch(routeLength);
            _journal.AppendScratch(RouteDecisionEncoder.TemplateId, RouteDecisionWriter.Encode(scratch, decision, legs));
        }

        return routeEvent;
    }

    /// <summary>
    /// After the children left: the OMS records child <paramref name="leg"/> (sent or not, as it was reserved),
    /// risk counts a sent one's exposure; a child the OMS refused or the gateway ring had no room for is
    /// journaled as rejected and closed.
    /// </summary>
    private void BookChild(in OrderIntent intent, int leg, long nowNs)
    {
        long clOrdId = _legs[leg].ClOrdId;
        int venueId = _legs[leg].VenueId;
        int strategyId = intent.StrategyId;
        ref readonly OrderRequest request = ref _children[leg];
        ChildOutcome outcome = _outcomes[leg];
        if (outcome == ChildOutcome.Refused)
        {
            RejectChild(clOrdId, strategyId, venueId, request, RejectReason.MaxOpenOrders, nowNs);
            return;
        }

        _oms.Open(_slots[leg], clOrdId, strategyId, venueId, request, nowNs);
        if (outcome == ChildOutcome.GatewayFull)
        {
            // the gateway is not keeping up: refused rather than waited for on the critical path
            _oms.OnReject(clOrdId, RejectReason.VenueReject, nowNs);
            RejectChild(clOrdId, strategyId, venueId, request, RejectReason.VenueReject, nowNs);
            return;
        }

        _risk.OnOrderAccepted(strategyId, request, clOrdId);
        OrdersSent.Increment();
    }

    /// <summary>
    /// Asks the venue to cancel <paramref name="clOrdId"/>; one whose new order or replace is unanswered is cancelled
    /// when the answer comes (<see cref="OrderManager.DeferCancel"/>), not dropped.
    /// </summary>
    private void RequestCancel(long clOrdId, long nowNs)
    {
        if (_oms.TryGetSlot(clOrdId, out int slot))
        {
            ref readonly Order order = ref _oms.OrderAt(slot);
            long cancelId = _orderIds.Next();
            OrderResult requested = _oms.RequestCancel(clOrdId, cancelId, nowNs);
            if (requested == OrderResult.Ok)
            {
                _gateway.SendCancel(cancelId, clOrdId, order.InstrumentId, order.StrategyId, nowNs);
            }
            else if (requested == OrderResult.InvalidTransition)
            {
                _oms.DeferCancel(clOrdId);
            }
        }
    }

    private void CancelAtVenue(long clOrdId, long nowNs)
    {
        if (_oms.TryGetSlot(clOrdId, out int slot))
        {
            ref readonly Order order = ref _oms.OrderAt(slot);
            _gateway.SendCancel(_orderIds.Next(), clOrdId, order.InstrumentId, order.StrategyId, nowNs);
        }
    }

    public void OnQuote(int instrumentId, long bidPrice, long bidSize, long askPrice, long askSize, long nowNs)
    {
        if ((uint)instrumentId < (uint)_bidPrice.Length)
        {
            _bidPrice[instrumentId] = bidPrice;
            _bidSize[instrumentId] = bidSize;
            _askPrice[instrumentId] = askPrice;
            _askSize[instrumentId] = askSize;
        }

        _gateway.SendQuote(instrumentId, bidPrice, bidSize, askPrice, askSize, nowNs);
        _portfolio.OnQuote(instrumentId, bidPrice, askPrice);
        _risk.OnMark(instrumentId, (bidPrice + askPrice) >> 1);
    }

    public void OnTrade(int instrumentId, long price, long size, long nowNs)
    {
        _gateway.SendTrade(instrumentId, price, size, nowNs);
        _portfolio.OnTrade(instrumentId, price);
        _risk.OnMarketTrade(instrumentId, size, nowNs);
    }

    /// <summary>Delivers the reports waiting on the report ring; returns how many.</summary>
    public int Poll(long nowNs)
    {
        _reports.NowNs = nowNs;
        return _gateway.Poll(ref _reports, ReportBatchLimit);
    }

    /// <summary>Journals that an order working before a restart is gone (the venue restarted with the engine).</summary>
    internal void JournalRestartCancel(long clOrdId, int strategyId, int instrumentId, int venueId, Side side, long price, long orderQty, long cumQty)
    {
        Cancels.Increment();
        JournalReport(clOrdId, strategyId, instrumentId, venueId, side, ExecType.Canceled, OrdStatus.Canceled, RejectReason.None,
            price, orderQty, cumQty, 0, 0, 0, 0, Liquidity.Taker, 0);
    }

    /// <summary>An order refused before reaching any venue (risk or routing): journaled without a venue.</summary>
    private void Reject(in OrderIntent intent, RejectReason reason, long nowNs)
    {
        OrdersRejected.Increment();
        ref readonly OrderRequest request = ref intent.Request;
        JournalReport(intent.ClOrdId, intent.StrategyId, request.InstrumentId, ExecutionReportEncoder.VenueIdNullValue, request.Side,
            ExecType.Rejected, OrdStatus.Rejected, reason, request.Price, request.Qty, 0, 0, 0, 0, 0, Liquidity.Taker, nowNs);
        _strategies.OnOrderClosed(intent.StrategyId, intent.ClOrdId, rejected: true);
    }

    /// <summary>An amendment refused before any venue saw it: journaled as a rejected replace, the strategy told at once.</summary>
    private void RejectReplace(in OrderIntent intent, RejectReason reason, long nowNs)
    {
        JournalReplaceReject(intent.ClOrdId, intent.OrigClOrdId, intent.StrategyId, intent.Request.InstrumentId, reason, nowNs);
        _strategies.OnOrderReplaced(intent.StrategyId, intent.OrigClOrdId, rejected: true);
    }

    /// <summary>
    /// A refused replace, as FIX reports one: an ExecutionReport Rejected under the request's id whose status is the
    /// order's own (not Rejected: the order works on), with the reason.
    /// </summary>
    private void JournalReplaceReject(long clOrdId, long origClOrdId, int strategyId, int instrumentId, RejectReason reason, long nowNs)
    {
        ReplacesRejected.Increment();
        bool known = _oms.TryGetSlot(origClOrdId, out int slot);
        ReadOnlySpan<long> children = known ? ReadOnlySpan<long>.Empty : _parents.ChildrenOf(origClOrdId);
        for (int i = 0; i < children.Length && !known; i++)
        {
            known = _oms.TryGetSlot(children[i], out slot);
        }

        if (!known)
        {
            // FIX: a cancel/replace reject for an order the venue does not know carries status Rejected
            JournalReport(clOrdId, strategyId, instrumentId, ExecutionReportEncoder.VenueIdNullValue, Side.Buy, ExecType.Rejected, OrdStatus.Rejected, reason,
                0, 0, 0, 0, 0, 0, 0, Liquidity.Taker, nowNs);
            return;
        }

        ref readonly Order order = ref _oms.OrderAt(slot);
        OrdStatus status = order.Status is OrdStatus.PendingReplace or OrdStatus.PendingCancel or OrdStatus.PendingNew
            ? (order.CumQty > 0 ? OrdStatus.PartiallyFilled : OrdStatus.New)
            : order.Status;
        JournalReport(clOrdId, strategyId, order.InstrumentId, order.VenueId, order.Side, ExecType.Rejected, status, reason,
            order.Price, order.OrderQty, order.CumQty, order.LeavesQty, order.AvgPx, 0, 0, Liquidity.Taker, nowNs);
    }

    private void JournalReplace(long clOrdId, long origClOrdId, int instrumentId, int strategyId, long price, long qty, long decisionTs)
    {
        int length = ReplaceOrderWriter.Encode(_journal.ClearedScratch(ReplaceOrderWriter.Length), clOrdId, origClOrdId, instrumentId, strategyId, price, qty, decisionTs);
        _journal.AppendScratch(ReplaceOrderEncoder.TemplateId, length);
    }

    /// <summary>Settles one child replace of an amendment; the last one tells the strategy.</summary>
    private void SettleReplace(int strategyId, long childId, bool applied)
    {
        if (_parents.OnReplaceSettled(childId, applied, out long parentId, out bool anyApplied))
        {
            _strategies.OnOrderReplaced(strategyId, parentId, rejected: !anyApplied);
        }
    }

    private void RejectChild(long clOrdId, int strategyId, int venueId, in OrderRequest request, RejectReason reason, long nowNs)
    {
        OrdersRejected.Increment();
        JournalReport(clOrdId, strategyId, request.InstrumentId, venueId, request.Side, ExecType.Rejected, OrdStatus.Rejected, reason,
            request.Price, request.Qty, 0, 0, 0, 0, 0, Liquidity.Taker, nowNs);
        CloseForStrategy(strategyId, clOrdId, ChildClose.Rejected);
    }

    /// <summary>
    /// Tells the strategy its order ended without a complete fill (a complete fill it learns from the fills);
    /// a routed child counts only as its parent's last.
    /// </summary>
    private void CloseForStrategy(int strategyId, long clOrdId, ChildClose how)
    {
        if (!_parents.OnChildClosed(clOrdId, how, out long parentId, out bool parentClosed, out bool parentRejected, out bool parentFilled))
        {
            if (how != ChildClose.Filled)
            {
                _strategies.OnOrderClosed(strategyId, clOrdId, how == ChildClose.Rejected);
            }
        }
        else if (parentClosed && !parentFilled)
        {
            _strategies.OnOrderClosed(strategyId, parentId, parentRejected);
        }
    }

    private void OnReport(in VenueReport report, long nowNs)
    {
        if (!_oms.TryGetSlot(report.ClOrdId, out int slot))
        {
            return;
        }

        ref readonly Order order = ref _oms.OrderAt(slot);
        int strategyId = order.StrategyId;
        int venueId = order.VenueId;
        int orderInstrumentId = order.InstrumentId;
        long orderQty = order.OrderQty;
        long price = order.Price;
        // a report that closes an order whose replace is unanswered answers the replace too (it can no longer take)
        bool replacing = order.Status == OrdStatus.PendingReplace;
        switch (report.Kind)
        {
            case VenueReportKind.Ack:
                if (_oms.OnAck(report.ClOrdId, report.ClOrdId, nowNs) == OrderResult.Ok)
                {
                    JournalReport(report.ClOrdId, strategyId, report.InstrumentId, venueId, report.Side, ExecType.New, OrdStatus.New, RejectReason.None,
                        price, orderQty, 0, orderQty, 0, 0, 0, Liquidity.Taker, nowNs);
                    CancelIfWanted(report.ClOrdId, slot, nowNs);
                }

                break;
            case VenueReportKind.Fill:
                if (_oms.OnFill(report.ClOrdId, report.LastQty, report.Price, report.Fee, nowNs, out FillEffect effect) != OrderResult.Ok)
                {
                    return;
                }

                Fills.Increment();
                long strategyOrderId = _parents.OnChildFill(report.ClOrdId, report.LastQty);
                _portfolio.OnFill(strategyId, report.InstrumentId, report.Side, report.LastQty, report.Price, report.Fee);
                _risk.OnFill(strategyId, report.ClOrdId, report.InstrumentId, report.Side, report.LastQty, report.Price);
                if (effect.Closed)
                {
                    _risk.OnOrderClosed(report.ClOrdId);
                    _gateway.OnOrderClosed(venueId, orderInstrumentId);
                }

                JournalReport(report.ClOrdId, strategyId, report.InstrumentId, venueId, report.Side,
                    effect.LeavesQty == 0 ? ExecType.Fill : ExecType.PartialFill, effect.Status, RejectReason.None,
                    price, orderQty, effect.CumQty, effect.LeavesQty, effect.AvgPx, report.Price, report.LastQty, report.Liquidity, nowNs, report.Fee);
                _strategies.OnFill(strategyId, new Fill(strategyOrderId, report.InstrumentId, report.Side, report.Price, report.LastQty, report.Fee, nowNs));
                if (effect.Closed)
                {
                    if (replacing)
                    {
                        SettleReplace(strategyId, report.ClOrdId, applied: false);
                    }

                    CloseForStrategy(strategyId, report.ClOrdId, ChildClose.Filled);
                }

                break;
            case VenueReportKind.Replaced:
                OnReplaced(report, slot, nowNs);
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
                _gateway.OnOrderClosed(venueId, orderInstrumentId);
                JournalReport(report.ClOrdId, strategyId, report.InstrumentId, venueId, report.Side,
                    report.Kind == VenueReportKind.Canceled ? ExecType.Canceled : ExecType.Expired,
                    report.Kind == VenueReportKind.Canceled ? OrdStatus.Canceled : OrdStatus.Expired, RejectReason.None,
                    price, orderQty, report.CumQty, 0, 0, 0, 0, Liquidity.Taker, nowNs);
                if (replacing)
                {
                    SettleReplace(strategyId, report.ClOrdId, applied: false);
                }

                CloseForStrategy(strategyId, report.ClOrdId, ChildClose.Canceled);
                break;
            case VenueReportKind.Rejected:
                if (_oms.OnReject(report.ClOrdId, report.RejectReason, nowNs) != OrderResult.Ok)
                {
                    return;
                }

                OrdersRejected.Increment();
                _risk.OnOrderClosed(report.ClOrdId);
                _gateway.OnOrderClosed(venueId, orderInstrumentId);
                JournalReport(report.ClOrdId, strategyId, report.InstrumentId, venueId, report.Side, ExecType.Rejected, OrdStatus.Rejected, report.RejectReason,
                    price, orderQty, 0, 0, 0, 0, 0, Liquidity.Taker, nowNs);
                if (replacing)
                {
                    SettleReplace(strategyId, report.ClOrdId, applied: false);
                }

                CloseForStrategy(strategyId, report.ClOrdId, ChildClose.Rejected);
                break;
            case VenueReportKind.CancelRejected:
                if (replacing && order.PendingClOrdId == report.ClOrdId)
                {
                    // the venue refused the replace: the order works on at its old terms under its old id
                    long clOrdId = order.ClOrdId;
                    if (_oms.OnReplaceReject(report.ClOrdId, report.RejectReason, nowNs) == OrderResult.Ok)
                    {
                        _risk.OnReplaceRejected(clOrdId, _oms.OrderAt(slot).LeavesQty);
                        JournalReplaceReject(report.ClOrdId, clOrdId, strategyId, orderInstrumentId, report.RejectReason, nowNs);
                        SettleReplace(strategyId, clOrdId, applied: false);
                        CancelIfWanted(clOrdId, slot, nowNs);
                    }
                }
                else
                {
                    _oms.OnCancelReject(report.ClOrdId, report.RejectReason, nowNs);
                }

                break;
        }
    }

    /// <summary>
    /// The venue confirmed a replace: the OMS, risk and the parent table move the order to its new id and terms, the
    /// journal gets an ExecutionReport Replaced under the new id, and an amendment whose last child this was is
    /// answered. A replace that left nothing to fill (fills raced it up to the new quantity) closes the order filled.
    /// </summary>
    private void OnReplaced(in VenueReport report, int slot, long nowNs)
    {
        ref readonly Order order = ref _oms.OrderAt(slot);
        long newId = report.ClOrdId;
        if (order.Status != OrdStatus.PendingReplace || order.PendingClOrdId != newId)
        {
            return;
        }

        long oldId = order.ClOrdId;
        int strategyId = order.StrategyId;
        int venueId = order.VenueId;
        int instrumentId = order.InstrumentId;
        Side side = order.Side;
        long newPrice = order.PendingPrice;
        long newQty = order.PendingQty;
        long cumQty = order.CumQty;
        long avgPx = order.AvgPx;
        // what rests in a book, for self-trade prevention: a limit order's price (risk's rule for new orders)
        long restingPrice = order.OrdType == OrdType.Limit ? newPrice : 0;
        long leaves = Math.Max(0, newQty - cumQty);
        if (_oms.OnReplaced(newId, 0, nowNs) != OrderResult.Ok)
        {
            return;
        }

        _risk.OnReplaced(oldId, newId, restingPrice, leaves);
        _parents.RenameChild(oldId, newId);
        OrdStatus status = leaves == 0 ? OrdStatus.Filled : cumQty > 0 ? OrdStatus.PartiallyFilled : OrdStatus.New;
        JournalReport(newId, strategyId, instrumentId, venueId, side, ExecType.Replaced, status, RejectReason.None,
            newPrice, newQty, cumQty, leaves, avgPx, 0, 0, Liquidity.Taker, nowNs);
        SettleReplace(strategyId, newId, applied: true);
        if (leaves == 0)
        {
            _gateway.OnOrderClosed(venueId, instrumentId);
            CloseForStrategy(strategyId, newId, ChildClose.Filled);
            return;
        }

        CancelIfWanted(newId, slot, nowNs);
    }

    private void JournalReport(
        long clOrdId, int strategyId, int instrumentId, int venueId, Side side, ExecType execType, OrdStatus status, RejectReason reason,
        long price, long orderQty, long cumQty, long leavesQty, long avgPx, long lastPx, long lastQty, Liquidity liquidity,
        long nowNs, long fee = 0)
    {
        int fixedLength = ExecutionReportEncoder.HeaderLength + ExecutionReportEncoder.BlockLength;
        // encoded in place in the journal when it is not holding events back (every report from a venue): no scratch copy
        Span<byte> claimed = _journal.TryClaim(ExecutionReportEncoder.TemplateId, fixedLength + 64);
        bool inPlace = !claimed.IsEmpty;
        var report = ExecutionReportEncoder.WrapAndApplyHeader(inPlace ? claimed : _journal.ClearedScratch(fixedLength + 64), 0);
        report.SetClOrdId((ulong)clOrdId);
        report.SetVenueOrderId((ulong)clOrdId);
        report.SetInstrumentId(instrumentId);
        report.SetStrategyId((short)strategyId);
        report.SetVenueId((short)venueId);
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
        int length = ExecutionReportEncoder.HeaderLength + report.EncodedLength;
        if (inPlace)
        {
            _journal.CommitClaim(length);
        }
        else
        {
            _journal.AppendScratch(ExecutionReportEncoder.TemplateId, length);
        }
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

    private enum ChildOutcome : byte
    {
        Sent,
        Refused,
        GatewayFull,
    }
}
