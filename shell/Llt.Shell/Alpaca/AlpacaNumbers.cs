using System.Globalization;

namespace Llt.Shell.Alpaca;

/// <summary>
/// Alpaca's prices and sizes as the engine's integers, the same way from JSON and MessagePack: prices fixed-point
/// 10^-8 exactly (null when the value has more precision or does not fit a long), sizes whole units rounded down.
/// Range is checked before scaling, so a huge number is a malformed field, never an OverflowException.
/// </summary>
internal static class AlpacaNumbers
{
    private const decimal Scale = 100_000_000m;

    /// <summary>|value| below this scales into a long (long.MaxValue / 10^8).</summary>
    private const decimal MaxPrice = 92_233_720_368.54775807m;

    /// <summary>Below this, adjacent doubles are less than 10^-8 apart (2^53 × 10^-8 / 2 ≈ 4.5 × 10^7, with margin).</summary>
    private const double FastPathLimit = 10_000_000d;

    /// <summary>The largest whole price that scales into a long.</summary>
    private const long MaxWholePrice = 92_233_720_368;

    public static long? FixedPoint(decimal value)
    {
        if (value > MaxPrice || value < -MaxPrice)
        {
            return null;
        }

        decimal scaled = value * Scale;
        return scaled == decimal.Truncate(scaled) ? (long)scaled : null;
    }

    public static long? FixedPoint(long value) =>
        value <= MaxWholePrice && value >= -MaxWholePrice ? value * (long)Scale : null;

    /// <summary>
    /// A binary float as the decimal it was written from: its shortest round-trip text (what a JSON encoder prints
    /// for the same value), so 126.55 sent as float 64 gives 12_655_000_000 exactly as "126.55" in JSON does.
    /// </summary>
    public static long? FixedPoint(double value)
    {
        // fast path: the nearest 10^-8 step, kept when it rounds back to exactly this double. Below FastPathLimit
        // doubles are closer together than 10^-8, so at most one 10^-8 step rounds to each and it is the value of
        // the shortest text; (double)steps is exact (< 2^53) and the division correctly rounded.
        if (value is > -FastPathLimit and < FastPathLimit)
        {
            double steps = Math.Round(value * 100_000_000d);
            if (steps / 100_000_000d == value)
            {
                return (long)steps;
            }
        }

        Span<char> text = stackalloc char[32];
        return double.IsFinite(value) && value.TryFormat(text, out int written, "R", CultureInfo.InvariantCulture)
            && decimal.TryParse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
            ? FixedPoint(exact)
            : null;
    }

    /// <summary>As <see cref="FixedPoint(double)"/> for a float 32: its own shortest text, not the float 64 it widens to.</summary>
    public static long? FixedPoint(float value)
    {
        Span<char> text = stackalloc char[32];
        return float.IsFinite(value) && value.TryFormat(text, out int written, "R", CultureInfo.InvariantCulture)
            && decimal.TryParse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
            ? FixedPoint(exact)
            : null;
    }

    /// <summary>Fractional share sizes (crypto, fractional equities) round down to whole units: the engine trades lots.</summary>
    public static long? Quantity(decimal value) =>
        value < 0 || value > long.MaxValue ? null : (long)decimal.Truncate(value);

    public static long? Quantity(double value) =>
        double.IsFinite(value) && value >= 0 && value < 9.2233720368547758E18 ? (long)Math.Truncate(value) : null;
}
