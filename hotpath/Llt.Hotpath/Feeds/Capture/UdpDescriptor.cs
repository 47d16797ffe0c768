namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// UDP header (RFC 768), big-endian:
/// <code>
///   0             2                  4        6          8
///   +-------------+------------------+--------+----------+-- payload
///   | source port | destination port | length | checksum |
///   +-------------+------------------+--------+----------+
/// </code>
/// length counts header and payload.
/// </summary>
public static class UdpDescriptor
{
    public const int SourcePortOffset = 0;
    public const int DestinationPortOffset = 2;
    public const int LengthOffset = 4;
    public const int ChecksumOffset = 6;
    public const int HeaderLength = 8;
}
