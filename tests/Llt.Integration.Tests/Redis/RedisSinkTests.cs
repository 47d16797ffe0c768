using System.Collections.Concurrent;
using System.Text.Json;
using Llt.Hotpath.Config;
using Llt.Integration.Tests.Sink;
using Llt.Shell.Sinks;
using StackExchange.Redis;

namespace Llt.Integration.Tests.Redis;

/// <summary>The Redis sink against the real server from tests/infra/up.sh. One collection: the outage test restarts that server.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisSinkTests : IDisposable
{
    private readonly ScenarioJournal _journal = new();

    private async Task AssertFinalStateAsync(RedisTestKeys keys, IDatabase redis)
    {
        int rounds = _journal.Rounds;
        string[] symbols = EngineConfig.DefaultInstruments().Select(i => i.Symbol).ToArray();

        // alerts stream: each risk alert and kill switch change once, ids = journal sequences, in order
        StreamEntry[] entries = await redis.StreamRangeAsync(keys.Keys.AlertsStream);
        Assert.Equal(2 * rounds, entries.Length);
        Assert.Equal(entries.Length, entries.Select(e => e.Id.ToString()).Distinct().Count());
        Assert.All(entries, e => Assert.Equal(e.Id.ToString(), e["seq"] + "-0"));
        Assert.Equal($"position {rounds - 1} near limit", (string?)entries[^2]["text"]);
        Assert.Equal(symbols[(rounds - 1) % 3], (string?)entries[^2]["symbol"]);

        // the latest snapshot per key
        int last = rounds - 1;
        HashEntry[] quote = await redis.HashGetAllAsync(keys.Keys.Quote(symbols[last % 3]));
        Assert.Equal(FixedPointValue.ToText(190_00000000 + (last * 1_000_000L) + 1_000_000), (string?)quote.Single(f => f.Name == "ask").Value);
        Assert.Equal(200 + last, (long)quote.Single(f => f.Name == "askSize").Value);
        Assert.Equal((long)last, (long)await redis.HashGetAsync(keys.Keys.Position(symbols[last % 3], last % 2), "position"));
        Assert.Equal(FixedPointValue.ToText(last * 50_000_000L), (string?)await redis.HashGetAsync(keys.Keys.Pnl, "dailyPnl"));
        Assert.Equal(FixedPointValue.ToText(last * 1_000_000L), (string?)await redis.HashGetAsync(keys.Keys.Risk, "var95"));
        Assert.Equal(_journal.LastSequence, (long)await redis.StringGetAsync(keys.Keys.Delivered("redis")));
    }

    [Fact]
    public async Task Every_event_lands_once_and_alerts_are_published_once()
    {
        await using var keys = new RedisTestKeys();
        await using ConnectionMultiplexer client = await RedisTestKeys.ConnectAsync();
        IDatabase redis = client.GetDatabase();
        var published = new ConcurrentQueue<string>();
        await client.GetSubscriber().SubscribeAsync(RedisChannel.Literal(keys.Keys.AlertsChannel), (_, message) => published.Enqueue(message!));

        _journal.AppendRounds(300);
        await using (RunningSink sink = await RunningSink.StartAsync(keys.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
            Assert.Equal(0, sink.Status.Errors);
        }

        await AssertFinalStateAsync(keys, redis);
        SpinWait.SpinUntil(() => published.Count >= 600, TimeSpan.FromSeconds(10));
        Assert.Equal(600, published.Count);
        // the client may run the subscription handler for several messages at once, so the queue's order is not
        // the publishing order: count by kind instead
        var kinds = new Dictionary<string, int>();
        foreach (string message in published)
        {
            using JsonDocument alert = JsonDocument.Parse(message);
            string kind = alert.RootElement.GetProperty("kind").GetString()!;
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (kind == "RiskAlert")
            {
                Assert.Equal("PositionLimit", alert.RootElement.GetProperty("breachType").GetString());
            }
        }

        Assert.Equal(300, kinds.GetValueOrDefault("RiskAlert"));
        Assert.Equal(300, kinds.GetValueOrDefault("KillSwitchState"));

        // the heartbeat key is there while heartbeats are fresh, and expires on its own
        TimeSpan? ttl = await redis.KeyTimeToLiveAsync(keys.Keys.Heartbeat);
        Assert.True(ttl is { } t && t > TimeSpan.Zero && t <= TimeSpan.FromSeconds(30), $"heartbeat TTL {ttl}");
        Assert.Contains("\"state\":\"Running\"", (string?)await redis.StringGetAsync(keys.Keys.Heartbeat), StringComparison.Ordinal);

        // Redis lost the position key but kept the rest: a full replay publishes and appends nothing twice
        await redis.KeyDeleteAsync(keys.Keys.Delivered("redis"));
        published.Clear();
        await using (RunningSink again = await RunningSink.StartAsync(keys.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await again.WaitForDeliveredAsync(_journal.LastSequence);
        }

        await AssertFinalStateAsync(keys, redis);
    }

    [Fact]
    public async Task Restarting_redis_mid_stream_ends_with_every_event_once()
    {
        await using var keys = new RedisTestKeys();
        _journal.AppendRounds(200);
        await using RunningSink sink = await RunningSink.StartAsync(keys.Store(), RunningSink.Options(_journal.JournalDirectory, batchSize: 256));
        using var writing = new CancellationTokenSource();
        Task engine = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                _journal.AppendRounds(5);
                await Task.Delay(2);
            }
        });

        await sink.WaitForDeliveredAsync(200 * ScenarioJournal.FramesPerRound);
        TestServers.Stop("redis");
        try
        {
            await sink.WaitForAsync(s => !s.Connected && s.Errors >= 2, "the sink to notice the outage and retry");
            Assert.Contains("Redis", sink.Status.LastError, StringComparison.Ordinal);
            await sink.WaitForAsync(s => s.LagEvents > 0, "lag to show during the outage");
        }
        finally
        {
            TestServers.Start("redis");
        }

        await Task.Delay(200);
        writing.Cancel();
        await engine;
        // Redis came back empty (no persistence on the test server): the sink starts over from sequence 1
        await sink.WaitForDeliveredAsync(_journal.LastSequence);
        await using ConnectionMultiplexer client = await RedisTestKeys.ConnectAsync();
        await AssertFinalStateAsync(keys, client.GetDatabase());
        Assert.True(sink.Status.Connected);
    }

    [Fact]
    public async Task Replayed_old_heartbeats_do_not_make_a_silent_engine_look_alive()
    {
        await using var keys = new RedisTestKeys();
        _journal.AppendRounds(2);
        await using ConnectionMultiplexer client = await RedisTestKeys.ConnectAsync();
        IDatabase redis = client.GetDatabase();
        await using (RunningSink sink = await RunningSink.StartAsync(keys.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
        }

        Assert.True(await redis.KeyExistsAsync(keys.Keys.Heartbeat), "fresh heartbeats did not set the liveness key");
        await redis.KeyDeleteAsync(keys.Keys.Heartbeat);

        // the engine's last heartbeat was a minute ago (it died since); the sink delivers it only now
        _journal.AppendHeartbeat(ScenarioJournal.NowNs() - 60_000_000_000L);
        await using (RunningSink sink = await RunningSink.StartAsync(keys.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
        }

        Assert.False(await redis.KeyExistsAsync(keys.Keys.Heartbeat), "a minute-old heartbeat set the liveness key");
    }

    [Fact]
    public async Task An_unreachable_redis_is_reported_and_retried_without_stopping_the_sink()
    {
        await using var keys = new RedisTestKeys();
        _journal.AppendRounds(3);
        int closedPort = FreePort();
        await using RunningSink sink = await RunningSink.StartAsync(
            new Shell.Sinks.Redis.RedisEventStore(keys.Options with { Port = closedPort }, Microsoft.Extensions.Logging.Abstractions.NullLogger<Shell.Sinks.Redis.RedisEventStore>.Instance),
            RunningSink.Options(_journal.JournalDirectory));
        await sink.WaitForAsync(s => s.Errors >= 2, "two failed attempts");
        Assert.False(sink.Status.Connected);
        Assert.Contains($"cannot connect to Redis at {keys.Options.Host}:{closedPort}", sink.Status.LastError, StringComparison.Ordinal);
        Assert.Equal(3 * ScenarioJournal.FramesPerRound, sink.Status.LagEvents);
        Assert.False(sink.Sink.ExecuteTask!.IsCompleted);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _journal.Dispose();
}

[CollectionDefinition(Name)]
public sealed class RedisCollection
{
    public const string Name = "redis server";
}
