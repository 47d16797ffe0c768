using System.Diagnostics.CodeAnalysis;

namespace Llt.Hotpath.Config;

/// <summary>
/// The platform's fixed-point convention for prices and money: a long holding value × 10^8 (schemas/llt.xml).
/// Conversions from text/decimal are exact or refused; conversions to double are for indicators and display.
/// </summary>
public static class FixedPoint
{
    public const int Exponent = -8;
    public const long Scale = 100_000_000;

    /// <summary>Exact conversion; false when <paramref name="value"/> has more than 8 decimals or overflows.</summary>
    public static bool TryFromDecimal(decimal value, out long raw, [NotNullWhen(false)] out string? error)
    {
        raw = 0;
        decimal scaled = value * Scale;
        if (scaled != decimal.Truncate(scaled))
        {
            error = $"{value} has more than 8 decimal places";
            return false;
        }

        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            error = $"{value} is out of range";
            return false;
        }

        raw = (long)scaled;
        error = null;
        return true;
    }

    public static double ToDouble(long raw) => raw / (double)Scale;

    public static decimal ToDecimal(long raw) => raw / (decimal)Scale;
}
