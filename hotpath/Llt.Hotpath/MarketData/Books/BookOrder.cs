using Llt.Sbe;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>A copy of one live order of an <see cref="L3Book"/>.</summary>
public readonly struct BookOrder : IEquatable<BookOrder>
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

    public bool Equals(BookOrder other) =>
        OrderId == other.OrderId && Side == other.Side && Price == other.Price && RemainingQuantity == other.RemainingQuantity;

    public override bool Equals(object? obj) => obj is BookOrder other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(OrderId, Side, Price, RemainingQuantity);

    public override string ToString() => $"#{OrderId} {Side} {RemainingQuantity}@{Price}";

    public static bool operator ==(BookOrder left, BookOrder right) => left.Equals(right);

    public static bool operator !=(BookOrder left, BookOrder right) => !left.Equals(right);
}
