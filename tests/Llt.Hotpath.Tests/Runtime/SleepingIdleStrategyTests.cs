using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class SleepingIdleStrategyTests : IdleStrategyConformanceTests
{
    protected override IIdleStrategy CreateStrategy() => new SleepingIdleStrategy(sleepPeriodNs: 1_000);

    [Fact]
    public void Idle_WithoutWork_ParksForThePeriod_WithWork_DoesNot()
    {
        var parker = new RecordingParker();
        var idle = new SleepingIdleStrategy(sleepPeriodNs: 250_000, parker);

        idle.Idle(3);
        Assert.Empty(parker.Parks);

        idle.Idle(0);
        idle.Idle();

        Assert.Equal([250_000L, 250_000L], parker.Parks);
        Assert.Equal(500_000, parker.Clock.NanoTime());
    }

    [Fact]
    public void Constructor_NonPositivePeriod_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SleepingIdleStrategy(0));
    }
}
