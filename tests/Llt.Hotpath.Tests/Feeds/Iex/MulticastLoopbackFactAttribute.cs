using System.Net;
using System.Net.Sockets;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>
/// A fact that needs IPv4 multicast over the loopback interface (joining a group on 127.0.0.1 and receiving
/// what is sent to it there): skipped, and reported as skipped, on hosts or containers without it.
/// </summary>
public sealed class MulticastLoopbackFactAttribute : FactAttribute
{
    public static readonly IPAddress ProbeGroup = IPAddress.Parse("239.255.77.2");

    private static readonly string? Unsupported = Probe();

    public MulticastLoopbackFactAttribute()
    {
        if (Unsupported != null)
        {
            Skip = "no IPv4 multicast over loopback here: " + Unsupported;
        }
    }

    private static string? Probe()
    {
        try
        {
            using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            receiver.Bind(new IPEndPoint(IPAddress.Any, 0));
            receiver.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(ProbeGroup, IPAddress.Loopback));
            receiver.ReceiveTimeout = 1_000;
            using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            sender.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.Loopback.GetAddressBytes());
            sender.SendTo("probe"u8, new IPEndPoint(ProbeGroup, ((IPEndPoint)receiver.LocalEndPoint!).Port));
            var buffer = new byte[16];
            return receiver.Receive(buffer) == 5 ? null : "probe datagram garbled";
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode.ToString();
        }
    }
}
