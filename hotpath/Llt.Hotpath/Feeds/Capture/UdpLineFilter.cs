namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// Picks the datagrams of one feed line out of a capture by destination (multicast group and port) and, for
/// pcapng, capture interface. A zero address or port, or a negative interface, matches any.
/// </summary>
public readonly record struct UdpLineFilter(uint DestinationAddress, ushort DestinationPort, int InterfaceId = -1)
{
    /// <summary>Matches every datagram.</summary>
    public static UdpLineFilter Any => new(0, 0);

    /// <summary>Matches nothing (a line absent from the capture).</summary>
    public static UdpLineFilter None => new(0, 0, int.MinValue);

    public bool IsNone => InterfaceId == int.MinValue;

    public bool Matches(in UdpDatagram datagram) =>
        !IsNone
        && (DestinationAddress == 0 || DestinationAddress == datagram.DestinationAddress)
        && (DestinationPort == 0 || DestinationPort == datagram.DestinationPort)
        && (InterfaceId < 0 || InterfaceId == datagram.InterfaceId);
}
