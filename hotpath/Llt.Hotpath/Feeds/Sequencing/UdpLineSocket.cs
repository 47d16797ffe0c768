using System.Net;
using System.Net.Sockets;

namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>
/// The receiving end of one redundant feed line (MoldUDP64 or IEX-TP, A or B): a non-blocking IPv4 UDP socket bound
/// to the line's group and port and, for a multicast group, joined to it on the given interface. The receive buffer
/// is allocated (pinned) once; <see cref="TryReceive"/> does not allocate. Socket errors other than "nothing to
/// read" are counted, never thrown, so a flapping NIC cannot stop the feed agent.
/// </summary>
public sealed class UdpLineSocket : IDisposable
{
    /// <summary>Largest UDP payload: a MoldUDP64 packet or an IEX-TP segment always fits.</summary>
    public const int MaxDatagramLength = 65_535;

    private readonly Socket _socket;
    private readonly byte[] _buffer = GC.AllocateArray<byte>(MaxDatagramLength, pinned: true);
    private long _datagrams;
    private long _receiveErrors;
    private SocketError _lastError;

    /// <param name="group">IPv4 multicast group to join, or a unicast address (127.0.0.1 in tests) to receive on without joining.</param>
    /// <param name="port">UDP port of the line (0: the kernel picks one, see <see cref="Port"/>).</param>
    /// <param name="localInterface">Address of the interface to join the group on; null lets the kernel choose.</param>
    /// <param name="receiveBufferBytes">SO_RCVBUF: the kernel queue that absorbs bursts while the agent is busy.</param>
    public UdpLineSocket(IPAddress group, int port, IPAddress? localInterface, int receiveBufferBytes)
    {
        Group = group;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // lines A and B often share a port, and a recorder may listen alongside the engine
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _socket.ReceiveBufferSize = receiveBufferBytes;
            // bound to the group, not to any address: Linux then delivers only this group's datagrams here, so
            // lines A and B on the same port (different groups) never see each other's traffic
            _socket.Bind(new IPEndPoint(group, port));
            if (IsMulticast(group))
            {
                _socket.SetSocketOption(
                    SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group, localInterface ?? IPAddress.Any));
            }

            _socket.Blocking = false;
            Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    public IPAddress Group { get; }

    /// <summary>The bound port (the one asked for, or the one the kernel chose for port 0).</summary>
    public int Port { get; }

    public long Datagrams => _datagrams;

    /// <summary>Receive calls that failed with anything but "would block" (see <see cref="LastError"/>).</summary>
    public long ReceiveErrors => _receiveErrors;

    public SocketError LastError => _lastError;

    /// <summary>The next queued datagram, if any; the span is valid until the next call.</summary>
    public bool TryReceive(out ReadOnlySpan<byte> payload)
    {
        int length = _socket.Receive(_buffer, 0, _buffer.Length, SocketFlags.None, out SocketError error);
        if (error == SocketError.Success)
        {
            _datagrams++;
            payload = new ReadOnlySpan<byte>(_buffer, 0, length);
            return true;
        }

        if (error != SocketError.WouldBlock)
        {
            _receiveErrors++;
            _lastError = error;
        }

        payload = default;
        return false;
    }

    public void Dispose() => _socket.Dispose();

    private static bool IsMulticast(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return bytes[0] is >= 224 and <= 239;
    }
}
