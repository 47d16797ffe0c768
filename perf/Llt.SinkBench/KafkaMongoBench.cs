using Llt.Shell.Sinks.Kafka;
using Llt.Shell.Sinks.Mongo;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Driver;

namespace Llt.SinkBench;

/// <summary>
/// The Kafka and MongoDB rows of the sink benchmark: `kafka` delivers the order flow (every event is one record:
/// orders, executions, positions, alerts) to the test mock cluster as SBE values, `kafka-json` the same as JSON;
/// `mongo` delivers the market picture (quotes are ticks; the rest only moves the position) to the stand-in.
/// </summary>
internal static class KafkaMongoBench
{
    public static async Task RunKafkaAsync(int events, int batch, KafkaValueFormat format)
    {
        using var journal = new BenchJournal();
        journal.AppendOrderFlow(events);
        string id = Guid.NewGuid().ToString("N")[..12];
        var options = new KafkaStoreOptions
        {
            BootstrapServers = Env("LLT_TEST_KAFKA_BOOTSTRAP"),
            SinkName = "bench-" + id,
            TopicPrefix = "bench" + id + ".",
            Format = format,
            JournalDirectory = journal.Directory,
        };
        var store = new CountingStore(new KafkaEventStore(options, NullLogger<KafkaEventStore>.Instance),
            inner => ((KafkaEventStore)inner).RecordsWritten);
        await Program.TimeAsync(format == KafkaValueFormat.Sbe ? "kafka" : "kafka-json", "kcat", store, journal, batch);
    }

    public static async Task RunMongoAsync(int events, int batch)
    {
        using var journal = new BenchJournal();
        journal.AppendMarketPicture(events);
        var options = new MongoStoreOptions
        {
            Host = Env("LLT_TEST_MONGO_HOST"),
            Port = int.Parse(Env("LLT_TEST_MONGO_PORT"), System.Globalization.CultureInfo.InvariantCulture),
            Database = "bench_" + Guid.NewGuid().ToString("N")[..12],
            TimeoutMilliseconds = 30_000,
        };
        var store = new CountingStore(new MongoEventStore(options, NullLogger<MongoEventStore>.Instance),
            inner => ((MongoEventStore)inner).TicksWritten);
        try
        {
            await Program.TimeAsync("mongo", "python3", store, journal, batch);
        }
        finally
        {
            using MongoClient client = MongoEventStore.CreateClient(options);
            await client.DropDatabaseAsync(options.Database);
        }
    }

    private static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: source tests/infra/up.sh first");
}
