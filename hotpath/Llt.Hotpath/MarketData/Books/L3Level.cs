using System.Runtime.InteropServices;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>
/// One price level slot of an <see cref="L3Book"/> (32 bytes, two per cache line): the aggregate of its
/// orders and the ends of their FIFO queue. A free slot reuses <see cref="Head"/> as the free-list link.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct L3Level
{
    public long Price;

    /// <summary>Sum of the remaining quantity of the level's orders, kept on every change.</summary>
    public long TotalQuantity;

    public int OrderCount;

    /// <summary>Oldest order (first to match), or -1.</summary>
    public int Head;

    /// <summary>Newest order, or -1.</summary>
    public int Tail;
}
