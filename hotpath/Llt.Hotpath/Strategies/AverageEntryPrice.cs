namespace Llt.Hotpath.Strategies;

/// <summary>
/// The volume-weighted price of an open position's entries (fixed-point 10^-8; 0 when flat), kept from fills:
/// entries re-weight it by quantity, reductions keep it, a flip through zero restarts it at the fill price.
/// </summary>
public static class AverageEntryPrice
{
    /// <summary>The average after a fill at <paramref name="fillPrice"/> made <paramref name="change"/>.</summary>
    public static long AfterFill(long average, in PositionChange change, long fillPrice)
    {
        if (change.IsClosed)
        {
            return 0;
        }

        if (change.IsOpened)
        {
            return fillPrice;
        }

        long held = Math.Abs(change.Before);
        long now = Math.Abs(change.After);
        if (now <= held)
        {
            return average;
        }

        // Int128: price × quantity overflows a long beyond ~9·10^10 money units
        Int128 notional = (Int128)average * held + (Int128)fillPrice * (now - held);
        return (long)((notional + now / 2) / now);
    }
}
