namespace Llt.Shell.Alpaca;

/// <summary>
/// One Alpaca order behind an engine order: the one it was placed as, then one per replace (Alpaca's replace makes a
/// new order with its own id and its own fills, from zero). Fills are counted per leg because each Alpaca order
/// reports its own cumulative <c>filled_qty</c>, and a late event of an earlier leg must still add up.
/// </summary>
internal sealed class AlpacaOrderLeg(long clOrdId)
{
    /// <summary>The engine's client order id this Alpaca order was placed under (its <c>client_order_id</c>).</summary>
    public long ClOrdId { get; } = clOrdId;

    /// <summary>"new" was seen for this Alpaca order: a second one is a repeat.</summary>
    public bool Acknowledged { get; set; }

    /// <summary>This Alpaca order's quantity reported filled so far.</summary>
    public long Filled { get; set; }

    /// <summary>Σ price × quantity of this leg's reported fills (fixed-point price), to price fills that were missed.</summary>
    public decimal Notional { get; set; }

    /// <summary>Replaced or ended at Alpaca: no more events expected, reconciliation skips it.</summary>
    public bool Closed { get; set; }
}
