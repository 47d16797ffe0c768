using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Orders;

/// <summary>
/// One slot of the <see cref="OrderManager"/> table: an order's identity, terms, execution totals, status and
/// timestamps. Only the manager writes it; readers get it by <c>ref readonly</c>. Prices fixed-point 10^-8,
/// quantities whole units, timestamps monotonic ns.
/// </summary>
public struct Order
{
    /// <summary>No deadline: the order is not waiting on the venue (or its timeout was already reported).</summary>
    public const long NoDeadline = long.MaxValue;

    /// <summary>The order's current client order id (the replacing id once a replace is confirmed).</summary>
    public long ClOrdId { get; internal set; }

    /// <summary>The id this order replaced, or 0.</summary>
    public long OrigClOrdId { get; internal set; }

    /// <summary>Id of the outstanding cancel or replace request, or 0.</summary>
    public long PendingClOrdId { get; internal set; }

    public long VenueOrderId { get; internal set; }

    public int StrategyId { get; internal set; }

    public int InstrumentId { get; internal set; }

    public int VenueId { get; internal set; }

    public Side Side { get; internal set; }

    public OrdType OrdType { get; internal set; }

    public TimeInForce TimeInForce { get; internal set; }

    public ExecInst ExecInst { get; internal set; }

    /// <summary>Limit price, or <see cref="OrderRequest.NoPrice"/> for a market, stop or trailing-stop order.</summary>
    public long Price { get; internal set; }

    /// <summary>Stop (trigger) price of a stop or stop-limit order, else <see cref="OrderRequest.NoPrice"/>.</summary>
    public long StopPrice { get; internal set; }

    /// <summary>A trailing stop's trail as a price offset (fixed-point 10^-8), or 0.</summary>
    public long TrailPrice { get; internal set; }

    /// <summary>A trailing stop's trail in basis points of the best price since entry, or 0.</summary>
    public int TrailBps { get; internal set; }

    public long OrderQty { get; internal set; }

    public long CumQty { get; internal set; }

    public long LeavesQty { get; internal set; }

    /// <summary>Exact sum of qty × price over all fills (fixed-point 10^-8 × units); Int128 cannot overflow.</summary>
    public Int128 Notional { get; internal set; }

    /// <summary>Sum of fill fees, fixed-point 10^-8; negative = rebate.</summary>
    public long Fees { get; internal set; }

    public OrdStatus Status { get; internal set; }

    public RejectReason RejectReason { get; internal set; }

    /// <summary>Price asked for by the outstanding replace.</summary>
    public long PendingPrice { get; internal set; }

    /// <summary>Quantity asked for by the outstanding replace.</summary>
    public long PendingQty { get; internal set; }

    public long CreatedNs { get; internal set; }

    public long UpdatedNs { get; internal set; }

    /// <summary>When the outstanding request (new/cancel/replace) times out, or <see cref="NoDeadline"/>.</summary>
    public long AckDeadlineNs { get; internal set; }

    /// <summary>
    /// A cancel was asked for while the order's new order or replace was unanswered: it goes out once the venue's
    /// answer leaves the order working (<see cref="OrderManager.DeferCancel"/>).
    /// </summary>
    public bool CancelDeferred { get; internal set; }

    /// <summary>Position in the manager's open-slot list (swap-remove bookkeeping).</summary>
    internal int OpenIndex { get; set; }

    /// <summary>
    /// Average fill price, fixed-point 10^-8, <see cref="Notional"/> / <see cref="CumQty"/> rounded half away
    /// from zero; <see cref="OrderRequest.NoPrice"/> before the first fill. Use <see cref="Notional"/> for
    /// exact accounting.
    /// </summary>
    public readonly long AvgPx => ComputeAvgPx(Notional, CumQty);

    public readonly bool IsPending => IsPendingStatus(Status);

    internal static bool IsPendingStatus(OrdStatus status) =>
        status is OrdStatus.PendingNew or OrdStatus.PendingCancel or OrdStatus.PendingReplace;

    // the ledger's rounding (nearest 10^-8, halves away from zero), with its 64-bit path when the notional fits a long
    internal static long ComputeAvgPx(Int128 notional, long cumQty) =>
        cumQty == 0 ? OrderRequest.NoPrice : Portfolio.PositionMath.RoundedAverage(notional, cumQty);
}
