using System.Net;
using System.Net.Sockets;
using Llt.Codecs.Runtime;
using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.Publishing;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Tests.Feeds.Iex;
using Llt.Hotpath.Tests.Feeds.Itch;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Feeds.Publishing;

/// <summary>
/// A live feed over real UDP sockets on 127.0.0.1 (unicast standing in for the multicast groups): generated ITCH
/// over MoldUDP64 and IEX-TP DEEP on lines A and B with packets lost, late and duplicated, into md.ring as SBE.
/// The ring must hold exactly what publishing the session once, in order, gives.
/// </summary>
public sealed class UdpFeedAgentTests : IDisposable
{
    private const int RingCapacity = 1 << 20;
    private static readonly string[] Symbols = ["SYM0", "SYM1", "SYM2", "SYM3"];
    private readonly AlignedMemory _memory = AlignedMemory.Allocate(RingCapacity + RingBufferDescriptor.TrailerLength);
    private readonly AlignedMemory _referenceMemory = AlignedMemory.Allocate(RingCapacity + RingBufferDescriptor.TrailerLength);
    private readonly ManyToOneRingBuffer _ring;
    private readonly ManyToOneRingBuffer _reference;
    private readonly ManualNanoClock _clock = new(5_000);
    private readonly Socket _sender = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly List<(int Type, byte[] Body)> _published = [];

    public UdpFeedAgentTests()
    {
        _ring = new ManyToOneRingBuffer(_memory.AsBuffer());
        _reference = new ManyToOneRingBuffer(_referenceMemory.AsBuffer());
    }

    public void Dispose()
    {
        _sender.Dispose();
        _memory.Dispose();
        _referenceMemory.Dispose();
    }

    private UdpFeedAgent Agent(CaptureProtocol protocol, bool twoLines = true, long gapWindowNs = 1_000_000) =>
        new(
            new UdpFeedOptions
            {
                Protocol = protocol,
                FeedId = 5,
                GroupA = IPAddress.Loopback,
                PortA = 0,
                GroupB = twoLines ? IPAddress.Loopback : null,
                PortB = 0,
                GapWindowNs = gapWindowNs,
                ReceiveBufferBytes = 4 << 20,
                HeartbeatIntervalNs = 1_000_000,
            },
            _ring,
            Symbols,
            _clock);

    /// <summary>Sends each packet on A (unless dropped) and on B <paramref name="bLag"/> packets later, running the agent as it goes.</summary>
    private void Send(UdpFeedAgent agent, IReadOnlyList<byte[]> packets, ISet<int> dropOnA, ISet<int> dropOnB, int bLag)
    {
        var toA = new IPEndPoint(IPAddress.Loopback, agent.PortA);
        var toB = new IPEndPoint(IPAddress.Loopback, agent.PortB);
        for (int i = 0; i < packets.Count + bLag; i++)
        {
            if (i < packets.Count && !dropOnA.Contains(i))
            {
                _sender.SendTo(packets[i], toA);
            }

            int b = i - bLag;
            if (b >= 0 && !dropOnB.Contains(b) && agent.PortB != 0)
            {
                _sender.SendTo(packets[b], toB);
            }

            Run(agent, until: () => false, spins: 3);
        }
    }

    /// <summary>Runs the agent, draining md.ring, until <paramref name="until"/> holds or nothing arrives for a while.</summary>
    private void Run(UdpFeedAgent agent, Func<bool> until, int spins = 200_000)
    {
        int idle = 0;
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (!until() && idle < spins && DateTime.UtcNow < deadline)
        {
            int work = agent.DoWork();
            _ring.Read(new MessageHandler((type, buffer, index, length) => _published.Add((type, buffer.AsSpan(index, length).ToArray()))), 1_000);
            idle = work == 0 ? idle + 1 : 0;
        }
    }

    private static List<(int Type, byte[] Body)> Drain(RingBuffer ring)
    {
        var records = new List<(int, byte[])>();
        ring.Read(new MessageHandler((type, buffer, index, length) => records.Add((type, buffer.AsSpan(index, length).ToArray()))), int.MaxValue);
        return records;
    }

    private List<(int Type, byte[] Body)> MarketData => [.. _published.Where(r => r.Type != FeedHealthEncoder.TemplateId)];

    private List<FeedSignal> HealthSignals => [.. _published.Where(r => r.Type == FeedHealthEncoder.TemplateId).Select(r =>
    {
        Assert.Equal(SbeDecodeStatus.Ok, FeedHealthDecoder.TryDecode(r.Body, 0, out FeedHealthDecoder health, out _));
        Assert.Equal(5, health.FeedId);
        return health.Signal;
    })];

    /// <summary>What publishing the ITCH session once, in order, at the agent's clock reading puts on md.ring.</summary>
    private List<(int Type, byte[] Body)> ItchReference(IReadOnlyList<byte[]> messages)
    {
        var publisher = new ItchSbePublisher(_reference, ItchInstrumentMap.For(Symbols), 5, 0) { ReceiveTs = _clock.NanoTime() };
        foreach (byte[] message in messages)
        {
            ItchParser.Parse(message, ref publisher);
        }

        return Drain(_reference);
    }

    [Fact]
    public void Itch_PacketsLostOnA_ComeFromB_AndMdRingGetsTheSessionInOrder_ExactlyOnce()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 21).Generate(1_500).Messages;
        byte[][] packets = [.. MoldUdpFeedWriter.Packetise(messages, 5).Select(p => MoldWire.Packet(MoldUdpFeedWriter.Session, p.Sequence, p.Messages))];
        var dropOnA = new HashSet<int>(Enumerable.Range(0, 15).Select(i => 4 + (i * 19)));
        using UdpFeedAgent agent = Agent(CaptureProtocol.Itch50);

        Send(agent, packets, dropOnA, new HashSet<int>(), bLag: 3);
        Run(agent, until: () => agent.Packets == (2 * packets.Length) - dropOnA.Count);

        Assert.Equal(dropOnA.Count * 5, agent.Sequencing.Recovered);
        Assert.Equal(0, agent.Gaps);
        Assert.Equal(0, agent.ReceiveErrors);
        Assert.Equal(0, agent.Itch.RingFull);
        List<(int Type, byte[] Body)> expected = ItchReference(messages);
        Assert.Equal(expected.Count, MarketData.Count);
        Assert.Equal(expected.Select(r => Convert.ToHexString(r.Body)), MarketData.Select(r => Convert.ToHexString(r.Body)));
    }

    [Fact]
    public void Itch_PacketLostOnBothLines_IsAnnouncedAsFeedHealthGap_AfterTheWindow_AndTheRestGoesOut()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 22).Generate(300).Messages;
        byte[][] packets = [.. MoldUdpFeedWriter.Packetise(messages, 5).Select(p => MoldWire.Packet(MoldUdpFeedWriter.Session, p.Sequence, p.Messages))];
        using UdpFeedAgent agent = Agent(CaptureProtocol.Itch50, gapWindowNs: 1_000_000);

        Send(agent, packets, new HashSet<int> { 10 }, new HashSet<int> { 10 }, bLag: 1);
        Run(agent, until: () => agent.Packets == (2 * packets.Length) - 2);
        Assert.Equal(0, agent.Gaps); // still waiting: nothing after packet 9 has reached md.ring
        int before = MarketData.Count;

        _clock.Advance(1_000_000);
        Run(agent, until: () => agent.Gaps == 1);

        Assert.Equal(5, agent.GapMessages);
        Assert.Contains(FeedSignal.Gap, HealthSignals);
        Assert.True(MarketData.Count > before);
        Assert.Equal(messages.Count - 5, agent.Sequencing.Delivered);
    }

    [MulticastLoopbackFact]
    public void Itch_MulticastLinesAB_JoinedOnAnInterface_OnePort_EveryMessageOnce()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 24).Generate(200).Messages;
        byte[][] packets = [.. MoldUdpFeedWriter.Packetise(messages, 5).Select(p => MoldWire.Packet(MoldUdpFeedWriter.Session, p.Sequence, p.Messages))];
        IPAddress groupA = IPAddress.Parse("239.255.77.11");
        IPAddress groupB = IPAddress.Parse("239.255.77.12");
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port; // a free port both lines share, as NASDAQ's A and B do
        }

        using var agent = new UdpFeedAgent(
            new UdpFeedOptions { FeedId = 5, GroupA = groupA, PortA = port, GroupB = groupB, PortB = port, LocalInterface = IPAddress.Loopback },
            _ring,
            Symbols,
            _clock);
        _sender.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.Loopback.GetAddressBytes());
        foreach (byte[] packet in packets)
        {
            _sender.SendTo(packet, new IPEndPoint(groupA, port));
            _sender.SendTo(packet, new IPEndPoint(groupB, port));
            Run(agent, until: () => false, spins: 3);
        }

        Run(agent, until: () => agent.Packets == 2 * packets.Length);

        Assert.Equal(2 * packets.Length, agent.Packets); // each group's datagrams reached its own line only
        Assert.Equal(messages.Count, agent.Sequencing.Duplicates);
        Assert.Equal(ItchReference(messages).Select(r => Convert.ToHexString(r.Body)), MarketData.Select(r => Convert.ToHexString(r.Body)));
    }

    [Fact]
    public void Heartbeats_GoOutWhilePacketsArrive_NotWhenTheLineIsSilent()
    {
        using UdpFeedAgent agent = Agent(CaptureProtocol.Itch50, twoLines: false);
        var toA = new IPEndPoint(IPAddress.Loopback, agent.PortA);
        _sender.SendTo(MoldWire.Packet(MoldUdpFeedWriter.Session, 1, []), toA); // MoldUDP64 heartbeat
        Run(agent, until: () => agent.Packets == 1);

        _clock.Advance(1_000_000);
        Run(agent, until: () => agent.Heartbeats == 1);
        _clock.Advance(1_000_000);
        Run(agent, until: () => false, spins: 1_000); // silence: no heartbeat

        Assert.Equal(1, agent.Heartbeats);
        Assert.Equal([FeedSignal.Heartbeat], HealthSignals);
    }

    [Fact]
    public void IexDeep_SegmentLostOnA_ComesFromB_LevelsReachMdRingInSequenceOrder()
    {
        const uint session = 42;
        byte[][] segments =
        [
            IexWire.Segment(IexWire.Deep, session, 1, IexWire.Bid("SYM0", 10.00m, 100)),
            IexWire.Segment(IexWire.Deep, session, 2, IexWire.Bid("SYM0", 10.01m, 200)),
            IexWire.Segment(IexWire.Deep, session, 3, IexWire.Bid("SYM0", 10.01m, 0)), // lost on A; B brings it late
            IexWire.Segment(IexWire.Deep, session, 4, IexWire.Bid("SYM0", 10.01m, 300)),
        ];
        using UdpFeedAgent agent = Agent(CaptureProtocol.Iex);

        Send(agent, segments, new HashSet<int> { 2 }, new HashSet<int>(), bLag: 2);
        Run(agent, until: () => agent.Packets == 7);

        var levels = MarketData.Select(r =>
        {
            Assert.Equal(BookLevelUpdateDecoder.TemplateId, r.Type);
            Assert.Equal(SbeDecodeStatus.Ok, BookLevelUpdateDecoder.TryDecode(r.Body, 0, out BookLevelUpdateDecoder level, out _));
            return (level.Price, level.Size);
        }).ToList();
        // applied in arrival order the last two would swap and leave 10.01 deleted
        Assert.Equal([(IexWire.Price8(10.00m), 100L), (IexWire.Price8(10.01m), 200L), (IexWire.Price8(10.01m), 0L), (IexWire.Price8(10.01m), 300L)], levels);
        Assert.Equal(1, agent.Sequencing.Recovered);
    }

    [Fact]
    public void ReceivingAndPublishing_AllocatesNothing()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 23).Generate(2_000).Messages;
        byte[][] packets = [.. MoldUdpFeedWriter.Packetise(messages, 5).Select(p => MoldWire.Packet(MoldUdpFeedWriter.Session, p.Sequence, p.Messages))];
        using UdpFeedAgent agent = Agent(CaptureProtocol.Itch50, twoLines: false);
        var toA = new IPEndPoint(IPAddress.Loopback, agent.PortA);
        var read = new MessageHandler((_, _, _, _) => { });
        int half = packets.Length / 2;
        for (int i = 0; i < half; i++)
        {
            _sender.SendTo(packets[i], toA);
        }

        while (agent.Packets < half)
        {
            agent.DoWork();
            _ring.Read(read, 10_000);
        }

        for (int i = half; i < packets.Length; i++)
        {
            _sender.SendTo(packets[i == half + 3 ? i + 1 : i == half + 4 ? i - 1 : i], toA); // two swapped: one gap, held, filled
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        long spins = 0;
        while (agent.Packets < packets.Length && spins++ < 50_000_000)
        {
            agent.DoWork();
            _ring.Read(read, 10_000);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(packets.Length, agent.Packets);
        Assert.Equal(1, agent.Sequencing.Recovered / 5);
    }
}
