namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// Why a <see cref="CaptureReader"/> stopped. Anything but <see cref="None"/> is terminal: the reader returns no
/// more datagrams, and <see cref="CaptureReader.Position"/> says where in the file it stopped.
/// </summary>
public enum CaptureError
{
    None = 0,

    /// <summary>The file starts with neither a pcap magic nor a pcapng section header block.</summary>
    UnknownFormat = 1,

    /// <summary>The file ends inside a header, record or block (an interrupted capture or a cut file).</summary>
    Truncated = 2,

    /// <summary>Classic pcap whose link type is not Ethernet, Linux cooked (v1/v2), raw IP or BSD loopback.</summary>
    UnsupportedLinkType = 3,

    /// <summary>pcapng block with an impossible length (under 12, not a multiple of 4, trailer disagreeing, fields past its end).</summary>
    MalformedBlock = 4,

    /// <summary>pcap record whose captured length exceeds the file's snapshot length or 256 KiB (a corrupt header).</summary>
    MalformedRecord = 5,
}
