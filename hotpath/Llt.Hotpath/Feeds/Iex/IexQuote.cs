namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// A consistent change of a symbol's IEX best bid/offer, published by <see cref="DeepBookBuilder{TListener}"/>
/// (DEEP: when an event completes and the top of book differs from the last one published; TOPS: on every
/// quote update that changes it). Prices are engine fixed point (10^-8); an empty side has price
/// <c>BookPrice.None</c> (0) and size 0. Ready to become an SBE Quote tick.
/// </summary>
public readonly struct IexQuote
{
    public IexQuote(int bookIndex, IexSymbol symbol, long bidPrice, long bidSize, long askPrice, long askSize, long timestamp, long receiveTimestampNs)
    {
        BookIndex = bookIndex;
        Symbol = symbol;
        BidPrice = bidPrice;
        BidSize = bidSize;
        AskPrice = askPrice;
        AskSize = askSize;
        Timestamp = timestamp;
        ReceiveTimestampNs = receiveTimestampNs;
    }

    /// <summary>Dense index of the symbol's book in the builder (registration order).</summary>
    public int BookIndex { get; }

    public IexSymbol Symbol { get; }

    public long BidPrice { get; }

    public long BidSize { get; }

    public long AskPrice { get; }

    public long AskSize { get; }

    /// <summary>Exchange timestamp of the message that completed the change, ns since the POSIX epoch.</summary>
    public long Timestamp { get; }

    /// <summary>When the datagram carrying it was received (the feed handler's clock).</summary>
    public long ReceiveTimestampNs { get; }
}
