using System.Runtime.InteropServices;
using Llt.Sbe;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>
/// One order slot of an <see cref="L3Book"/> (32 bytes: two per cache line, none straddling two). Slots never
/// move, so the FIFO links and the id table refer to them by index; a free slot reuses <see cref="Next"/> as the
/// free-list link. The price is not stored: it is the price of the order's <see cref="Level"/>, which every
/// operation on the order touches anyway.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct L3Order
{
    public long Id;
    public long Remaining;

    /// <summary>Order ahead in the level's queue, or -1 at the head.</summary>
    public int Prev;

    /// <summary>Order behind in the level's queue, or -1 at the tail.</summary>
    public int Next;

    /// <summary>Index of the level slot the order rests in.</summary>
    public int Level;

    public Side Side;
}
