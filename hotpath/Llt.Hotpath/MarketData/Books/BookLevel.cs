using System.Runtime.InteropServices;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>
/// One aggregated price level: price (fixed-point 10^-8), total size (whole units) and the number of orders
/// behind it (0 when the feed does not say). The default value is an empty level.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct BookLevel : IEquatable<BookLevel>
{
    public BookLevel(long price, long size, int orderCount)
    {
        Price = price;
        Size = size;
        OrderCount = orderCount;
    }

    public long Price { get; }

    public long Size { get; }

    public int OrderCount { get; }

    public bool IsEmpty => Size == 0;

    public bool Equals(BookLevel other) => Price == other.Price && Size == other.Size && OrderCount == other.OrderCount;

    public override bool Equals(object? obj) => obj is BookLevel other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Price, Size, OrderCount);

    public override string ToString() => $"{Price}x{Size}({OrderCount})";

    public static bool operator ==(BookLevel left, BookLevel right) => left.Equals(right);

    public static bool operator !=(BookLevel left, BookLevel right) => !left.Equals(right);
}
