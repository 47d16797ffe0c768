using System.Runtime.CompilerServices;

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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Apply(long size)
    {
        if (_q32 == One || size <= 0)
        {
            return size;
        }

        // (size × q32 + ½) >> 32 without 128-bit arithmetic (for sizes of 2^31 and more UInt128's operators and
        // Math.BigMul were calls under Native AOT): split size into 32-bit halves. q32 < 2^32 here,
        // so hi × q32 < 2^63 and lo × q32 + ½ < 2^64; the sum equals the 128-bit result's low 64 bits, as before.
        ulong s = (ulong)size;
        return (long)(((s >> 32) * _q32) + ((((s & 0xFFFF_FFFFUL) * _q32) + (One >> 1)) >> 32));
    }
}
