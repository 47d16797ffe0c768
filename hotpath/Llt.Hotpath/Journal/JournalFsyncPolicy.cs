namespace Llt.Hotpath.Journal;

/// <summary>
/// When the journal asks the kernel to write mapped pages to the device (msync MS_SYNC). A frame is in the
/// page cache the moment it is committed, so every policy survives a process crash; they differ only on
/// power loss or kernel panic. docs/JOURNAL.md states exactly what each one promises.
/// </summary>
public enum JournalFsyncPolicy
{
    /// <summary>Never msync; the kernel writes back dirty pages on its own schedule (dirty_expire_centisecs).</summary>
    None = 0,

    /// <summary>The background thread msyncs what was committed every <see cref="JournalOptions.FsyncIntervalMs"/>.</summary>
    Periodic = 1,

    /// <summary>The background thread msyncs each segment as soon as the writer rolls past it, and on close.</summary>
    OnRoll = 2,
}
