using System.Net;
using System.Net.Sockets;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// One MoldUDP64 line (A or B) received live: a non-blocking UDP socket bound to the line's port and, for a multicast
/// group, joined to it on the given interface. <see cref="Poll"/> drains a bounded number of datagrams into a
/// <see cref="MoldUdp64Receiver"/> (which arbitrates the two lines), stamping each with the engine's clock, so a feed
/// agent's duty cycle is
/// <c>lineA.Poll(ref receiver, …) + lineB.Poll(ref receiver, …) + receiver.ExpireGaps(now, ref handler, ref gaps)</c>.
/// The receive buffer is allocated (pinned) once; receiving does not allocate. Socket errors other than "nothing to
/// read" are counted, never thrown, so a flapping NIC cannot stop the agent.
/// </summary>
public sealed class MoldUdp64Line : IDisposable
{
    /// <summary>Largest UDP payload; a MoldUDP64 packet always fits.</summary>
    public const int MaxDatagramLength = UdpLineSocket.MaxDatagramLength;

    private readonly UdpLineSocket _socket;
    private readonly INanoClock _clock;

    /// <param name="line"><see cref="LineArbiter.LineA"/> or <see cref="LineArbiter.LineB"/>.</param>
    /// <param name="group">Multicast group to join, or a unicast address (127.0.0.1 in tests) to receive on without joining.</param>
    /// <param name="port">UDP port of the line (0: the kernel picks one, see <see cref="Port"/>).</param>
    /// <param name="clock">Receive timestamps (the engine's monotonic clock).</param>
    /// <param name="localInterface">Address of the interface to join the group on; null lets the kernel choose.</param>
    /// <param name="receiveBufferBytes">SO_RCVBUF: the kernel queue that absorbs bursts while the agent is busy.</param>
    public MoldUdp64Line(int line, IPAddress group, int port, INanoClock clock, IPAddress? localInterface = null, int receiveBufferBytes = 8 << 20)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(clock);
        if (line != LineArbiter.LineA && line != LineArbiter.LineB)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, "line must be LineArbiter.LineA or LineB");
        }

        if (group.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException("MoldUDP64 lines are IPv4", nameof(group));
        }

        Line = line;
        _clock = clock;
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

    /// <summary>The next queued datagram, if any; the span is valid until the next call.</summary>
    public bool TryReceive(out ReadOnlySpan<byte> payload) => _socket.TryReceive(out payload);

    /// <summary>
    /// Hands up to <paramref name="maxDatagrams"/> queued datagrams to <paramref name="receiver"/> as packets of this
    /// line; returns the datagrams received (0 when none was queued: the agent may idle).
    /// </summary>
    public int Poll<TMessageHandler, TGapHandler>(
        ref MoldUdp64Receiver receiver,
        int maxDatagrams,
        ref TMessageHandler messageHandler,
        ref TGapHandler gapHandler)
        where TMessageHandler : struct, IMoldUdp64MessageHandler
        where TGapHandler : struct, IGapHandler
    {
        int received = 0;
        while (received < maxDatagrams && TryReceive(out ReadOnlySpan<byte> payload))
        {
            received++;
            receiver.OnPacket(Line, payload, _clock.NanoTime(), ref messageHandler, ref gapHandler);
        }

        return received;
    }

    public void Dispose() => _socket.Dispose();
}
