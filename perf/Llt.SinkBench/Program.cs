using System.Diagnostics;
using System.Globalization;
using Llt.Shell.Sinks;
using Llt.Shell.Sinks.Postgres;
using Llt.Shell.Sinks.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using StackExchange.Redis;

namespace Llt.SinkBench;

/// <summary>
/// Usage (servers from tests/infra/up.sh, addresses from its LLT_TEST_* exports):
///   source tests/infra/up.sh
///   dotnet Llt.SinkBench.dll [postgres|redis|kafka|kafka-json|mongo|all] [--events N] [--batch N]
/// Writes a journal of N events up front, then times one <see cref="JournalSink"/> delivering all of it from
/// sequence 1 (a sink catching up after an outage: the case where throughput matters). Prints events/s and the
/// store-side rate (PostgreSQL rows/s, Redis commands/s inside MULTI/EXEC).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        string mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        int events = IntOption(args, "--events", 1_000_000);
        int batch = IntOption(args, "--batch", 4096);
        Console.WriteLine($"sink          events   batch   seconds     events/s   store ops   store ops/s   in store  sink cpu  server cpu  events/cpu-s");
        if (mode is "postgres" or "all")
        {
            await RunPostgresAsync(events, batch);
        }

        if (mode is "redis" or "all")
        {
            await RunRedisAsync(events, batch);
        }

        if (mode is "kafka" or "all")
        {
            await KafkaMongoBench.RunKafkaAsync(events, batch, Llt.Shell.Sinks.Kafka.KafkaValueFormat.Sbe);
        }

        if (mode is "kafka-json")
        {
            await KafkaMongoBench.RunKafkaAsync(events, batch, Llt.Shell.Sinks.Kafka.KafkaValueFormat.Json);
        }

        if (mode is "mongo" or "all")
        {
            await KafkaMongoBench.RunMongoAsync(events, batch);
        }

        return 0;
    }

    private static async Task RunPostgresAsync(int events, int batch)
    {
        string schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        var options = new PostgresStoreOptions
        {
            Host = Env("LLT_TEST_POSTGRES_HOST"),
            Port = int.Parse(Env("LLT_TEST_POSTGRES_PORT"), CultureInfo.InvariantCulture),
            Database = Env("LLT_TEST_POSTGRES_DB"),
            User = Env("LLT_TEST_POSTGRES_USER"),
            Password = Env("LLT_TEST_POSTGRES_PASSWORD"),
            Schema = schema,
        };
        using var journal = new BenchJournal();
        journal.AppendOrderFlow(events);
        var store = new CountingStore(new PostgresEventStore(options, NullLogger<PostgresEventStore>.Instance),
            inner => ((PostgresEventStore)inner).RowsWritten);
        try
        {
            await TimeAsync("postgres", "postgres", store, journal, batch);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task RunRedisAsync(int events, int batch)
    {
        string prefix = "bench:" + Guid.NewGuid().ToString("N")[..12] + ":";
        var options = new RedisStoreOptions
        {
            Host = Env("LLT_TEST_REDIS_HOST"),
            Port = int.Parse(Env("LLT_TEST_REDIS_PORT"), CultureInfo.InvariantCulture),
            KeyPrefix = prefix,
        };
        using var journal = new BenchJournal();
        journal.AppendMarketPicture(events);
        var store = new CountingStore(new RedisEventStore(options, NullLogger<RedisEventStore>.Instance),
            inner => ((RedisEventStore)inner).CommandsWritten);
        try
        {
            await TimeAsync("redis", "redis-server", store, journal, batch);
        }
        finally
        {
            await using ConnectionMultiplexer client = await ConnectionMultiplexer.ConnectAsync($"{options.Host}:{options.Port}");
            IDatabase database = client.GetDatabase();
            foreach (RedisKey key in client.GetServer(options.Host, options.Port).Keys(pattern: prefix + "*", pageSize: 1000))
            {
                await database.KeyDeleteAsync(key, CommandFlags.FireAndForget);
            }
        }
    }

    internal static async Task TimeAsync(string name, string serverCommand, CountingStore store, BenchJournal journal, int batch)
    {
        // Open once before timing: migrations and connection set-up are not throughput.
        await store.OpenAsync(CancellationToken.None);
        await store.CloseAsync();
        var options = new JournalSinkOptions { JournalDirectory = journal.Directory, BatchSize = batch };
        using var sink = new JournalSink(store, options, NullLogger<JournalSink>.Instance);
        TimeSpan selfCpu = ProcessCpu.Self();
        TimeSpan serverCpu = ProcessCpu.Server(serverCommand);
        var clock = Stopwatch.StartNew();
        await sink.StartAsync(CancellationToken.None);
        while (sink.Status.DeliveredSequence < journal.LastSequence)
        {
            if (sink.Status.LastError is { } error && sink.Status.Errors > 10)
            {
                throw new InvalidOperationException($"{name}: {error}");
            }

            await Task.Delay(1);
        }

        double seconds = clock.Elapsed.TotalSeconds;
        double sinkCpu = (ProcessCpu.Self() - selfCpu).TotalSeconds;
        double storeCpu = (ProcessCpu.Server(serverCommand) - serverCpu).TotalSeconds;
        await sink.StopAsync(CancellationToken.None);
        long delivered = sink.Status.DeliveredEvents;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-10} {delivered,9} {batch,7} {seconds,9:F2} {delivered / seconds,12:N0} {store.Operations,11} {store.Operations / seconds,13:N0} {store.WriteTime.TotalSeconds / seconds,10:P0} {sinkCpu,9:F2} {storeCpu,10:F2} {delivered / (sinkCpu + storeCpu),12:N0}"));
    }

    private static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: source tests/infra/up.sh first");

    private static int IntOption(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
