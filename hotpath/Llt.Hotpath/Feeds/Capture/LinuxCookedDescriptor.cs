namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// Linux "cooked" capture headers (big-endian), written by tcpdump on the "any" device.
/// <code>
/// SLL  (16 bytes): 0 packet type u16 | 2 ARPHRD u16 | 4 address length u16 | 6 address (8) | 14 protocol u16
/// SLL2 (20 bytes): 0 protocol u16 | 2 reserved | 4 interface index u32 | 8 ARPHRD u16 | 10 packet type u8 |
///                  11 address length u8 | 12 address (8)
/// </code>
/// protocol is an ethertype (0x0800 = IPv4).
/// </summary>
public static class LinuxCookedDescriptor
{
    public const int SllProtocolOffset = 14;
    public const int SllHeaderLength = 16;

    public const int Sll2ProtocolOffset = 0;
    public const int Sll2HeaderLength = 20;
}
