namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// Classic libpcap file layout. All fields are in the writer's byte order, which the magic reveals.
/// <code>
/// global header (24 bytes)
///   0        4          6          8          12         16         20         24
///   +--------+----------+----------+----------+----------+----------+----------+
///   | magic  | major u16| minor u16| thiszone | sigfigs  | snaplen  | linktype |
///   +--------+----------+----------+----------+----------+----------+----------+
/// record header (16 bytes), then incl_len bytes of packet
///   0          4              8          12         16
///   +----------+--------------+----------+----------+
///   | ts_sec   | ts_usec/nsec | incl_len | orig_len |
///   +----------+--------------+----------+----------+
/// </code>
/// The link type field's upper bits may carry FCS information in newer writers; only the low 16 bits name the link.
/// </summary>
public static class PcapDescriptor
{
    /// <summary>Microsecond timestamps, as read little-endian from a little-endian file.</summary>
    public const uint MicrosecondMagic = 0xA1B2C3D4;

    /// <summary>Nanosecond timestamps, as read little-endian from a little-endian file.</summary>
    public const uint NanosecondMagic = 0xA1B23C4D;

    /// <summary><see cref="MicrosecondMagic"/> read little-endian from a big-endian file.</summary>
    public const uint MicrosecondMagicSwapped = 0xD4C3B2A1;

    /// <summary><see cref="NanosecondMagic"/> read little-endian from a big-endian file.</summary>
    public const uint NanosecondMagicSwapped = 0x4D3CB2A1;

    public const int MagicOffset = 0;
    public const int VersionMajorOffset = 4;
    public const int VersionMinorOffset = 6;
    public const int ThisZoneOffset = 8;
    public const int SigFigsOffset = 12;
    public const int SnapLengthOffset = 16;
    public const int LinkTypeOffset = 20;
    public const int GlobalHeaderLength = 24;

    /// <summary>Low bits of the link type field that name the link; the rest is FCS metadata.</summary>
    public const uint LinkTypeMask = 0xFFFF;

    public const int TimestampSecondsOffset = 0;
    public const int TimestampFractionOffset = 4;
    public const int IncludedLengthOffset = 8;
    public const int OriginalLengthOffset = 12;
    public const int RecordHeaderLength = 16;

    /// <summary>
    /// Largest captured length accepted whatever the header's snaplen says (libpcap's own sanity bound is 256 KiB):
    /// a larger one means a corrupt record header, and reading on would misframe everything after it.
    /// </summary>
    public const int MaxRecordLength = 262_144;
}
