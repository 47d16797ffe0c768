using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Tests.Journal;

/// <summary>
/// A fact that needs a directory on a filesystem with writeback (ext4, xfs: pages written back to a device and
/// write-protected when cleaned), found in <see cref="Root"/>; skipped when /var/tmp and /tmp are both tmpfs.
/// </summary>
public sealed class WritebackFilesystemFactAttribute : FactAttribute
{
    public WritebackFilesystemFactAttribute()
    {
        if (Root == null)
        {
            Skip = "no writeback filesystem: /var/tmp and /tmp are both in memory (tmpfs), where journal pages are never written back";
        }
    }

    /// <summary>/var/tmp (disk-backed by convention), else /tmp, when on a filesystem with writeback; else null.</summary>
    public static string? Root { get; } = FindRoot();

    private static string? FindRoot()
    {
        foreach (string candidate in new[] { "/var/tmp", "/tmp" })
        {
            if (Directory.Exists(candidate) && !MappedFile.IsOnMemoryFileSystem(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
