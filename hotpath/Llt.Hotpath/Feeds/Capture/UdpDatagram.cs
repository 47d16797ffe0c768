namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// One UDP datagram from a capture: a view, valid while the capture's bytes are. <see cref="Payload"/> points into
/// the file (no copy) and is exactly the UDP length's worth, whatever Ethernet padding or FCS follows it.
/// Addresses are the dotted quad as a big-endian number (233.54.12.1 → 0xE9360C01).
/// </summary>
public readonly ref struct UdpDatagram
{
    public UdpDatagram(
        long timestampNs,
        int interfaceId,
        uint sourceAddress,
        uint destinationAddress,
        ushort sourcePort,
        ushort destinationPort,
        ReadOnlySpan<byte> payload)
    {
        TimestampNs = timestampNs;
        InterfaceId = interfaceId;
        SourceAddress = sourceAddress;
        DestinationAddress = destinationAddress;
        SourcePort = sourcePort;
        DestinationPort = destinationPort;
        Payload = payload;
    }

    /// <summary>Capture timestamp, nanoseconds since the Unix epoch (0 for pcapng simple packet blocks, which carry none).</summary>
    public long TimestampNs { get; }

    /// <summary>pcapng interface the packet was captured on (0 in classic pcap): A and B lines often sit on two.</summary>
    public int InterfaceId { get; }

    public uint SourceAddress { get; }

    public uint DestinationAddress { get; }

    public ushort SourcePort { get; }

    public ushort DestinationPort { get; }

    public ReadOnlySpan<byte> Payload { get; }
}
