namespace Llt.Hotpath.Journal;

/// <summary>Outcome of <see cref="JournalTailer.TryRead"/>.</summary>
public enum JournalReadResult
{
    /// <summary>A frame was read and the tailer advanced past it.</summary>
    FrameRead = 0,

    /// <summary>Caught up with the writer: nothing committed at the current position yet.</summary>
    NoFrame = 1,

    /// <summary>The frame at the current position fails its length or checksum check; the tailer stays put.</summary>
    Corrupted = 2,
}
