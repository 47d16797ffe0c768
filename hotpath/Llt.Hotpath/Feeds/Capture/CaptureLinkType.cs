namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// The tcpdump.org LINKTYPE_ values this reader decodes (the link-layer header in front of each packet). Any other
/// value: a classic pcap stops with <see cref="CaptureError.UnsupportedLinkType"/>; a pcapng interface's packets are
/// skipped and counted.
/// </summary>
public static class CaptureLinkType
{
    /// <summary>BSD loopback: a 4-byte address family in the capturing host's byte order.</summary>
    public const int Null = 0;

    /// <summary>Ethernet II, optionally with 802.1Q / 802.1ad VLAN tags.</summary>
    public const int Ethernet = 1;

    /// <summary>DLT_RAW as some platforms wrote it into files (OpenBSD 14, others 12): bare IP.</summary>
    public const int RawAlternate12 = 12;

    /// <summary>See <see cref="RawAlternate12"/>.</summary>
    public const int RawAlternate14 = 14;

    /// <summary>Bare IPv4 or IPv6 packet, no link header.</summary>
    public const int Raw = 101;

    /// <summary>Linux "cooked" capture v1 (tcpdump -i any): 16-byte header.</summary>
    public const int LinuxSll = 113;

    /// <summary>Bare IPv4 packet.</summary>
    public const int Ipv4 = 228;

    /// <summary>Linux "cooked" capture v2: 20-byte header.</summary>
    public const int LinuxSll2 = 276;

    /// <summary>True for the link types <see cref="UdpFrameDecoder"/> understands.</summary>
    public static bool IsSupported(int linkType) => linkType switch
    {
        Null or Ethernet or RawAlternate12 or RawAlternate14 or Raw or LinuxSll or Ipv4 or LinuxSll2 => true,
        _ => false,
    };
}
