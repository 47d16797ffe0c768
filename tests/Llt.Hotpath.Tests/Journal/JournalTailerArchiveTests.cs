using Llt.Hotpath.Journal;
using static Llt.Hotpath.Tests.Journal.JournalTestSupport;

namespace Llt.Hotpath.Tests.Journal;

/// <summary>
/// A reader behind retention: the segments it has not read yet are moved to the archive (engine.journal.archiveDir)
/// or deleted while it reads. With the archive it reads every frame from wherever the segment is; without one it
/// skips to what is left instead of waiting forever at the end of a segment whose successor is gone.
/// </summary>
public sealed class JournalTailerArchiveTests
{
    private static List<long> Indices(string directory) => JournalDirectory.ListSegmentIndices(directory);

    private static void MoveToArchive(string journal, string archive, long index)
    {
        Directory.CreateDirectory(archive);
        File.Move(SegmentPath(journal, index), SegmentPath(archive, index));
    }

    private static List<long> ReadSequences(JournalTailer tailer)
    {
        var sequences = new List<long>();
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            sequences.Add(frame.Sequence);
        }

        return sequences;
    }

    [Fact]
    public void OpenAtSequence_OfAnArchivedFrame_ReadsOnThroughTheArchiveIntoTheJournal()
    {
        using var temp = new TempJournalDirectory();
        string archive = Path.Combine(temp.Path, "archive");
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4096)))
        {
            AppendFrames(writer, 400, payloadLength: 64);
        }

        List<long> segments = Indices(temp.Journal);
        Assert.True(segments.Count > 6, $"want several segments, have {segments.Count}");
        for (int i = 0; i < 4; i++)
        {
            MoveToArchive(temp.Journal, archive, segments[i]);
        }

        using var tailer = JournalTailer.OpenAtSequence(temp.Journal, 2, archiveDirectory: archive);

        Assert.Equal([.. Enumerable.Range(2, 399).Select(i => (long)i)], ReadSequences(tailer));
        // without the archive the same sequence starts at the journal's first segment still there: a gap
        using var withoutArchive = JournalTailer.OpenAtSequence(temp.Journal, 2);
        Assert.True(withoutArchive.TryRead(out JournalFrame first) == JournalReadResult.FrameRead && first.Sequence > 2);
    }

    [Fact]
    public void TryRead_WhenTheNextSegmentIsArchivedWhileReading_FollowsItIntoTheArchive()
    {
        using var temp = new TempJournalDirectory();
        string archive = Path.Combine(temp.Path, "archive");
        using var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4096));
        AppendFrames(writer, 300, payloadLength: 64);
        using var tailer = JournalTailer.OpenAtSequence(temp.Journal, 1, archiveDirectory: archive);
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out _));
        long reading = tailer.SegmentIndex;
        List<long> segments = Indices(temp.Journal);

        // retention moves the segment being read and the next two behind the reader's back
        foreach (long index in segments.Where(i => i >= reading && i <= reading + 2))
        {
            MoveToArchive(temp.Journal, archive, index);
        }

        List<long> read = ReadSequences(tailer);
        Assert.Equal([.. Enumerable.Range(2, 299).Select(i => (long)i)], read);
        AppendFrames(writer, 5, payloadLength: 64);
        Assert.Equal([301L, 302, 303, 304, 305], ReadSequences(tailer));
    }

    [Fact]
    public void TryRead_WhenRetentionDeletedTheSegmentsAhead_SkipsToTheOldestSegmentLeft()
    {
        using var temp = new TempJournalDirectory();
        using (var writer = ExclusiveJournalWriter.Open(Options(temp.Journal, segmentLength: 4096)))
        {
            AppendFrames(writer, 300, payloadLength: 64);
        }

        using var tailer = JournalTailer.OpenAtSequence(temp.Journal, 1);
        Assert.Equal(JournalReadResult.FrameRead, tailer.TryRead(out _));
        long reading = tailer.SegmentIndex;
        // retention without an archive deletes oldest first: the segment being read (it stays mapped) and the next two
        File.Delete(SegmentPath(temp.Journal, reading));
        File.Delete(SegmentPath(temp.Journal, reading + 1));
        File.Delete(SegmentPath(temp.Journal, reading + 2));

        List<long> read = ReadSequences(tailer);

        // no wait at the end of the segment: the rest is read, with the deleted segments' sequences missing
        Assert.Equal(300, read[^1]);
        Assert.True(read.Zip(read.Skip(1)).Count(p => p.Second != p.First + 1) == 1, "expected exactly one gap");
        Assert.True(read.Count < 299);
    }
}
