using Llt.Hotpath.Journal;
using Llt.Shell.Sinks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Llt.Shell.Tests.Sinks;

/// <summary>
/// A store outage longer than the journal the engine keeps: retention moves (archive) or deletes the segments the
/// sink has not delivered yet. With the archive the sink reads them there and the store ends up with every event;
/// without one it delivers what is left, and counts what retention took.
/// </summary>
public sealed class JournalSinkRetentionTests
{
    private static JournalSinkOptions Options(TestJournal journal, string? archive) => SinkTestSupport.Options(journal.Directory, archive);

    private static void Eventually(Func<bool> condition, Func<string> describe) => SinkTestSupport.Eventually(condition, describe);

    private static long FirstSegment(string directory) => JournalDirectory.ListSegmentIndices(directory)[0];

    private static async Task<(InMemoryEventStore Store, JournalSink Sink)> OutageThroughRetention(TestJournal journal, string? archive)
    {
        journal.Append(500);
        var store = new InMemoryEventStore();
        var sink = new JournalSink(store, Options(journal, archive), NullLogger<JournalSink>.Instance);
        await sink.StartAsync(CancellationToken.None);
        Eventually(() => store.Position == 500, () => $"store at {store.Position} of 500");

        store.Down = true;
        long segmentBefore = FirstSegment(journal.Directory);
        // ~10 segments of 64 KiB while the store is down; retention keeps 2
        journal.Append(8000);
        Eventually(() => !sink.Status.Connected && sink.Status.Errors > 0, () => $"sink did not meet the outage: {sink.Status}");
        Eventually(() => FirstSegment(journal.Directory) > segmentBefore + 4,
            () => $"retention left segments from {FirstSegment(journal.Directory)} (was {segmentBefore})");
        Assert.True(store.Position < 1000, $"the store took {store.Position} events before the outage reached it");
        store.Down = false;
        return (store, sink);
    }

    [Fact]
    public async Task With_an_archive_an_outage_longer_than_retention_loses_nothing()
    {
        using var journal = new TestJournal(keepSegments: 2, archive: true);
        (InMemoryEventStore store, JournalSink sink) = await OutageThroughRetention(journal, journal.Archive);
        using (sink)
        {
            Eventually(() => store.Position == 8500, () => $"store at {store.Position} of 8500 after the outage: {sink.Status}");
            await sink.StopAsync(CancellationToken.None);

            List<long> sequences = store.Sequences();
            Assert.Equal(Enumerable.Range(1, 8500).Select(i => (long)i), sequences);
            Assert.Equal(0, store.Redelivered);
            Assert.Equal(0, sink.LostToRetention);
            Assert.NotEmpty(JournalDirectory.ListSegmentIndices(journal.Archive));
        }
    }

    [Fact]
    public async Task Without_an_archive_the_sink_delivers_what_is_left_and_counts_what_retention_deleted()
    {
        using var journal = new TestJournal(keepSegments: 2);
        (InMemoryEventStore store, JournalSink sink) = await OutageThroughRetention(journal, archive: null);
        using (sink)
        {
            Eventually(() => store.Position == 8500, () => $"store at {store.Position} of 8500 after the outage: {sink.Status}");
            await sink.StopAsync(CancellationToken.None);

            List<long> sequences = store.Sequences();
            Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), sequences.Take(500));
            Assert.True(sink.LostToRetention > 0, "retention deleted undelivered segments, but the sink counted none");
            Assert.Equal(8500 - sink.LostToRetention, sequences.Count);
            Assert.Equal(8500, sequences[^1]);
        }
    }
}
