namespace Llt.Hotpath.Tests.MarketData.Books;

/// <summary>Fixed-point prices (value × 10^-8) written as decimals, so tests read like quotes.</summary>
internal static class Px
{
    public static long Of(decimal value) => (long)(value * 100_000_000m);
}
