namespace Llt.Hotpath.Strategies;

/// <summary>One instrument's entry in <see cref="PendingOrderTracker"/>: the working order, 0 when none.</summary>
internal struct PendingOrder
{
    public long ClOrdId;

    /// <summary>Quantity not yet filled.</summary>
    public long Qty;

    /// <summary>The order's total quantity (what <see cref="Qty"/> counts down from).</summary>
    public long TotalQty;

    /// <summary>The total quantity a replace in flight asks for; 0 when none is.</summary>
    public long ReplaceQty;

    /// <summary>Receive time of the tick that sent it (engine monotonic ns).</summary>
    public long SinceNs;
}
