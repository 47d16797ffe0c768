using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Llt.Hotpath.Config;
using Llt.Integration.Tests.Sink;
using Llt.Shell.Sinks.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Llt.Integration.Tests.Mongo;

/// <summary>
/// The MongoDB tick store against the wire-protocol stand-in (tests/infra/mongo_standin.py): every journaled quote
/// lands exactly once in the time-series collection, through restarts of the sink, an interrupted batch and a
/// restart of the server; `llt ticks` reads them back.
/// </summary>
[Collection("mongo")]
public sealed class MongoSinkTests : IDisposable
{
    private readonly ScenarioJournal _journal = new();
    private readonly MongoTestDatabase _database = new();

    public void Dispose()
    {
        _database.Dispose();
        _journal.Dispose();
    }

    /// <summary>Every round of the scenario journals exactly one quote; each must be stored once, with its values.</summary>
    private async Task AssertTicksAsync()
    {
        int rounds = _journal.Rounds;
        List<BsonDocument> ticks = await _database.Ticks().Find(new BsonDocument()).ToListAsync();
        Assert.Equal(rounds, ticks.Count);
        Assert.Equal(rounds, ticks.Select(t => t["_id"].ToInt64()).Distinct().Count());
        Assert.All(ticks, t => Assert.Equal(MongoTickFields.QuoteType, t[MongoTickFields.Type].AsString));

        IReadOnlyList<InstrumentConfig> instruments = EngineConfig.DefaultInstruments();
        int last = rounds - 1;
        BsonDocument newest = ticks.OrderBy(t => t["_id"].ToInt64()).Last();
        Assert.Equal(instruments[last % 3].Symbol, newest[MongoTickFields.Symbol].AsString);
        Assert.Equal((190_00000000m + (last * 1_000_000m) - 1_000_000m) / 100_000_000m, newest[MongoTickFields.Bid].ToDecimal());
        Assert.Equal(200 + last, newest[MongoTickFields.AskSize].ToInt64());
        Assert.Equal(BsonType.DateTime, newest[MongoTickFields.Time].BsonType);
        Assert.Equal(_journal.LastSequence, await _database.DeliveredAsync());
    }

    [Fact]
    public async Task Every_quote_lands_once_in_a_time_series_collection_and_a_restarted_sink_resends_nothing()
    {
        _journal.AppendRounds(300);
        await using (RunningSink sink = await RunningSink.StartAsync(_database.Store(), RunningSink.Options(_journal.JournalDirectory, batchSize: 128)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
            Assert.Equal(0, sink.Status.Errors);
        }

        await AssertTicksAsync();
        BsonDocument info = await (await _database.Client().ListCollectionsAsync(
            new ListCollectionsOptions { Filter = new BsonDocument("name", _database.Options.TicksCollection) })).SingleAsync();
        Assert.Equal("timeseries", info["type"].AsString);
        Assert.Equal(MongoTickFields.Time, info["options"]["timeseries"]["timeField"].AsString);
        Assert.Equal(MongoTickFields.Symbol, info["options"]["timeseries"]["metaField"].AsString);

        // A new sink on the same store starts from the stored position: nothing is written twice.
        _journal.AppendRounds(20);
        MongoEventStore store = _database.Store();
        await using (RunningSink again = await RunningSink.StartAsync(store, RunningSink.Options(_journal.JournalDirectory)))
        {
            await again.WaitForDeliveredAsync(_journal.LastSequence);
        }

        Assert.Equal(0, store.UnacknowledgedTicksRemoved);
        await AssertTicksAsync();
    }

    [Fact]
    public async Task Ticks_of_a_batch_whose_position_was_never_stored_are_not_duplicated_on_redelivery()
    {
        _journal.AppendRounds(50);
        await using (RunningSink sink = await RunningSink.StartAsync(_database.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
        }

        // What a crash between the bulk insert and the position update leaves: the next batch's ticks stored, the
        // position not moved. A time-series collection has no unique _id, so re-sending them would duplicate them.
        long delivered = _journal.LastSequence;
        _journal.AppendRounds(10);
        var orphans = Enumerable.Range(1, ScenarioJournal.FramesPerRound * 10)
            .Select(i => new BsonDocument
            {
                { "_id", delivered + i },
                { MongoTickFields.Time, DateTime.UtcNow },
                { MongoTickFields.Symbol, "AAPL" },
                { MongoTickFields.Type, MongoTickFields.QuoteType },
            })
            .ToList();
        await _database.Ticks().InsertManyAsync(orphans, new InsertManyOptions { IsOrdered = false });

        MongoEventStore store = _database.Store();
        await using (RunningSink sink = await RunningSink.StartAsync(store, RunningSink.Options(_journal.JournalDirectory)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
        }

        Assert.Equal(orphans.Count, store.UnacknowledgedTicksRemoved);
        await AssertTicksAsync();
    }

    [Fact]
    public async Task Restarting_the_server_mid_stream_ends_with_every_tick_once()
    {
        _journal.AppendRounds(100);
        await using RunningSink sink = await RunningSink.StartAsync(_database.Store(), RunningSink.Options(_journal.JournalDirectory, batchSize: 64));
        using var writing = new CancellationTokenSource();
        Task engine = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                _journal.AppendRounds(2);
                await Task.Delay(5);
            }
        });

        await sink.WaitForDeliveredAsync(100 * ScenarioJournal.FramesPerRound);
        TestServers.Stop("mongo");
        try
        {
            await sink.WaitForAsync(s => !s.Connected && s.Errors >= 2, "the sink to notice the outage and retry");
            Assert.Contains("MongoDB", sink.Status.LastError, StringComparison.Ordinal);
            await sink.WaitForAsync(s => s.LagEvents > 0, "lag to show during the outage");
        }
        finally
        {
            TestServers.Start("mongo");
        }

        await Task.Delay(200);
        writing.Cancel();
        await engine;
        // The stand-in keeps everything in memory and came back empty: the sink starts over from sequence 1.
        await sink.WaitForDeliveredAsync(_journal.LastSequence);
        await AssertTicksAsync();
        Assert.True(sink.Status.Connected);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_and_retried_without_stopping_the_sink()
    {
        int closedPort = ClosedPort();
        using var unreachable = new MongoTestDatabase(closedPort);
        _journal.AppendRounds(3);
        await using RunningSink sink = await RunningSink.StartAsync(unreachable.Store(), RunningSink.Options(_journal.JournalDirectory));
        await sink.WaitForAsync(s => s.Errors >= 1, "the first failed attempt");
        Assert.False(sink.Status.Connected);
        Assert.Contains($"cannot use MongoDB at {TestServers.MongoHost}:{closedPort}", sink.Status.LastError, StringComparison.Ordinal);
        Assert.Equal(3 * ScenarioJournal.FramesPerRound, sink.Status.LagEvents);
        Assert.False(sink.Sink.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task Llt_ticks_prints_the_stored_quotes_of_one_symbol_in_the_time_range()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);
        _journal.AppendRounds(30);
        await using (RunningSink sink = await RunningSink.StartAsync(_database.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
        }

        string from = before.ToString("O");
        string to = DateTimeOffset.UtcNow.AddSeconds(1).ToString("O");
        (int code, string output, string error) = RunLlt(["ticks", "MSFT", "--from", from, "--to", to, "--json"]);
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement[] rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(10, rows.Length); // rounds 1, 4, 7, ... quote instrument 1
        Assert.All(rows, r => Assert.Equal("MSFT", r.GetProperty("symbol").GetString()));
        Assert.All(rows, r => Assert.Equal("quote", r.GetProperty("type").GetString()));
        Assert.Equal(rows.Length, rows.Select(r => r.GetProperty("sequence").GetInt64()).Distinct().Count());
        Assert.Equal(101, rows[0].GetProperty("bidSize").GetInt64());
        Assert.Equal(189.99m + 0.01m, rows[0].GetProperty("bid").GetDecimal());

        (code, output, error) = RunLlt(["ticks", "MSFT", "--from", from, "--to", to]);
        Assert.True(code == 0, error);
        Assert.Equal(10, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("quote  MSFT  bid 190 x 101  ask 190.02 x 201", output, StringComparison.Ordinal);

        (code, _, error) = RunLlt(["ticks", "MSFT", "--from", to, "--to", from]);
        Assert.Equal(2, code);
        Assert.Contains("--to", error, StringComparison.Ordinal);

        (code, _, error) = RunLlt(["ticks", "MSFT", "--from", from], ClosedPort());
        Assert.Equal(1, code);
        Assert.Contains("cannot read ticks from MongoDB", error, StringComparison.Ordinal);
    }

    private (int Code, string Output, string Error) RunLlt(string[] arguments, int? port = null)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "llt.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _journal.Root,
        };
        info.Environment["MONGO_HOST"] = TestServers.MongoHost;
        info.Environment["MONGO_PORT"] = (port ?? TestServers.MongoPort).ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MONGO_DB"] = _database.Name;
        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "llt ticks did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
