using System.Net;
using System.Net.Sockets;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Tests.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>Live MoldUDP64 lines over real UDP sockets on 127.0.0.1 (unicast stands in for the multicast groups).</summary>
public sealed class MoldUdp64LineTests
{
    [Fact]
    public void TwoLines_OverUdp_EveryMessageOnce_BooksAsIfAppliedDirectly()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 11).Generate(1_000).Messages;
        byte[][] packets = [.. MoldUdpFeedWriter.Packetise(messages, 5).Select(p => MoldWire.Packet(MoldUdpFeedWriter.Session, p.Sequence, p.Messages))];
        var clock = new ManualNanoClock(1_000);
        using var lineA = new MoldUdp64Line(LineArbiter.LineA, IPAddress.Loopback, 0, clock);
        using var lineB = new MoldUdp64Line(LineArbiter.LineB, IPAddress.Loopback, 0, clock);
        using var builder = new ItchBookBuilder<NoItchBookListener>(8, 1 << 12, 512, default);
        var receiver = new MoldUdp64Receiver(new LineArbiter(long.MaxValue, long.MaxValue, startSequence: 1));
        var handler = builder.Handler;
        var gaps = new RecordingGapHandler();

        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var toA = new IPEndPoint(IPAddress.Loopback, lineA.Port);
        var toB = new IPEndPoint(IPAddress.Loopback, lineB.Port);
        long received = 0;
        foreach (byte[] packet in packets)
        {
            sender.SendTo(packet, toA);
            sender.SendTo(packet, toB);
            // drain as we go so the kernel queue never overflows
            received += lineA.Poll(ref receiver, 64, ref handler, ref gaps) + lineB.Poll(ref receiver, 64, ref handler, ref gaps);
        }

        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (received < 2 * packets.Length && DateTime.UtcNow < deadline)
        {
            int polled = lineA.Poll(ref receiver, 64, ref handler, ref gaps) + lineB.Poll(ref receiver, 64, ref handler, ref gaps);
            received += polled;
            if (polled == 0)
            {
                Thread.Sleep(1);
            }
        }

        Assert.Equal(2 * packets.Length, received);
        Assert.Equal(packets.Length, lineA.Datagrams);
        Assert.Equal(0, lineA.ReceiveErrors);
        Assert.Equal(messages.Count, receiver.Arbiter.Delivered);
        Assert.Equal(messages.Count, receiver.Arbiter.Duplicates);
        Assert.Empty(gaps.Declared);
        Assert.Equal(ItchReplay.ReferenceSnapshot(messages), ItchReplay.Snapshot(builder));
    }

    [Fact]
    public void Poll_WithNothingQueued_ReturnsZero_AndCountsNoError()
    {
        using var line = new MoldUdp64Line(LineArbiter.LineA, IPAddress.Loopback, 0, new ManualNanoClock());
        var receiver = new MoldUdp64Receiver(new LineArbiter(long.MaxValue, long.MaxValue, startSequence: 1));
        var handler = default(CountingMessageHandler);
        var gaps = default(NoGapHandler);
        Assert.Equal(0, line.Poll(ref receiver, 16, ref handler, ref gaps));
        Assert.Equal(0, line.ReceiveErrors);
    }

    [Fact]
    public void Polling_QueuedDatagrams_DoesNotAllocate()
    {
        using var line = new MoldUdp64Line(LineArbiter.LineA, IPAddress.Loopback, 0, new ManualNanoClock());
        var receiver = new MoldUdp64Receiver(new LineArbiter(long.MaxValue, long.MaxValue, startSequence: 1));
        var handler = default(CountingMessageHandler);
        var gaps = default(NoGapHandler);
        byte[] message = ItchWire.OrderDelete(1, 0, 1, 1);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var to = new IPEndPoint(IPAddress.Loopback, line.Port);
        for (int i = 0; i < 600; i++)
        {
            sender.SendTo(MoldWire.Packet(MoldUdpFeedWriter.Session, i + 1, [message]), to);
        }

        Assert.Equal(100, Drain(line, ref receiver, ref handler, ref gaps, 100)); // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        int received = Drain(line, ref receiver, ref handler, ref gaps, 500);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(500, received);
        Assert.Equal(0, allocated);
        Assert.Equal(600, handler.Messages);
    }

    /// <summary>Polls until <paramref name="datagrams"/> arrived or a spin budget ran out; returns how many arrived.</summary>
    private static int Drain(MoldUdp64Line line, ref MoldUdp64Receiver receiver, ref CountingMessageHandler handler, ref NoGapHandler gaps, int datagrams)
    {
        int received = 0;
        long spins = 0;
        while (received < datagrams && spins++ < 50_000_000)
        {
            received += line.Poll(ref receiver, datagrams - received, ref handler, ref gaps);
        }

        return received;
    }

    private struct CountingMessageHandler : IMoldUdp64MessageHandler
    {
        public long Messages;

        public void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs) => Messages++;
    }
}
