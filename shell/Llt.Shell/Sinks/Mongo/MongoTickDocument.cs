using Llt.Shell.Sinks.Events;
using MongoDB.Bson;

namespace Llt.Shell.Sinks.Mongo;

/// <summary>Turns journaled quotes and trades into tick documents (<see cref="MongoTickFields"/>).</summary>
public static class MongoTickDocument
{
    private const long NanosPerMilli = 1_000_000;

    public static BsonDocument From(QuoteEvent quote, string symbol) => new()
    {
        { MongoTickFields.Id, quote.Sequence },
        { MongoTickFields.Time, Time(quote.TimestampNs) },
        { MongoTickFields.Symbol, symbol },
        { MongoTickFields.Type, MongoTickFields.QuoteType },
        { MongoTickFields.TimeNs, quote.TimestampNs },
        { MongoTickFields.ExchangeTs, quote.ExchangeTs },
        { MongoTickFields.FeedId, quote.FeedId },
        { MongoTickFields.Bid, Price(quote.BidPrice) },
        { MongoTickFields.BidSize, quote.BidSize },
        { MongoTickFields.Ask, Price(quote.AskPrice) },
        { MongoTickFields.AskSize, quote.AskSize },
    };

    public static BsonDocument From(TradeEvent trade, string symbol) => new()
    {
        { MongoTickFields.Id, trade.Sequence },
        { MongoTickFields.Time, Time(trade.TimestampNs) },
        { MongoTickFields.Symbol, symbol },
        { MongoTickFields.Type, MongoTickFields.TradeType },
        { MongoTickFields.TimeNs, trade.TimestampNs },
        { MongoTickFields.ExchangeTs, trade.ExchangeTs },
        { MongoTickFields.FeedId, trade.FeedId },
        { MongoTickFields.Price, Price(trade.Price) },
        { MongoTickFields.Size, trade.Size },
        { MongoTickFields.Aggressor, trade.Aggressor.ToString() },
        { MongoTickFields.TradeId, trade.TradeId },
    };

    /// <summary>Fixed-point 10^-8 as an exact decimal (BSON Decimal128), so no price is rounded on the way.</summary>
    public static BsonDecimal128 Price(long fixedPoint) => new(new Decimal128(new decimal(fixedPoint) / 100_000_000m));

    private static BsonDateTime Time(long timestampNs) => new(timestampNs / NanosPerMilli);
}
