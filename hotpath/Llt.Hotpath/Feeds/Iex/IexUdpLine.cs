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
    public const int MaxDatagramLength = UdpLineSocket.MaxDatagramLength;

    private readonly UdpLineSocket _socket;

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
        _socket = new UdpLineSocket(group, port, localInterface, receiveBufferBytes);
    }

    public int Line { get; }

    public IPAddress Group => _socket.Group;

    /// <summary>The bound port (the one asked for, or the one the kernel chose for port 0).</summary>
    public int Port => _socket.Port;

    public long Datagrams => _socket.Datagrams;

    /// <summary>Receive calls that failed with anything but "would block" (see <see cref="LastError"/>).</summary>
    public long ReceiveErrors => _socket.ReceiveErrors;

    public SocketError LastError => _socket.LastError;

    /// <summary>The next datagram, if one is queued; the span is valid until the next call.</summary>
    public bool TryReceive(out ReadOnlySpan<byte> payload) => _socket.TryReceive(out payload);

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
}
