using System.Diagnostics;
using Llt.Hotpath.Journal;
using static Llt.Hotpath.Tests.Journal.JournalTestSupport;

namespace Llt.Hotpath.Tests.Journal;

public sealed class JournalTailerTests
{
    private struct CountingHandler : IJournalFrameHandler
    {
        public long Count;
        public long LastSequence;
        public long PayloadSum;

        public void OnFrame(in JournalFrame frame)
        {
            Count++;
            LastSequence = frame.Sequence;
            PayloadSum += frame.Payload[0];
        }
    }

    [Fact]
    public void Poll_ConcurrentWithWriterAcrossManySmallSegments_SeesEveryFrameInOrder()
    {
        const int FrameCount = 20_000;
        using var temp = new TempJournalDirectory();
        var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 8192));
        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        Exception? writerFailure = null;
        var writerThread = new Thread(() =>
        {
            try
            {
                AppendFrames(writer, FrameCount, payloadLength: 56);
            }
            catch (Exception exception)
            {
                writerFailure = exception;
            }
        });
        writerThread.Start();

        long expected = 1;
        var deadline = Stopwatch.StartNew();
        while (expected <= FrameCount && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            JournalReadResult result = tailer.TryRead(out JournalFrame frame);
            if (result == JournalReadResult.FrameRead)
            {
                Assert.Equal(expected, frame.Sequence);
                Assert.True(frame.Payload.SequenceEqual(Payload(expected, 56)));
                expected++;
            }
            else
            {
                Assert.Equal(JournalReadResult.NoFrame, result);
                // Two cores shared with the writer and others: give the core away instead of spinning.
                Thread.Sleep(0);
            }
        }

        Assert.True(writerThread.Join(TimeSpan.FromSeconds(60)), "writer did not finish");
        Assert.Null(writerFailure);
        long rolls = writer.Rolls;
        writer.Dispose();
        Assert.Equal(FrameCount + 1, expected);
        Assert.True(rolls > 100, $"expected many rolls, saw {rolls}");
        Assert.True(tailer.SegmentIndex > 100);
    }

    [Fact]
    public void OpenAtSequence_InALaterSegment_StartsAtThatFrame()
    {
        using var temp = new TempJournalDirectory();
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4096)))
        {
            AppendFrames(writer, 500, payloadLength: 64);
        }

        foreach (long sequence in new long[] { 1, 2, 41, 42, 43, 250, 500 })
        {
            using var tailer = JournalTailer.OpenAtSequence(temp.Journal, sequence);
            Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out JournalFrame frame));
            Assert.Equal(sequence, frame.Sequence);
        }
    }

    [Fact]
    public void OpenAtSequence_BeyondTheEnd_WaitsAtTheEndForNewFrames()
    {
        using var temp = new TempJournalDirectory();
        using var writer = ExclusiveJournalWriter.Open(Options(temp.Journal));
        AppendFrames(writer, 10, payloadLength: 8);
        using var tailer = JournalTailer.OpenAtSequence(temp.Journal, 1000);
        Assert.Equal(JournalReadResult.NoFrame, tailer.TryRead(out _));
        AppendFrames(writer, 1, payloadLength: 8);
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out JournalFrame frame));
        Assert.Equal(11, frame.Sequence);
    }

    [Fact]
    public void OpenAtPosition_OfARecordedNextPosition_ResumesWithTheFollowingFrame()
    {
        using var temp = new TempJournalDirectory();
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4096)))
        {
            AppendFrames(writer, 100, payloadLength: 64);
        }

        long resumeAt;
        using (var first = JournalTailer.OpenAtStart(temp.Journal))
        {
            for (int i = 0; i < 60; i++)
            {
                Assert.Equal(JournalReadResult.FrameRead, first.TryRead(out _));
            }

            resumeAt = first.Position;
        }

        using var tailer = JournalTailer.OpenAtPosition(temp.Journal, resumeAt);
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out JournalFrame frame));
        Assert.Equal(61, frame.Sequence);
    }

    [Fact]
    public void OpenAtPosition_InsideAFrame_IsRefused()
    {
        using var temp = new TempJournalDirectory();
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal)))
        {
            AppendFrames(writer, 3, payloadLength: 64);
        }

        var error = Assert.Throws<ArgumentException>(() => JournalTailer.OpenAtPosition(temp.Journal, JournalDescriptor.SegmentHeaderLength + 8));
        Assert.Contains("not a frame boundary", error.Message);
    }

    [Fact]
    public void OpenAtEnd_ReadsOnlyFramesCommittedAfterwards()
    {
        using var temp = new TempJournalDirectory();
        using var writer = ExclusiveJournalWriter.Open(Options(temp.Journal));
        AppendFrames(writer, 5, payloadLength: 8);
        using var tailer = JournalTailer.OpenAtEnd(temp.Journal);
        Assert.Equal(JournalReadResult.NoFrame, tailer.TryRead(out _));
        AppendFrames(writer, 2, payloadLength: 8);
        var frames = ReadAll(tailer);
        Assert.Equal(new long[] { 6, 7 }, frames.Select(f => f.Sequence));
    }

    [Fact]
    public void Poll_AfterWarmUp_AllocatesNothing()
    {
        using var temp = new TempJournalDirectory();
        using var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4 * 1024 * 1024));
        var payload = new byte[64];
        payload[0] = 1;
        for (int i = 0; i < 20_000; i++)
        {
            writer.Append(1, payload, i);
        }

        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        var handler = new CountingHandler();
        tailer.Poll(ref handler, 1000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int read = 0;
        while (read < 18_000)
        {
            read += tailer.Poll(ref handler, 100);
        }

        JournalReadResult single = tailer.TryRead(out JournalFrame _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(JournalReadResult.FrameRead, single);
        Assert.Equal(1000 + read, handler.Count);
        Assert.Equal(handler.Count, handler.PayloadSum);
        Assert.Equal(handler.Count, handler.LastSequence);
        Assert.Equal(JournalReadResult.FrameRead, tailer.LastReadResult);
    }
}
