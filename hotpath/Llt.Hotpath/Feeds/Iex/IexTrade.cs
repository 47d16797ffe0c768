namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// A trade on IEX (Trade Report, DEEP+ Trade or Order Executed) or a trade break, published by
/// <see cref="DeepBookBuilder{TListener}"/>. Price in engine fixed point (10^-8). Ready to become an SBE Trade tick.
/// </summary>
public readonly struct IexTrade
{
    public IexTrade(int bookIndex, IexSymbol symbol, long price, long size, long tradeId, byte saleConditionFlags, long timestamp, long receiveTimestampNs)
    {
        BookIndex = bookIndex;
        Symbol = symbol;
        Price = price;
        Size = size;
        TradeId = tradeId;
        SaleConditionFlags = saleConditionFlags;
        Timestamp = timestamp;
        ReceiveTimestampNs = receiveTimestampNs;
    }

    public int BookIndex { get; }

    public IexSymbol Symbol { get; }

    public long Price { get; }

    public long Size { get; }

    public long TradeId { get; }

    /// <summary>See <see cref="IexMessageDescriptor.SaleConditionIntermarketSweep"/> and the other sale condition flags.</summary>
    public byte SaleConditionFlags { get; }

    /// <summary>Exchange timestamp, ns since the POSIX epoch.</summary>
    public long Timestamp { get; }

    public long ReceiveTimestampNs { get; }

    /// <summary>
    /// Last-sale eligible per the IEX spec: not an extended-hours (Form T) and not an odd-lot trade.
    /// </summary>
    public bool IsLastSaleEligible =>
        (SaleConditionFlags & (IexMessageDescriptor.SaleConditionExtendedHours | IexMessageDescriptor.SaleConditionOddLot)) == 0;
}
