using Llt.Hotpath.Config;
using Llt.Hotpath.Journal;

namespace Llt.Hotpath.Engine;

/// <summary>
/// Where a restarted engine reads its history from: the journal directory, preceded by the archive directory
/// when retention moved the directory's older segments there (engine.journal.archiveDir) and the archived
/// segments run without a gap up to the directory's first. Positions, P&amp;L and runtime control changes are
/// rebuilt from all of it, so a hot journal on tmpfs with retention into an on-disk archive loses nothing at a
/// restart. Segments retention deleted (no archive), or an archive with a gap, leave history out:
/// <see cref="FirstSegment"/> is then above 0, and the engine says so at startup.
/// </summary>
public sealed class JournalHistory
{
    private JournalHistory(IReadOnlyList<JournalHistoryPart> parts, long firstSegment)
    {
        Parts = parts;
        FirstSegment = firstSegment;
    }

    /// <summary>Where to start reading, oldest first; each part is read to its end before the next.</summary>
    public IReadOnlyList<JournalHistoryPart> Parts { get; }

    /// <summary>Index of the oldest segment read; 0 when the history is complete.</summary>
    public long FirstSegment { get; }

    public bool IsComplete => FirstSegment == 0;

    public static JournalHistory Of(JournalConfig config)
    {
        string live = config.Directory;
        List<long> liveIndices = Directory.Exists(live) ? JournalDirectory.ListSegmentIndices(live) : [];
        if (liveIndices.Count == 0)
        {
            return new JournalHistory([], 0);
        }

        long first = liveIndices.Min();
        var liveStart = new JournalHistoryPart(live, -1);
        if (first == 0 || config.ArchiveDirectory is not { } archive || !Directory.Exists(archive))
        {
            return new JournalHistory([liveStart], first);
        }

        var archived = new HashSet<long>(JournalDirectory.ListSegmentIndices(archive));
        long start = first;
        while (archived.Contains(start - 1))
        {
            start--;
        }

        if (start == first)
        {
            return new JournalHistory([liveStart], first);
        }

        // from the oldest segment of the run that ends right below the live directory's first: an older, detached run in
        // the archive (another journal's, or one cut off by a deleted segment) is not this history's
        long position = (start * config.SegmentLength) + JournalDescriptor.SegmentHeaderLength;
        return new JournalHistory([new JournalHistoryPart(archive, position), liveStart], start);
    }
}

/// <summary>One directory of a <see cref="JournalHistory"/>, read from <see cref="Position"/> (-1: its first frame) to its end.</summary>
public readonly record struct JournalHistoryPart(string Directory, long Position)
{
    public JournalTailer Open() =>
        Position < 0 ? JournalTailer.OpenAtStart(Directory) : JournalTailer.OpenAtPosition(Directory, Position);
}
