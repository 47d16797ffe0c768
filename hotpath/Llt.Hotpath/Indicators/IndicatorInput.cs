using System.Runtime.CompilerServices;
using Llt.Hotpath.Config;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// The one place where fixed-point prices (raw long × 10^-8, <see cref="FixedPoint"/>) become doubles for the
/// indicators. Indicators never feed back into matching, positions or P&amp;L, so the rounding is harmless there.
/// </summary>
public static class IndicatorInput
{
    private const double Scale = FixedPoint.Scale;

    /// <summary>
    /// raw / 10^8, correctly rounded: |raw| ≤ 2^53 converts exactly, so the result is the double nearest the
    /// decimal price (a multiply by 1e-8 would not be, since 1e-8 itself is inexact).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FromRaw(long raw) => raw / Scale;

    /// <summary>Converts a block of raw prices; same results as <see cref="FromRaw(long)"/> element by element.</summary>
    public static void FromRaw(ReadOnlySpan<long> raw, Span<double> output)
    {
        IndicatorThrowHelper.CheckOutput(raw.Length, output.Length, nameof(output));
        for (int i = 0; i < raw.Length; i++)
        {
            output[i] = raw[i] / Scale;
        }
    }
}
