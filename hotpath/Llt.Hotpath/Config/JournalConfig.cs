namespace Llt.Hotpath.Config;

/// <summary>Where and how the engine journals (see docs/JOURNAL.md for what each fsync policy promises).</summary>
public sealed class JournalConfig
{
    public const long DefaultSegmentLength = 64L * 1024 * 1024;

    /// <summary>Directory of segment files; created 0700 when missing.</summary>
    public string Directory { get; init; } = "data/journal";

    /// <summary>Bytes per segment file, a power of two between 64 KiB and 1 GiB.</summary>
    public long SegmentLength { get; init; } = DefaultSegmentLength;

    /// <summary>"none", "roll" or "periodic:&lt;duration&gt;" (e.g. periodic:100ms).</summary>
    public string Fsync { get; init; } = "none";

    /// <summary>Whole segments to keep behind the active one; 0 keeps everything.</summary>
    public int RetainSegments { get; init; }

    /// <summary>Where retired segments go instead of being deleted; null deletes them.</summary>
    public string? ArchiveDirectory { get; init; }

    /// <summary>Journal every accepted market data tick (off: only orders, fills, risk and control).</summary>
    public bool JournalTicks { get; init; } = true;
}
