namespace Llt.Hotpath.Config;

/// <summary>
/// The hours a feed's market is open (docs/FEEDS.md "Market hours"): from <see cref="Open"/> to <see cref="Close"/>
/// local time in <see cref="TimeZone"/> on each of <see cref="Days"/>. A close at or before the open is an overnight
/// session that closes on the next day (it belongs to the day it opens). The zone comes from the host's tzdata, so
/// daylight saving moves the UTC instants and a holiday calendar is not part of it.
/// </summary>
public sealed record TradingSession
{
    /// <summary>Monday to Friday as a <see cref="Days"/> mask.</summary>
    public const int MondayToFriday = 0b011_1110;

    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public required TimeOnly Open { get; init; }

    public required TimeOnly Close { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>Days the session opens on: bit <c>1 &lt;&lt; (int)DayOfWeek</c> (bit 0 Sunday).</summary>
    public int Days { get; init; } = MondayToFriday;

    public bool OpensOn(DayOfWeek day) => (Days & (1 << (int)day)) != 0;

    /// <summary>"09:30-16:00 America/New_York" (the days are left out).</summary>
    public string Describe() => $"{Open:HH\\:mm}-{Close:HH\\:mm} {TimeZone.Id}";

    /// <summary>
    /// Where <paramref name="epochNs"/> (UTC ns since 1970) falls: inside a session (<paramref name="open"/>, which
    /// began at <paramref name="openedEpochNs"/>) or between two, and the next instant that changes it (the session's
    /// close, or the next open). Time-zone arithmetic; the caller keeps the answer until that instant passes.
    /// </summary>
    public void Locate(long epochNs, out bool open, out long openedEpochNs, out long nextChangeEpochNs)
    {
        DateTime utc = DateTime.UnixEpoch.AddTicks(epochNs / TimeSpan.NanosecondsPerTick);
        DateOnly today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZone));
        // from yesterday (an overnight session may still be open) over a week and a day: at least one opening
        for (int d = -1; d <= 8; d++)
        {
            DateOnly day = today.AddDays(d);
            if (!OpensOn(day.DayOfWeek))
            {
                continue;
            }

            long opens = UtcNs(day, Open);
            long closes = UtcNs(Close <= Open ? day.AddDays(1) : day, Close);
            if (epochNs < opens)
            {
                open = false;
                openedEpochNs = 0;
                nextChangeEpochNs = opens;
                return;
            }

            if (epochNs < closes)
            {
                open = true;
                openedEpochNs = opens;
                nextChangeEpochNs = closes;
                return;
            }
        }

        open = false; // no trading day at all (validation refuses that)
        openedEpochNs = 0;
        nextChangeEpochNs = long.MaxValue;
    }

    /// <summary>
    /// The UTC instant of a local wall-clock time. A time the clock skips (spring forward) is read with the offset in
    /// force before the jump, as POSIX mktime does; a repeated one (fall back) as standard time.
    /// </summary>
    private long UtcNs(DateOnly day, TimeOnly time)
    {
        DateTime local = day.ToDateTime(time, DateTimeKind.Unspecified);
        DateTime utc = TimeZone.IsInvalidTime(local)
            ? DateTime.SpecifyKind(local - TimeZone.GetUtcOffset(local.AddDays(-1)), DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
        return (utc - DateTime.UnixEpoch).Ticks * TimeSpan.NanosecondsPerTick;
    }

    /// <summary>Parses "Mon-Fri", "Sun-Thu", "Mon,Wed,Fri" or a mix ("Mon-Wed,Fri"); ranges may wrap ("Fri-Mon").</summary>
    public static bool TryParseDays(string text, out int days, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        days = 0;
        error = null;
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-');
            int first = DayOf(dash < 0 ? part : part[..dash]);
            int last = dash < 0 ? first : DayOf(part[(dash + 1)..]);
            if (first < 0 || last < 0)
            {
                error = $"'{text}': '{part}' is not a day or a range of days (Mon, Mon-Fri; days are Sun Mon Tue Wed Thu Fri Sat)";
                return false;
            }

            for (int d = first; ; d = (d + 1) % 7)
            {
                days |= 1 << d;
                if (d == last)
                {
                    break;
                }
            }
        }

        return true;
    }

    /// <summary>Parses "HH:mm" or "HH:mm:ss" (24-hour).</summary>
    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);

    /// <summary>The zone with this IANA id (America/New_York, Europe/London, UTC) from the host's tzdata.</summary>
    public static bool TryFindZone(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TimeZoneInfo? zone, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        error = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = null;
            error = $"'{id}' is not a time zone in this host's tzdata (an IANA name like America/New_York; {e.Message})";
            return false;
        }
    }

    private static int DayOf(string name)
    {
        for (int d = 0; d < DayNames.Length; d++)
        {
            if (string.Equals(name, DayNames[d], StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        return -1;
    }
}
