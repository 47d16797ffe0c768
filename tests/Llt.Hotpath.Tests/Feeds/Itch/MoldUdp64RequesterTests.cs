using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>The retransmission hook end to end: a gap declared lost becomes re-requests at a (loopback) re-request server.</summary>
public sealed class MoldUdp64RequesterTests
{
    [Fact]
    public void DeclaredGap_IsRequested_FromTheReRequestServer_ForTheCurrentSession()
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        server.ReceiveTimeout = 5_000;
        using var requester = new MoldUdp64Requester((IPEndPoint)server.LocalEndPoint!);
        var retransmit = new MoldUdp64RetransmitOnGap(requester);
        var receiver = new MoldUdp64Receiver(new LineArbiter(gapWindowMessages: 0, gapWindowNs: long.MaxValue, startSequence: 1));
        var handler = new SequenceRecorder { Sequences = [] };

        receiver.OnPacket(LineArbiter.LineA, MoldWire.Packet("000000042A", 1, [[1], [2]]), 0, ref handler, ref retransmit);
        retransmit.Session = receiver.Arbiter.Session;
        receiver.OnPacket(LineArbiter.LineA, MoldWire.Packet("000000042A", 10, [[3]]), 0, ref handler, ref retransmit); // 3..9 lost, window 0

        Assert.Equal(1, retransmit.DeclaredGaps);
        Assert.Equal(1, requester.Requests);
        byte[] request = new byte[64];
        int length = server.Receive(request);
        Assert.Equal(20, length);
        Assert.Equal("000000042A"u8.ToArray(), request[..10]);
        Assert.Equal(3UL, BinaryPrimitives.ReadUInt64BigEndian(request.AsSpan(10)));
        Assert.Equal(7, BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(18)));
    }

    [Fact]
    public void GapLongerThanOneRequest_IsSplitIntoRequestsOf65535()
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        server.ReceiveTimeout = 5_000;
        using var requester = new MoldUdp64Requester((IPEndPoint)server.LocalEndPoint!);

        Assert.Equal(3, requester.Request(SessionId.FromAscii("SESSION001"u8), 100, 100 + 65_535 + 65_535));
        var asked = new List<(ulong From, int Count)>();
        byte[] request = new byte[64];
        for (int i = 0; i < 3; i++)
        {
            server.Receive(request);
            asked.Add((BinaryPrimitives.ReadUInt64BigEndian(request.AsSpan(10)), BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(18))));
        }

        Assert.Equal([(100UL, 65_535), (65_635UL, 65_535), (131_170UL, 1)], asked);
        Assert.Equal(131_071, requester.RequestedMessages);
    }

    [Fact]
    public void SessionId_RoundTripsItsAscii()
    {
        byte[] back = new byte[10];
        SessionId.FromAscii("000010059B"u8).CopyAsciiTo(back);
        Assert.Equal("000010059B"u8.ToArray(), back);
    }

    private struct SequenceRecorder : IMoldUdp64MessageHandler
    {
        public List<long> Sequences;

        public readonly void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs) => Sequences.Add(sequence);
    }
}
