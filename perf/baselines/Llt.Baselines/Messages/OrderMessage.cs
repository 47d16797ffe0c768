namespace Llt.Baselines.Messages;

/// <summary>An order as sent to the venue.</summary>
public sealed class OrderMessage
{
    public required long OrderId { get; init; }

    public required OrderRequest Request { get; init; }

    /// <summary>Stopwatch timestamp at which the order was created.</summary>
    public required long CreatedTimestamp { get; init; }

    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;

    public OrderStatus Status { get; set; } = OrderStatus.New;
}
