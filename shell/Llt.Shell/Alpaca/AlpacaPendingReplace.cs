namespace Llt.Shell.Alpaca;

/// <summary>
/// A ReplaceOrder sent to Alpaca and not yet confirmed. Alpaca's 200 to the PATCH does not mean the old order was
/// replaced (it may fill first, and the replacement is then rejected): the replace takes effect on the old order's
/// "replaced" event or the first sign of life of the replacement ("new", a fill).
/// </summary>
internal sealed class AlpacaPendingReplace(long clOrdId, long? price, long qty, long alpacaQty)
{
    /// <summary>The engine's client order id for the order after the replace.</summary>
    public long ClOrdId { get; } = clOrdId;

    /// <summary>The limit price after the replace (the old one when the engine kept it).</summary>
    public long? Price { get; } = price;

    /// <summary>The engine's new total order quantity.</summary>
    public long Qty { get; } = qty;

    /// <summary>The quantity asked of the replacement at Alpaca: the new total less what had filled when it was sent.</summary>
    public long AlpacaQty { get; } = alpacaQty;

    /// <summary>The replacement's Alpaca order id, once the PATCH answer or a trade update told it.</summary>
    public string? AlpacaId { get; set; }

    /// <summary>Alpaca's message when it refused the PATCH: the text of the reject if the order turns out to be closed.</summary>
    public string? RefusalText { get; set; }
}
