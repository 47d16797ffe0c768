using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Journal;

/// <summary>
/// The binary layout of journal segment files and of the frames inside them. Every journal type reads
/// offsets only through this class.
/// <code>
/// Segment file ({index:D16}.jseg), exactly SegmentLength bytes, all fields little-endian:
///   0                   8                  16                 24                 32
///   +-------------------+--------+---------+------------------+------------------+
///   | Magic "LLTJRNL\0" | Version| HdrLen  | SegmentIndex     | BasePosition     |  0
///   +-------------------+--------+---------+------------------+------------------+
///   | SegmentLength     | CreationTimeNs (unix wall clock)    | InitialSequence  | 32
///   +-------------------+--------+---------+------------------+------------------+
///   | FrameAlign|FrmHdrLen| reserved (zero) up to SegmentHeaderLength = 128      | 64
///   +------------------------------------------------------------------------------+
///   | frame | frame | ... | end-of-segment frame (fills the rest) | zeros           | 128
///   +------------------------------------------------------------------------------+
///
/// Frame (8-byte aligned; the next frame starts at Align(FrameLength, 8)):
///   0          4          8                 16                24       28        32
///   +----------+----------+-----------------+-----------------+--------+---------+------------
///   |FrameLen  | Checksum | Sequence        | TimestampNs     | Type   | reserved| payload ...
///   +----------+----------+-----------------+-----------------+--------+---------+------------
///   FrameLen  int32  header + payload bytes, stored last with release semantics; 0 = not yet written
///   Checksum  uint32 CRC32C of FrameLen (4 bytes LE) followed by bytes [8, FrameLen); for the
///                    end-of-segment frame, bytes [8, FrameHeaderLength) only
///   Type      int32  SBE templateId (>= 0); EndOfSegmentType (-1) marks the end of a segment, its
///                    FrameLen covers the rest of the segment and its Sequence is the next sequence
/// </code>
/// Position is a 64-bit byte address across segments: SegmentIndex * SegmentLength + offset in the file,
/// so a segment's BasePosition is SegmentIndex * SegmentLength and its first frame sits at
/// BasePosition + SegmentHeaderLength.
/// </summary>
public static class JournalDescriptor
{
    /// <summary>"LLTJRNL\0" read as a little-endian int64.</summary>
    public const long Magic = 0x004C4E524A544C4C;

    public const int LayoutVersion = 1;

    public const int CacheLineSize = 64;

    // Segment header field offsets.
    public const int MagicOffset = 0;
    public const int VersionOffset = 8;
    public const int HeaderLengthOffset = 12;
    public const int SegmentIndexOffset = 16;
    public const int BasePositionOffset = 24;
    public const int SegmentLengthOffset = 32;
    public const int CreationTimeNsOffset = 40;
    public const int InitialSequenceOffset = 48;
    public const int FrameAlignmentFieldOffset = 56;
    public const int FrameHeaderLengthFieldOffset = 60;

    /// <summary>Two cache lines: the header never shares a line with the first frame.</summary>
    public const int SegmentHeaderLength = 2 * CacheLineSize;

    // Frame header field offsets, relative to the frame start.
    public const int FrameLengthOffset = 0;
    public const int ChecksumOffset = 4;
    public const int SequenceOffset = 8;
    public const int TimestampOffset = 16;
    public const int TypeOffset = 24;
    public const int ReservedOffset = 28;
    public const int FrameHeaderLength = 32;

    /// <summary>First byte covered by the checksum after the length field.</summary>
    public const int ChecksumCoverageOffset = SequenceOffset;

    public const int FrameAlignment = 8;

    /// <summary>Type of the frame that closes a segment; every real type (an SBE templateId) is >= 0.</summary>
    public const int EndOfSegmentType = -1;

    /// <summary>Smallest segment: one page, room for the header, one frame and the end-of-segment frame.</summary>
    public const long MinSegmentLength = 4096;

    /// <summary>Frame lengths and in-segment offsets are int32.</summary>
    public const long MaxSegmentLength = 1L << 30;

    public const string SegmentFileSuffix = ".jseg";

    public const string TemporaryFileSuffix = ".jseg.tmp";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AlignFrame(int length) => (length + (FrameAlignment - 1)) & ~(FrameAlignment - 1);

    /// <summary>
    /// Largest payload one frame can carry: the segment minus its header, this frame's header and the
    /// end-of-segment frame that must always fit after it.
    /// </summary>
    public static int MaxPayloadLength(long segmentLength) =>
        (int)(segmentLength - SegmentHeaderLength - (2 * FrameHeaderLength));

    public static long BasePosition(long segmentIndex, long segmentLength) => segmentIndex * segmentLength;

    public static long SegmentIndex(long position, long segmentLength) => position / segmentLength;

    public static int SegmentOffset(long position, long segmentLength) => (int)(position % segmentLength);

    public static string SegmentFileName(long segmentIndex) =>
        segmentIndex.ToString("D16", System.Globalization.CultureInfo.InvariantCulture) + SegmentFileSuffix;

    public static string SegmentPath(string directory, long segmentIndex) =>
        Path.Combine(directory, SegmentFileName(segmentIndex));
}
