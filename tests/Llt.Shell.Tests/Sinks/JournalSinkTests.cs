using Llt.Shell.Sinks;
using Llt.Shell.Sinks.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Llt.Shell.Tests.Sinks;

public sealed class JournalSinkTests : IDisposable
{
    private readonly TestJournal _journal = new();

    private JournalSinkOptions Options(int batchSize = 256) => SinkTestSupport.Options(_journal.Directory, batchSize: batchSize);

    private static JournalSink Sink(IJournalEventStore store, JournalSinkOptions options) =>
        new(store, options, NullLogger<JournalSink>.Instance);

    private static void Eventually(Func<bool> condition, Func<string> describe) => SinkTestSupport.Eventually(condition, describe);

    private static void AssertExactly(InMemoryEventStore store, long first, long last)
    {
        List<long> sequences = store.Sequences();
        Assert.Equal(last - first + 1, sequences.Count);
        for (int i = 0; i < sequences.Count; i++)
        {
            Assert.Equal(first + i, sequences[i]);
        }

        Assert.Equal(0, store.Redelivered);
    }

    [Fact]
    public async Task Delivers_every_event_once_in_order_across_segment_rolls()
    {
        _journal.Append(5000);
        var store = new InMemoryEventStore();
        using JournalSink sink = Sink(store, Options());
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => store.Position == 5000, () => $"store at {store.Position} of 5000");
        await sink.StopAsync(CancellationToken.None);

        AssertExactly(store, 1, 5000);
        List<JournalEvent> events = store.Events();
        Assert.IsType<QuoteEvent>(events[0]);
        RiskAlertEvent alert = Assert.IsType<RiskAlertEvent>(events[9]);
        Assert.Equal("alert 10", alert.Text);
        JournalSinkStatus status = sink.Status;
        Assert.Equal("memory", status.Name);
        Assert.Equal(5000, status.DeliveredSequence);
        Assert.Equal(5000, status.DeliveredEvents);
        Assert.Equal(0, status.LagEvents);
        Assert.Equal(0, status.Errors);
        Assert.True(status.Connected);
    }

    [Fact]
    public async Task Starts_after_the_position_the_store_holds()
    {
        _journal.Append(3000);
        var store = new InMemoryEventStore(initialPosition: 1234);
        using JournalSink sink = Sink(store, Options());
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => store.Position == 3000, () => $"store at {store.Position} of 3000");
        await sink.StopAsync(CancellationToken.None);

        AssertExactly(store, 1235, 3000);
        Assert.Equal(3000 - 1234, sink.Status.DeliveredEvents);
    }

    [Fact]
    public async Task A_backlog_is_written_in_full_batches()
    {
        _journal.Append(10_000);
        var store = new InMemoryEventStore();
        using JournalSink sink = Sink(store, Options(batchSize: 512));
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => store.Position == 10_000, () => $"store at {store.Position} of 10000");
        await sink.StopAsync(CancellationToken.None);

        List<int> sizes = store.BatchSizes();
        // 10000 = 19 x 512 + 272: every batch but the last takes as many events as a batch holds.
        Assert.Equal(20, sizes.Count);
        Assert.All(sizes.Take(19), size => Assert.Equal(512, size));
        Assert.Equal(272, sizes[^1]);
    }

    [Fact]
    public async Task Follows_a_live_journal_that_does_not_exist_yet_when_the_sink_starts()
    {
        var store = new InMemoryEventStore();
        using JournalSink sink = Sink(store, Options());
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => sink.Status.Connected, () => "store never opened");
        Assert.Equal(0, store.Position);

        for (int i = 0; i < 50; i++)
        {
            _journal.Append(7);
            Thread.Sleep(2);
        }

        // a trickle: each partial batch goes out after at most BatchDelay
        Eventually(() => store.Position == 350, () => $"store at {store.Position} of 350");
        await sink.StopAsync(CancellationToken.None);
        AssertExactly(store, 1, 350);
    }

    [Fact]
    public async Task A_store_outage_mid_stream_loses_and_duplicates_nothing()
    {
        _journal.Append(1000);
        var store = new InMemoryEventStore();
        using JournalSink sink = Sink(store, Options());
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => store.Position == 1000, () => $"store at {store.Position} of 1000");

        store.Down = true;
        _journal.Append(2000);
        Eventually(() => !sink.Status.Connected && sink.Status.Errors >= 2,
            () => $"sink did not notice the outage: {sink.Status}");
        JournalSinkStatus during = sink.Status;
        // the write that met the outage, then reconnects refused while it lasts
        Assert.Contains("IOException: connection", during.LastError, StringComparison.Ordinal);
        Eventually(() => sink.Status.LagEvents > 0, () => $"no lag reported during the outage: {sink.Status}");
        Assert.True(store.Position < 3000);

        store.Down = false;
        Eventually(() => store.Position == 3000, () => $"store at {store.Position} of 3000 after the outage: {sink.Status}");
        await sink.StopAsync(CancellationToken.None);

        AssertExactly(store, 1, 3000);
        JournalSinkStatus after = sink.Status;
        Assert.True(after.Connected);
        Assert.Null(after.LastError);
        Assert.Equal(0, after.LagEvents);
        Assert.True(store.Opens >= 3, $"expected reconnect attempts, saw {store.Opens} opens");
    }

    [Fact]
    public async Task A_lost_acknowledgement_resumes_from_what_the_store_holds()
    {
        _journal.Append(2000);
        var store = new InMemoryEventStore { LoseAcknowledgements = 3 };
        using JournalSink sink = Sink(store, Options());
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => store.Position == 2000 && sink.Status.DeliveredSequence == 2000,
            () => $"store at {store.Position}, sink at {sink.Status}");
        await sink.StopAsync(CancellationToken.None);

        // The store landed the batches whose acknowledgements were lost; the sink asked it where it stood
        // instead of resending them.
        AssertExactly(store, 1, 2000);
        Assert.Equal(3, sink.Status.Errors);
    }

    [Fact]
    public async Task A_store_down_at_start_is_retried_and_reported_with_its_lag()
    {
        _journal.Append(100);
        var store = new InMemoryEventStore { Down = true };
        using JournalSink sink = Sink(store, Options());
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => sink.Status.Errors >= 3 && sink.Status.LagEvents == 100,
            () => $"status during the outage: {sink.Status}");
        JournalSinkStatus down = sink.Status;
        Assert.False(down.Connected);
        Assert.Equal(-1, down.DeliveredSequence);
        Assert.Contains("connection refused", down.LastError, StringComparison.Ordinal);
        Assert.True(down.LagSeconds > 0, $"lag seconds {down.LagSeconds}");

        store.Down = false;
        Eventually(() => store.Position == 100, () => $"store at {store.Position} of 100: {sink.Status}");
        await sink.StopAsync(CancellationToken.None);
        AssertExactly(store, 1, 100);
        Assert.Equal(0, sink.Status.LagSeconds);
    }

    [Fact]
    public async Task Stopping_closes_the_store_promptly_while_it_is_down()
    {
        var store = new InMemoryEventStore { Down = true };
        var options = Options() with { RetryMinDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromSeconds(30) };
        using JournalSink sink = Sink(store, options);
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => sink.Status.Errors == 1, () => $"status: {sink.Status}");

        Task stop = sink.StopAsync(CancellationToken.None);
        Task finished = await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.Same(stop, finished);
        Assert.True(store.Closes >= 2, $"closes {store.Closes}");
    }

    [Fact]
    public async Task Stopping_first_delivers_what_the_journal_holds()
    {
        var store = new InMemoryEventStore { WriteDelay = TimeSpan.FromMilliseconds(5) };
        using JournalSink sink = Sink(store, Options());
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => sink.Status.Connected, () => "store never opened");

        // the engine's last frames, journaled just before the host stops the sinks
        _journal.Append(3000);
        await sink.StopAsync(CancellationToken.None);

        AssertExactly(store, 1, 3000);
        Assert.Equal(0, sink.Status.LagEvents);
        Assert.True(sink.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task Stopping_leaves_the_rest_for_the_next_start_when_draining_takes_too_long()
    {
        var store = new InMemoryEventStore { WriteDelay = TimeSpan.FromMilliseconds(50) };
        using JournalSink sink = Sink(store, Options(batchSize: 16) with { DrainTimeout = TimeSpan.FromMilliseconds(200) });
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => sink.Status.Connected, () => "store never opened");
        _journal.Append(3000);
        await sink.StopAsync(CancellationToken.None);
        long delivered = store.Position;
        Assert.InRange(delivered, 1, 2999);

        var next = new InMemoryEventStore(initialPosition: delivered);
        using JournalSink restarted = Sink(next, Options());
        await restarted.StartAsync(CancellationToken.None);
        Eventually(() => next.Position == 3000, () => $"restarted sink at {next.Position}");
        await restarted.StopAsync(CancellationToken.None);
        AssertExactly(next, delivered + 1, 3000);
    }

    [Fact]
    public async Task A_store_ahead_of_the_journal_is_reported_as_a_different_journal_not_skipped_silently()
    {
        _journal.Append(100);
        var store = new InMemoryEventStore(initialPosition: 5000);
        using JournalSink sink = Sink(store, Options());
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => sink.Status.Errors >= 2, () => $"status: {sink.Status}");
        await sink.StopAsync(CancellationToken.None);

        Assert.Contains("holds journal sequences up to 5000", sink.Status.LastError, StringComparison.Ordinal);
        Assert.Contains("different or reset journal", sink.Status.LastError, StringComparison.Ordinal);
        Assert.Empty(store.Sequences());
    }

    [Fact]
    public async Task A_slow_store_shows_its_backlog_as_lag_while_it_works_through_it()
    {
        _journal.Append(2000);
        var store = new InMemoryEventStore { WriteDelay = TimeSpan.FromMilliseconds(10) };
        using JournalSink sink = Sink(store, Options(batchSize: 16) with { DrainTimeout = TimeSpan.Zero });
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => store.Position > 0 && sink.Status.LagEvents > 1000,
            () => $"lag while behind: {sink.Status}, store at {store.Position}");
        Assert.True(sink.Status.LagSeconds > 0, $"lag seconds {sink.Status.LagSeconds}");
        await sink.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Options_out_of_range_are_rejected_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Sink(new InMemoryEventStore(), Options() with { BatchSize = 0 }));
        Assert.Equal("BatchSize", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sink(new InMemoryEventStore(),
            Options() with { RetryMinDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(1) }));
    }

    [Fact]
    public void Backoff_doubles_up_to_its_cap_and_restarts_after_success()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
        Assert.Equal([100, 200, 400, 500, 500], Enumerable.Range(0, 5).Select(_ => backoff.Next().TotalMilliseconds));
        backoff.Reset();
        Assert.Equal(100, backoff.Next().TotalMilliseconds);
    }

    public void Dispose() => _journal.Dispose();
}
