using Llt.Hotpath.Journal;

namespace Llt.Shell.Sinks;

/// <summary>
/// Follows the newest frame of a journal (its sequence and wall-clock timestamp) so a sink can tell how far it
/// trails. Reads frame headers only (checksums off), on the sink's thread, a few times a second.
/// </summary>
public sealed class JournalHead : IDisposable
{
    private readonly string _directory;
    private JournalTailer? _tailer;

    public JournalHead(string directory)
    {
        _directory = directory;
    }

    /// <summary>Sequence of the newest frame seen (0: none yet).</summary>
    public long LastSequence { get; private set; }

    /// <summary>Timestamp of the oldest frame seen when this head started from the journal's beginning (0: none).</summary>
    public long FirstTimestampNs { get; private set; }

    /// <summary>Reads up to the writer's current end; false while the journal has no segment yet.</summary>
    public bool Refresh(long startSequence)
    {
        if (_tailer is null)
        {
            if (!HasSegments(_directory))
            {
                return false;
            }

            _tailer = JournalTailer.OpenAtSequence(_directory, Math.Max(1, startSequence), verifyChecksums: false);
        }

        while (_tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            if (FirstTimestampNs == 0)
            {
                FirstTimestampNs = frame.TimestampNs;
            }

            LastSequence = frame.Sequence;
        }

        return true;
    }

    /// <summary>True once the engine has created the journal (a directory holding at least one segment).</summary>
    public static bool HasSegments(string directory) =>
        Directory.Exists(directory) && JournalDirectory.ListSegmentIndices(directory).Count > 0;

    public void Dispose() => _tailer?.Dispose();
}
