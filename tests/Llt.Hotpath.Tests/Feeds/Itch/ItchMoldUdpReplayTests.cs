using System.Buffers.Binary;
using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.MarketData.Books;
using Llt.Hotpath.Tests.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>
/// ITCH over MoldUDP64 on two lines, from the generator (<see cref="ItchSessionGenerator"/>,
/// <see cref="MoldUdpFeedWriter"/>) through a pcap or pcapng file, the capture cursor, the MoldUDP64 receiver and its
/// A/B arbiter, into L3 books.
/// </summary>
public sealed class ItchMoldUdpReplayTests
{
    private const int PerPacket = 5;

    private static readonly UdpLineFilter LineA = new(MoldUdpFeedWriter.GroupA, MoldUdpFeedWriter.Port);
    private static readonly UdpLineFilter LineB = new(MoldUdpFeedWriter.GroupB, MoldUdpFeedWriter.Port);

    [Fact]
    public void CleanLines_EveryMessageOnce_DuplicatesDropped_BooksAsIfAppliedDirectly()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 1).Generate(2_000).Messages;
        byte[] capture = MoldUdpFeedWriter.Pcap(messages, PerPacket, new MoldUdpFeedFaults { HeartbeatEvery = 50 });

        using var replay = new ItchReplay();
        MoldUdp64CaptureSource source = replay.Run(capture, LineA, LineB);

        Assert.Equal(CaptureError.None, source.Cursor.Error);
        Assert.Equal(0, source.OtherDatagrams);
        ref LineArbiter arbiter = ref replay.Receiver.Arbiter;
        Assert.Equal(messages.Count, arbiter.Delivered);
        Assert.Equal(messages.Count, arbiter.Duplicates); // every B copy
        Assert.Equal(0, arbiter.Gaps);
        Assert.Equal(Enumerable.Range(1, messages.Count).Select(i => (long)i), replay.Sequences);
        Assert.True(replay.Receiver.Heartbeats > 0);
        Assert.Equal(2, replay.Receiver.EndOfSessions);
        Assert.True(arbiter.IsSessionEnded);
        Assert.Equal(0, replay.Builder.MalformedTotal);
        Assert.Equal(0, replay.Builder.RejectedTotal);
        Assert.Equal(ItchReplay.ReferenceSnapshot(messages), ItchReplay.Snapshot(replay.Builder));
    }

    [Fact]
    public void Generator_CoversEveryMessageType()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 2).Generate(500).Messages;
        using var builder = new ItchBookBuilder<NoItchBookListener>(8, 1 << 12, 512, default);
        foreach (byte[] message in messages)
        {
            Assert.True(builder.Apply(message));
        }

        foreach (char type in "SRHYLVWKJhAFECXDUPQBINO")
        {
            Assert.True(builder.MessagesOf(type) > 0, $"no '{type}' message");
        }

        for (int i = 0; i < builder.Locates.Count; i++)
        {
            Assert.False(builder.Book(i).IsCrossed);
        }
    }

    [Fact]
    public void PacketsDroppedOnOneLineOrTheOther_FirstCopyWins_NoGap_BooksIntact()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 3).Generate(2_000).Messages;
        var faults = new MoldUdpFeedFaults
        {
            DropOnA = new HashSet<int> { 3, 4, 50, 51, 52, 200 },
            DropOnB = new HashSet<int> { 10, 11, 120 },
        };
        // pcapng with A and B on separate capture interfaces: lines told apart by interface
        byte[] capture = MoldUdpFeedWriter.PcapNg(messages, PerPacket, faults);

        using var replay = new ItchReplay();
        replay.Run(capture, new UdpLineFilter(0, 0, InterfaceId: 0), new UdpLineFilter(0, 0, InterfaceId: 1));

        ref LineArbiter arbiter = ref replay.Receiver.Arbiter;
        Assert.Equal(0, arbiter.Gaps);
        Assert.Equal(messages.Count, arbiter.Delivered);
        Assert.Equal(messages.Count - (9 * PerPacket), arbiter.Duplicates);
        Assert.True(arbiter.WinsB > 0);
        Assert.Equal(ItchReplay.ReferenceSnapshot(messages), ItchReplay.Snapshot(replay.Builder));
    }

    [Fact]
    public void ALeadsAndDropsPackets_GapsAreSeen_ThenRecoveredFromB_EveryMessageExactlyOnce_InSequenceOrder()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 4).Generate(2_000).Messages;
        var dropped = new HashSet<int> { 7, 30, 31, 90 };
        var faults = new MoldUdpFeedFaults { DropOnA = dropped, BLagNs = (MoldUdpFeedWriter.PacketIntervalNs * 7) / 2 };
        byte[] capture = MoldUdpFeedWriter.Pcap(messages, PerPacket, faults);

        using var replay = new ItchReplay();
        replay.Run(capture, LineA, LineB);

        ref LineArbiter arbiter = ref replay.Receiver.Arbiter;
        Assert.Equal(3, arbiter.Gaps); // 30 and 31 are one gap
        Assert.Equal(dropped.Count * PerPacket, arbiter.GapMessages);
        Assert.Equal(dropped.Count * PerPacket, arbiter.Recovered);
        Assert.Equal(0, arbiter.LostGaps);
        Assert.Empty(replay.Gaps.Declared);
        Assert.Equal(messages.Count, arbiter.Delivered);
        // the messages after each hole waited for B's copy: the book saw them in sequence order, as if nothing was lost
        Assert.Equal(Enumerable.Range(1, messages.Count).Select(i => (long)i), replay.Sequences);
        Assert.Equal(0, replay.Receiver.HeldMessages);
        Assert.Equal(0, replay.Receiver.HoldBackOverflows);
        Assert.Equal(messages.Count, replay.Builder.Messages);
        Assert.Equal(0, replay.Builder.RejectedTotal);
        Assert.Equal(ItchReplay.ReferenceSnapshot(messages), ItchReplay.Snapshot(replay.Builder));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ALeadsAndDropsManyPackets_WithoutHoldBack_TheBookWouldBeWrong_WithItTheBookIsExact(int seed)
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed).Generate(3_000).Messages;
        var dropped = new HashSet<int>(Enumerable.Range(0, 40).Select(i => 5 + (i * 13)));
        var faults = new MoldUdpFeedFaults { DropOnA = dropped, BLagNs = MoldUdpFeedWriter.PacketIntervalNs * 6 };
        byte[] capture = MoldUdpFeedWriter.Pcap(messages, PerPacket, faults);

        using var arrivalOrder = new ItchReplay(holdBackMessages: 0);
        arrivalOrder.Run(capture, LineA, LineB);
        using var heldBack = new ItchReplay();
        heldBack.Run(capture, LineA, LineB);

        // delivered in arrival order, an execution or delete overtakes the add it refers to (rejected, then a phantom order)
        Assert.True(arrivalOrder.Builder.RejectedTotal > 0);
        Assert.NotEqual(ItchReplay.ReferenceSnapshot(messages), ItchReplay.Snapshot(arrivalOrder.Builder));
        Assert.Equal(0, heldBack.Builder.RejectedTotal);
        Assert.Equal(ItchReplay.ReferenceSnapshot(messages), ItchReplay.Snapshot(heldBack.Builder));
        Assert.Equal(dropped.Count * PerPacket, heldBack.Receiver.Arbiter.Recovered);
    }

    [Fact]
    public void HoldBackFull_DeclaresTheGapLost_AndKeepsOrder_NoMessageTwice()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 8).Generate(500).Messages;
        var faults = new MoldUdpFeedFaults { DropOnA = new HashSet<int> { 10 }, DropOnB = new HashSet<int> { 10 } };
        byte[] capture = MoldUdpFeedWriter.Pcap(messages, PerPacket, faults);

        // no window: only the full hold-back (64 messages) makes the receiver stop waiting for packet 10
        using var replay = new ItchReplay(holdBackMessages: 64);
        replay.Run(capture, LineA, LineB);

        long from = (10 * PerPacket) + 1;
        Assert.Equal([(from, from + PerPacket - 1)], replay.Gaps.Declared);
        Assert.Equal(1, replay.Receiver.HoldBackOverflows);
        Assert.Equal(messages.Count - PerPacket, replay.Sequences.Count);
        Assert.Equal(replay.Sequences.Order(), replay.Sequences); // in order across the overflow
        Assert.Equal(replay.Sequences.Count, replay.Sequences.Distinct().Count());
    }

    [Fact]
    public void PacketLostOnBothLines_IsDeclaredToTheHook_WhichCanEncodeARetransmissionRequest()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 5).Generate(500).Messages;
        var faults = new MoldUdpFeedFaults { DropOnA = new HashSet<int> { 20 }, DropOnB = new HashSet<int> { 20 } };
        byte[] capture = MoldUdpFeedWriter.Pcap(messages, PerPacket, faults);

        using var replay = new ItchReplay(gapWindowMessages: 50);
        replay.Run(capture, LineA, LineB);

        ref LineArbiter arbiter = ref replay.Receiver.Arbiter;
        long from = (20 * PerPacket) + 1;
        long to = from + PerPacket - 1;
        Assert.Equal([(from, to)], replay.Gaps.Declared);
        Assert.Equal(1, arbiter.LostGaps);
        Assert.Equal(PerPacket, arbiter.LostMessages);
        Assert.Equal(messages.Count - PerPacket, arbiter.Delivered);

        // the hook's job: ask the re-request server for exactly what was lost
        byte[] request = new byte[MoldUdp64Descriptor.RequestLength];
        Assert.Equal(1, MoldUdp64RequestEncoder.RequestsFor(from, to));
        Assert.Equal(20, MoldUdp64RequestEncoder.Encode(request, "000000042A"u8, from, (int)(to - from + 1)));
        Assert.Equal("000000042A"u8.ToArray(), request[..10]);
        Assert.Equal((ulong)from, BinaryPrimitives.ReadUInt64BigEndian(request.AsSpan(10)));
        Assert.Equal(PerPacket, BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(18)));
    }

    [Fact]
    public void DuplicatedPackets_OnTheSameLine_AreDroppedAndCounted()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 6).Generate(500).Messages;
        var faults = new MoldUdpFeedFaults { DuplicateOnA = new HashSet<int> { 1, 2, 3 } };
        byte[] capture = MoldUdpFeedWriter.Pcap(messages, PerPacket, faults);

        using var replay = new ItchReplay();
        replay.Run(capture, LineA, LineB);

        Assert.Equal(messages.Count + (3 * PerPacket), replay.Receiver.Arbiter.Duplicates);
        Assert.Equal(messages.Count, replay.Receiver.Arbiter.Delivered);
        Assert.Equal(0, replay.Builder.RejectedTotal);
        Assert.Equal(ItchReplay.ReferenceSnapshot(messages), ItchReplay.Snapshot(replay.Builder));
    }

    [Fact]
    public void PacketWithABlockRunningPastItsEnd_DeliversTheMessagesBefore_TheRestIsAGapTheOtherLineFills()
    {
        var session = "000000042A";
        byte[] add1 = ItchWire.AddOrder(1, 0, 1, 1, 'B', 100, "AAPL", 10_000);
        byte[] add2 = ItchWire.AddOrder(1, 0, 2, 2, 'B', 100, "AAPL", 10_000);
        byte[] add3 = ItchWire.AddOrder(1, 0, 3, 3, 'B', 100, "AAPL", 10_000);
        byte[] good = MoldWire.Packet(session, 2, [add1, add2, add3]);
        byte[] damaged = good[..^10]; // add3's block now runs past the end

        using var builder = new ItchBookBuilder<NoItchBookListener>(2, 16, 8, default);
        var receiver = new MoldUdp64Receiver(new LineArbiter(long.MaxValue, long.MaxValue, startSequence: 1));
        var handler = builder.Handler;
        var gaps = new RecordingGapHandler();
        receiver.OnPacket(LineArbiter.LineA, MoldWire.Packet(session, 1, [ItchWire.StockDirectory(1, "AAPL")]), 0, ref handler, ref gaps);
        Assert.Equal(2, receiver.OnPacket(LineArbiter.LineA, damaged, 0, ref handler, ref gaps));
        Assert.Equal(1, receiver.MalformedPackets);
        Assert.Equal(1, receiver.DroppedMessages);
        Assert.Equal(0, receiver.OnPacket(LineArbiter.LineA, good[..12], 0, ref handler, ref gaps));
        Assert.Equal(1, receiver.TooShortPackets);

        Assert.Equal(4, receiver.Arbiter.NextSequence); // sequence 4 was never framed

        byte[] add4 = ItchWire.AddOrder(1, 0, 4, 4, 'B', 100, "AAPL", 10_000);
        Assert.Equal(0, receiver.OnPacket(LineArbiter.LineA, MoldWire.Packet(session, 5, [add4]), 0, ref handler, ref gaps));
        Assert.Equal(1, receiver.Arbiter.PendingGapCount); // 4 is now a gap; 5 waits behind it
        Assert.Equal(1, receiver.HeldMessages);
        Assert.Equal(2, receiver.OnPacket(LineArbiter.LineB, good, 0, ref handler, ref gaps)); // B's copy fills it: 4, then 5
        Assert.Equal(0, receiver.HeldMessages);
        Assert.Equal(1, receiver.Arbiter.Recovered);
        Assert.Equal(0, receiver.Arbiter.PendingGapCount);
        Assert.Equal(4, builder.Book(0).OrderCount);
    }

    [Fact]
    public void ReceiverWithBookBuilder_SteadyState_DoesNotAllocate()
    {
        IReadOnlyList<byte[]> messages = new ItchSessionGenerator(seed: 7).Generate(3_000).Messages;
        var packets = MoldUdpFeedWriter.Packetise(messages, PerPacket)
            .Select(p => MoldWire.Packet(MoldUdpFeedWriter.Session, p.Sequence, p.Messages)).ToArray();

        using var builder = new ItchBookBuilder<NoItchBookListener>(8, 1 << 12, 512, default);
        var receiver = new MoldUdp64Receiver(new LineArbiter(long.MaxValue, long.MaxValue, startSequence: 1));
        var handler = builder.Handler;
        var gaps = default(NoGapHandler);
        int warm = packets.Length / 3;
        for (int i = 0; i < warm; i++)
        {
            receiver.OnPacket(LineArbiter.LineA, packets[i], i, ref handler, ref gaps);
            receiver.OnPacket(LineArbiter.LineB, packets[i], i, ref handler, ref gaps);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = warm; i < packets.Length; i++)
        {
            receiver.OnPacket(LineArbiter.LineA, packets[i], i, ref handler, ref gaps);
            receiver.OnPacket(LineArbiter.LineB, packets[i], i, ref handler, ref gaps);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(messages.Count, builder.Messages);
        Assert.Equal(0, builder.Rejected(BookResult.UnknownOrderId));
    }
}
