using System.Diagnostics;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>What every idle strategy must do; one subclass per implementation (STYLE.md §9).</summary>
public abstract class IdleStrategyConformanceTests
{
    protected abstract IIdleStrategy CreateStrategy();

    [Fact]
    public void IdleWithWork_ReturnsWithoutParking()
    {
        IIdleStrategy idle = CreateStrategy();
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < 10_000; i++)
        {
            idle.Idle(1);
        }

        // 10k no-op calls take microseconds; a strategy that parked on work would take at least 10k timer
        // slacks (~0.5 s). The bound is loose so a slow CI box cannot fail it.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(400), $"Idle(1) x10k took {stopwatch.Elapsed}");
    }

    [Fact]
    public void IdleLoop_AfterWarmUp_DoesNotAllocate()
    {
        IIdleStrategy idle = CreateStrategy();
        RunIdleLoop(idle, 200);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunIdleLoop(idle, 2_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static void RunIdleLoop(IIdleStrategy idle, int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            idle.Idle(i % 8 == 0 ? 1 : 0);
            if (i % 100 == 0)
            {
                idle.Idle();
                idle.Reset();
            }
        }
    }
}
