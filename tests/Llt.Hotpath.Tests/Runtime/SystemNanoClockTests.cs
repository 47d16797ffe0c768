using System.Diagnostics;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class SystemNanoClockTests
{
    [Fact]
    public void NanoTime_AroundA20MsSleep_AdvancesAtLeast15Ms()
    {
        long before = SystemNanoClock.Instance.NanoTime();
        Thread.Sleep(20);
        long after = SystemNanoClock.Instance.NanoTime();

        Assert.True(after - before >= 15_000_000, $"advanced only {after - before} ns");
    }

    [Fact]
    public void NanoTime_NeverGoesBackwards()
    {
        long previous = SystemNanoClock.Now();
        for (int i = 0; i < 100_000; i++)
        {
            long now = SystemNanoClock.Now();
            Assert.True(now >= previous, $"went back from {previous} to {now}");
            previous = now;
        }
    }

    [Fact]
    public void ToNanos_OneSecondOfTicksIsOneBillionNanos_AndACenturyDoesNotOverflow()
    {
        Assert.Equal(1_000_000_000L, SystemNanoClock.ToNanos(Stopwatch.Frequency));

        long centurySeconds = 100L * 365 * 24 * 3600;
        Assert.Equal(centurySeconds * 1_000_000_000L, SystemNanoClock.ToNanos(Stopwatch.Frequency * centurySeconds));
    }

    [Fact]
    public void NanoTime_AgreesWithStopwatch()
    {
        // exact on clock_gettime; on the time-stamp counter within TscNanoClockTests' agreement bound
        long slackNs = SystemNanoClock.IsTscBacked ? 2_000 : 0;
        long ticks = Stopwatch.GetTimestamp();
        long nanos = SystemNanoClock.Now();
        long ticksAfter = Stopwatch.GetTimestamp();

        Assert.InRange(nanos, SystemNanoClock.ToNanos(ticks) - slackNs, SystemNanoClock.ToNanos(ticksAfter) + slackNs);
    }
}
