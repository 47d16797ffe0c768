using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// One working order per instrument for one strategy: while an order is unanswered the strategy sends no other
/// on that instrument. An order is forgotten on its last fill (<see cref="OnFill"/>), when the engine closes it
/// (<see cref="OnOrderClosed"/>), or once it has been unanswered for the timeout (on the next tick's
/// <see cref="IsPending(int, long)"/> and on <see cref="OnTimer"/>), when a cancel is sent for it: an
/// immediate-or-cancel order unanswered that long is a lost response, not a resting order.
/// </summary>
/// <remarks>
/// Create it in <see cref="Strategy.OnStart"/> (it allocates one entry per instrument id) and forward the
/// strategy's <c>OnFill</c>, <c>OnOrderClosed</c>, <c>OnOrderReplaced</c> (if it amends with <see cref="Replace"/>)
/// and <c>OnTimer</c> to it. Nothing after construction
/// allocates or throws. Trading thread only.
/// </remarks>
/// <example>
/// <code>
/// public override void OnQuote(in QuoteTick quote)
/// {
///     if (_pending.IsPending(quote.InstrumentId, quote.ReceiveTs))
///     {
///         return; // waiting for the answer to our order
///     }
///
///     _pending.Submit(MarketableOrder.AtTouch(quote.InstrumentId, Side.Buy, 100, quote.BidPrice, quote.AskPrice), quote.ReceiveTs);
/// }
///
/// public override void OnFill(in Fill fill) => _pending.OnFill(fill);
/// public override void OnOrderClosed(long clOrdId, bool rejected) => _pending.OnOrderClosed(clOrdId);
/// public override void OnTimer(long nowNs) => _pending.OnTimer(nowNs);
/// </code>
/// </example>
public sealed class PendingOrderTracker
{
    /// <summary>A timeout no engine clock reaches (~292 years): orders wait for their fill or close.</summary>
    public const long NoTimeout = long.MaxValue;

    private readonly StrategyContext _context;
    private readonly PendingOrder[] _orders;
    private readonly long _timeoutNs;

    public PendingOrderTracker(StrategyContext context, long timeoutNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutNs, 1);
        _context = context;
        _timeoutNs = timeoutNs;
        // indexed by instrument id: one bounds-checked load per tick, no id → entry map
        _orders = new PendingOrder[context.InstrumentCount];
    }

    /// <summary>Whether an order is working on the instrument, however old.</summary>
    public bool IsPending(int instrumentId) => _orders[instrumentId].ClOrdId != 0;

    /// <summary>
    /// Whether an order is still working on the instrument at <paramref name="nowNs"/>. One unanswered for the
    /// timeout or longer is cancelled and forgotten here, and the answer is then false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsPending(int instrumentId, long nowNs)
    {
        ref PendingOrder order = ref _orders[instrumentId];
        // inlined into the strategy's tick: nothing working is the common answer, one load and a compare
        return order.ClOrdId != 0 && IsStillPending(ref order, instrumentId, nowNs);
    }

    /// <summary>
    /// Submits <paramref name="request"/> through the context and tracks it from <paramref name="nowNs"/>; returns
    /// its client order id, or -1 when this tick's intent slots are full (counted by the context; nothing is
    /// tracked, so the next tick may try again).
    /// </summary>
    public long Submit(in OrderRequest request, long nowNs)
    {
        long clOrdId = _context.Submit(request);
        if (clOrdId >= 0)
        {
            ref PendingOrder order = ref _orders[request.InstrumentId];
            order.ClOrdId = clOrdId;
            order.Qty = request.Qty;
            order.TotalQty = request.Qty;
            order.ReplaceQty = 0;
            order.SinceNs = nowNs;
        }

        return clOrdId;
    }

    /// <summary>Counts a fill of the working order; its last fill forgets it. Fills of other orders are ignored.</summary>
    public void OnFill(in Fill fill)
    {
        ref PendingOrder order = ref _orders[fill.InstrumentId];
        if (fill.ClOrdId == order.ClOrdId)
        {
            order.Qty -= fill.Qty;
            if (order.Qty <= 0)
            {
                order.ClOrdId = 0;
            }
        }
    }

    /// <summary>
    /// Amends the instrument's working order to <paramref name="price"/> and a new total <paramref name="qty"/> and
    /// restarts its timeout from <paramref name="nowNs"/>; false when no order works there, a replace of it is still
    /// unanswered, or this tick's intent slots are full. Forward <see cref="Strategy.OnOrderReplaced"/> to
    /// <see cref="OnOrderReplaced"/>.
    /// </summary>
    public bool Replace(int instrumentId, long price, long qty, long nowNs)
    {
        ref PendingOrder order = ref _orders[instrumentId];
        if (order.ClOrdId == 0 || order.ReplaceQty != 0 || !_context.Replace(order.ClOrdId, instrumentId, price, qty))
        {
            return false;
        }

        order.ReplaceQty = qty;
        order.SinceNs = nowNs;
        return true;
    }

    /// <summary>The answer to <see cref="Replace"/>: an applied one moves the quantity still to fill to the new total.</summary>
    public void OnOrderReplaced(long clOrdId, bool rejected)
    {
        int id = InstrumentOf(clOrdId);
        if (id < 0)
        {
            return;
        }

        ref PendingOrder order = ref _orders[id];
        if (!rejected && order.ReplaceQty > 0)
        {
            long filled = order.TotalQty - order.Qty;
            order.TotalQty = order.ReplaceQty;
            order.Qty = order.ReplaceQty - filled;
            if (order.Qty <= 0)
            {
                order.ClOrdId = 0;
            }
        }

        order.ReplaceQty = 0;
    }

    /// <summary>Forgets the order the engine rejected or cancelled, whichever instrument it was on.</summary>
    public void OnOrderClosed(long clOrdId)
    {
        int id = InstrumentOf(clOrdId);
        if (id >= 0)
        {
            _orders[id].ClOrdId = 0;
        }
    }

    /// <summary>The instrument whose working order is <paramref name="clOrdId"/>, or -1 (the engine's answers name no instrument).</summary>
    private int InstrumentOf(long clOrdId)
    {
        foreach (int id in _context.InstrumentIds)
        {
            if (_orders[id].ClOrdId == clOrdId)
            {
                return id;
            }
        }

        return -1;
    }

    /// <summary>Cancels and forgets every order unanswered for the timeout or longer at <paramref name="nowNs"/>.</summary>
    public void OnTimer(long nowNs)
    {
        foreach (int id in _context.InstrumentIds)
        {
            ref PendingOrder order = ref _orders[id];
            if (order.ClOrdId != 0 && nowNs - order.SinceNs >= _timeoutNs)
            {
                Expire(ref order, id);
            }
        }
    }

    /// <summary>Forgets the instrument's order without a cancel (e.g. a strategy that is done with it on any fill).</summary>
    public void Release(int instrumentId) => _orders[instrumentId].ClOrdId = 0;

    private bool IsStillPending(ref PendingOrder order, int instrumentId, long nowNs)
    {
        if (nowNs - order.SinceNs < _timeoutNs)
        {
            return true;
        }

        Expire(ref order, instrumentId);
        return false;
    }

    private void Expire(ref PendingOrder order, int instrumentId)
    {
        // ask once and move on: a cancel refused for full slots is not retried, the order is a lost response anyway
        _context.Cancel(order.ClOrdId, instrumentId);
        order.ClOrdId = 0;
    }
}
