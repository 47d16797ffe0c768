namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Per-symbol state of <see cref="DeepBookBuilder{TListener}"/> besides the book itself. Used in place (by ref).</summary>
internal struct IexBookState
{
    public IexSymbol Symbol;

    /// <summary>A price level update with the event flag clear was applied and no completing one yet.</summary>
    public bool InTransition;

    public long PublishedBidPrice;
    public long PublishedBidSize;
    public long PublishedAskPrice;
    public long PublishedAskSize;

    public byte TradingStatus;
    public byte OperationalHaltStatus;
}
