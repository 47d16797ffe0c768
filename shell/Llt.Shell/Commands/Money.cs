using System.Globalization;
using Llt.Hotpath.Config;

namespace Llt.Shell.Commands;

/// <summary>Fixed-point 10^-8 values as operators read them: exact decimals, invariant culture.</summary>
internal static class Money
{
    public static decimal ToDecimal(long raw) => FixedPoint.ToDecimal(raw);

    /// <summary>"1234.5" (trailing zeros dropped, at least two decimals for money).</summary>
    public static string Format(long raw) => FixedPoint.ToDecimal(raw).ToString("0.00######", CultureInfo.InvariantCulture);

    public static string Format(decimal? value) => value?.ToString("0.########", CultureInfo.InvariantCulture) ?? "none";
}
