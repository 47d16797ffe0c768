namespace Llt.Hotpath.Orders;

/// <summary>
/// Outcome of an <see cref="OrderManager"/> call. Everything but <see cref="Ok"/> is a refusal: the order
/// table is left exactly as it was and the refusal is counted (<see cref="OrderManager.RefusedCount"/>).
/// </summary>
public enum OrderResult
{
    Ok = 0,

    /// <summary>The id is neither open nor among the recently closed ids.</summary>
    UnknownOrder,

    /// <summary>The id belongs to a recently closed order: a late or duplicate message.</summary>
    OrderClosed,

    /// <summary>The event is not allowed from the order's current status (fill on PendingNew, duplicate ack, ...).</summary>
    InvalidTransition,

    /// <summary>A fill larger than the order's leaves quantity.</summary>
    Overfill,

    InvalidQty,
    InvalidPrice,

    /// <summary>Client order ids are positive; 0 marks an empty bucket in the id index.</summary>
    InvalidClOrdId,

    /// <summary>The id is already open or recently closed.</summary>
    DuplicateClOrdId,

    /// <summary>Every slot of the preallocated order table is in use.</summary>
    TableFull,

    /// <summary>Pending-new plus pending-replace orders are at the configured limit.</summary>
    MaxInFlight,

    /// <summary>A stop or stop-limit order without a positive stop price.</summary>
    InvalidStopPrice,

    /// <summary>A trailing stop without exactly one positive trail (price offset, or basis points below 100%).</summary>
    InvalidTrail,
}
