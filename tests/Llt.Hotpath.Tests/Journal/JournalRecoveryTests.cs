using Llt.Hotpath.Journal;
using static Llt.Hotpath.Tests.Journal.JournalTestSupport;

namespace Llt.Hotpath.Tests.Journal;

public sealed class JournalRecoveryTests
{
    // 40-byte payloads make 72-byte frames, already 8-byte aligned.
    private const int PayloadLength = 40;
    private const int FrameLength = JournalDescriptor.FrameHeaderLength + PayloadLength;

    private static long FrameOffset(int sequence) => JournalDescriptor.SegmentHeaderLength + ((sequence - 1) * (long)FrameLength);

    private static string WriteTenFrames(TempJournalDirectory temp)
    {
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal)))
        {
            AppendFrames(writer, 10, PayloadLength);
        }

        return SegmentPath(temp.Journal, 0);
    }

    private static void Patch(string path, long offset, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        stream.Write(bytes);
    }

    private static byte[] ReadBytes(string path, long offset, int length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
        stream.Position = offset;
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static JournalRecoveryReport Reopen(TempJournalDirectory temp, int appendAfter = 0)
    {
        using var writer = ExclusiveJournalWriter.Open(Options(temp.Journal));
        AppendFrames(writer, appendAfter, PayloadLength);
        return writer.Recovery;
    }

    [Fact]
    public void Reopen_AfterCleanClose_DropsNothing()
    {
        using var temp = new TempJournalDirectory();
        WriteTenFrames(temp);
        JournalRecoveryReport report = Reopen(temp);
        Assert.False(report.Truncated);
        Assert.Equal(0, report.DroppedFrames);
        Assert.Equal(10, report.ValidFramesScanned);
        Assert.Equal(11, report.NextSequence);
    }

    [Fact]
    public void Reopen_WithLastFrameCutInHalf_TruncatesToPreviousFrameAndZeroesTheTail()
    {
        using var temp = new TempJournalDirectory();
        string segment = WriteTenFrames(temp);
        Patch(segment, FrameOffset(10) + (FrameLength / 2), new byte[FrameLength / 2]);

        JournalRecoveryReport report = Reopen(temp);

        Assert.True(report.Truncated);
        Assert.Equal(1, report.DroppedFrames);
        Assert.InRange(report.DroppedBytes, 1, FrameLength);
        Assert.Equal(10, report.NextSequence);
        Assert.Equal(FrameOffset(10), report.TailPosition);
        Assert.All(ReadBytes(segment, FrameOffset(10), FrameLength), b => Assert.Equal(0, b));
        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        Assert.Equal(9, ReadAll(tailer).Count);
    }

    [Fact]
    public void Reopen_WithGarbageAfterTheTail_KeepsAllFramesAndZeroesTheGarbage()
    {
        using var temp = new TempJournalDirectory();
        string segment = WriteTenFrames(temp);
        var garbage = new byte[500];
        new Random(3).NextBytes(garbage);
        garbage[0] = 0x5A; // a non-zero length field, so the tail is not simply "unwritten"
        Patch(segment, FrameOffset(11), garbage);

        JournalRecoveryReport report = Reopen(temp, appendAfter: 5);

        Assert.True(report.Truncated);
        Assert.InRange(report.DroppedBytes, 493, 504); // cleared in whole 8-byte words
        Assert.Equal(11, report.NextSequence);
        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        var frames = ReadAll(tailer);
        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), frames.Select(f => f.Sequence));
        Assert.Equal(JournalReadResult.NoFrame, tailer.TryRead(out _));
    }

    [Fact]
    public void Reopen_WithAZeroedLengthInTheMiddle_TruncatesThereAndCountsTheFramesAfterIt()
    {
        using var temp = new TempJournalDirectory();
        string segment = WriteTenFrames(temp);
        Patch(segment, FrameOffset(5), new byte[sizeof(int)]);

        JournalRecoveryReport report = Reopen(temp);

        Assert.Equal(5, report.NextSequence);
        Assert.Equal(6, report.DroppedFrames);
        Assert.Equal(6L * FrameLength, report.DroppedBytes);
        Assert.Contains("torn write", report.Reason);
        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        Assert.Equal(4, ReadAll(tailer).Count);
    }

    [Fact]
    public void Reopen_WithACorruptedChecksumInTheMiddle_TruncatesThereAndReports()
    {
        using var temp = new TempJournalDirectory();
        string segment = WriteTenFrames(temp);
        byte[] checksum = ReadBytes(segment, FrameOffset(5) + JournalDescriptor.ChecksumOffset, 1);
        Patch(segment, FrameOffset(5) + JournalDescriptor.ChecksumOffset, new[] { (byte)(checksum[0] ^ 0x01) });

        JournalRecoveryReport report = Reopen(temp, appendAfter: 3);

        Assert.Equal(5, report.NextSequence);
        Assert.Equal(6, report.DroppedFrames);
        Assert.Equal(6L * FrameLength, report.DroppedBytes);
        Assert.Contains("CRC32C", report.Reason);
        Assert.Contains("dropped 6 frame(s)", report.ToString());
        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), ReadAll(tailer).Select(f => f.Sequence));
    }

    [Fact]
    public void TryRead_OfAFrameWithOneFlippedPayloadBit_ReturnsCorruptedAndStays()
    {
        using var temp = new TempJournalDirectory();
        string segment = WriteTenFrames(temp);
        long at = FrameOffset(3) + JournalDescriptor.FrameHeaderLength + 7;
        byte original = ReadBytes(segment, at, 1)[0];
        Patch(segment, at, new[] { (byte)(original ^ 0x10) });

        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out _));
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out _));
        long position = tailer.Position;
        Assert.Equal(JournalReadResult.Corrupted, tailer.TryRead(out _));
        Assert.Equal(position, tailer.Position);
    }

    [Fact]
    public void Open_SegmentWithWrongMagic_IsRefusedWithClearMessage()
    {
        using var temp = new TempJournalDirectory();
        string segment = WriteTenFrames(temp);
        Patch(segment, JournalDescriptor.MagicOffset, "NOTJRNL!"u8);

        var writerError = Assert.Throws<InvalidDataException>(() => ExclusiveJournalWriter.Open(Options(temp.Journal)));
        Assert.Contains("wrong magic", writerError.Message);
        var tailerError = Assert.Throws<InvalidDataException>(() => JournalTailer.OpenAtStart(temp.Journal));
        Assert.Contains("wrong magic", tailerError.Message);
    }

    [Fact]
    public void Open_SegmentWithWrongSize_IsRefusedWithClearMessage()
    {
        using var temp = new TempJournalDirectory();
        string segment = WriteTenFrames(temp);
        using (var stream = new FileStream(segment, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.SetLength(40_000);
        }

        var writerError = Assert.Throws<InvalidDataException>(() => ExclusiveJournalWriter.Open(Options(temp.Journal)));
        Assert.Contains("wrong size", writerError.Message);
        var tailerError = Assert.Throws<InvalidDataException>(() => JournalTailer.OpenAtStart(temp.Journal));
        Assert.Contains("wrong size", tailerError.Message);
    }

    [Fact]
    public void Open_SegmentWithUnknownVersion_IsRefused()
    {
        using var temp = new TempJournalDirectory();
        string segment = WriteTenFrames(temp);
        Patch(segment, JournalDescriptor.VersionOffset, BitConverter.GetBytes(99));

        var error = Assert.Throws<InvalidDataException>(() => ExclusiveJournalWriter.Open(Options(temp.Journal)));
        Assert.Contains("unsupported layout version 99", error.Message);
    }

    [Fact]
    public void Open_SegmentWhoseIndexDoesNotMatchItsName_IsRefused()
    {
        using var temp = new TempJournalDirectory();
        string segment = WriteTenFrames(temp);
        File.Move(segment, SegmentPath(temp.Journal, 5));

        var error = Assert.Throws<InvalidDataException>(() => JournalTailer.OpenAtStart(temp.Journal));
        Assert.Contains("does not match the file name", error.Message);
    }

    [Fact]
    public void Open_MissingDirectory_IsRefusedWithClearMessage()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => JournalTailer.OpenAtStart("/tmp/llt-journal-does-not-exist-" + Guid.NewGuid().ToString("N")));
        Assert.Contains("journal directory does not exist", error.Message);
    }
}
