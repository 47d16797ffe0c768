namespace Llt.Hotpath.Journal;

/// <summary>What retention does with a segment it no longer keeps.</summary>
public enum JournalRetentionMode
{
    Delete = 0,

    /// <summary>Move the file into <see cref="JournalRetentionPolicy.ArchiveDirectory"/> (same file name).</summary>
    Archive = 1,
}
