using Llt.Hotpath.Engine;
using Llt.Hotpath.Journal;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// An order's events are held while the order leaves and written right after it: the journal must read exactly as if
/// they had been written at once — same order, sequences, timestamps and bytes — and nothing may stay held.
/// </summary>
public sealed class EventJournalDeferralTests
{
    private static List<(long Sequence, int Type, long TimestampNs, byte[] Payload)> Frames(EngineHarness harness, long fromSequence)
    {
        var frames = new List<(long, int, long, byte[])>();
        using JournalTailer tailer = JournalTailer.OpenAtStart(harness.JournalDirectory);
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            if (frame.Sequence >= fromSequence)
            {
                frames.Add((frame.Sequence, frame.Type, frame.TimestampNs, frame.Payload.ToArray()));
            }
        }

        return frames;
    }

    private static byte[] Bytes(int length, byte seed)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(seed + (i * 7));
        }

        return bytes;
    }

    [Fact]
    public void HeldEvents_AreWrittenInOrder_WithTheSequencesAndTimestampsTheyWereGiven()
    {
        using var harness = new EngineHarness(journalTicks: false);
        EventJournal journal = harness.Engine.Journal;
        long first = journal.NextSequence;
        long now = harness.Clock.NanoTime();

        journal.DeferAppends();
        journal.Stamp(now + 1_000);
        long a = journal.Append(9001, Bytes(40, 1));
        long epochA = journal.EpochNanoTime();
        journal.Stamp(now + 2_000);
        long b = journal.Append(9002, Bytes(101, 2));
        long epochB = journal.EpochNanoTime();
        Assert.Equal((first, first + 1, first + 2), (a, b, journal.NextSequence));
        Assert.Empty(Frames(harness, first)); // held: nothing written yet

        journal.Stamp(now + 9_000);
        Assert.Equal(2, journal.AppendDeferred());
        long c = journal.Append(9003, Bytes(8, 3)); // not deferring any more: written at once
        journal.Unstamp();

        var frames = Frames(harness, first);
        Assert.Equal(3, frames.Count);
        Assert.Equal((first, 9001, epochA), (frames[0].Sequence, frames[0].Type, frames[0].TimestampNs));
        Assert.Equal(Bytes(40, 1), frames[0].Payload);
        Assert.Equal((first + 1, 9002, epochB), (frames[1].Sequence, frames[1].Type, frames[1].TimestampNs));
        Assert.Equal(Bytes(101, 2), frames[1].Payload);
        Assert.Equal((c, 9003), (frames[2].Sequence, frames[2].Type));
        Assert.NotEqual(epochA, epochB);
    }

    [Fact]
    public void MoreThanTheHoldingAreaTakes_IsWrittenThrough_InOrder_AndUnstampReleasesWhatIsHeld()
    {
        using var harness = new EngineHarness(journalTicks: false);
        EventJournal journal = harness.Engine.Journal;
        long first = journal.NextSequence;

        journal.DeferAppends();
        const int Count = 100; // 100 x 1 KB: past the 64 KB holding area
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(first + i, journal.Append(9100 + i, Bytes(1024, (byte)i)));
        }

        // a path that never called AppendDeferred (it threw) is released by the tick's Unstamp
        journal.Unstamp();

        var frames = Frames(harness, first);
        Assert.Equal(Count, frames.Count);
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal((first + i, 9100 + i), (frames[i].Sequence, frames[i].Type));
            Assert.Equal(Bytes(1024, (byte)i), frames[i].Payload);
        }

        Assert.Equal(first + Count, journal.NextSequence);
    }

    [Fact]
    public void AReservedPlace_FilledAfterLaterEvents_IsWrittenFirst_WithWhatWasFilledIn()
    {
        using var harness = new EngineHarness(journalTicks: false);
        EventJournal journal = harness.Engine.Journal;
        long first = journal.NextSequence;

        Assert.True(journal.ReserveDeferred(9200, 16).IsEmpty); // not deferring: nothing to reserve
        journal.DeferAppends();
        journal.Stamp(harness.Clock.NanoTime() + 5_000);
        Span<byte> reserved = journal.ReserveDeferred(9200, 16);
        long stampOfReserved = journal.EpochNanoTime();
        Assert.Equal(16, reserved.Length);
        journal.Stamp(harness.Clock.NanoTime() + 6_000);
        Assert.Equal(first + 1, journal.Append(9201, Bytes(24, 5)));
        Bytes(16, 9).CopyTo(reserved); // filled in later, as the NewOrder is once its order has left
        Assert.Equal(2, journal.AppendDeferred());
        journal.Unstamp();

        var frames = Frames(harness, first);
        Assert.Equal((first, 9200, stampOfReserved), (frames[0].Sequence, frames[0].Type, frames[0].TimestampNs));
        Assert.Equal(Bytes(16, 9), frames[0].Payload);
        Assert.Equal((first + 1, 9201), (frames[1].Sequence, frames[1].Type));
    }
}
