namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// IPv4 header (RFC 791), big-endian:
/// <code>
///   0        1       2              4              6                 8     9        10         12       16       20
///   +--------+-------+--------------+--------------+-----------------+-----+--------+----------+--------+--------+-- options
///   |ver|IHL | DSCP  | total length | id           | flags|frag off  | TTL | proto  | checksum | source | dest   |
///   +--------+-------+--------------+--------------+-----------------+-----+--------+----------+--------+--------+
/// </code>
/// IHL counts 32-bit words (5..15), so the header including options is 20..60 bytes.
/// </summary>
public static class Ipv4Descriptor
{
    public const int VersionIhlOffset = 0;
    public const int TotalLengthOffset = 2;
    public const int FlagsFragmentOffset = 6;
    public const int ProtocolOffset = 9;
    public const int SourceAddressOffset = 12;
    public const int DestinationAddressOffset = 16;
    public const int MinHeaderLength = 20;

    public const int Version = 4;
    public const byte ProtocolUdp = 17;

    /// <summary>More-fragments flag in the flags/fragment-offset word.</summary>
    public const ushort MoreFragmentsFlag = 0x2000;

    /// <summary>Fragment offset (in 8-byte units) in the flags/fragment-offset word.</summary>
    public const ushort FragmentOffsetMask = 0x1FFF;
}
