namespace Llt.Shell.Sinks.Postgres;

/// <summary>Journal values as PostgreSQL column values: fixed-point 10^-8 as exact numerics, ns timestamps as timestamptz.</summary>
internal static class PostgresValues
{
    public static decimal Fixed(long raw) => FixedPointValue.ToDecimal(raw);

    /// <summary>UTC time of a ns-since-epoch stamp (PostgreSQL keeps microseconds); null for 0, the "not set" value.</summary>
    public static DateTime? Time(long ns) => ns <= 0 ? null : DateTime.UnixEpoch.AddTicks(ns / 100);

    public static DateTime JournalTime(long ns) => DateTime.UnixEpoch.AddTicks(Math.Max(0, ns) / 100);

    public static DateOnly TradingDate(long ns) => DateOnly.FromDateTime(JournalTime(ns));
}
