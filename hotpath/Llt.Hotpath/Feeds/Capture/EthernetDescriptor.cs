namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// Ethernet II frame header and 802.1Q/802.1ad tags (big-endian):
/// <code>
///   0               6               12          14
///   +---------------+---------------+-----------+------- payload
///   | destination   | source        | ethertype |
///   +---------------+---------------+-----------+
/// a VLAN tag replaces the ethertype with TPID 0x8100 (or 0x88A8 / 0x9100 for the outer tag of Q-in-Q),
/// followed by TCI u16 and the next ethertype: each tag adds 4 bytes.
/// </code>
/// </summary>
public static class EthernetDescriptor
{
    public const int DestinationOffset = 0;
    public const int SourceOffset = 6;
    public const int EtherTypeOffset = 12;
    public const int HeaderLength = 14;

    public const int VlanTagLength = 4;

    /// <summary>More stacked tags than this is not a real frame; it is skipped.</summary>
    public const int MaxVlanTags = 4;

    public const ushort EtherTypeIpv4 = 0x0800;
    public const ushort EtherTypeVlan = 0x8100;
    public const ushort EtherTypeQinQ = 0x88A8;
    public const ushort EtherTypeQinQLegacy = 0x9100;
}
