using System.Runtime.InteropServices;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>
/// One bucket of the <see cref="L3Book"/> order-id table (16 bytes, four per cache line): the id and the
/// order slot it maps to.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct OrderIdBucket
{
    public long OrderId;

    /// <summary>Order slot + 1; 0 marks an empty bucket, so zeroed memory is an empty table.</summary>
    public int OrderRef;

    public OrderIdBucket(long orderId, int orderSlot)
    {
        OrderId = orderId;
        OrderRef = orderSlot + 1;
    }
}
