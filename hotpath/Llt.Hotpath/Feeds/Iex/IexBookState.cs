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

    /// <summary>Timestamps of the newest level update applied per side, to refuse stale recovered ones.</summary>
    public long LastBidTimestamp;
    public long LastAskTimestamp;

    /// <summary>Sequence of the newest TOPS quote applied, to refuse stale recovered ones.</summary>
    public long LastQuoteSequence;

    public byte TradingStatus;
    public byte OperationalHaltStatus;
}
