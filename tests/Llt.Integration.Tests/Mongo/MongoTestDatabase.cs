using Llt.Hotpath.Config;
using Llt.Shell.Sinks.Mongo;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Llt.Integration.Tests.Mongo;

/// <summary>A database of its own on the test MongoDB stand-in for one test, and a plain driver client to read what the sink wrote; dropped at the end.</summary>
public sealed class MongoTestDatabase : IDisposable
{
    public MongoTestDatabase(int? port = null)
    {
        Name = "t_" + Guid.NewGuid().ToString("N")[..12];
        Options = new MongoStoreOptions
        {
            Host = TestServers.MongoHost,
            Port = port ?? TestServers.MongoPort,
            Database = Name,
            TimeoutMilliseconds = 2000,
            Instruments = EngineConfig.DefaultInstruments(),
        };
    }

    public string Name { get; }

    public MongoStoreOptions Options { get; }

    public MongoEventStore Store() => new(Options, NullLogger<MongoEventStore>.Instance);

    /// <summary>A fresh plain client (after a server restart an old one would still be reconnecting).</summary>
    public IMongoDatabase Client() => new MongoClient(new MongoClientSettings
    {
        Server = new MongoServerAddress(TestServers.MongoHost, TestServers.MongoPort),
        ServerSelectionTimeout = TimeSpan.FromSeconds(5),
    }).GetDatabase(Name);

    public IMongoCollection<BsonDocument> Ticks() => Client().GetCollection<BsonDocument>(Options.TicksCollection);

    public async Task<long> DeliveredAsync()
    {
        BsonDocument? position = await Client().GetCollection<BsonDocument>(Options.PositionsCollection)
            .Find(new BsonDocument("_id", Options.SinkName)).FirstOrDefaultAsync();
        return position is null ? 0 : position[MongoTickFields.Delivered].ToInt64();
    }

    public void Dispose()
    {
        try
        {
            var client = new MongoClient(new MongoClientSettings
            {
                Server = new MongoServerAddress(TestServers.MongoHost, TestServers.MongoPort),
                ServerSelectionTimeout = TimeSpan.FromSeconds(2),
            });
            client.DropDatabase(Name);
            client.Dispose();
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            // server down after a failed outage test: the name is unique, leftovers are harmless (in memory)
        }
    }
}
