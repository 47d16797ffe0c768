using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class ManualNanoClockTests
{
    [Fact]
    public void NanoTime_MovesOnlyWhenAdvancedOrSet()
    {
        var clock = new ManualNanoClock(initialTimeNs: 1_000);
        Assert.Equal(1_000, clock.NanoTime());
        Assert.Equal(1_000, clock.NanoTime());

        clock.Advance(500);
        Assert.Equal(1_500, clock.NanoTime());
        Assert.Equal(1_500, clock.EpochNanoTime());

        clock.Set(42);
        Assert.Equal(42, clock.NanoTime());
    }

    [Fact]
    public void AgentDrivenByDoWork_SeesOnlyManualTime()
    {
        var clock = new ManualNanoClock();
        var agent = new TimerAgent(clock, intervalNs: 1_000_000);

        Assert.Equal(0, agent.DoWork());
        clock.Advance(999_999);
        Assert.Equal(0, agent.DoWork());
        clock.Advance(1);
        Assert.Equal(1, agent.DoWork());
        Assert.Equal(0, agent.DoWork());
        clock.Advance(3_000_000);
        Assert.Equal(1, agent.DoWork());
        Assert.Equal(2, agent.Fired);
    }
}
