using Llt.Hotpath.Config;
using Llt.Hotpath.Engine;
using Llt.Hotpath.MarketData;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// Feed failover with market hours: feed A (New York, Mon-Fri 09:30-16:00) is stale only for silence while its market
/// is open; B has no hours. The engine's clock is wall time here (EngineHarness pins both to one manual clock).
/// </summary>
public sealed class EngineFeedSessionTests
{
    private const byte FeedA = 1;
    private const byte FeedB = 2;
    private const long Ms = 1_000_000;
    private const long StaleAfter = 50 * Ms;
    private const int Aapl = EngineMessages.Aapl;

    private static long Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        (new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks * 100;

    private static EngineHarness Harness() =>
        new(customize: c => c with
        {
            Feeds = EngineConfigLoader.Parse("""
                {
                  "feeds": [
                    { "name": "A", "id": 1, "staleAfter": "50ms", "recoverAfter": "200ms",
                      "session": { "open": "09:30", "close": "16:00", "timeZone": "America/New_York", "days": "Mon-Fri" } },
                    { "name": "B", "id": 2, "staleAfter": "50ms", "recoverAfter": "200ms" }
                  ]
                }
                """).Feeds,
        });

    private static void Quote(EngineHarness h, byte feed) => FeedMessages.Quote(h, feed, ticks: feed);

    private static void Health(EngineHarness h, byte feed, FeedSignal signal) => FeedMessages.Health(h, feed, signal);

    /// <summary>B ticks (and A too, when <paramref name="a"/>), then time moves on by <paramref name="ns"/>.</summary>
    private static void Step(EngineHarness h, long ns, bool a)
    {
        if (a)
        {
            Quote(h, FeedA);
        }

        Quote(h, FeedB);
        h.Drain();
        h.Clock.Advance(ns);
        h.Drain();
    }

    /// <summary>Both feeds tick at <paramref name="epochNs"/>, so A is healthy and active there.</summary>
    private static EngineHarness BothTickingAt(long epochNs)
    {
        EngineHarness h = Harness();
        h.Clock.Set(epochNs);
        Step(h, 10 * Ms, a: true);
        Assert.Equal(FeedState.Healthy, h.Engine.FeedSelector.StateOf(0));
        Assert.Equal(FeedA, h.Engine.FeedSelector.ActiveFeed(Aapl));
        return h;
    }

    [Fact]
    public void SilentWhileTheMarketIsOpen_IsStale_AndFailsOver()
    {
        using EngineHarness h = BothTickingAt(Utc(2026, 11, 24, 15, 0)); // Tue 10:00 New York
        for (int i = 0; i < 7; i++)
        {
            Step(h, 10 * Ms, a: false);
        }

        Assert.True(h.Engine.FeedSelector.IsMarketOpen(0));
        Assert.Equal(FeedState.Stale, h.Engine.FeedSelector.StateOf(0));
        Assert.Equal(FeedB, h.Engine.FeedSelector.ActiveFeed(Aapl));
        Assert.Equal(EngineMessages.AaplPrice + (FeedB * EngineMessages.Tick), h.Engine.Instruments[Aapl].BidPrice);
    }

    [Fact]
    public void SilentAfterTheClose_IsNotStale()
    {
        using EngineHarness h = BothTickingAt(Utc(2026, 11, 24, 21, 0) - (5 * Ms)); // Tue 15:59:59.995 New York
        // A's last tick is just before the close; it stays silent all evening while B keeps ticking
        for (int i = 0; i < 30; i++)
        {
            Step(h, 60_000 * Ms, a: false);
        }

        Assert.False(h.Engine.FeedSelector.IsMarketOpen(0));
        Assert.Equal(FeedState.Healthy, h.Engine.FeedSelector.StateOf(0));
        Assert.Equal(FeedA, h.Engine.FeedSelector.ActiveFeed(Aapl));
        Assert.Equal(0, h.Engine.FeedSelector.Switches.Get());
    }

    [Fact]
    public void QuietOverAWeekendAcrossTheDstChange_ItMustSpeakWithinStaleAfterOfMondaysOpen()
    {
        // Fri 2026-03-06 15:59 EST; DST starts Sunday; Monday opens 09:30 EDT = 13:30 UTC (14:30 UTC on Friday)
        using EngineHarness h = BothTickingAt(Utc(2026, 3, 6, 20, 59));
        foreach (long at in new[] { Utc(2026, 3, 6, 21, 30), Utc(2026, 3, 7, 15, 0), Utc(2026, 3, 8, 15, 0), Utc(2026, 3, 9, 13, 29, 59) })
        {
            h.Clock.Set(at);
            Step(h, 10 * Ms, a: false);
            Assert.Equal(FeedState.Healthy, h.Engine.FeedSelector.StateOf(0));
        }

        // 13:30 UTC Monday: open (under Friday's EST offset it would still be 08:30 and closed)
        h.Clock.Set(Utc(2026, 3, 9, 13, 30));
        Step(h, 30 * Ms, a: false);
        Assert.True(h.Engine.FeedSelector.IsMarketOpen(0));
        Assert.Equal(FeedA, h.Engine.FeedSelector.ActiveFeed(Aapl)); // 30 ms into the session: still within staleAfter
        for (int i = 0; i < 3; i++)
        {
            Step(h, 10 * Ms, a: false);
        }

        Assert.Equal(FeedState.Stale, h.Engine.FeedSelector.StateOf(0));
        Assert.Equal(FeedB, h.Engine.FeedSelector.ActiveFeed(Aapl));
    }

    [Fact]
    public void AFeedThatSpeaksAtTheOpen_StaysActive()
    {
        using EngineHarness h = BothTickingAt(Utc(2026, 11, 27, 20, 59)); // Fri 15:59 New York
        h.Clock.Set(Utc(2026, 11, 30, 14, 29, 59) + (900 * Ms)); // Monday, 100 ms before the open
        Step(h, 10 * Ms, a: false);
        for (int i = 0; i < 20; i++)
        {
            Step(h, 10 * Ms, a: true);
        }

        Assert.True(h.Engine.FeedSelector.IsMarketOpen(0));
        Assert.Equal(FeedA, h.Engine.FeedSelector.ActiveFeed(Aapl));
        Assert.Equal(0, h.Engine.FeedSelector.Switches.Get());
    }

    [Fact]
    public void GapsAndDown_ApplyOutsideTheSessionToo()
    {
        using EngineHarness h = BothTickingAt(Utc(2026, 11, 28, 15, 0)); // Saturday
        Health(h, FeedA, FeedSignal.Down);
        Step(h, 11 * Ms, a: true);

        Assert.False(h.Engine.FeedSelector.IsMarketOpen(0));
        Assert.Equal(FeedState.Down, h.Engine.FeedSelector.StateOf(0));
        Assert.Equal(FeedB, h.Engine.FeedSelector.ActiveFeed(Aapl));
    }

    [Fact]
    public void TheCheck_AllocatesNothing_WhileNoSessionInstantPasses()
    {
        // the first run JIT-compiles every path it takes (the failover included); the second is measured
        ChecksForTenSeconds(out _);
        long allocated = ChecksForTenSeconds(out FeedState judged);

        Assert.Equal(0, allocated);
        Assert.Equal(FeedState.Stale, judged); // and it judged: 10 s without a tick from A
    }

    /// <summary>10,000 checks 1 ms apart inside Tuesday's session (A falls silent, fails over); bytes they allocated.</summary>
    private static long ChecksForTenSeconds(out FeedState judged)
    {
        using EngineHarness h = BothTickingAt(Utc(2026, 11, 24, 15, 0));
        FeedSelector selector = h.Engine.FeedSelector;
        var listener = new NoListener();
        long now = h.Clock.NanoTime();
        selector.Check(now, now, ref listener); // the session is located here
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            now += Ms;
            selector.Check(now, now, ref listener);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        judged = selector.StateOf(0);
        return allocated;
    }

    private struct NoListener : IFeedSwitchListener
    {
        public readonly void OnSwitch(int instrumentId, int fromFeedId, int toFeedId, FeedState fromState, long nowNs)
        {
        }
    }
}
