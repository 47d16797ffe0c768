using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>The clock on the real counter against the real CLOCK_MONOTONIC (skipped where the counter is not usable).</summary>
public sealed class TscNanoClockTests
{
    /// <summary>
    /// How far a reading may sit outside the clock_gettime reads around it. The analysis (TscNanoClock's remarks)
    /// gives ~10 ns of sample error plus the rate error over a period; the first rate is measured over only 2 ms, so
    /// with samples up to 1 us apart (MaxBracketNs/2) a line can be 1 us / 2 ms = 500 ppm off for its first 4 ms
    /// period, 2 us. Ten times the steady-state ~100 ns and still far below any scaling mistake (a wrong shift or a
    /// rate off by 1% is milliseconds within this test).
    /// </summary>
    private const long AgreementNs = 2_000;

    [TscFact]
    public void NanoTime_WhileAnchoring_StaysWithinTwoMicrosecondsOfClockGettime()
    {
        using TscNanoClock clock = Start(startAnchoring: true, initialPeriodNs: 4_000_000, periodNs: 32_000_000);
        long worstNs = ClockAgreement.Measure(clock, 300_000_000).WorstNs;

        Assert.True(clock.Reanchors >= 5, $"only {clock.Reanchors} anchors in 300 ms");
        Assert.True(clock.LateReanchors > 0 || worstNs <= AgreementNs, $"a reading {worstNs} ns outside the clock_gettime reads around it");
    }

    [TscFact]
    public void NanoTime_AcrossManyReanchors_NeverGoesBackwards()
    {
        using TscNanoClock clock = Start(startAnchoring: false, initialPeriodNs: 1_000_000, periodNs: 1_000_000);
        long previous = clock.NanoTime();
        for (int anchor = 0; anchor < 200; anchor++)
        {
            for (int i = 0; i < 5_000; i++)
            {
                long now = clock.NanoTime();
                Assert.True(now >= previous, $"went back from {previous} to {now} after {anchor} re-anchors");
                previous = now;
            }

            clock.Reanchor();
        }

        Assert.Equal(200, clock.Reanchors);
    }

    [TscFact]
    public void NanoTime_ReadByThreadsWhileTheAnchoringThreadRuns_NeverGoesBackwardsOnAnyThread()
    {
        using TscNanoClock clock = Start(startAnchoring: true, initialPeriodNs: 1_000_000, periodNs: 2_000_000);
        long backwards = 0;
        var readers = new Thread[1];
        for (int t = 0; t < readers.Length; t++)
        {
            readers[t] = new Thread(() =>
            {
                long previous = clock.NanoTime();
                long untilNs = MonotonicClock.NowNs() + 300_000_000;
                while (previous < untilNs)
                {
                    long now = clock.NanoTime();
                    if (now < previous)
                    {
                        Interlocked.Increment(ref backwards);
                    }

                    previous = now;
                }
            });
            readers[t].Start();
        }

        foreach (Thread reader in readers)
        {
            reader.Join();
        }

        Assert.Equal(0, backwards);
        Assert.True(clock.Reanchors >= 3, $"only {clock.Reanchors} anchors in 300 ms");
    }

    [TscFact]
    public void NanoTime_AfterWarmUp_AllocatesNothing()
    {
        using TscNanoClock clock = Start(startAnchoring: false, initialPeriodNs: 1_000_000, periodNs: 1_000_000);
        long sum = 0;
        for (int i = 0; i < 10_000; i++)
        {
            sum += clock.NanoTime() + SystemNanoClock.Now();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000_000; i++)
        {
            sum += clock.NanoTime() + SystemNanoClock.Now() + SystemNanoClock.Instance.NanoTime();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sum);
    }

    [TscFact]
    public void SystemNanoClock_WhereTheCounterIsUsable_ReadsIt()
    {
        Assert.Equal(!string.Equals(Environment.GetEnvironmentVariable(SystemNanoClock.TscSwitchVariable), "off", StringComparison.OrdinalIgnoreCase), SystemNanoClock.IsTscBacked);
    }

    [Theory]
    [InlineData(999_999, 1_000_000)]
    [InlineData(1_000_000, 2_000_000_001)]
    [InlineData(2_000_000, 1_000_000)]
    public void TryStart_WithPeriodsOutside1MsTo2s_Throws(long initialPeriodNs, long periodNs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TscNanoClock.TryStart(out _, startAnchoring: false, initialPeriodNs, periodNs));
    }

    private static TscNanoClock Start(bool startAnchoring, long initialPeriodNs, long periodNs)
    {
        TscNanoClock? clock = TscNanoClock.TryStart(out string? reason, startAnchoring, initialPeriodNs, periodNs);
        Assert.True(clock is not null, reason);
        return clock;
    }
}
