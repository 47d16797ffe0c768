namespace Llt.Hotpath.Strategies;

/// <summary>A validated top-of-book update as strategies see it. Prices fixed-point 10^-8.</summary>
public readonly record struct QuoteTick(
    int InstrumentId, long BidPrice, long BidSize, long AskPrice, long AskSize, long ExchangeTs, long ReceiveTs)
{
    public long Mid => (BidPrice + AskPrice) >> 1;

    public long Spread => AskPrice - BidPrice;
}
