using System.Runtime.CompilerServices;
using Llt.Hotpath.Memory;
using Microsoft.Win32.SafeHandles;

namespace Llt.Hotpath.Journal;

/// <summary>
/// One mapped segment file: creation (under a temporary name, header written, then renamed so no reader
/// ever sees a headerless segment), validation on open, and frame checks shared by the writer's recovery,
/// the tailer and the tools.
/// </summary>
internal sealed unsafe class JournalSegment : IDisposable
{
    private readonly MappedFile _file;

    private JournalSegment(MappedFile file, string path, long index, long segmentLength)
    {
        _file = file;
        Path = path;
        Index = index;
        SegmentLength = segmentLength;
        BasePosition = JournalDescriptor.BasePosition(index, segmentLength);
        Pointer = file.Pointer;
    }

    public string Path { get; }

    public long Index { get; }

    public long SegmentLength { get; }

    public long BasePosition { get; }

    public byte* Pointer { get; }

    public MappedFile File => _file;

    public long InitialSequence
    {
        // acquire: pairs with the writer's release below when another process reads a fresh segment
        get => Volatile.Read(ref *(long*)(Pointer + JournalDescriptor.InitialSequenceOffset));
        // release: a reader that sees the first frame of this segment also sees where its sequence starts
        set => Volatile.Write(ref *(long*)(Pointer + JournalDescriptor.InitialSequenceOffset), value);
    }

    public long CreationTimeNs => *(long*)(Pointer + JournalDescriptor.CreationTimeNsOffset);

    public static JournalSegment Create(string directory, long index, long segmentLength, bool preTouch)
    {
        string path = JournalDescriptor.SegmentPath(directory, index);
        string temporaryPath = System.IO.Path.Combine(directory, index.ToString("D16", System.Globalization.CultureInfo.InvariantCulture) + JournalDescriptor.TemporaryFileSuffix);
        if (System.IO.File.Exists(path))
        {
            JournalThrowHelper.ThrowInvalidOperation($"{path}: segment already exists; refusing to overwrite it");
        }

        MappedFile file = MappedFile.Create(temporaryPath, segmentLength, preTouch);
        byte* p = file.Pointer;
        *(int*)(p + JournalDescriptor.VersionOffset) = JournalDescriptor.LayoutVersion;
        *(int*)(p + JournalDescriptor.HeaderLengthOffset) = JournalDescriptor.SegmentHeaderLength;
        *(long*)(p + JournalDescriptor.SegmentIndexOffset) = index;
        *(long*)(p + JournalDescriptor.BasePositionOffset) = JournalDescriptor.BasePosition(index, segmentLength);
        *(long*)(p + JournalDescriptor.SegmentLengthOffset) = segmentLength;
        *(long*)(p + JournalDescriptor.CreationTimeNsOffset) = UnixTimeNs();
        *(long*)(p + JournalDescriptor.InitialSequenceOffset) = 0;
        *(int*)(p + JournalDescriptor.FrameAlignmentFieldOffset) = JournalDescriptor.FrameAlignment;
        *(int*)(p + JournalDescriptor.FrameHeaderLengthFieldOffset) = JournalDescriptor.FrameHeaderLength;
        // release: the magic goes last, so a header with the right magic is a complete header
        Volatile.Write(ref *(long*)(p + JournalDescriptor.MagicOffset), JournalDescriptor.Magic);

        // rename is atomic: a reader listing the directory sees either no segment or a complete one
        System.IO.File.Move(temporaryPath, path);
        return new JournalSegment(file, path, index, segmentLength);
    }

    public static JournalSegment Open(string path, long expectedIndex, bool writable)
    {
        MappedFile file = writable ? MappedFile.Open(path) : MappedFile.OpenReadOnly(path);
        string? problem = Validate(file.Pointer, file.Length, expectedIndex);
        if (problem != null)
        {
            file.Dispose();
            JournalThrowHelper.ThrowInvalidData($"{path}: {problem}");
        }

        return new JournalSegment(file, path, expectedIndex, *(long*)(file.Pointer + JournalDescriptor.SegmentLengthOffset));
    }

    /// <summary>Validates a segment file's size and header without mapping it; throws with a clear message.</summary>
    public static void CheckFile(string path, long expectedIndex)
    {
        byte* header = stackalloc byte[JournalDescriptor.SegmentHeaderLength];
        long fileLength;
        using (SafeFileHandle handle = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            fileLength = RandomAccess.GetLength(handle);
            if (fileLength < JournalDescriptor.SegmentHeaderLength)
            {
                JournalThrowHelper.ThrowInvalidData($"{path}: wrong size: {fileLength} bytes is smaller than a segment header");
            }

            RandomAccess.Read(handle, new Span<byte>(header, JournalDescriptor.SegmentHeaderLength), 0);
        }

        string? problem = Validate(header, fileLength, expectedIndex);
        if (problem != null)
        {
            JournalThrowHelper.ThrowInvalidData($"{path}: {problem}");
        }
    }

    /// <summary>Why this header is unusable, or null when it is a valid segment header.</summary>
    public static string? Validate(byte* p, long fileLength, long expectedIndex)
    {
        if (fileLength < JournalDescriptor.MinSegmentLength)
        {
            return $"wrong size: {fileLength} bytes is smaller than the smallest segment ({JournalDescriptor.MinSegmentLength})";
        }

        long magic = *(long*)(p + JournalDescriptor.MagicOffset);
        if (magic != JournalDescriptor.Magic)
        {
            return $"wrong magic 0x{magic:X16} (expected 0x{JournalDescriptor.Magic:X16}): not a journal segment";
        }

        int version = *(int*)(p + JournalDescriptor.VersionOffset);
        if (version != JournalDescriptor.LayoutVersion)
        {
            return $"unsupported layout version {version} (this build reads version {JournalDescriptor.LayoutVersion})";
        }

        if (*(int*)(p + JournalDescriptor.HeaderLengthOffset) != JournalDescriptor.SegmentHeaderLength
            || *(int*)(p + JournalDescriptor.FrameAlignmentFieldOffset) != JournalDescriptor.FrameAlignment
            || *(int*)(p + JournalDescriptor.FrameHeaderLengthFieldOffset) != JournalDescriptor.FrameHeaderLength)
        {
            return "header, frame-header length or frame alignment differ from this layout version";
        }

        long segmentLength = *(long*)(p + JournalDescriptor.SegmentLengthOffset);
        if (segmentLength != fileLength)
        {
            return $"wrong size: the file is {fileLength} bytes but its header says {segmentLength}";
        }

        if (segmentLength > JournalDescriptor.MaxSegmentLength || (segmentLength & 4095) != 0)
        {
            return $"impossible segment length {segmentLength}";
        }

        long index = *(long*)(p + JournalDescriptor.SegmentIndexOffset);
        if (index != expectedIndex)
        {
            return $"segment index {index} does not match the file name (index {expectedIndex})";
        }

        long basePosition = *(long*)(p + JournalDescriptor.BasePositionOffset);
        if (index < 0 || basePosition != JournalDescriptor.BasePosition(index, segmentLength))
        {
            return $"impossible base position {basePosition} for segment {index} of {segmentLength} bytes";
        }

        return null;
    }

    /// <summary>
    /// Checks the frame at <paramref name="offset"/>: 0 = empty slot, positive = the aligned length of a
    /// well-formed frame whose checksum matches, negative = torn or corrupt.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CheckFrame(int offset, int frameLength, bool verifyChecksum) =>
        CheckFrame(Pointer, SegmentLength, offset, frameLength, verifyChecksum);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CheckFrame(byte* segment, long segmentLength, int offset, int frameLength, bool verifyChecksum)
    {
        if (frameLength == 0)
        {
            return 0;
        }

        if (frameLength < JournalDescriptor.FrameHeaderLength || offset + (long)frameLength > segmentLength)
        {
            return -1;
        }

        byte* frame = segment + offset;
        int type = *(int*)(frame + JournalDescriptor.TypeOffset);
        if (type < 0 && (type != JournalDescriptor.EndOfSegmentType || offset + (long)frameLength != segmentLength))
        {
            return -1;
        }

        if (verifyChecksum && *(uint*)(frame + JournalDescriptor.ChecksumOffset) != FrameChecksum(frame, frameLength))
        {
            return -1;
        }

        return JournalDescriptor.AlignFrame(frameLength);
    }

    /// <summary>
    /// CRC32C of the length field value followed by bytes [8, frameLength) of the frame; an end-of-segment
    /// frame covers only its header (its body is the unused, zero rest of the segment).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FrameChecksum(byte* frame, int frameLength)
    {
        int covered = *(int*)(frame + JournalDescriptor.TypeOffset) == JournalDescriptor.EndOfSegmentType
            ? JournalDescriptor.FrameHeaderLength
            : frameLength;
        uint state = Crc32C.Update(Crc32C.InitialState, frameLength);
        state = Crc32C.Update(state, new ReadOnlySpan<byte>(
            frame + JournalDescriptor.ChecksumCoverageOffset, covered - JournalDescriptor.ChecksumCoverageOffset));
        return Crc32C.Finish(state);
    }

    public static long UnixTimeNs() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    public void Dispose() => _file.Dispose();
}
