using System.Diagnostics.CodeAnalysis;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// Durations in config strings: a non-negative integer and a unit, "250ns", "1us" (or "1µs"), "5ms", "2s".
/// A bare number is rejected because its unit would be a guess.
/// </summary>
public static class DurationText
{
    public static bool TryParseNanos(ReadOnlySpan<char> text, out long durationNs, [NotNullWhen(false)] out string? error)
    {
        durationNs = 0;
        text = text.Trim();
        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            error = $"duration \"{text}\" must start with a whole number, e.g. 1ms";
            return false;
        }

        ReadOnlySpan<char> unit = text[digits..].Trim();
        long scale;
        if (unit.Equals("ns", StringComparison.OrdinalIgnoreCase))
        {
            scale = 1;
        }
        else if (unit.Equals("us", StringComparison.OrdinalIgnoreCase) || unit.Equals("µs", StringComparison.Ordinal))
        {
            scale = 1_000;
        }
        else if (unit.Equals("ms", StringComparison.OrdinalIgnoreCase))
        {
            scale = 1_000_000;
        }
        else if (unit.Equals("s", StringComparison.OrdinalIgnoreCase))
        {
            scale = 1_000_000_000;
        }
        else
        {
            error = unit.IsEmpty
                ? $"duration \"{text}\" needs a unit (ns, us, ms or s)"
                : $"duration \"{text}\" has unknown unit \"{unit}\" (use ns, us, ms or s)";
            return false;
        }

        if (!long.TryParse(text[..digits], out long value) || value > long.MaxValue / scale)
        {
            error = $"duration \"{text}\" is too large";
            return false;
        }

        durationNs = value * scale;
        error = null;
        return true;
    }

    /// <summary>The largest exact unit: 1_000_000 → "1ms", 1_500 → "1500ns".</summary>
    public static string FormatNanos(long durationNs)
    {
        if (durationNs != 0 && durationNs % 1_000_000_000 == 0)
        {
            return $"{durationNs / 1_000_000_000}s";
        }

        if (durationNs != 0 && durationNs % 1_000_000 == 0)
        {
            return $"{durationNs / 1_000_000}ms";
        }

        if (durationNs != 0 && durationNs % 1_000 == 0)
        {
            return $"{durationNs / 1_000}us";
        }

        return $"{durationNs}ns";
    }
}
