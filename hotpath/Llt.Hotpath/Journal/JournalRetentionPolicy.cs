namespace Llt.Hotpath.Journal;

/// <summary>
/// Which completed segments to keep. A segment goes when any limit says so; zero means "no limit". The
/// active segment (and any pre-created spare after it) is never touched.
/// </summary>
public sealed class JournalRetentionPolicy
{
    public static readonly JournalRetentionPolicy KeepAll = new();

    /// <summary>Keep at most this many segments, the active one included.</summary>
    public int MaxSegments { get; init; }

    /// <summary>Keep at most this many bytes of segment files, the active one included.</summary>
    public long MaxBytes { get; init; }

    /// <summary>Drop completed segments created longer ago than this.</summary>
    public long MaxAgeMs { get; init; }

    public JournalRetentionMode Mode { get; init; } = JournalRetentionMode.Delete;

    /// <summary>Required when <see cref="Mode"/> is <see cref="JournalRetentionMode.Archive"/>.</summary>
    public string? ArchiveDirectory { get; init; }

    public bool IsEnabled => MaxSegments > 0 || MaxBytes > 0 || MaxAgeMs > 0;

    public void Validate()
    {
        if (MaxSegments < 0 || MaxBytes < 0 || MaxAgeMs < 0)
        {
            JournalThrowHelper.ThrowArgument(nameof(JournalRetentionPolicy), "retention limits must be >= 0 (0 = no limit)");
        }

        if (Mode == JournalRetentionMode.Archive && string.IsNullOrWhiteSpace(ArchiveDirectory))
        {
            JournalThrowHelper.ThrowArgument(nameof(ArchiveDirectory), "archive retention needs an ArchiveDirectory");
        }
    }
}
