using System.Diagnostics;
using Llt.Hotpath.Journal;
using static Llt.Hotpath.Tests.Journal.JournalTestSupport;

namespace Llt.Hotpath.Tests.Journal;

public sealed class JournalRetentionTests
{
    private static long WriteSegments(TempJournalDirectory temp, int frames)
    {
        using var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4096));
        AppendFrames(writer, frames, payloadLength: 64);
        return writer.ActiveSegmentIndex;
    }

    [Fact]
    public void Apply_WithMaxSegments_DeletesOldestAndKeepsTheActiveOne()
    {
        using var temp = new TempJournalDirectory();
        long active = WriteSegments(temp, 400);
        Assert.True(active >= 9);

        int removed = JournalRetention.Apply(temp.Journal, new JournalRetentionPolicy { MaxSegments = 3 }, active, JournalSegmentClock());

        List<long> left = JournalDirectory.ListSegmentIndices(temp.Journal);
        Assert.Equal(new[] { active - 2, active - 1, active }, left);
        Assert.Equal((int)active - 2, removed);
        using var tailer = JournalTailer.OpenAtSequence(temp.Journal, 1);
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out JournalFrame frame));
        Assert.True(frame.Sequence > 1);
    }

    [Fact]
    public void Apply_WithArchiveMode_MovesSegmentsIntoTheArchiveDirectory()
    {
        using var temp = new TempJournalDirectory();
        long active = WriteSegments(temp, 400);
        string archive = Path.Combine(temp.Path, "archive");
        var policy = new JournalRetentionPolicy { MaxBytes = 2 * 4096, Mode = JournalRetentionMode.Archive, ArchiveDirectory = archive };

        JournalRetention.Apply(temp.Journal, policy, active, JournalSegmentClock());

        Assert.Equal(new[] { active - 1, active }, JournalDirectory.ListSegmentIndices(temp.Journal));
        Assert.Equal(Enumerable.Range(0, (int)active - 1).Select(i => (long)i), JournalDirectory.ListSegmentIndices(archive));
    }

    [Fact]
    public void Apply_WithMaxAge_NeverRemovesTheActiveSegment()
    {
        using var temp = new TempJournalDirectory();
        long active = WriteSegments(temp, 400);
        long farFuture = JournalSegmentClock() + (3600L * 1_000_000_000);

        JournalRetention.Apply(temp.Journal, new JournalRetentionPolicy { MaxAgeMs = 1000 }, active, farFuture);

        Assert.Equal(new[] { active }, JournalDirectory.ListSegmentIndices(temp.Journal));
    }

    [Fact]
    public void Writer_WithRetention_RemovesOldSegmentsInTheBackground()
    {
        using var temp = new TempJournalDirectory();
        var options = new JournalOptions
        {
            Directory = temp.Journal,
            SegmentLength = 4096,
            PreTouch = false,
            Retention = new JournalRetentionPolicy { MaxSegments = 4 },
        };
        using var writer = ExclusiveJournalWriter.Open(options);
        AppendFrames(writer, 1000, payloadLength: 64);

        // The background thread applies retention after each roll; allow it a bounded time to catch up.
        var deadline = Stopwatch.StartNew();
        while (JournalDirectory.ListSegmentIndices(temp.Journal)[0] < writer.ActiveSegmentIndex - 3 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(10);
        }

        List<long> left = JournalDirectory.ListSegmentIndices(temp.Journal);
        Assert.Equal(writer.ActiveSegmentIndex - 3, left[0]);
        Assert.Contains(writer.ActiveSegmentIndex, left);
        Assert.Null(writer.BackgroundFailure);
    }

    private static long JournalSegmentClock() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
}
