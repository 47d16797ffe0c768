using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Portfolio;

/// <summary>
/// The ledger's fixed-point arithmetic. Price (10^-8) × quantity (units) is money in 10^-8 without rescaling,
/// so the only rounding anywhere is in <see cref="ProRataCost"/> (kept inside the cost basis, see there) and in
/// the displayed <see cref="RoundedAverage"/>.
/// </summary>
internal static class PositionMath
{
    /// <summary>Full 128-bit product: price × quantity can exceed long for large notionals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 Multiply(long a, long b)
    {
        long high = Math.BigMul(a, b, out long low);
        return new Int128((ulong)high, (ulong)low);
    }

    /// <summary>
    /// Cost of <paramref name="closeQuantity"/> of <paramref name="openQuantity"/> units whose total cost is
    /// <paramref name="costBasis"/>: trunc(costBasis × close / open), truncated toward zero. The truncated
    /// remainder stays in the cost basis of the units still open, so when the position is closed completely
    /// the whole basis has been released: cumulative realized P&amp;L of a round trip equals the exact cash
    /// flows of its fills. Split as q·close + (r·close)/open so no intermediate leaves 128 bits.
    /// </summary>
    public static Int128 ProRataCost(Int128 costBasis, long closeQuantity, long openQuantity)
    {
        if (closeQuantity == openQuantity)
        {
            return costBasis;
        }

        // Every day's case in 64 bits (a 128-bit divide is a runtime call of ~50-100 cycles, three per fill): a basis
        // that fits a long, and quantities below 2^31 with |close| <= |open|, keep r·close and q·close inside a long;
        // long division truncates toward zero as Int128's does, so the result is the same to the last unit.
        if (costBasis >= long.MinValue && costBasis <= long.MaxValue
            && (ulong)(openQuantity + int.MaxValue) < uint.MaxValue && (ulong)(closeQuantity + int.MaxValue) < uint.MaxValue
            && Math.Abs(closeQuantity) <= Math.Abs(openQuantity))
        {
            long basis = (long)costBasis;
            long q = basis / openQuantity;
            long r = basis - (q * openQuantity);
            return (q * closeQuantity) + (r * closeQuantity / openQuantity);
        }

        Int128 quotient = Int128.DivRem(costBasis, openQuantity).Quotient;
        Int128 remainder = costBasis - quotient * openQuantity;
        return quotient * closeQuantity + remainder * closeQuantity / openQuantity;
    }

    /// <summary>
    /// Average price costBasis / quantity rounded to the nearest 10^-8, halves away from zero. For display and
    /// snapshots only: P&amp;L never uses it.
    /// </summary>
    public static long RoundedAverage(Int128 costBasis, long quantity)
    {
        if (quantity == 0)
        {
            return 0;
        }

        if (costBasis >= long.MinValue && costBasis <= long.MaxValue && quantity != long.MinValue && Math.Abs(quantity) < (1L << 62))
        {
            // the same rounding in 64 bits: |remainder| < |quantity| < 2^62, so doubling it cannot overflow
            long basis = (long)costBasis;
            long q = basis / quantity;
            long r = basis - (q * quantity);
            if (Math.Abs(r) * 2 >= Math.Abs(quantity))
            {
                q += (basis < 0) == (quantity < 0) ? 1 : -1;
            }

            return q;
        }

        (Int128 quotient, Int128 remainder) = Int128.DivRem(costBasis, quantity);
        if (Int128.Abs(remainder) * 2 >= Int128.Abs(quantity))
        {
            // the quotient's sign is the sign of the exact ratio, which is what "away from zero" steps along
            quotient += (costBasis < 0) == (quantity < 0) ? 1 : -1;
        }

        return (long)quotient;
    }
}
