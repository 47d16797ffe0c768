using System.Globalization;

namespace Llt.Hotpath.Journal;

/// <summary>Finds the segment files of a journal directory (never on the hot path).</summary>
public static class JournalDirectory
{
    /// <summary>Segment indices present in <paramref name="directory"/>, ascending; temporary files are ignored.</summary>
    public static List<long> ListSegmentIndices(string directory)
    {
        if (!Directory.Exists(directory))
        {
            JournalThrowHelper.ThrowDirectoryNotFound($"{directory}: journal directory does not exist");
        }

        var indices = new List<long>();
        foreach (string path in Directory.EnumerateFiles(directory, "*" + JournalDescriptor.SegmentFileSuffix))
        {
            string name = Path.GetFileName(path);
            string stem = name.Substring(0, name.Length - JournalDescriptor.SegmentFileSuffix.Length);
            if (!long.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out long index))
            {
                JournalThrowHelper.ThrowInvalidData($"{path}: not a segment file name (expected {{index:D16}}{JournalDescriptor.SegmentFileSuffix})");
            }

            indices.Add(index);
        }

        indices.Sort();
        for (int i = 1; i < indices.Count; i++)
        {
            if (indices[i] != indices[i - 1] + 1)
            {
                JournalThrowHelper.ThrowInvalidData(
                    $"{directory}: segments {indices[i - 1]} and {indices[i]} are not contiguous; segment {indices[i - 1] + 1} is missing");
            }
        }

        return indices;
    }

    /// <summary>The segment length every segment of the journal shares, read from its first segment.</summary>
    internal static long ReadSegmentLength(string directory, long firstIndex)
    {
        using JournalSegment segment = JournalSegment.Open(JournalDescriptor.SegmentPath(directory, firstIndex), firstIndex, writable: false);
        return segment.SegmentLength;
    }
}
