using Llt.Shell.Sinks.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Llt.Shell.Commands.Ticks;

/// <summary>Reads one symbol's ticks in [from, to) from the tick store, oldest first (journal order within a millisecond).</summary>
internal static class TickQuery
{
    public static async Task<List<TickRow>> RunAsync(MongoStoreOptions options, string symbol, DateTimeOffset from, DateTimeOffset to,
        int limit, CancellationToken cancellationToken)
    {
        using MongoClient client = MongoEventStore.CreateClient(options);
        IMongoCollection<BsonDocument> ticks = client.GetDatabase(options.Database).GetCollection<BsonDocument>(options.TicksCollection);
        var filter = new BsonDocument
        {
            { MongoTickFields.Symbol, symbol },
            { MongoTickFields.Time, new BsonDocument { { "$gte", from.UtcDateTime }, { "$lt", to.UtcDateTime } } },
        };
        List<BsonDocument> documents = await ticks.Find(filter)
            .Sort(new BsonDocument { { MongoTickFields.Time, 1 }, { MongoTickFields.Id, 1 } })
            .Limit(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<TickRow>(documents.Count);
        foreach (BsonDocument document in documents)
        {
            rows.Add(Row(document));
        }

        return rows;
    }

    private static TickRow Row(BsonDocument d) => new(
        d[MongoTickFields.Id].ToInt64(),
        d.TryGetValue(MongoTickFields.TimeNs, out BsonValue ns) ? ns.ToInt64() : d[MongoTickFields.Time].ToUniversalTime().Ticks * 100 - DateTime.UnixEpoch.Ticks * 100,
        d[MongoTickFields.Symbol].AsString,
        d[MongoTickFields.Type].AsString,
        Decimal(d, MongoTickFields.Bid),
        Long(d, MongoTickFields.BidSize),
        Decimal(d, MongoTickFields.Ask),
        Long(d, MongoTickFields.AskSize),
        Decimal(d, MongoTickFields.Price),
        Long(d, MongoTickFields.Size),
        d.TryGetValue(MongoTickFields.Aggressor, out BsonValue aggressor) ? aggressor.AsString : null);

    private static decimal? Decimal(BsonDocument d, string field) =>
        d.TryGetValue(field, out BsonValue value) && !value.IsBsonNull ? value.ToDecimal() : null;

    private static long? Long(BsonDocument d, string field) =>
        d.TryGetValue(field, out BsonValue value) && !value.IsBsonNull ? value.ToInt64() : null;
}
