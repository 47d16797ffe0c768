using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed unsafe class TimeStampCounterTests
{
    [Theory]
    [InlineData(false, true, "tsc", "not an x86 CPU")]
    [InlineData(true, false, "tsc", "invariant TSC")]
    [InlineData(true, true, "kvm-clock", "'kvm-clock', not tsc")]
    [InlineData(true, true, null, "'unknown', not tsc")]
    public void CheckUsable_WithoutAnInvariantCounterTheKernelClocksBy_SaysWhy(bool isX86, bool invariant, string? clockSource, string reason)
    {
        Assert.Contains(reason, TimeStampCounter.CheckUsable(isX86, invariant, clockSource));
    }

    [Fact]
    public void CheckUsable_OnX86WithAnInvariantCounterAsTheKernelClock_IsUsable()
    {
        Assert.Null(TimeStampCounter.CheckUsable(isX86: true, invariantTsc: true, kernelClockSource: "tsc"));
    }

    [Fact]
    public void SystemNanoClock_WhereTheCounterIsNotUsed_ReadsClockGettime()
    {
        // the fallback: on hosts without a usable counter (or with LLT_TSC_CLOCK=off) Now() is clock_gettime itself
        if (SystemNanoClock.IsTscBacked)
        {
            Assert.Null(SystemNanoClock.TscUnusableReason);
            return;
        }

        Assert.NotNull(SystemNanoClock.TscUnusableReason);
        long before = MonotonicClock.NowNs();
        long now = SystemNanoClock.Now();
        long after = MonotonicClock.NowNs();
        Assert.InRange(now, before, after);
    }

    [TscFact]
    public void Read_AdvancesWithTime_AtTheRateClockGettimeDoes()
    {
        ulong tsc0 = TimeStampCounter.ReadOrdered();
        long ns0 = MonotonicClock.NowNs();
        Thread.Sleep(50);
        ulong tsc1 = TimeStampCounter.Read();
        long ns1 = MonotonicClock.NowNs();

        double ghz = (tsc1 - tsc0) / (double)(ns1 - ns0);
        Assert.InRange(ghz, 0.1, 10); // a counter at 100 MHz..10 GHz, advancing, not a constant or garbage
    }
}
