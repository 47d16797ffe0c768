using Llt.Sbe;

namespace Llt.Shell.Alpaca;

/// <summary>
/// An engine order the Alpaca adapter placed, as the engine knows it: its current client order id (the one of its
/// last replace), price and total quantity, what was reported, and the Alpaca orders (<see cref="Legs"/>) it was
/// placed as. Guarded by the adapter's state lock.
/// </summary>
internal sealed class AlpacaTrackedOrder
{
    public AlpacaTrackedOrder(long clOrdId, int instrumentId, short strategyId, Side side, OrdType ordType, TimeInForce timeInForce, long? price, long? stopPrice, long qty)
    {
        ClOrdId = clOrdId;
        InstrumentId = instrumentId;
        StrategyId = strategyId;
        Side = side;
        OrdType = ordType;
        TimeInForce = timeInForce;
        Price = price;
        StopPrice = stopPrice;
        Qty = qty;
        Legs = [new AlpacaOrderLeg(clOrdId)];
    }

    /// <summary>The client order id the engine knows the order by now: its NewOrder's, then each confirmed replace's.</summary>
    public long ClOrdId { get; set; }

    public int InstrumentId { get; }

    public short StrategyId { get; }

    public Side Side { get; }

    public OrdType OrdType { get; }

    public TimeInForce TimeInForce { get; }

    public long? Price { get; set; }

    public long? StopPrice { get; }

    /// <summary>The engine's total order quantity (a replace sets a new total).</summary>
    public long Qty { get; set; }

    /// <summary>Trailing stop: the trail as a price offset, fixed-point 10^-8.</summary>
    public long? TrailPrice { get; init; }

    /// <summary>Trailing stop: the trail in basis points of the best price since entry.</summary>
    public int? TrailBps { get; init; }

    /// <summary>The Alpaca order working for it now (null until known: a cancel then looks it up by client order id).</summary>
    public string? AlpacaId { get; set; }

    /// <summary>"new" was reported (or a fill, which implies it).</summary>
    public bool Acknowledged { get; set; }

    /// <summary>Quantity reported filled so far, over all legs.</summary>
    public long ReportedCum { get; set; }

    /// <summary>The Alpaca orders it was placed as, oldest first; the last confirmed one is working.</summary>
    public List<AlpacaOrderLeg> Legs { get; }

    public AlpacaPendingReplace? Pending { get; set; }

    /// <summary>Ended (filled, canceled, expired, rejected): nothing more is reported.</summary>
    public bool Finished { get; set; }

    public long Leaves => Math.Max(0, Qty - ReportedCum);

    /// <summary>What the order is while it works: FIX OrdStatus New or PartiallyFilled.</summary>
    public OrdStatus WorkingStatus => ReportedCum > 0 ? OrdStatus.PartiallyFilled : OrdStatus.New;

    public AlpacaOrderLeg? Leg(long clOrdId)
    {
        foreach (AlpacaOrderLeg leg in Legs)
        {
            if (leg.ClOrdId == clOrdId)
            {
                return leg;
            }
        }

        return null;
    }
}
