using System.Runtime.InteropServices;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>
/// One bucket of the <see cref="L3Book"/> order-id table (8 bytes, eight per cache line): the order slot and the
/// top 32 bits of the id's hash. The hash is what a probe needs inline: it rejects the other ids of a probe run
/// without touching their order slots (a false match, 1 in 2^32, is caught by comparing the slot's id, which a hit
/// reads anyway), and it gives each entry's home bucket for backward-shift deletion without reloading the id.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct OrderIdBucket
{
    public uint Hash;

    /// <summary>Order slot + 1; 0 marks an empty bucket, so zeroed memory is an empty table.</summary>
    public int OrderRef;

    public OrderIdBucket(uint hash, int orderSlot)
    {
        Hash = hash;
        OrderRef = orderSlot + 1;
    }
}
