namespace Llt.Hotpath.Feeds.Capture;

/// <summary>What <see cref="UdpFrameDecoder.Decode"/> made of one captured frame.</summary>
public enum FrameDecodeResult
{
    /// <summary>An unfragmented IPv4 UDP datagram, complete in the capture.</summary>
    Udp = 0,

    /// <summary>Not IPv4 (IPv6, ARP, ...), or IPv4 but not UDP: skipped.</summary>
    NotUdp = 1,

    /// <summary>An IPv4 fragment: a capture cannot be reassembled without copying, so it is skipped.</summary>
    Fragment = 2,

    /// <summary>The frame ends before its IP or UDP length says (snapshot length cut it): skipped.</summary>
    Incomplete = 3,

    /// <summary>Headers that contradict themselves (IHL under 5, UDP length under 8, IP total under its header).</summary>
    Malformed = 4,

    /// <summary>The frame's link type is not one <see cref="CaptureLinkType.IsSupported"/> accepts.</summary>
    UnsupportedLinkType = 5,
}
