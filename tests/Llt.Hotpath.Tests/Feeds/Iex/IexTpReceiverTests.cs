using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.Tests.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>IEX-TP over lines A and B into a handler that must see each message once, in sequence order.</summary>
public sealed class IexTpReceiverTests
{
    private const uint Session = 1_222_443_008;

    private static IexTpReceiver NewReceiver(long windowMessages = long.MaxValue, int holdBack = 64) =>
        new(IexProtocol.Deep, new LineArbiter(windowMessages, long.MaxValue, startSequence: 1), holdBack);

    private static byte[] Segment(long first, int count) =>
        IexWire.Segment(IexWire.Deep, Session, first, [.. Enumerable.Range(0, count).Select(i => IexWire.Bid("ZIEXT", 10m + ((first + i) / 100m), (uint)(first + i)))]);

    [Fact]
    public void SegmentLostOnA_WaitsForBsCopy_ThenEverythingGoesOutInOrder_Once()
    {
        var receiver = NewReceiver();
        var handler = new RecordingMessageHandler();
        var gaps = new RecordingGapHandler();

        Assert.Equal(2, receiver.OnDatagram(LineArbiter.LineA, Segment(1, 2), 1, ref handler, ref gaps));
        Assert.Equal(0, receiver.OnDatagram(LineArbiter.LineA, Segment(5, 2), 2, ref handler, ref gaps)); // 3..4 lost on A
        Assert.Equal(0, receiver.OnDatagram(LineArbiter.LineA, Segment(7, 1), 3, ref handler, ref gaps));
        Assert.Equal(3, receiver.HeldMessages);
        Assert.Equal(0, receiver.OnDatagram(LineArbiter.LineB, Segment(1, 2), 4, ref handler, ref gaps)); // duplicates
        Assert.Equal(5, receiver.OnDatagram(LineArbiter.LineB, Segment(3, 2), 5, ref handler, ref gaps)); // 3, 4, then 5..7
        Assert.Equal(0, receiver.OnDatagram(LineArbiter.LineB, Segment(5, 2), 6, ref handler, ref gaps));

        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], handler.Messages.Select(m => m.Sequence));
        Assert.Empty(gaps.Declared);
        Assert.Equal((1L, 2L, 4L), (receiver.Arbiter.Gaps, receiver.Arbiter.Recovered, receiver.Arbiter.Duplicates));
        Assert.Equal(0, receiver.HeldMessages);
    }

    [Fact]
    public void GapNeitherLineFills_IsDeclaredAfterTheWindow_AndWhatWaitedBehindItGoesOut()
    {
        var receiver = NewReceiver(windowMessages: 3);
        var handler = new RecordingMessageHandler();
        var gaps = new RecordingGapHandler();
        receiver.OnDatagram(LineArbiter.LineA, Segment(1, 1), 1, ref handler, ref gaps);
        receiver.OnDatagram(LineArbiter.LineA, Segment(3, 2), 2, ref handler, ref gaps); // 2 lost on both lines
        Assert.Equal((1, 2), (handler.Messages.Count, receiver.HeldMessages));

        receiver.OnDatagram(LineArbiter.LineA, Segment(5, 3), 3, ref handler, ref gaps); // window: 3 messages past the gap

        Assert.Equal([(2L, 2L)], gaps.Declared);
        Assert.Equal([1L, 3, 4, 5, 6, 7], handler.Messages.Select(m => m.Sequence));
        Assert.Equal(0, receiver.OnDatagram(LineArbiter.LineB, Segment(2, 1), 4, ref handler, ref gaps)); // late: nothing
        Assert.Equal(1, receiver.Arbiter.LatePackets);
    }

    [Fact]
    public void Flush_DeclaresWhatIsStillMissing_AndReleasesEverythingHeld()
    {
        var receiver = NewReceiver();
        var handler = new RecordingMessageHandler();
        var gaps = new RecordingGapHandler();
        receiver.OnDatagram(LineArbiter.LineA, Segment(1, 1), 1, ref handler, ref gaps);
        receiver.OnDatagram(LineArbiter.LineA, Segment(4, 2), 2, ref handler, ref gaps);

        Assert.Equal(2, receiver.Flush(ref handler, ref gaps));
        Assert.Equal([(2L, 3L)], gaps.Declared);
        Assert.Equal([1L, 4, 5], handler.Messages.Select(m => m.Sequence));
    }

    [Fact]
    public void HoldBackFull_GivesUpOnTheGap_KeepsOrder()
    {
        var receiver = NewReceiver(holdBack: 4);
        var handler = new RecordingMessageHandler();
        var gaps = new RecordingGapHandler();
        receiver.OnDatagram(LineArbiter.LineA, Segment(1, 1), 1, ref handler, ref gaps);
        receiver.OnDatagram(LineArbiter.LineA, Segment(3, 3), 2, ref handler, ref gaps); // 2 missing; 3..5 held
        receiver.OnDatagram(LineArbiter.LineA, Segment(6, 3), 3, ref handler, ref gaps); // 6 is past what 4 slots from 2 hold

        Assert.Equal([(2L, 2L)], gaps.Declared);
        Assert.Equal(1, receiver.HoldBackOverflows);
        Assert.Equal([1L, 3, 4, 5, 6, 7, 8], handler.Messages.Select(m => m.Sequence));
    }

    [Fact]
    public void RefusedAndOtherProtocolSegments_AreCounted_AndTheGoodCopyOnTheOtherLineApplies()
    {
        var receiver = NewReceiver();
        var handler = new RecordingMessageHandler();
        var gaps = new RecordingGapHandler();
        byte[] good = Segment(1, 2);
        byte[] cut = good[..^3];
        byte[] tops = IexWire.Segment(IexWire.Tops, Session, 1, IexWire.SystemEvent((byte)'O', 1));

        Assert.Equal(0, receiver.OnDatagram(LineArbiter.LineA, cut, 1, ref handler, ref gaps));
        Assert.Equal(0, receiver.OnDatagram(LineArbiter.LineA, tops, 1, ref handler, ref gaps));
        Assert.Equal(2, receiver.OnDatagram(LineArbiter.LineB, good, 2, ref handler, ref gaps));

        Assert.Equal((1L, 1L), (receiver.RefusedSegments, receiver.WrongProtocolSegments));
        Assert.Equal(1, receiver.RefusedSegmentCount(IexTpError.PayloadLengthMismatch));
        Assert.Equal(0, receiver.Arbiter.Gaps);
    }

    [Fact]
    public void NewSession_ReleasesTheOldSessionsHeldMessagesFirst_ThenRestartsAtOne()
    {
        var receiver = NewReceiver();
        var handler = new RecordingMessageHandler();
        var gaps = new RecordingGapHandler();
        receiver.OnDatagram(LineArbiter.LineA, Segment(1, 1), 1, ref handler, ref gaps);
        receiver.OnDatagram(LineArbiter.LineA, Segment(3, 1), 2, ref handler, ref gaps); // 2 missing, 3 held
        byte[] next = IexWire.Segment(IexWire.Deep, Session + 1, 1, IexWire.Bid("ZIEXT", 11m, 1));

        Assert.Equal(2, receiver.OnDatagram(LineArbiter.LineA, next, 3, ref handler, ref gaps));
        Assert.Equal([(2L, 2L)], gaps.Declared);
        Assert.Equal([1L, 3, 1], handler.Messages.Select(m => m.Sequence));
    }

    [Fact]
    public void RestartAt_DropsAndCountsWhatWaited_ThenSequencesFromTheGivenNumber()
    {
        var receiver = NewReceiver();
        var handler = new RecordingMessageHandler();
        var gaps = new RecordingGapHandler();
        receiver.OnDatagram(LineArbiter.LineA, Segment(1, 1), 1, ref handler, ref gaps);
        receiver.OnDatagram(LineArbiter.LineA, Segment(4, 2), 2, ref handler, ref gaps);

        Assert.Equal(2, receiver.RestartAt(10));

        Assert.Equal((0, 2L, 0), (receiver.HeldMessages, receiver.DroppedHeldMessages, receiver.Arbiter.PendingGapCount));
        Assert.Empty(gaps.Declared); // forgotten, not declared
        Assert.Equal(1, receiver.OnDatagram(LineArbiter.LineA, Segment(10, 1), 3, ref handler, ref gaps));
        Assert.Equal(0, receiver.Flush(ref handler, ref gaps)); // nothing held any more
        Assert.Equal([1L, 10], handler.Messages.Select(m => m.Sequence));
    }

    [Fact]
    public void UnknownProtocol_IsRefusedAtConstruction()
    {
        Assert.Throws<ArgumentException>(() => new IexTpReceiver(IexProtocol.Unknown, new LineArbiter(1, 1)));
    }
}
