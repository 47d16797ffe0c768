namespace Llt.Hotpath.Venues;

/// <summary>
/// The fraction of the market's displayed size one venue shows, as a 32.32 fixed-point multiplier, so
/// applying it is a multiply and a shift per quote. The simulated exchange shows that much; the router
/// expects that much (the trader never reads the venue's own state across threads).
/// </summary>
public readonly struct LiquidityShare
{
    public const long Full = 100_000_000;

    private const ulong One = 1UL << 32;

    private readonly ulong _q32;

    /// <param name="share">Fixed-point 10^-8 in (0, 1]: 100_000_000 is all of it.</param>
    public LiquidityShare(long share)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, Full);
        _q32 = (ulong)(((UInt128)(ulong)share << 32) / Full);
    }

    /// <summary>The venue's part of <paramref name="size"/>, rounded to nearest (0.4 × 200 is 80, not 79); 0 or less stays as is.</summary>
    public long Apply(long size)
    {
        if (_q32 == One || size <= 0)
        {
            return size;
        }

        // below 2^31 the product and the rounding half fit in 64 bits (_q32 <= 2^32): no 128-bit arithmetic
        return size < (1L << 31)
            ? (long)(((ulong)size * _q32 + (One >> 1)) >> 32)
            : (long)((((UInt128)(ulong)size * _q32) + (One >> 1)) >> 32);
    }
}
