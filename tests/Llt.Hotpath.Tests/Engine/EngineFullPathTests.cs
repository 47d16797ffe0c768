using Llt.Hotpath.Config;
using Llt.Hotpath.Journal;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// The whole tick path as `make run` wires it: the embedded simulator publishing into md.ring, validation,
/// books, both built-in strategies on every instrument, decisions journaled.
/// </summary>
public sealed class EngineFullPathTests
{
    private static EngineConfig WithSimulatorAndStrategies(EngineConfig config) => config with
    {
        Feed = new FeedConfig { Type = "simulator", Mode = "max", Seed = 7 },
        Strategies = EngineConfig.DefaultStrategies(),
    };

    [Fact]
    public void SameSeed_ProducesByteIdenticalJournals()
    {
        byte[] first = RunAndReadJournal();
        byte[] second = RunAndReadJournal();
        Assert.True(first.Length > 100_000, $"journal too small to mean anything: {first.Length} bytes");
        Assert.Equal(first, second);
    }

    [Fact]
    public void DifferentSeed_ProducesADifferentJournal()
    {
        byte[] first = RunAndReadJournal();
        byte[] other = RunAndReadJournal(seed: 8);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void SimulatedTicks_ReachStrategies_WhichDecide()
    {
        using var harness = new EngineHarness(customize: WithSimulatorAndStrategies);
        for (int i = 0; i < 2_000; i++)
        {
            harness.Clock.Advance(1_000_000);
            harness.Invoke();
        }

        Assert.True(harness.Engine.Counters.MdAccepted.Get() > 100_000);
        var reasons = new System.Text.StringBuilder();
        for (int i = 0; i < harness.Engine.Counters.MdRejectsByReason.Length; i++)
        {
            if (harness.Engine.Counters.MdRejectsByReason[i].IsValid && harness.Engine.Counters.MdRejectsByReason[i].Get() > 0)
            {
                reasons.Append((Llt.Hotpath.MarketData.Validation.TickRejectReason)(i % Llt.Hotpath.Engine.EngineCounters.ReasonCount)).Append(' ');
            }
        }

        // The simulator makes real price jumps; the validator holds back the first ticks of each until
        // they are confirmed (TickValidator), and nothing else may be rejected.
        long rejected = harness.Engine.Counters.MdRejected.Get();
        Assert.True(rejected * 10_000 < harness.Engine.Counters.MdAccepted.Get(), $"{rejected} rejected: {reasons}");
        Assert.True(rejected == 0 || reasons.ToString() == "PriceSpike ", "rejected: " + reasons);
        Assert.True(harness.Engine.OrderEntry.Decisions.Get() > 0, "no strategy decided anything on 100k+ simulated ticks");
    }

    [Fact]
    public void FullTickPath_DoesNotAllocate_AfterWarmUp()
    {
        // A 64 MiB segment, as in production: the window must not include a roll that finds no prepared
        // segment (a roll stall creates the file on the writer's thread, which allocates; counted as
        // journal roll stalls). Rolls themselves are covered by the journal's own allocation tests.
        using var harness = new EngineHarness(segmentLength: 64L << 20, customize: WithSimulatorAndStrategies);
        // 2 s of engine time: every conductor timer (heartbeat, risk metrics, feed checks) has fired before the
        // window, so a first firing's one-off set-up is warm-up, as in a running engine
        for (int i = 0; i < 2_000; i++)
        {
            harness.Clock.Advance(1_000_000);
            harness.Invoke();
        }

        long ticksBefore = harness.Engine.Counters.MdAccepted.Get();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            harness.Clock.Advance(1_000_000);
            harness.Invoke();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long ticks = harness.Engine.Counters.MdAccepted.Get() - ticksBefore;
        Assert.True(ticks > 50_000, $"only {ticks} ticks measured");
        Assert.Equal(0, allocated);
    }

    private static byte[] RunAndReadJournal(ulong seed = 7)
    {
        using var harness = new EngineHarness(customize: c => WithSimulatorAndStrategies(c) with { Feed = new FeedConfig { Type = "simulator", Mode = "max", Seed = seed } });
        for (int i = 0; i < 200; i++)
        {
            harness.Clock.Advance(1_000_000);
            harness.Invoke();
        }

        // Every frame's sequence, type, timestamp and payload, in order. Segment headers are left out: they
        // carry the file's creation time, which is not an event.
        var bytes = new List<byte>();
        using JournalTailer tailer = JournalTailer.OpenAtStart(harness.JournalDirectory);
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            bytes.AddRange(BitConverter.GetBytes(frame.Sequence));
            bytes.AddRange(BitConverter.GetBytes(frame.Type));
            bytes.AddRange(BitConverter.GetBytes(frame.TimestampNs));
            bytes.AddRange(frame.Payload);
        }

        return [.. bytes];
    }
}
