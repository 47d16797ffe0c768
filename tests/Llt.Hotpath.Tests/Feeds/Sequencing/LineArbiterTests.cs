using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Sequencing;

public sealed class LineArbiterTests
{
    private const int A = LineArbiter.LineA;
    private const int B = LineArbiter.LineB;
    private const long Never = long.MaxValue;

    [Fact]
    public void InSequence_OnOneLine_DeliversEverything()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        AssertResult(arbiter.Offer(A, 1, 3, 0), ArbitrationKind.Deliver, skip: 0, deliver: 3);
        AssertResult(arbiter.Offer(A, 4, 2, 0), ArbitrationKind.Deliver, skip: 0, deliver: 2);
        Assert.Equal(6, arbiter.NextSequence);
        Assert.Equal(5, arbiter.Delivered);
        Assert.Equal(0, arbiter.Gaps);
        Assert.Equal(2, arbiter.WinsA);
    }

    [Fact]
    public void FirstCopyWins_TheOtherLinesCopyIsADuplicate()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        AssertResult(arbiter.Offer(B, 1, 3, 0), ArbitrationKind.Deliver, 0, 3);
        AssertResult(arbiter.Offer(A, 1, 3, 0), ArbitrationKind.Duplicate, 3, 0);
        AssertResult(arbiter.Offer(A, 4, 3, 0), ArbitrationKind.Deliver, 0, 3);
        AssertResult(arbiter.Offer(B, 4, 3, 0), ArbitrationKind.Duplicate, 3, 0);

        Assert.Equal(6, arbiter.Delivered);
        Assert.Equal(6, arbiter.Duplicates);
        Assert.Equal(1, arbiter.WinsA);
        Assert.Equal(1, arbiter.WinsB);
        Assert.Equal(2, arbiter.PacketsOnLine(A));
        Assert.Equal(2, arbiter.PacketsOnLine(B));
    }

    [Fact]
    public void OverlappingPacket_DeliversOnlyTheNewTail()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        arbiter.Offer(A, 1, 9, 0);
        ArbitrationResult result = arbiter.Offer(B, 8, 5, 0); // 8..12, next is 10
        AssertResult(result, ArbitrationKind.Deliver, skip: 2, deliver: 3);
        Assert.False(result.ShouldDeliver(1));
        Assert.True(result.ShouldDeliver(2));
        Assert.True(result.ShouldDeliver(4));
        Assert.False(result.ShouldDeliver(5));
        Assert.Equal(2, arbiter.Duplicates);
        Assert.Equal(13, arbiter.NextSequence);
    }

    [Fact]
    public void Gap_IsReportedOnce_ThenFilledByTheOtherLine()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        arbiter.Offer(A, 1, 10, 0);
        ArbitrationResult gap = arbiter.Offer(A, 16, 5, 0); // 11..15 missing on A
        AssertResult(gap, ArbitrationKind.Gap, 0, 5);
        Assert.True(gap.HasGap);
        Assert.Equal((11L, 15L), (gap.GapFrom, gap.GapTo));
        Assert.Equal(1, arbiter.PendingGapCount);

        ArbitrationResult fill = arbiter.Offer(B, 11, 10, 0); // B's copy of 11..20
        Assert.Equal(ArbitrationKind.Recovered, fill.Kind);
        Assert.Equal(5, fill.RecoveredMessages);
        Assert.Equal(0, fill.RecoveredSkip);
        Assert.Equal(0, fill.DeliverMessages);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(i < 5, fill.ShouldDeliver(i));
        }

        Assert.Equal(0, arbiter.PendingGapCount);
        Assert.Equal(1, arbiter.Gaps);
        Assert.Equal(5, arbiter.GapMessages);
        Assert.Equal(5, arbiter.Recovered);
        Assert.Equal(5, arbiter.Duplicates);
        Assert.Equal(0, arbiter.LostGaps);
        Assert.Equal(20, arbiter.Delivered);
    }

    [Fact]
    public void PartialFill_SplitsThePendingGap()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        arbiter.Offer(A, 1, 10, 0);
        arbiter.Offer(A, 21, 1, 0); // 11..20 missing
        ArbitrationResult fill = arbiter.Offer(B, 14, 3, 0); // 14..16
        Assert.Equal(ArbitrationKind.Recovered, fill.Kind);
        Assert.Equal(3, fill.RecoveredMessages);
        Assert.Equal(2, arbiter.PendingGapCount);

        var handler = new RecordingGapHandler();
        arbiter.CheckSession(SessionId.FromNumber(1), ref handler);
        arbiter.CheckSession(SessionId.FromNumber(2), ref handler); // a new session declares what is left
        Assert.Equal([(11L, 13L), (17L, 20L)], handler.Declared);
    }

    [Fact]
    public void UnfilledGap_IsDeclaredLostAfterTheMessageWindow_ToTheHook_Once()
    {
        var arbiter = new LineArbiter(gapWindowMessages: 10, gapWindowNs: Never, startSequence: 1);
        var handler = new RecordingGapHandler();
        arbiter.Offer(A, 1, 5, 0, ref handler);
        arbiter.Offer(A, 8, 2, 0, ref handler); // 6..7 missing; next = 10, deadline 20
        arbiter.Offer(A, 10, 5, 0, ref handler);
        Assert.Empty(handler.Declared);
        arbiter.Offer(A, 15, 5, 0, ref handler); // next reaches 20
        Assert.Equal([(6L, 7L)], handler.Declared);
        arbiter.Offer(A, 20, 5, 0, ref handler);
        Assert.Single(handler.Declared);

        Assert.Equal(1, arbiter.LostGaps);
        Assert.Equal(2, arbiter.LostMessages);
        Assert.Equal(0, arbiter.PendingGapCount);
    }

    [Fact]
    public void LatePacket_AfterItsGapWasDeclared_IsCountedLate_NotDelivered()
    {
        var arbiter = new LineArbiter(gapWindowMessages: 0, gapWindowNs: Never, startSequence: 1);
        var handler = new RecordingGapHandler();
        arbiter.Offer(A, 1, 5, 0, ref handler);
        arbiter.Offer(A, 9, 1, 0, ref handler); // window 0: 6..8 declared at once
        Assert.Equal([(6L, 8L)], handler.Declared);

        ArbitrationResult late = arbiter.Offer(B, 6, 3, 0, ref handler);
        Assert.Equal(ArbitrationKind.Late, late.Kind);
        Assert.Equal(0, late.TotalDeliver);
        Assert.Equal(1, arbiter.LatePackets);
        Assert.Equal(3, arbiter.LateMessages);
        Assert.Equal(0, arbiter.Duplicates);
    }

    [Fact]
    public void UnfilledGap_IsDeclaredByTime_FromTheDutyCycle_EvenWhileBothLinesAreSilent()
    {
        var arbiter = new LineArbiter(gapWindowMessages: Never, gapWindowNs: 1_000, startSequence: 1);
        var handler = new RecordingGapHandler();
        arbiter.Offer(A, 1, 1, 5_000, ref handler);
        arbiter.Offer(A, 3, 1, 5_000, ref handler); // 2 missing, deadline 6_000
        Assert.Equal(0, arbiter.ExpireGaps(5_999, ref handler));
        Assert.Equal(1, arbiter.ExpireGaps(6_000, ref handler));
        Assert.Equal([(2L, 2L)], handler.Declared);
    }

    [Fact]
    public void Heartbeat_RevealsAGap_WhenItsNextSequenceIsAhead()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        arbiter.Offer(A, 1, 4, 0);
        AssertResult(arbiter.Offer(A, 5, 0, 0), ArbitrationKind.Heartbeat, 0, 0);
        ArbitrationResult result = arbiter.Offer(B, 8, 0, 0);
        Assert.Equal(ArbitrationKind.Gap, result.Kind);
        Assert.Equal((5L, 7L), (result.GapFrom, result.GapTo));
    }

    [Fact]
    public void StartSequenceZero_AdoptsTheFirstPacket_JoiningLate()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 0);
        AssertResult(arbiter.Offer(A, 1_000, 2, 0), ArbitrationKind.Deliver, 0, 2);
        Assert.Equal(0, arbiter.Gaps);
        Assert.Equal(1_002, arbiter.NextSequence);
    }

    [Fact]
    public void StartSequenceOne_FirstPacketLater_IsAGap()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        ArbitrationResult result = arbiter.Offer(A, 4, 1, 0);
        Assert.Equal((1L, 3L), (result.GapFrom, result.GapTo));
    }

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(-1, 1, 1)]
    [InlineData(A, 0, 1)]
    [InlineData(A, 1, -1)]
    [InlineData(A, long.MaxValue, 2)]
    public void InvalidOffers_AreRejected_StateUnchanged(int line, long sequence, int count)
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        arbiter.Offer(A, 1, 1, 0);
        Assert.Equal(ArbitrationKind.Rejected, arbiter.Offer(line, sequence, count, 0).Kind);
        Assert.Equal(1, arbiter.Rejected);
        Assert.Equal(2, arbiter.NextSequence);
        Assert.Equal(1, arbiter.Delivered);
    }

    [Fact]
    public void NewSession_DeclaresTheOldGaps_RestartsSequencing_AndDropsTheLaggingLine()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        var handler = new RecordingGapHandler();
        SessionId first = SessionId.FromAscii("0000000001"u8);
        SessionId second = SessionId.FromAscii("0000000002"u8);
        Assert.Equal(SessionStatus.Started, arbiter.CheckSession(first, ref handler));
        arbiter.Offer(A, 1, 5, 0, ref handler);
        arbiter.Offer(A, 8, 1, 0, ref handler); // 6..7 pending

        Assert.Equal(SessionStatus.Changed, arbiter.CheckSession(second, ref handler));
        Assert.Equal([(6L, 7L)], handler.Declared);
        Assert.Equal(1, arbiter.NextSequence);
        Assert.Equal(SessionStatus.Previous, arbiter.CheckSession(first, ref handler));
        Assert.Equal(1, arbiter.PreviousSessionPackets);
        Assert.Equal(SessionStatus.Current, arbiter.CheckSession(second, ref handler));
        AssertResult(arbiter.Offer(B, 1, 2, 0, ref handler), ArbitrationKind.Deliver, 0, 2);
        Assert.Equal(1, arbiter.SessionChanges);
    }

    [Fact]
    public void EndOfSession_IsRecorded_AndCanRevealAGap()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        arbiter.Offer(A, 1, 3, 0);
        ArbitrationResult result = arbiter.EndSession(A, 6, 0);
        Assert.True(arbiter.IsSessionEnded);
        Assert.Equal((4L, 5L), (result.GapFrom, result.GapTo));
    }

    [Fact]
    public void MoreGapsThanTheTableHolds_DeclaresTheOldestAtOnce()
    {
        var arbiter = new LineArbiter(Never, Never, startSequence: 1);
        var handler = new RecordingGapHandler();
        long sequence = 1;
        for (int i = 0; i <= SequenceRangeTable.Capacity + 1; i++)
        {
            arbiter.Offer(A, sequence, 1, 0, ref handler);
            sequence += 2; // leave one missing each time
        }

        // the first packet opens no gap; the next 17 open one each, and the 17th pushes the oldest out
        Assert.Equal(SequenceRangeTable.Capacity, arbiter.PendingGapCount);
        Assert.Equal([(2L, 2L)], handler.Declared);
    }

    [Fact]
    public void SteadyOffers_DoNotAllocate()
    {
        var arbiter = new LineArbiter(1_000, Never, startSequence: 1);
        var handler = new RecordingGapHandler();
        long sequence = 1;
        for (int i = 0; i < 1_000; i++)
        {
            arbiter.Offer(A, sequence, 3, i, ref handler);
            arbiter.Offer(B, sequence, 3, i, ref handler);
            sequence += 3;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            arbiter.Offer(A, sequence, 3, i, ref handler);
            arbiter.Offer(B, sequence, 3, i, ref handler);
            if (i % 100 == 0)
            {
                arbiter.Offer(A, sequence + 5, 1, i, ref handler); // a gap B fills next
                arbiter.Offer(B, sequence + 3, 3, i, ref handler);
                sequence += 3;
            }

            sequence += 3;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, arbiter.LostGaps);
        Assert.Equal(1_000, arbiter.Gaps);
    }

    private static void AssertResult(ArbitrationResult result, ArbitrationKind kind, int skip, int deliver)
    {
        Assert.Equal(kind, result.Kind);
        Assert.Equal(skip, result.SkipMessages);
        Assert.Equal(deliver, result.DeliverMessages);
        Assert.Equal(0, result.RecoveredMessages);
    }
}
