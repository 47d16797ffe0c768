namespace Llt.Hotpath.Journal;

/// <summary>
/// Brings a journal directory to a state the writer can append to: validates every segment header, walks
/// the frames of the last non-empty segment (following end-of-segment frames), truncates at the first frame
/// whose length, checksum or sequence is wrong, zeroes what lies beyond, deletes segments after the active
/// one and says how much it dropped.
/// </summary>
internal static unsafe class JournalRecovery
{
    public static (JournalSegment Active, int TailOffset, long NextSequence, JournalRecoveryReport Report) Recover(JournalOptions options)
    {
        string directory = options.Directory;
        System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (string temporary in System.IO.Directory.EnumerateFiles(directory, "*" + JournalDescriptor.TemporaryFileSuffix))
        {
            // A segment whose creation was interrupted before its rename never held frames.
            File.Delete(temporary);
        }

        List<long> indices = JournalDirectory.ListSegmentIndices(directory);
        if (indices.Count == 0)
        {
            JournalSegment created = JournalSegment.Create(directory, 0, options.SegmentLength, options.PreTouch);
            created.InitialSequence = 1;
            long tail = created.BasePosition + JournalDescriptor.SegmentHeaderLength;
            return (created, JournalDescriptor.SegmentHeaderLength, 1,
                new JournalRecoveryReport(true, 0, 0, tail, 1, 0, 0, null));
        }

        foreach (long index in indices)
        {
            string path = JournalDescriptor.SegmentPath(directory, index);
            JournalSegment.CheckFile(path, index);
            long length = new FileInfo(path).Length;
            if (length != options.SegmentLength)
            {
                JournalThrowHelper.ThrowInvalidData(
                    $"{path}: the journal's segments are {length} bytes but the options ask for {options.SegmentLength}; positions depend on it, so it cannot change");
            }
        }

        int last = indices.Count - 1;
        while (last > 0 && FirstFrameLength(directory, indices[last]) == 0)
        {
            last--;
        }

        JournalSegment segment = JournalSegment.Open(JournalDescriptor.SegmentPath(directory, indices[last]), indices[last], writable: true);
        long expectedSequence = segment.InitialSequence;
        int offset = JournalDescriptor.SegmentHeaderLength;
        long validFrames = 0;
        int segmentsScanned = 1;
        string? reason = null;
        while (true)
        {
            byte* frame = segment.Pointer + offset;
            int frameLength = *(int*)frame;
            int alignedLength = segment.CheckFrame(offset, frameLength, verifyChecksum: true);
            if (alignedLength == 0)
            {
                break;
            }

            long position = segment.BasePosition + offset;
            if (alignedLength < 0)
            {
                reason = $"frame at position {position} fails its length or CRC32C check";
                break;
            }

            long sequence = *(long*)(frame + JournalDescriptor.SequenceOffset);
            if (expectedSequence != 0 && sequence != expectedSequence)
            {
                reason = $"frame at position {position} has sequence {sequence}, expected {expectedSequence}";
                break;
            }

            if (*(int*)(frame + JournalDescriptor.TypeOffset) == JournalDescriptor.EndOfSegmentType)
            {
                long nextIndex = segment.Index + 1;
                string nextPath = JournalDescriptor.SegmentPath(directory, nextIndex);
                JournalSegment next = File.Exists(nextPath)
                    ? JournalSegment.Open(nextPath, nextIndex, writable: true)
                    : JournalSegment.Create(directory, nextIndex, options.SegmentLength, options.PreTouch);
                // The end-of-segment frame is checksummed, so its sequence is the authority.
                next.InitialSequence = sequence;
                segment.Dispose();
                segment = next;
                offset = JournalDescriptor.SegmentHeaderLength;
                expectedSequence = sequence;
                segmentsScanned++;
                continue;
            }

            expectedSequence = sequence + 1;
            validFrames++;
            offset += alignedLength;
        }

        (long droppedFrames, long droppedBytes) = TruncateTail(segment, offset);
        if (droppedBytes > 0 && reason == null)
        {
            reason = $"no frame length at position {segment.BasePosition + offset} but non-zero bytes after it (torn write)";
        }

        foreach (long index in indices)
        {
            if (index <= segment.Index)
            {
                continue;
            }

            string path = JournalDescriptor.SegmentPath(directory, index);
            using (JournalSegment after = JournalSegment.Open(path, index, writable: true))
            {
                (long frames, long bytes) = TruncateTail(after, JournalDescriptor.SegmentHeaderLength);
                droppedFrames += frames;
                droppedBytes += bytes;
                if (bytes > 0)
                {
                    reason ??= $"segment {index} held frames after the recovered tail";
                }
            }

            File.Delete(path);
        }

        if (expectedSequence == 0)
        {
            if (segment.Index != 0)
            {
                segment.Dispose();
                JournalThrowHelper.ThrowInvalidData(
                    $"{segment.Path}: segment has no valid frame and no initial sequence; cannot continue the sequence");
            }

            expectedSequence = 1;
        }

        if (segment.InitialSequence == 0)
        {
            segment.InitialSequence = expectedSequence;
        }

        long tailPosition = segment.BasePosition + offset;
        var report = new JournalRecoveryReport(false, segmentsScanned, validFrames, tailPosition, expectedSequence,
            droppedFrames, droppedBytes, reason);
        return (segment, offset, expectedSequence, report);
    }

    private static int FirstFrameLength(string directory, long index)
    {
        using JournalSegment segment = JournalSegment.Open(JournalDescriptor.SegmentPath(directory, index), index, writable: false);
        return *(int*)(segment.Pointer + JournalDescriptor.SegmentHeaderLength);
    }

    /// <summary>
    /// Zeroes [from, last non-zero byte]; returns the bytes it cleared and the frames lost: every CRC-valid
    /// frame found in that range plus the torn frame at <paramref name="from"/> itself.
    /// </summary>
    private static (long Frames, long Bytes) TruncateTail(JournalSegment segment, int from)
    {
        byte* p = segment.Pointer;
        long end = segment.SegmentLength;
        long lastNonZero = end - sizeof(long);
        while (lastNonZero >= from && *(long*)(p + lastNonZero) == 0)
        {
            lastNonZero -= sizeof(long);
        }

        if (lastNonZero < from)
        {
            return (0, 0);
        }

        long dirtyEnd = lastNonZero + sizeof(long);
        long frames = 0;
        long offset = from;
        while (offset + JournalDescriptor.FrameHeaderLength <= dirtyEnd)
        {
            int frameLength = *(int*)(p + offset);
            int alignedLength = JournalSegment.CheckFrame(p, end, (int)offset, frameLength, verifyChecksum: true);
            if (alignedLength > 0 && *(int*)(p + offset + JournalDescriptor.TypeOffset) >= 0)
            {
                frames++;
                offset += alignedLength;
            }
            else
            {
                // Not a frame here: step one alignment unit and look again.
                offset += JournalDescriptor.FrameAlignment;
            }
        }

        bool tornAtStart = JournalSegment.CheckFrame(p, end, from, *(int*)(p + from), verifyChecksum: true) <= 0;
        if (tornAtStart)
        {
            frames++;
        }

        long bytes = dirtyEnd - from;
        new Span<byte>(p + from, (int)bytes).Clear();
        return (frames, bytes);
    }
}
