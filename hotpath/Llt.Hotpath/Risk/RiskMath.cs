using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Risk;

/// <summary>Overflow-safe integer helpers for limit arithmetic: a limit check must never wrap into a pass.</summary>
public static class RiskMath
{
    /// <summary>Basis points per whole: fractions (collar, liquidity) are limits in bps.</summary>
    public const long BpsPerUnit = 10_000;

    /// <summary>a × b clamped to ±<see cref="long.MaxValue"/> (never <see cref="long.MinValue"/>, so Abs is safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MulSaturating(long a, long b)
    {
        long high = Math.BigMul(a, b, out long low);
        if (high == (low >> 63) && low != long.MinValue)
        {
            return low;
        }

        // sign of the true product decides which rail
        return (a ^ b) < 0 ? -long.MaxValue : long.MaxValue;
    }

    /// <summary>a × <see cref="BpsPerUnit"/> for a ≥ 0, clamped: one compare with a constant instead of a 128-bit multiply.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MulBpsSaturating(long a) => a > long.MaxValue / BpsPerUnit ? long.MaxValue : a * BpsPerUnit;

    /// <summary>a + b clamped to ±<see cref="long.MaxValue"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long AddSaturating(long a, long b)
    {
        long sum = unchecked(a + b);
        // overflow only when both operands share a sign the result does not
        if (((a ^ sum) & (b ^ sum)) < 0)
        {
            return a < 0 ? -long.MaxValue : long.MaxValue;
        }

        return sum == long.MinValue ? -long.MaxValue : sum;
    }
}
