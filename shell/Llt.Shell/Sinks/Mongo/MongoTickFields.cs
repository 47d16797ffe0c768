namespace Llt.Shell.Sinks.Mongo;

/// <summary>
/// Field names of a tick document, shared by the store that writes them and `llt ticks` that reads them:
/// <c>{ _id: journalSequence, ts: Date, symbol, type: "quote"|"trade", tsNs, exchangeTs, feedId,
/// bid, bidSize, ask, askSize | price, size, aggressor, tradeId }</c>. Prices are Decimal128, exact from the
/// journal's fixed-point 10^-8; <c>ts</c> is the journal's wall-clock time (ms in the Date, ns in <c>tsNs</c>).
/// </summary>
public static class MongoTickFields
{
    public const string Id = "_id";
    public const string Time = "ts";
    public const string Symbol = "symbol";
    public const string Type = "type";
    public const string TimeNs = "tsNs";
    public const string ExchangeTs = "exchangeTs";
    public const string FeedId = "feedId";
    public const string Bid = "bid";
    public const string BidSize = "bidSize";
    public const string Ask = "ask";
    public const string AskSize = "askSize";
    public const string Price = "price";
    public const string Size = "size";
    public const string Aggressor = "aggressor";
    public const string TradeId = "tradeId";

    public const string QuoteType = "quote";
    public const string TradeType = "trade";

    /// <summary>Field of the sink position document holding the last delivered journal sequence.</summary>
    public const string Delivered = "delivered";
}
