using Microsoft.Win32.SafeHandles;

namespace Llt.Hotpath.Journal;

/// <summary>
/// Deletes or archives whole segments older than the active one, oldest first, while any limit of the
/// policy is exceeded. Runs on the writer's background thread after each roll, or from tools.
/// </summary>
public static class JournalRetention
{
    /// <summary>
    /// Applies <paramref name="policy"/> to <paramref name="directory"/>; segments at or after
    /// <paramref name="activeSegmentIndex"/> are never touched. Returns how many segments were removed.
    /// </summary>
    public static int Apply(string directory, JournalRetentionPolicy policy, long activeSegmentIndex, long nowUnixNs)
    {
        policy.Validate();
        if (!policy.IsEnabled)
        {
            return 0;
        }

        List<long> indices = JournalDirectory.ListSegmentIndices(directory);
        long totalBytes = 0;
        int keptCount = 0;
        foreach (long index in indices)
        {
            if (index > activeSegmentIndex)
            {
                // A pre-created spare holds no frames yet; it does not count against the limits.
                break;
            }

            totalBytes += new FileInfo(JournalDescriptor.SegmentPath(directory, index)).Length;
            keptCount++;
        }

        int removed = 0;
        foreach (long index in indices)
        {
            if (index >= activeSegmentIndex)
            {
                break;
            }

            string path = JournalDescriptor.SegmentPath(directory, index);
            long length = new FileInfo(path).Length;
            bool overCount = policy.MaxSegments > 0 && keptCount > policy.MaxSegments;
            bool overBytes = policy.MaxBytes > 0 && totalBytes > policy.MaxBytes;
            bool tooOld = policy.MaxAgeMs > 0 && nowUnixNs - ReadCreationTimeNs(path) > policy.MaxAgeMs * 1_000_000;
            if (!overCount && !overBytes && !tooOld)
            {
                // Segments are in creation order: once the oldest is within every limit, the rest are too.
                break;
            }

            if (policy.Mode == JournalRetentionMode.Archive)
            {
                Directory.CreateDirectory(policy.ArchiveDirectory!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                File.Move(path, Path.Combine(policy.ArchiveDirectory!, Path.GetFileName(path)));
            }
            else
            {
                File.Delete(path);
            }

            totalBytes -= length;
            keptCount--;
            removed++;
        }

        return removed;
    }

    private static long ReadCreationTimeNs(string path)
    {
        Span<byte> header = stackalloc byte[JournalDescriptor.SegmentHeaderLength];
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (RandomAccess.Read(handle, header, 0) < header.Length)
        {
            JournalThrowHelper.ThrowInvalidData($"{path}: wrong size, shorter than a segment header");
        }

        return BitConverter.ToInt64(header.Slice(JournalDescriptor.CreationTimeNsOffset, sizeof(long)));
    }
}
