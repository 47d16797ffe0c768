using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Journal;

/// <summary>
/// Follows a journal by position, live, across segments; one thread per tailer, any number of tailers, in
/// this process or another (segments are mapped read-only). A frame becomes visible once the writer has
/// published its length, so a tailer never sees half a frame. Reading within a segment allocates nothing;
/// moving to the next segment opens and maps its file.
/// </summary>
/// <example>
/// <code>
/// using var tailer = JournalTailer.OpenAtSequence("/var/lib/llt/journal", lastDeliveredSequence + 1);
/// while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
/// {
///     sink.Write(frame.Sequence, frame.Type, frame.Payload);
/// }
/// </code>
/// </example>
public sealed unsafe class JournalTailer : IDisposable
{
    private readonly string _directory;
    // where retention moves retired segments (engine.journal.archiveDir), or null: a segment missing from the
    // directory is looked for there, so a reader that falls behind retention reads on instead of stalling
    private readonly string? _archiveDirectory;
    private readonly bool _verifyChecksums;
    private JournalSegment _segment;
    private byte* _segmentPointer;
    private long _segmentLength;
    private long _segmentBasePosition;
    private int _offset;

    private JournalTailer(string directory, JournalSegment segment, int offset, bool verifyChecksums, string? archiveDirectory = null)
    {
        _directory = directory;
        _archiveDirectory = archiveDirectory;
        _verifyChecksums = verifyChecksums;
        _segment = segment;
        _segmentPointer = segment.Pointer;
        _segmentLength = segment.SegmentLength;
        _segmentBasePosition = segment.BasePosition;
        _offset = offset;
    }

    /// <summary>Position of the next frame this tailer reads.</summary>
    public long Position => _segmentBasePosition + _offset;

    public long SegmentIndex => _segment.Index;

    /// <summary>Result of the last read made by <see cref="Poll{THandler}"/>.</summary>
    public JournalReadResult LastReadResult { get; private set; }

    /// <summary>Opens at the first frame still on disk.</summary>
    public static JournalTailer OpenAtStart(string directory, bool verifyChecksums = true)
    {
        List<long> indices = ListOrThrow(directory);
        JournalSegment segment = OpenSegment(directory, indices[0]);
        return new JournalTailer(directory, segment, JournalDescriptor.SegmentHeaderLength, verifyChecksums);
    }

    /// <summary>
    /// Opens at <paramref name="position"/>, which must be a frame boundary at or before the current end (for
    /// example a <see cref="JournalFrame.NextPosition"/> a sink recorded).
    /// </summary>
    public static JournalTailer OpenAtPosition(string directory, long position, bool verifyChecksums = true)
    {
        List<long> indices = ListOrThrow(directory);
        long segmentLength = JournalDirectory.ReadSegmentLength(directory, indices[0]);
        long index = JournalDescriptor.SegmentIndex(position, segmentLength);
        int target = JournalDescriptor.SegmentOffset(position, segmentLength);
        if (position < 0 || index < indices[0] || index > indices[^1])
        {
            JournalThrowHelper.ThrowArgument(nameof(position),
                $"position {position} is outside the journal (segments {indices[0]}..{indices[^1]} of {segmentLength} bytes)");
        }

        if (target < JournalDescriptor.SegmentHeaderLength)
        {
            // The start of a segment file is its header; the first frame follows it.
            target = JournalDescriptor.SegmentHeaderLength;
        }

        var tailer = new JournalTailer(directory, OpenSegment(directory, index), JournalDescriptor.SegmentHeaderLength, verifyChecksums);
        while (tailer._offset < target)
        {
            // acquire: a frame whose length is visible is complete (the writer publishes the length last)
            int frameLength = Volatile.Read(ref *(int*)(tailer._segmentPointer + tailer._offset));
            int alignedLength = tailer._segment.CheckFrame(tailer._offset, frameLength, verifyChecksum: false);
            if (alignedLength <= 0)
            {
                tailer.Dispose();
                JournalThrowHelper.ThrowArgument(nameof(position),
                    $"position {position} is beyond the end of the journal or inside a damaged region (stopped at {tailer.Position})");
            }

            tailer._offset += alignedLength;
        }

        if (tailer._offset != target)
        {
            tailer.Dispose();
            JournalThrowHelper.ThrowArgument(nameof(position), $"position {position} is not a frame boundary");
        }

        return tailer;
    }

    /// <summary>
    /// Opens at the first frame whose sequence is >= <paramref name="sequence"/>: the earliest frame when
    /// retention removed older ones, the current end when that sequence is not written yet. Found by reading
    /// each segment's initial sequence, then scanning one segment.
    /// </summary>
    /// <param name="archiveDirectory">
    /// Where retention moves the directory's retired segments (null: nowhere, they are deleted). Segments are then
    /// looked for in both, the directory first, so the tailer starts in the archive when the sequence is only there and
    /// follows the segments from one to the other as it reads, also when retention moves them while it reads.
    /// </param>
    public static JournalTailer OpenAtSequence(string directory, long sequence, bool verifyChecksums = true, string? archiveDirectory = null)
    {
        List<long> indices = ListOrThrow(directory);
        if (archiveDirectory is not null && Directory.Exists(archiveDirectory))
        {
            var all = new SortedSet<long>(indices);
            all.UnionWith(JournalDirectory.ListSegmentIndices(archiveDirectory));
            indices = [.. all];
        }

        long chosen = indices[0];
        for (int i = indices.Count - 1; i > 0; i--)
        {
            using JournalSegment? candidate = TryOpenSegment(directory, archiveDirectory, indices[i]);
            long initial = candidate?.InitialSequence ?? 0;
            if (initial != 0 && initial <= sequence)
            {
                chosen = indices[i];
                break;
            }
        }

        JournalSegment segment = TryOpenSegment(directory, archiveDirectory, chosen)
            ?? OpenSegment(directory, chosen); // gone from both meanwhile: fails naming the file
        var tailer = new JournalTailer(directory, segment, JournalDescriptor.SegmentHeaderLength, verifyChecksums, archiveDirectory);
        tailer.SeekSequence(sequence);
        return tailer;
    }

    /// <summary>Opens at the current end of the journal: only frames committed from now on are read.</summary>
    public static JournalTailer OpenAtEnd(string directory, bool verifyChecksums = true) =>
        OpenAtSequence(directory, long.MaxValue, verifyChecksums);

    private void SeekSequence(long sequence)
    {
        while (true)
        {
            if (TryRead(out JournalFrame frame) != JournalReadResult.FrameRead)
            {
                return;
            }

            if (frame.Sequence >= sequence)
            {
                // Step back onto this frame; it is in the current segment even when the read crossed a roll.
                _offset = (int)(frame.Position - _segmentBasePosition);
                return;
            }
        }
    }

    /// <summary>
    /// Reads the frame at <see cref="Position"/> and advances past it, following end-of-segment frames into
    /// the next segment. The frame's payload stays valid until the next call.
    /// </summary>
    public JournalReadResult TryRead(out JournalFrame frame)
    {
        while (true)
        {
            byte* header = _segmentPointer + _offset;
            // acquire: the checksum, header and payload the writer stored before the length are visible now
            int frameLength = Volatile.Read(ref *(int*)(header + JournalDescriptor.FrameLengthOffset));
            if (frameLength == 0)
            {
                frame = default;
                return JournalReadResult.NoFrame;
            }

            int alignedLength = JournalSegment.CheckFrame(_segmentPointer, _segmentLength, _offset, frameLength, _verifyChecksums);
            if (alignedLength < 0)
            {
                frame = default;
                return JournalReadResult.Corrupted;
            }

            int type = *(int*)(header + JournalDescriptor.TypeOffset);
            if (type == JournalDescriptor.EndOfSegmentType)
            {
                if (!MoveToNextSegment())
                {
                    frame = default;
                    return JournalReadResult.NoFrame;
                }

                continue;
            }

            frame = new JournalFrame(
                _segmentBasePosition + _offset,
                *(long*)(header + JournalDescriptor.SequenceOffset),
                type,
                *(long*)(header + JournalDescriptor.TimestampOffset),
                new ReadOnlySpan<byte>(header + JournalDescriptor.FrameHeaderLength, frameLength - JournalDescriptor.FrameHeaderLength));
            _offset += alignedLength;
            return JournalReadResult.FrameRead;
        }
    }

    /// <summary>Delivers up to <paramref name="frameLimit"/> frames to <paramref name="handler"/>; returns how many.</summary>
    public int Poll<THandler>(ref THandler handler, int frameLimit)
        where THandler : IJournalFrameHandler, allows ref struct
    {
        int read = 0;
        JournalReadResult result = JournalReadResult.NoFrame;
        while (read < frameLimit)
        {
            result = TryRead(out JournalFrame frame);
            if (result != JournalReadResult.FrameRead)
            {
                break;
            }

            handler.OnFrame(in frame);
            read++;
        }

        LastReadResult = result;
        return read;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool MoveToNextSegment()
    {
        long nextIndex = _segment.Index + 1;
        JournalSegment? next = TryOpenSegment(_directory, _archiveDirectory, nextIndex);
        if (next is null)
        {
            // The writer creates the next segment before it publishes the end-of-segment frame, so it was removed:
            // retention deleted it (or moved it where this tailer does not look) while this reader was behind.
            // Continue at the oldest segment still there after it; the reader sees the gap in the sequences.
            // With none after it the journal's later segments are gone: "nothing yet", not a failure.
            long later = OldestSegmentAfter(nextIndex);
            next = later < 0 ? null : TryOpenSegment(_directory, _archiveDirectory, later);
            if (next is null)
            {
                return false;
            }
        }

        _segment.Dispose();
        _segment = next;
        _segmentPointer = next.Pointer;
        _segmentLength = next.SegmentLength;
        _segmentBasePosition = next.BasePosition;
        _offset = JournalDescriptor.SegmentHeaderLength;
        return true;
    }

    private static List<long> ListOrThrow(string directory)
    {
        List<long> indices = JournalDirectory.ListSegmentIndices(directory);
        if (indices.Count == 0)
        {
            JournalThrowHelper.ThrowInvalidData($"{directory}: no journal segments ({{index:D16}}{JournalDescriptor.SegmentFileSuffix}) found");
        }

        return indices;
    }

    private static JournalSegment OpenSegment(string directory, long index) =>
        JournalSegment.Open(JournalDescriptor.SegmentPath(directory, index), index, writable: false);

    /// <summary>Segment <paramref name="index"/> from the directory, else from the archive; null when in neither.</summary>
    private static JournalSegment? TryOpenSegment(string directory, string? archiveDirectory, long index)
    {
        // A move between them is a rename, or a copy that deletes the source only once the copy is whole, so the
        // segment is always in one of them; opening can still lose the race with a move, hence the second look.
        for (int attempt = 0; attempt < 2; attempt++)
        {
            foreach (string? where in (ReadOnlySpan<string?>)[directory, archiveDirectory])
            {
                if (where is null)
                {
                    continue;
                }

                string path = JournalDescriptor.SegmentPath(where, index);
                if (!File.Exists(path))
                {
                    continue;
                }

                try
                {
                    return JournalSegment.Open(path, index, writable: false);
                }
                catch (FileNotFoundException)
                {
                    // moved away between the check and the open: look again
                }
            }
        }

        return null;
    }

    private long OldestSegmentAfter(long index)
    {
        long oldest = -1;
        foreach (string? where in (ReadOnlySpan<string?>)[_directory, _archiveDirectory])
        {
            if (where is null || !Directory.Exists(where))
            {
                continue;
            }

            foreach (long candidate in JournalDirectory.ListSegmentIndices(where))
            {
                if (candidate > index && (oldest < 0 || candidate < oldest))
                {
                    oldest = candidate;
                }
            }
        }

        return oldest;
    }

    public void Dispose() => _segment.Dispose();
}
