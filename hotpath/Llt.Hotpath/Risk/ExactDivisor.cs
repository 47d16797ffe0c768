using System.Numerics;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Risk;

/// <summary>
/// "Is x a multiple of d" for a fixed d &gt; 0 without a hardware divide (40+ cycles on some cores, the largest
/// single cost of a tick/lot check): with d = odd × 2^k, x is a multiple of d exactly when
/// rotr(x × odd⁻¹ mod 2^64, k) ≤ ⌊(2^64 − 1) / d⌋ (Granlund–Montgomery; Hacker's Delight §10-17).
/// </summary>
public readonly struct ExactDivisor
{
    private readonly ulong _inverse;
    private readonly ulong _threshold;
    private readonly int _shift;

    public ExactDivisor(long divisor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(divisor);
        ulong d = (ulong)divisor;
        _shift = BitOperations.TrailingZeroCount(d);
        ulong odd = d >> _shift;
        // Newton iteration doubles the correct low bits each step: 3 → 6 → 12 → 24 → 48 → 96 ≥ 64
        ulong inverse = odd;
        for (int i = 0; i < 5; i++)
        {
            inverse *= 2 - (odd * inverse);
        }

        _inverse = inverse;
        _threshold = ulong.MaxValue / d;
    }

    /// <summary>True when <paramref name="value"/> (≥ 0) is a whole multiple of the divisor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsMultiple(long value) => BitOperations.RotateRight((ulong)value * _inverse, _shift) <= _threshold;
}
