namespace Llt.Hotpath.MarketData.Books;

/// <summary>Named sentinels for book prices (fixed-point, value × 10^-8; every real price is positive).</summary>
public static class BookPrice
{
    /// <summary>Best price of an empty side, and the mid of a book missing a side.</summary>
    public const long None = 0;

    /// <summary>Spread of a book missing a side (a crossed book has a real, negative spread).</summary>
    public const long NoSpread = long.MinValue;
}
