using Llt.Sbe;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>A copy of one live order of an <see cref="L3Book"/>.</summary>
public readonly struct BookOrder
{
    public BookOrder(long orderId, Side side, long price, long remainingQuantity)
    {
        OrderId = orderId;
        Side = side;
        Price = price;
        RemainingQuantity = remainingQuantity;
    }

    public long OrderId { get; }

    public Side Side { get; }

    public long Price { get; }

    public long RemainingQuantity { get; }
}
