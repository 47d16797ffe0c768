using Llt.Hotpath.Config;
using Llt.Integration.Tests.Sink;
using Llt.Shell.Sinks;
using Llt.Shell.Sinks.Postgres;

namespace Llt.Integration.Tests.Postgres;

/// <summary>The PostgreSQL sink against the real server from tests/infra/up.sh. One collection: the outage test stops that server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSinkTests : IDisposable
{
    private readonly ScenarioJournal _journal = new();

    private async Task AssertExactlyOnceAsync(PostgresTestSchema db, int rounds, int undecodable)
    {
        foreach (string table in new[] { "orders", "executions", "fills", "position_snapshots", "pnl_snapshots", "risk_alerts", "risk_metrics" })
        {
            Assert.True(rounds == await db.CountAsync(table), $"{table}: expected {rounds} rows, found {await db.CountAsync(table)}");
        }

        // SetLimit, CommandResult, StrategyControl, KillSwitchState per round
        Assert.Equal(4L * rounds, await db.CountAsync("audit_log"));
        Assert.Equal(undecodable, await db.CountAsync("journal_rejects"));
        Assert.Equal(_journal.LastSequence, await db.ScalarAsync($"SELECT delivered_seq FROM \"{db.Schema}\".sink_positions WHERE sink = 'postgres'"));
    }

    [Fact]
    public async Task Every_event_lands_exactly_once_and_a_replay_changes_nothing()
    {
        await using var db = new PostgresTestSchema();
        _journal.AppendRounds(500);
        _journal.AppendUndecodable();
        _journal.AppendRounds(100);
        await using (RunningSink sink = await RunningSink.StartAsync(db.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
            Assert.Equal(0, sink.Status.LagEvents);
            Assert.Equal(0, sink.Status.Errors);
        }

        await AssertExactlyOnceAsync(db, 600, 1);

        // what a user reads: the last order, its fill, current positions, today's P&L, the audit trail
        Assert.Equal(190.00000000m + (599 * 0.01m), await db.ScalarAsync($"SELECT price FROM \"{db.Schema}\".orders WHERE cl_ord_id = 1000599"));
        Assert.Equal(-0.00025m, await db.ScalarAsync($"SELECT fee FROM \"{db.Schema}\".fills WHERE cl_ord_id = 1000599"));
        Assert.Equal(6L, await db.CountAsync("positions"));
        Assert.Equal(599L, await db.ScalarAsync($"SELECT position FROM \"{db.Schema}\".positions WHERE instrument_id = {599 % 3} AND strategy_id = {599 % 2}"));
        Assert.Equal(1L, await db.CountAsync("daily_pnl"));
        // rounds alternate buy/sell per instrument 0..2: net quantity per (instrument, strategy) from the fills view
        Assert.Equal(600L, (long)(decimal)(await db.ScalarAsync($"SELECT sum(fills) FROM \"{db.Schema}\".fill_positions"))!);
        Assert.Equal(100m * 100, await db.ScalarAsync($"SELECT net_qty FROM \"{db.Schema}\".fill_positions WHERE instrument_id = 0 AND strategy_id = 0"));
        Assert.Equal(599 * 0.5m, await db.ScalarAsync($"SELECT daily_pnl FROM \"{db.Schema}\".daily_pnl"));
        Assert.Equal("position 599 near limit", await db.ScalarAsync($"SELECT text FROM \"{db.Schema}\".risk_alerts ORDER BY journal_seq DESC LIMIT 1"));
        Assert.Equal(600L, await db.CountAsync("audit_log", "kind = 'SetLimit' AND source = 'ops@desk-1' AND details->>'limitType' = 'Position'"));
        Assert.Equal(600L, await db.CountAsync("audit_log", "kind = 'CommandResult' AND details->>'command' = 'SetLimit' AND details->>'status' = 'Applied'"));
        Assert.Equal(300L, await db.CountAsync("audit_log", "kind = 'KillSwitchState' AND (details->>'engaged')::boolean"));
        Assert.Contains("RiskAlert", (string)(await db.ScalarAsync($"SELECT error FROM \"{db.Schema}\".journal_rejects"))!, StringComparison.Ordinal);

        // A store that forgot its position is sent everything again: the sequence keys make that a no-op.
        await db.ScalarAsync($"UPDATE \"{db.Schema}\".sink_positions SET delivered_seq = 0");
        _journal.AppendRounds(10);
        await using (RunningSink again = await RunningSink.StartAsync(db.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await again.WaitForDeliveredAsync(_journal.LastSequence);
            Assert.Equal(_journal.LastSequence, again.Status.DeliveredEvents);
        }

        await AssertExactlyOnceAsync(db, 610, 1);
    }

    [Fact]
    public async Task Stopping_postgres_mid_stream_loses_and_duplicates_nothing()
    {
        await using var db = new PostgresTestSchema();
        _journal.AppendRounds(200);
        await using RunningSink sink = await RunningSink.StartAsync(db.Store(), RunningSink.Options(_journal.JournalDirectory, batchSize: 256));
        using var writing = new CancellationTokenSource();
        Task engine = Task.Run(async () =>
        {
            // the engine keeps journaling through the outage; it never waits for a sink
            while (!writing.IsCancellationRequested)
            {
                _journal.AppendRounds(5);
                await Task.Delay(2);
            }
        });

        await sink.WaitForDeliveredAsync(200 * ScenarioJournal.FramesPerRound);
        TestServers.Stop("postgres");
        try
        {
            await sink.WaitForAsync(s => !s.Connected && s.Errors >= 2, "the sink to notice the outage and retry");
            JournalSinkStatus down = sink.Status;
            Assert.Contains("PostgreSQL", down.LastError, StringComparison.Ordinal);
            long journaledDuringOutage = _journal.LastSequence;
            await Task.Delay(300);
            Assert.True(_journal.LastSequence > journaledDuringOutage, "the journal stopped growing while the store was down");
            await sink.WaitForAsync(s => s.LagEvents > 0, "lag to show during the outage");
        }
        finally
        {
            TestServers.Start("postgres");
        }

        await Task.Delay(200);
        writing.Cancel();
        await engine;
        await sink.WaitForDeliveredAsync(_journal.LastSequence);
        Assert.True(sink.Status.Connected);
        Assert.Null(sink.Status.LastError);
        await AssertExactlyOnceAsync(db, _journal.Rounds, 0);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_clearly_and_retried_without_stopping_the_sink()
    {
        await using var db = new PostgresTestSchema();
        string wrong = "wrong-" + Guid.NewGuid().ToString("N");
        _journal.AppendRounds(10);
        await using RunningSink sink = await RunningSink.StartAsync(db.Store(db.Options with { Password = wrong }),
            RunningSink.Options(_journal.JournalDirectory));
        await sink.WaitForAsync(s => s.Errors >= 3, "three failed attempts");

        JournalSinkStatus status = sink.Status;
        Assert.False(status.Connected);
        Assert.Contains("password authentication failed", status.LastError, StringComparison.Ordinal);
        Assert.Contains("POSTGRES_PASSWORD", status.LastError, StringComparison.Ordinal);
        Assert.Contains($"{db.Options.Host}:{db.Options.Port}", status.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, status.LastError, StringComparison.Ordinal);
        Assert.Equal(10 * ScenarioJournal.FramesPerRound, status.LagEvents);
        Assert.False(sink.Sink.ExecuteTask!.IsCompleted, "the sink gave up");
    }

    [Fact]
    public async Task Migrations_apply_once_and_a_newer_schema_is_refused_by_name()
    {
        await using var db = new PostgresTestSchema();
        await using (PostgresEventStore store = db.Store())
        {
            Assert.Equal(0, await store.OpenAsync(CancellationToken.None));
        }

        await using (PostgresEventStore store = db.Store())
        {
            Assert.Equal(0, await store.OpenAsync(CancellationToken.None));
        }

        Assert.Equal(PostgresMigrations.All.Count, (int)(long)(await db.ScalarAsync($"SELECT count(*) FROM \"{db.Schema}\".schema_migrations"))!);
        await db.ScalarAsync($"INSERT INTO \"{db.Schema}\".schema_migrations (version, name) VALUES (999, 'from the future')");
        await using (PostgresEventStore store = db.Store())
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.OpenAsync(CancellationToken.None));
            Assert.Contains($"schema {db.Schema} is at migration 999", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Instruments_and_strategies_from_config_fill_the_catalogue_and_journaled_changes_win()
    {
        await using var db = new PostgresTestSchema();
        var options = db.Options with { Instruments = EngineConfig.DefaultInstruments(), Strategies = EngineConfig.DefaultStrategies() };
        _journal.AppendRounds(4);
        await using (RunningSink sink = await RunningSink.StartAsync(db.Store(options), RunningSink.Options(_journal.JournalDirectory)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
        }

        Assert.Equal((long)EngineConfig.DefaultInstruments().Count, await db.CountAsync("instruments"));
        Assert.Equal(EngineConfig.DefaultInstruments()[0].Symbol, await db.ScalarAsync($"SELECT symbol FROM \"{db.Schema}\".instruments WHERE instrument_id = 0"));
        Assert.Equal(EngineConfig.DefaultStrategies()[0].Name, await db.ScalarAsync($"SELECT name FROM \"{db.Schema}\".strategies WHERE strategy_id = 0"));
        // rounds 0..3: strategy 0 disabled at round 0, enabled at round 2; strategy 1 disabled at 1, enabled at 3
        Assert.Equal(true, await db.ScalarAsync($"SELECT enabled FROM \"{db.Schema}\".strategies WHERE strategy_id = 0"));
        Assert.True((long)(await db.ScalarAsync($"SELECT journal_seq FROM \"{db.Schema}\".strategies WHERE strategy_id = 0"))! > 0);
    }

    public void Dispose() => _journal.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection
{
    public const string Name = "postgres server";
}
