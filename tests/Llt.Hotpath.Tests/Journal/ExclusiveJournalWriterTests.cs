using Llt.Hotpath.Journal;
using static Llt.Hotpath.Tests.Journal.JournalTestSupport;

namespace Llt.Hotpath.Tests.Journal;

public sealed class ExclusiveJournalWriterTests
{
    [Fact]
    public void Append_ThenTailFromStart_ReadsSameFramesInOrder()
    {
        using var temp = new TempJournalDirectory();
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal)))
        {
            Assert.True(writer.Recovery.CreatedNew);
            AppendFrames(writer, 50, payloadLength: 37);
        }

        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        var frames = ReadAll(tailer);
        Assert.Equal(50, frames.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            long sequence = i + 1;
            Assert.Equal(sequence, frames[i].Sequence);
            Assert.Equal((int)(sequence % 100), frames[i].Type);
            Assert.Equal(sequence * 1000, frames[i].TimestampNs);
            Assert.Equal(Payload(sequence, 37), frames[i].Payload);
        }
    }

    [Fact]
    public void Append_PlacesEveryFrameOnAnEightByteBoundary_AndReturnsTheNextPosition()
    {
        using var temp = new TempJournalDirectory();
        var returned = new List<long>();
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal)))
        {
            for (int length = 0; length < 20; length++)
            {
                returned.Add(writer.Append(1, new byte[length], 0));
            }
        }

        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        long expectedPosition = JournalDescriptor.SegmentHeaderLength;
        for (int length = 0; length < 20; length++)
        {
            Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out JournalFrame frame));
            Assert.Equal(0, frame.Position % JournalDescriptor.FrameAlignment);
            Assert.Equal(expectedPosition, frame.Position);
            Assert.Equal(length, frame.Payload.Length);
            expectedPosition += JournalDescriptor.AlignFrame(JournalDescriptor.FrameHeaderLength + length);
            Assert.Equal(expectedPosition, frame.NextPosition);
            Assert.Equal(expectedPosition, returned[length]);
        }
    }

    [Fact]
    public void TryClaim_ThenCommit_PublishesPayloadWrittenInPlace()
    {
        using var temp = new TempJournalDirectory();
        using var writer = ExclusiveJournalWriter.Open(Options(temp.Journal));
        long claimed = writer.TryClaim(type: 42, length: 16, timestampNs: 99, out Span<byte> payload);
        Assert.True(claimed > 0);
        payload.Fill(0xAB);

        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        Assert.Equal(JournalReadResult.NoFrame, tailer.TryRead(out _));
        Assert.Equal(claimed, writer.Commit());
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out JournalFrame frame));
        Assert.Equal(42, frame.Type);
        Assert.Equal(99, frame.TimestampNs);
        Assert.True(frame.Payload.SequenceEqual(Enumerable.Repeat((byte)0xAB, 16).ToArray()));
    }

    [Fact]
    public void TryClaim_ThenCommitShorter_PublishesOnlyWhatWasWritten_AndTheNextFrameFollowsIt()
    {
        // a message encoded in place whose length is known once written: claim the most it can take, commit what it took
        using var temp = new TempJournalDirectory();
        long afterBoth;
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal)))
        {
            Assert.True(writer.TryClaim(type: 7, length: 200, timestampNs: 1, out Span<byte> payload) > 0);
            payload[..40].Fill(0x5A);
            Assert.Equal(JournalWriteResult.InvalidLength, writer.Commit(201));
            long afterFirst = writer.Commit(40);
            Assert.Equal(JournalDescriptor.AlignFrame(JournalDescriptor.FrameHeaderLength + 40), afterFirst - JournalDescriptor.SegmentHeaderLength);
            afterBoth = writer.Append(8, new byte[] { 1, 2, 3 }, 2);
        }

        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out JournalFrame first));
        Assert.Equal((7, 40), (first.Type, first.Payload.Length));
        Assert.True(first.Payload.SequenceEqual(Enumerable.Repeat((byte)0x5A, 40).ToArray()));
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out JournalFrame second));
        Assert.Equal(8, second.Type);
        Assert.True(second.Payload.SequenceEqual(new byte[] { 1, 2, 3 }));
        Assert.Equal(afterBoth, tailer.Position);
    }

    [Fact]
    public void TryClaim_WhileClaimPending_ReturnsClaimPending_AndAbortFreesTheSlotAndSequence()
    {
        using var temp = new TempJournalDirectory();
        using var writer = ExclusiveJournalWriter.Open(Options(temp.Journal));
        Assert.True(writer.TryClaim(1, 8, 0, out Span<byte> first) > 0);
        first.Fill(0xFF);
        Assert.Equal(JournalWriteResult.ClaimPending, writer.TryClaim(1, 8, 0, out _));
        writer.Abort();
        Assert.Equal(JournalWriteResult.NotClaimed, writer.Commit());

        writer.Append(2, new byte[] { 1 }, 0);
        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out JournalFrame frame));
        Assert.Equal(1, frame.Sequence);
        Assert.Equal(2, frame.Type);
        Assert.Equal(JournalReadResult.NoFrame, tailer.TryRead(out _));
    }

    [Fact]
    public void TryClaim_WithBadArguments_ReturnsCodes()
    {
        using var temp = new TempJournalDirectory();
        var writer = ExclusiveJournalWriter.Open(Options(temp.Journal));
        Assert.Equal(JournalWriteResult.InvalidLength, writer.TryClaim(1, writer.MaxPayloadLength + 1, 0, out _));
        Assert.Equal(JournalWriteResult.InvalidLength, writer.TryClaim(1, -1, 0, out _));
        Assert.Equal(JournalWriteResult.InvalidType, writer.TryClaim(-1, 8, 0, out _));
        Assert.True(writer.Append(1, new byte[writer.MaxPayloadLength], 0) > 0);
        writer.Dispose();
        Assert.Equal(JournalWriteResult.Closed, writer.TryClaim(1, 8, 0, out _));
    }

    [Fact]
    public void Reopen_ContinuesSequenceAndPosition()
    {
        using var temp = new TempJournalDirectory();
        long positionBefore;
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 8192)))
        {
            AppendFrames(writer, 200, payloadLength: 40);
            positionBefore = writer.Position;
        }

        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 8192)))
        {
            Assert.False(writer.Recovery.CreatedNew);
            Assert.False(writer.Recovery.Truncated);
            Assert.Equal(201, writer.NextSequence);
            Assert.Equal(positionBefore, writer.Position);
            AppendFrames(writer, 100, payloadLength: 40);
        }

        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        var frames = ReadAll(tailer);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), frames.Select(f => f.Sequence));
    }

    [Fact]
    public void Reopen_RightAfterARoll_ContinuesSequenceInTheEmptyActiveSegment()
    {
        using var temp = new TempJournalDirectory();
        long rolls;
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4096)))
        {
            // Frames must leave room for the end-of-segment header: 41 frames of 96 bytes fit, the 42nd rolls.
            AppendFrames(writer, 42, payloadLength: 64);
            rolls = writer.Rolls;
        }

        Assert.Equal(1, rolls);
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4096)))
        {
            Assert.Equal(43, writer.NextSequence);
            Assert.Equal(1, writer.ActiveSegmentIndex);
        }
    }

    [Fact]
    public void Open_WithDifferentSegmentLength_IsRefused()
    {
        using var temp = new TempJournalDirectory();
        using (ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 8192)))
        {
        }

        var error = Assert.Throws<InvalidDataException>(() => ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 16384)));
        Assert.Contains("cannot change", error.Message);
    }

    [Fact]
    public void SegmentFiles_AreCreatedOwnerOnly()
    {
        using var temp = new TempJournalDirectory();
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4096)))
        {
            AppendFrames(writer, 100, payloadLength: 64);
        }

        string[] files = Directory.GetFiles(temp.Journal);
        Assert.True(files.Length >= 3);
        foreach (string file in files)
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void Append_AfterWarmUp_AllocatesNothing()
    {
        using var temp = new TempJournalDirectory();
        using var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4 * 1024 * 1024));
        byte[] payload = new byte[64];
        for (int i = 0; i < 1000; i++)
        {
            writer.Append(1, payload, i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            writer.Append(1, payload, i);
            writer.TryClaim(2, 64, i, out Span<byte> claimed);
            claimed[0] = 1;
            writer.Commit();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(21_001, writer.NextSequence);
    }

    [Fact]
    public void Append_AcrossManySmallSegments_RollsAndKeepsEveryFrame()
    {
        using var temp = new TempJournalDirectory();
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4096)))
        {
            AppendFrames(writer, 1000, payloadLength: 100);
            Assert.True(writer.Rolls >= 30, $"rolls {writer.Rolls}");
            Assert.Null(writer.BackgroundFailure);
        }

        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        var frames = ReadAll(tailer);
        Assert.Equal(1000, frames.Count);
        Assert.Equal(Payload(1000, 100), frames[^1].Payload);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), frames.Select(f => f.Sequence));
    }
}
