namespace Llt.Hotpath.Venues;

/// <summary>One displayed market price level, and how much of it our aggressive orders have taken since the feed last set it.</summary>
internal struct MarketLevel
{
    public long Price;
    public long DisplayedQty;
    public long ConsumedQty;

    public readonly long AvailableQty => DisplayedQty > ConsumedQty ? DisplayedQty - ConsumedQty : 0;
}
