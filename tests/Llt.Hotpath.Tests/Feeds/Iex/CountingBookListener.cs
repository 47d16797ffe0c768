using Llt.Hotpath.Feeds.Iex;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>An allocation-free <see cref="IIexBookListener"/> that only counts, for zero-allocation tests.</summary>
internal struct CountingBookListener : IIexBookListener
{
    public long Quotes;
    public long Levels;
    public long Trades;
    public long LastBidPrice;

    public void OnQuote(in IexQuote quote)
    {
        Quotes++;
        LastBidPrice = quote.BidPrice;
    }

    public void OnLevel(in IexLevelUpdate update) => Levels++;

    public void OnTrade(in IexTrade trade) => Trades++;

    public void OnTradeBreak(in IexTrade trade)
    {
    }

    public void OnSecurityStatus(in IexSecurityStatus status)
    {
    }
}
