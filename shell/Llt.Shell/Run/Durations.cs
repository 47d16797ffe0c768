using System.Globalization;

namespace Llt.Shell.Run;

/// <summary>Durations for log lines: "850ms", "4.3s", "2m05s", "1h02m".</summary>
internal static class Durations
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0}ms");
        }

        if (span < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0}s");
        }

        return span < TimeSpan.FromHours(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m");
    }
}
