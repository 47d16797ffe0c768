using System.Net;
using System.Net.Sockets;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// One IEX-TP line received live: a non-blocking UDP socket bound to the feed's port and, for a multicast group,
/// joined to it on the given interface. <see cref="Poll{TListener, TGapHandler}"/> drains up to a bounded number of
/// datagrams into an <see cref="IexFeedHandler{TListener}"/>, stamping each with the engine's clock, so a feed
/// agent's <c>DoWork</c> is <c>lineA.Poll(...) + lineB.Poll(...) + feed.ExpireGaps(now)</c>. The receive buffer is
/// allocated (pinned) once; receiving does not allocate. Socket errors other than "nothing to read" are counted,
/// never thrown, so a flapping NIC cannot stop the agent.
/// </summary>
public sealed class IexUdpLine : IDisposable
{
    /// <summary>Largest UDP payload: an IEX-TP segment always fits.</summary>
    public const int MaxDatagramLength = 65_535;

    private readonly Socket _socket;
    private readonly byte[] _buffer = GC.AllocateArray<byte>(MaxDatagramLength, pinned: true);
    private long _datagrams;
    private long _receiveErrors;
    private SocketError _lastError;

    /// <param name="line"><see cref="LineArbiter.LineA"/> or <see cref="LineArbiter.LineB"/>.</param>
    /// <param name="group">Multicast group to join, or a unicast address (e.g. 127.0.0.1 in tests) to receive on without joining.</param>
    /// <param name="port">UDP port of the line.</param>
    /// <param name="localInterface">Address of the interface to join the group on; <see cref="IPAddress.Any"/> lets the kernel choose.</param>
    /// <param name="receiveBufferBytes">SO_RCVBUF: the kernel queue that absorbs bursts while the agent is busy.</param>
    public IexUdpLine(int line, IPAddress group, int port, IPAddress? localInterface = null, int receiveBufferBytes = 8 << 20)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (line != LineArbiter.LineA && line != LineArbiter.LineB)
        {
            IexThrowHelper.ThrowArgumentOutOfRange(nameof(line), line, "line must be LineArbiter.LineA or LineB");
        }

        if (group.AddressFamily != AddressFamily.InterNetwork)
        {
            IexThrowHelper.ThrowArgument(nameof(group), "IEX-TP lines are IPv4");
        }

        Line = line;
        Group = group;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // A and B (and other processes, e.g. a recorder) may listen on the same port
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

    public int Line { get; }

    public IPAddress Group { get; }

    /// <summary>The bound port (the one asked for, or the one the kernel chose for port 0).</summary>
    public int Port { get; }

    public long Datagrams => _datagrams;

    /// <summary>Receive calls that failed with anything but "would block" (see <see cref="LastError"/>).</summary>
    public long ReceiveErrors => _receiveErrors;

    public SocketError LastError => _lastError;

    /// <summary>The next datagram, if one is queued; the span is valid until the next call.</summary>
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

    /// <summary>
    /// Hands up to <paramref name="maxDatagrams"/> queued datagrams to <paramref name="feed"/> on this line, each
    /// stamped with <paramref name="clock"/>; returns the datagrams received.
    /// </summary>
    public int Poll<TListener, TGapHandler>(IexFeedHandler<TListener> feed, INanoClock clock, int maxDatagrams, ref TGapHandler gapHandler)
        where TListener : struct, IIexBookListener
        where TGapHandler : struct, IGapHandler
    {
        int received = 0;
        while (received < maxDatagrams && TryReceive(out ReadOnlySpan<byte> payload))
        {
            received++;
            feed.OnDatagram(Line, payload, clock.NanoTime(), ref gapHandler);
        }

        return received;
    }

    public void Dispose() => _socket.Dispose();

    private static bool IsMulticast(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return bytes[0] >= 224 && bytes[0] <= 239;
    }
}
