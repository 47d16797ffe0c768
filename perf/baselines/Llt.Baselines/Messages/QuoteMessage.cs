namespace Llt.Baselines.Messages;

/// <summary>Top of book.</summary>
public sealed record QuoteMessage(int InstrumentId, decimal BidPrice, long BidSize, decimal AskPrice, long AskSize, long ExchangeTimeNs, long ReceivedTimestamp)
    : MarketMessage(InstrumentId, ExchangeTimeNs, ReceivedTimestamp)
{
    public decimal Mid => (BidPrice + AskPrice) / 2;
}
