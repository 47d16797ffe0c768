using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Sequencing;

public sealed class SequenceHoldBackTests
{
    private struct CountingHandler : ISequencedMessageHandler
    {
        public long Count;
        public long LastSequence;

        public void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs)
        {
            Count++;
            LastSequence = sequence;
        }
    }

    [Fact]
    public void HeldOutOfOrder_IsReleasedInSequenceOrder_UpToTheLimit_WithItsBytesAndStamp()
    {
        var holdBack = new SequenceHoldBack(8, 4);
        holdBack.Rebase(10);
        Assert.True(holdBack.TryHold(13, [13, 1], 130));
        Assert.True(holdBack.TryHold(11, [11], 110));
        Assert.True(holdBack.TryHold(12, [12, 2, 3], 120));
        var handler = new RecordingMessageHandler();

        Assert.Equal(0, holdBack.Release(11, ref handler)); // 10 is still missing
        Assert.Equal(2, holdBack.Release(13, ref handler));
        Assert.Equal([(11L, (byte)11, 110L), (12L, (byte)12, 120L)], handler.Messages);
        Assert.Equal((1, 13L), (holdBack.Count, holdBack.Base));

        Assert.Equal(1, holdBack.Release(long.MaxValue, ref handler));
        Assert.Equal((13L, (byte)13, 130L), handler.Messages[^1]);
        Assert.Equal((0, 3L, 3L), (holdBack.Count, holdBack.Held, holdBack.Released));
    }

    [Fact]
    public void SequencesDeclaredLost_ArePassedOver()
    {
        var holdBack = new SequenceHoldBack(16, 1);
        holdBack.Rebase(1);
        holdBack.TryHold(5, [5], 0);
        holdBack.TryHold(9, [9], 0);
        var handler = new RecordingMessageHandler();

        Assert.Equal(2, holdBack.Release(20, ref handler)); // 1..4 and 6..8 never came
        Assert.Equal([5L, 9L], handler.Messages.Select(m => m.Sequence));
        Assert.Equal(20, holdBack.Base);
    }

    [Fact]
    public void OutsideTheWindow_OrLongerThanASlot_IsRefused_NothingHeld()
    {
        var holdBack = new SequenceHoldBack(4, 2);
        holdBack.Rebase(100);
        Assert.False(holdBack.TryHold(99, [1], 0)); // below the base: already applied
        Assert.False(holdBack.TryHold(104, [1], 0)); // base + capacity
        Assert.False(holdBack.TryHold(101, [1, 2, 3], 0)); // 3 bytes, slots of 2
        Assert.True(holdBack.TryHold(103, [1, 2], 0));
        Assert.Equal((1, 3L), (holdBack.Count, holdBack.Refused));
    }

    [Fact]
    public void Rebase_OnlyMovesAnEmptyHoldBack()
    {
        var holdBack = new SequenceHoldBack(4, 1);
        holdBack.Rebase(50);
        holdBack.TryHold(51, [1], 0);
        holdBack.Rebase(70);
        Assert.Equal(50, holdBack.Base);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-4)]
    public void CapacityNotAPowerOfTwo_IsRefused(int capacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SequenceHoldBack(capacity, 8));
    }

    [Fact]
    public void HoldingAndReleasing_AllocatesNothing()
    {
        var holdBack = new SequenceHoldBack(1 << 10, 64);
        var handler = default(CountingHandler);
        byte[] message = new byte[50];
        long next = 1;
        void Round()
        {
            holdBack.Rebase(next);
            for (int i = 63; i >= 1; i--)
            {
                holdBack.TryHold(next + i, message, i); // the run behind a missing first message, newest first
            }

            holdBack.TryHold(next, message, 0); // the hole is filled
            holdBack.Release(next + 64, ref handler);
            next += 64;
        }

        for (int i = 0; i < 100; i++)
        {
            Round();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            Round();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1_100 * 64, handler.Count);
        Assert.Equal(next - 1, handler.LastSequence);
    }
}
