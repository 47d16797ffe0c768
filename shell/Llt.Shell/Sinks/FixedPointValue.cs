using System.Globalization;

namespace Llt.Shell.Sinks;

/// <summary>The journal's fixed-point 10^-8 integers (prices, money) as exact decimals and invariant text for the stores.</summary>
public static class FixedPointValue
{
    private const byte Scale = 8;

    /// <summary>An exact decimal with 8 fractional digits, built from the raw integer (no division, no rounding).</summary>
    public static decimal ToDecimal(long raw)
    {
        bool negative = raw < 0;
        ulong magnitude = negative ? (ulong)(-(raw + 1)) + 1 : (ulong)raw;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, Scale);
    }

    /// <summary>"190.01000000": invariant, all 8 digits, so readers parse it the same everywhere.</summary>
    public static string ToText(long raw) => ToDecimal(raw).ToString(CultureInfo.InvariantCulture);
}
