using System.Globalization;

namespace Llt.Shell.Commands.Ticks;

/// <summary>Parses --from/--to: an ISO 8601 date or date-time (UTC unless it carries an offset), or "now".</summary>
internal static class TickTimeParser
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset time)
    {
        if (string.Equals(text, "now", StringComparison.OrdinalIgnoreCase))
        {
            time = now;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
