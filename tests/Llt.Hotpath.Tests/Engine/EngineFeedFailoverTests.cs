using Llt.Codecs.Runtime;
using Llt.Hotpath.Config;
using Llt.Hotpath.Engine;
using Llt.Hotpath.MarketData;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// Feed failover inside the engine: two feeds publish the same instruments into md.ring, the engine applies
/// the preferred one, fails over when it goes silent or reports a gap, switches back once it has been healthy
/// for recoverAfter, and journals every switch.
/// </summary>
public sealed class EngineFeedFailoverTests
{
    private const byte FeedA = 1;
    private const byte FeedB = 2;
    private const long Ms = 1_000_000;
    private const long StaleAfter = 50 * Ms;
    private const long RecoverAfter = 200 * Ms;
    private const int Aapl = EngineMessages.Aapl;

    private static EngineHarness Harness(Func<FeedLineConfig, FeedLineConfig>? customizeB = null) =>
        new(customize: c => c with
        {
            Feeds =
            [
                new FeedLineConfig { Name = "A", Id = FeedA, StaleAfterNs = StaleAfter, RecoverAfterNs = RecoverAfter },
                (customizeB ?? (b => b))(new FeedLineConfig { Name = "B", Id = FeedB, StaleAfterNs = StaleAfter, RecoverAfterNs = RecoverAfter }),
            ],
        });

    private static void Quote(EngineHarness h, byte feed, int ticks, int instrumentId = Aapl) => FeedMessages.Quote(h, feed, ticks, instrumentId);

    private static void Health(EngineHarness h, byte feed, FeedSignal signal) => FeedMessages.Health(h, feed, signal);

    /// <summary>Both feeds tick, then time moves on by <paramref name="ms"/>.</summary>
    private static void Step(EngineHarness h, long ms, bool a = true, bool b = true, int aTicks = 1, int bTicks = 5)
    {
        if (a)
        {
            Quote(h, FeedA, aTicks);
        }

        if (b)
        {
            Quote(h, FeedB, bTicks);
        }

        h.Drain();
        h.Clock.Advance(ms * Ms);
        h.Drain();
    }

    /// <summary>What `llt stat` shows for the counter whose label starts with <paramref name="label"/>.</summary>
    private static long CounterValue(EngineHarness h, string label)
    {
        using Llt.Hotpath.Counters.CountersReader reader = h.Engine.CountersManager.CreateReader();
        for (int id = 0; id < reader.MaxCounters; id++)
        {
            if (reader.CounterLabel(id).StartsWith(label, StringComparison.Ordinal))
            {
                return reader.CounterValue(id);
            }
        }

        throw new Xunit.Sdk.XunitException($"no counter labelled '{label}'");
    }

    private static long Bid(EngineHarness h) => h.Engine.Instruments[Aapl].BidPrice;

    private static List<(int Instrument, int From, int To, FeedState FromState)> Switches(EngineHarness h)
    {
        var switches = new List<(int, int, int, FeedState)>();
        foreach (JournalRecord record in h.ReadJournal(FeedSwitchEncoder.TemplateId))
        {
            Assert.Equal(SbeDecodeStatus.Ok, FeedSwitchDecoder.TryDecode(record.Payload, 0, out FeedSwitchDecoder decoded, out _));
            switches.Add((decoded.InstrumentId, decoded.FromFeedId, decoded.ToFeedId, decoded.FromState));
        }

        return switches;
    }

    [Fact]
    public void OnlyThePreferredFeedsTicksApply_TheOtherFeedsAreCountedAsStandby()
    {
        using EngineHarness h = Harness();

        Step(h, 1);

        Assert.Equal(EngineMessages.AaplPrice + EngineMessages.Tick, Bid(h)); // A's bid, not B's (+5 ticks)
        Assert.Equal(FeedA, h.Engine.FeedSelector.ActiveFeed(Aapl));
        Assert.Equal(1, h.Engine.FeedSelector.StandbyTicks.Get());
        Assert.Equal(1, h.Engine.Counters.MdQuotes.Get());
        Assert.Empty(Switches(h));
    }

    [Fact]
    public void SilentPrimary_FailsOverAfterStaleAfter_AndTheSwitchIsJournaled()
    {
        using EngineHarness h = Harness();
        Step(h, 10);

        // A goes quiet; B keeps ticking. Not yet stale at 40 ms of silence...
        Step(h, 30, a: false);
        Assert.Equal(FeedA, h.Engine.FeedSelector.ActiveFeed(Aapl));
        // ...stale past 50 ms
        Step(h, 30, a: false);
        Step(h, 1, a: false);

        Assert.Equal(FeedB, h.Engine.FeedSelector.ActiveFeed(Aapl));
        Assert.Equal(EngineMessages.AaplPrice + (5 * EngineMessages.Tick), Bid(h));
        Assert.Contains((Aapl, (int)FeedA, (int)FeedB, FeedState.Stale), Switches(h));
        Assert.Equal(EngineConfig.DefaultInstruments().Count, h.Engine.FeedSelector.Switches.Get()); // every instrument moved
        Assert.Equal(FeedState.Stale, h.Engine.FeedSelector.StateOf(0));
        Assert.Equal((long)FeedState.Stale, CounterValue(h, "feed 1 A: state"));
    }

    [Fact]
    public void RecoveredPrimary_TakesBackOnlyAfterRecoverAfter()
    {
        using EngineHarness h = Harness();
        Step(h, 10);
        for (int i = 0; i < 7; i++)
        {
            Step(h, 10, a: false);
        }

        Assert.Equal(FeedB, h.Engine.FeedSelector.ActiveFeed(Aapl));

        // A is back: healthy, but not for long enough
        for (int i = 0; i < 15; i++)
        {
            Step(h, 10);
        }

        Assert.Equal(FeedB, h.Engine.FeedSelector.ActiveFeed(Aapl));

        for (int i = 0; i < 8; i++)
        {
            Step(h, 10);
        }

        Assert.Equal(FeedA, h.Engine.FeedSelector.ActiveFeed(Aapl));
        Step(h, 1);
        Assert.Equal(EngineMessages.AaplPrice + EngineMessages.Tick, Bid(h));
        var switches = Switches(h).FindAll(s => s.Instrument == Aapl);
        Assert.Equal([(Aapl, (int)FeedA, (int)FeedB, FeedState.Stale), (Aapl, (int)FeedB, (int)FeedA, FeedState.Healthy)], switches);
    }

    [Fact]
    public void UnrecoveredGap_FailsOverAtOnce_EvenWhileThePrimaryKeepsTicking()
    {
        using EngineHarness h = Harness();
        Step(h, 10);

        Health(h, FeedA, FeedSignal.Gap);
        Step(h, 11); // the next check (every 10 ms) sees the gap

        Assert.Equal(FeedB, h.Engine.FeedSelector.ActiveFeed(Aapl));
        Assert.Equal(FeedState.Gapped, h.Engine.FeedSelector.StateOf(0));
        Assert.Contains((Aapl, (int)FeedA, (int)FeedB, FeedState.Gapped), Switches(h));

        // ticking is not enough to clear a gap: the handler must say it recovered (snapshot, retransmission)
        for (int i = 0; i < 30; i++)
        {
            Step(h, 10);
        }

        Assert.Equal(FeedB, h.Engine.FeedSelector.ActiveFeed(Aapl));
        Health(h, FeedA, FeedSignal.Recovered);
        for (int i = 0; i < 22; i++)
        {
            Step(h, 10);
        }

        Assert.Equal(FeedA, h.Engine.FeedSelector.ActiveFeed(Aapl));
    }

    [Fact]
    public void HeartbeatsKeepAQuietFeedHealthy()
    {
        using EngineHarness h = Harness();
        Step(h, 10);
        for (int i = 0; i < 20; i++)
        {
            Health(h, FeedA, FeedSignal.Heartbeat); // no ticks from A, but its handler is alive
            Step(h, 10, a: false);
        }

        Assert.Equal(FeedA, h.Engine.FeedSelector.ActiveFeed(Aapl));
        Assert.Empty(Switches(h));
        Assert.Equal(20, h.Engine.Counters.MdFeedHealth.Get());
    }

    [Fact]
    public void EveryGapRecoveryAndLineDown_IsJournaled_HeartbeatsAreNot()
    {
        // no standby takes over here (both feeds keep ticking): the gap must still reach the journal, where llt run
        // turns it into an operator alert
        using EngineHarness h = Harness();
        Step(h, 1);
        Health(h, FeedB, FeedSignal.Heartbeat);
        Health(h, FeedB, FeedSignal.Gap);
        Health(h, FeedB, FeedSignal.Heartbeat);
        Health(h, FeedB, FeedSignal.Recovered);
        Health(h, FeedA, FeedSignal.Down);
        Step(h, 1);

        var journaled = new List<(int Feed, FeedSignal Signal, ulong GapCount)>();
        foreach (JournalRecord record in h.ReadJournal(FeedHealthEncoder.TemplateId))
        {
            Assert.Equal(SbeDecodeStatus.Ok, FeedHealthDecoder.TryDecode(record.Payload, 0, out FeedHealthDecoder decoded, out _));
            journaled.Add((decoded.FeedId, decoded.Signal, decoded.GapCount));
        }

        Assert.Equal([(FeedB, FeedSignal.Gap, (ulong)FeedMessages.GapCount), (FeedB, FeedSignal.Recovered, 0UL), (FeedA, FeedSignal.Down, 0UL)], journaled);
        Assert.Equal(5, h.Engine.Counters.MdFeedHealth.Get());
    }

    [Fact]
    public void AnInstrumentOnlyTheStaleFeedCarries_StaysOnIt()
    {
        // B carries AAPL only: MSFT (instrument 1) has nowhere to go when A goes quiet
        using EngineHarness h = Harness(b => b with { Instruments = ["AAPL"] });
        Step(h, 10);
        for (int i = 0; i < 8; i++)
        {
            Step(h, 10, a: false);
        }

        Assert.Equal(FeedB, h.Engine.FeedSelector.ActiveFeed(Aapl));
        Assert.Equal(FeedA, h.Engine.FeedSelector.ActiveFeed(1));
        Assert.Single(Switches(h));
    }

    [Fact]
    public void WithoutFeedsConfigured_EveryFeedsTicksApply()
    {
        using EngineHarness h = new();
        Quote(h, FeedA, 1);
        Quote(h, FeedB, 5);
        h.Drain();

        Assert.False(h.Engine.FeedSelector.IsEnabled);
        Assert.Equal(2, h.Engine.Counters.MdQuotes.Get());
        Assert.Equal(EngineMessages.AaplPrice + (5 * EngineMessages.Tick), Bid(h));
    }

    [Fact]
    public void TicksFromAFeedNotConfigured_AreNotApplied()
    {
        using EngineHarness h = Harness();
        Quote(h, 9, 3);
        h.Drain();

        Assert.Equal(0, h.Engine.Counters.MdQuotes.Get());
        Assert.Equal(1, h.Engine.FeedSelector.StandbyTicks.Get());
    }
}
