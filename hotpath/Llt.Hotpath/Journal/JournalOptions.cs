namespace Llt.Hotpath.Journal;

/// <summary>
/// Configuration of a journal writer, validated once by <see cref="Validate"/>; the writer copies the values
/// and never reads the options again.
/// </summary>
public sealed class JournalOptions
{
    public required string Directory { get; init; }

    /// <summary>Bytes per segment file: a multiple of 4096 in [4 KiB, 1 GiB]. Default 64 MiB.</summary>
    public long SegmentLength { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Fault every page of each new segment in writable before the writer uses it, and keep the pages ahead of the
    /// writer writable after the kernel writes them back (the writer's pre-toucher thread; not on tmpfs).
    /// </summary>
    public bool PreTouch { get; init; } = true;

    public JournalFsyncPolicy FsyncPolicy { get; init; } = JournalFsyncPolicy.None;

    /// <summary>Interval of <see cref="JournalFsyncPolicy.Periodic"/>.</summary>
    public int FsyncIntervalMs { get; init; } = 100;

    public JournalRetentionPolicy Retention { get; init; } = JournalRetentionPolicy.KeepAll;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            JournalThrowHelper.ThrowArgument(nameof(Directory), "journal directory is required");
        }

        if (SegmentLength < JournalDescriptor.MinSegmentLength || SegmentLength > JournalDescriptor.MaxSegmentLength
            || (SegmentLength & 4095) != 0)
        {
            JournalThrowHelper.ThrowArgument(nameof(SegmentLength),
                $"segment length {SegmentLength} must be a multiple of 4096 in [{JournalDescriptor.MinSegmentLength}, {JournalDescriptor.MaxSegmentLength}]");
        }

        if (FsyncPolicy == JournalFsyncPolicy.Periodic && FsyncIntervalMs <= 0)
        {
            JournalThrowHelper.ThrowArgument(nameof(FsyncIntervalMs), "periodic fsync needs an interval > 0 ms");
        }

        Retention.Validate();
    }
}
