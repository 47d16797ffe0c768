using System.Net;
using System.Net.Sockets;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// Asks a MoldUDP64 re-request server for lost messages: one 20-byte request per 65,535 messages of a gap, sent over
/// UDP from a socket opened once. The packets it asks for come back as ordinary downstream packets (to the line the
/// server answers on) and fill the gap through the arbiter like any other copy. Use it from an
/// <see cref="IGapHandler"/> (see <see cref="MoldUdp64RetransmitOnGap"/>); nothing here allocates after construction,
/// and send errors are counted, never thrown.
/// </summary>
public sealed class MoldUdp64Requester : IDisposable
{
    private readonly Socket _socket;
    private readonly EndPoint _server;
    private readonly byte[] _request = GC.AllocateArray<byte>(MoldUdp64Descriptor.RequestLength, pinned: true);
    private readonly byte[] _session = new byte[MoldUdp64Descriptor.SessionLength];
    private long _requests;
    private long _requestedMessages;
    private long _sendErrors;

    /// <param name="server">The feed's re-request server (address and port from the feed's configuration).</param>
    public MoldUdp64Requester(IPEndPoint server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        _socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
    }

    public long Requests => _requests;

    public long RequestedMessages => _requestedMessages;

    /// <summary>Requests the socket refused (queue full, unreachable server): counted; the gap stays declared.</summary>
    public long SendErrors => _sendErrors;

    /// <summary>Asks for <paramref name="from"/>..<paramref name="to"/> of <paramref name="session"/>; returns the requests sent.</summary>
    public int Request(SessionId session, long from, long to)
    {
        session.CopyAsciiTo(_session);
        int sent = 0;
        for (long first = from; first <= to; first += MoldUdp64Descriptor.MaxRequestMessageCount)
        {
            int count = (int)Math.Min(to - first + 1, MoldUdp64Descriptor.MaxRequestMessageCount);
            if (MoldUdp64RequestEncoder.Encode(_request, _session, first, count) == 0)
            {
                _sendErrors++;
                continue;
            }

            _socket.SendTo(_request, 0, _request.Length, SocketFlags.None, _server);
            _requests++;
            _requestedMessages += count;
            sent++;
        }

        return sent;
    }

    public void Dispose() => _socket.Dispose();
}
