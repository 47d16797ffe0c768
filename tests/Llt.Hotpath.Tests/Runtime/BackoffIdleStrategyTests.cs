using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class BackoffIdleStrategyTests : IdleStrategyConformanceTests
{
    protected override IIdleStrategy CreateStrategy() => new BackoffIdleStrategy(maxSpins: 2, maxYields: 1, minParkPeriodNs: 1_000, maxParkPeriodNs: 8_000);

    [Fact]
    public void Idle_GoesSpinThenYieldThenParkWithDoublingPeriodCappedAtMax()
    {
        var parker = new RecordingParker();
        var idle = new BackoffIdleStrategy(maxSpins: 3, maxYields: 2, minParkPeriodNs: 1_000, maxParkPeriodNs: 5_000, parker);

        for (int i = 0; i < 3; i++)
        {
            idle.Idle(0);
            Assert.Equal(BackoffState.Spinning, idle.State);
        }

        for (int i = 0; i < 2; i++)
        {
            idle.Idle(0);
            Assert.Equal(BackoffState.Yielding, idle.State);
        }

        Assert.Empty(parker.Parks);
        for (int i = 0; i < 5; i++)
        {
            idle.Idle(0);
            Assert.Equal(BackoffState.Parking, idle.State);
        }

        Assert.Equal([1_000L, 2_000L, 4_000L, 5_000L, 5_000L], parker.Parks);
        Assert.Equal(17_000, parker.Clock.NanoTime());
    }

    [Fact]
    public void Idle_ParkNeverExceedsMax_OverManyIdles()
    {
        var parker = new RecordingParker();
        var idle = new BackoffIdleStrategy(maxSpins: 0, maxYields: 0, minParkPeriodNs: 3, maxParkPeriodNs: 1_000_000, parker);

        for (int i = 0; i < 200; i++)
        {
            idle.Idle(0);
        }

        Assert.Equal(200, parker.Parks.Count);
        Assert.All(parker.Parks, park => Assert.InRange(park, 3, 1_000_000));
        Assert.Equal(1_000_000, parker.Parks[^1]);
    }

    [Fact]
    public void Idle_NearLongMaxValue_DoublingDoesNotOverflow()
    {
        var parker = new RecordingParker();
        var idle = new BackoffIdleStrategy(maxSpins: 0, maxYields: 0, minParkPeriodNs: (long.MaxValue / 2) + 1, maxParkPeriodNs: long.MaxValue, parker);

        idle.Idle(0);
        idle.Idle(0);

        Assert.Equal(long.MaxValue, parker.Parks[1]);
        Assert.Equal(long.MaxValue, idle.ParkPeriodNs);
    }

    [Fact]
    public void IdleWithWork_ResetsToNotIdleAndStartsSpinningAgain()
    {
        var parker = new RecordingParker();
        var idle = new BackoffIdleStrategy(maxSpins: 1, maxYields: 1, minParkPeriodNs: 1_000, maxParkPeriodNs: 4_000, parker);
        for (int i = 0; i < 5; i++)
        {
            idle.Idle(0);
        }

        Assert.Equal(BackoffState.Parking, idle.State);
        Assert.Equal(4_000, idle.ParkPeriodNs);

        idle.Idle(7);

        Assert.Equal(BackoffState.NotIdle, idle.State);
        Assert.Equal(1_000, idle.ParkPeriodNs);
        idle.Idle(0);
        Assert.Equal(BackoffState.Spinning, idle.State);
        idle.Idle(0);
        Assert.Equal(BackoffState.Yielding, idle.State);
        idle.Idle(0);
        Assert.Equal(1_000, parker.Parks[^1]);
    }

    [Fact]
    public void Reset_ReturnsToNotIdle()
    {
        var parker = new RecordingParker();
        var idle = new BackoffIdleStrategy(maxSpins: 0, maxYields: 0, minParkPeriodNs: 10, maxParkPeriodNs: 100, parker);
        idle.Idle();
        idle.Idle();

        idle.Reset();

        Assert.Equal(BackoffState.NotIdle, idle.State);
        Assert.Equal(10, idle.ParkPeriodNs);
    }

    [Theory]
    [InlineData(-1, 0, 1, 1)]
    [InlineData(0, -1, 1, 1)]
    [InlineData(0, 0, 0, 1)]
    [InlineData(0, 0, 10, 9)]
    public void Constructor_InvalidParameters_Throw(long spins, long yields, long minPark, long maxPark)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffIdleStrategy(spins, yields, minPark, maxPark));
    }
}
