using System.Net;
using System.Net.Sockets;
using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Tests.Runtime;

namespace Llt.Hotpath.Tests.Feeds.Iex;

public sealed class IexUdpLineTests
{
    [Fact]
    public void DatagramsSentToTheLine_ReachTheFeed_StampedWithTheClock_AndDuplicatesAcrossLinesAreDropped()
    {
        using var lineA = new IexUdpLine(LineArbiter.LineA, IPAddress.Loopback, 0);
        using var lineB = new IexUdpLine(LineArbiter.LineB, IPAddress.Loopback, 0);
        using var books = new DeepBookBuilder<RecordingBookListener>(4, 8, new RecordingBookListener());
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Deep, books, 1_000, long.MaxValue, startSequence: 1);
        var clock = new ManualNanoClock(5_000);
        var gaps = default(NoGapHandler);
        byte[] s1 = IexWire.Segment(IexWire.Deep, 9, 1, IexWire.Bid("ZIEXT", 99.05m, 100));
        byte[] s2 = IexWire.Segment(IexWire.Deep, 9, 2, IexWire.Ask("ZIEXT", 99.07m, 300));
        using var sender = new UdpClient(AddressFamily.InterNetwork);
        sender.Send(s1, new IPEndPoint(IPAddress.Loopback, lineA.Port));
        sender.Send(s2, new IPEndPoint(IPAddress.Loopback, lineA.Port));
        sender.Send(s1, new IPEndPoint(IPAddress.Loopback, lineB.Port));

        int received = 0;
        Eventually.True(
            () =>
            {
                received += lineA.Poll(feed, clock, 8, ref gaps) + lineB.Poll(feed, clock, 8, ref gaps);
                return received == 3;
            },
            "three datagrams on loopback");

        Assert.Equal((2L, 1L), (lineA.Datagrams, lineB.Datagrams));
        Assert.Equal(2, feed.MessagesApplied);
        Assert.Equal(1, feed.Arbiter.Duplicates);
        Assert.Equal(0, lineA.ReceiveErrors);
        Assert.Equal(5_000, books.Listener.Quotes[^1].ReceiveTimestampNs);
        Assert.Equal(IexWire.Price8(99.07m), books.Book(0).BestAskPrice);
    }

    [MulticastLoopbackFact]
    public void MulticastLine_JoinsItsGroupOnTheGivenInterface_AndReceivesWhatIsSentToTheGroup()
    {
        IPAddress group = IPAddress.Parse("239.255.77.3");
        using var line = new IexUdpLine(LineArbiter.LineA, group, 0, IPAddress.Loopback);
        using var books = new DeepBookBuilder<RecordingBookListener>(4, 8, new RecordingBookListener());
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Deep, books, 1_000, long.MaxValue, startSequence: 1);
        var clock = new ManualNanoClock(1);
        var gaps = default(NoGapHandler);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.Loopback.GetAddressBytes());
        sender.SendTo(IexWire.Segment(IexWire.Deep, 9, 1, IexWire.Bid("ZIEXT", 99.05m, 100)), new IPEndPoint(group, line.Port));

        Eventually.True(() => line.Poll(feed, clock, 8, ref gaps) > 0, "the datagram sent to the group");
        // another group on the same port (line B's, say) does not reach this line
        using var otherGroup = new IexUdpLine(LineArbiter.LineB, IPAddress.Parse("239.255.77.4"), line.Port, IPAddress.Loopback);
        sender.SendTo(IexWire.Segment(IexWire.Deep, 9, 2, IexWire.Bid("ZIEXT", 99.06m, 100)), new IPEndPoint(otherGroup.Group, line.Port));
        Eventually.True(() => otherGroup.Poll(feed, clock, 8, ref gaps) > 0, "the datagram sent to the other group");
        Assert.False(line.TryReceive(out _));

        Assert.Equal(2, feed.MessagesApplied);
        Assert.Equal(1, line.Datagrams);
        Assert.Equal(2, books.Book(0).BidLevelCount);
    }

    [Fact]
    public void ReceivingQueuedDatagramsIntoTheFeed_AllocatesNothing()
    {
        using var line = new IexUdpLine(LineArbiter.LineA, IPAddress.Loopback, 0);
        using var books = new DeepBookBuilder<CountingBookListener>(4, 16, default);
        var feed = new IexFeedHandler<CountingBookListener>(IexProtocol.Deep, books, 1_000, long.MaxValue, startSequence: 1);
        var clock = new ManualNanoClock(1);
        var gaps = default(NoGapHandler);
        byte[][] messages = DeepBookBuilderTests.SteadyStateMessages();
        using var sender = new UdpClient(AddressFamily.InterNetwork);
        const int Datagrams = 100; // well inside a default-sized socket receive buffer (rmem_max 208 KiB)
        for (int i = 0; i < Datagrams; i++)
        {
            sender.Send(IexWire.Segment(IexWire.Deep, 9, 1 + ((long)i * messages.Length), messages), new IPEndPoint(IPAddress.Loopback, line.Port));
        }

        int received = 0;
        Eventually.True(() => (received += line.Poll(feed, clock, 1, ref gaps)) >= 30, "the first 30 datagrams");
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int spins = 0; received < Datagrams && spins < 1_000_000; spins++)
        {
            received += line.Poll(feed, clock, 16, ref gaps);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(Datagrams, received);
        Assert.Equal(0, allocated);
        Assert.Equal(Datagrams * messages.Length, feed.MessagesApplied);
    }

    [Fact]
    public void NothingQueued_ReturnsFalseWithoutCountingAnError()
    {
        using var line = new IexUdpLine(LineArbiter.LineA, IPAddress.Loopback, 0);

        Assert.False(line.TryReceive(out ReadOnlySpan<byte> payload));
        Assert.True(payload.IsEmpty);
        Assert.Equal(0, line.ReceiveErrors);
    }

    [Fact]
    public void LineOtherThanAOrB_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IexUdpLine(2, IPAddress.Loopback, 0));
    }
}
