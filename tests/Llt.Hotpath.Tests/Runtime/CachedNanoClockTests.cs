using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class CachedNanoClockTests
{
    [Fact]
    public void UpdateAndAdvance_AreWhatNanoTimeReturns()
    {
        var clock = new CachedNanoClock(initialTimeNs: 10);
        Assert.Equal(10, clock.NanoTime());

        clock.Update(1_000);
        Assert.Equal(1_000, clock.NanoTime());

        clock.Advance(24);
        Assert.Equal(1_024, clock.NanoTime());
    }

    [Fact]
    public void Update_OnAnotherThread_IsSeenByReaders()
    {
        var clock = new CachedNanoClock();
        var writer = new Thread(() => clock.Update(123_456_789));
        writer.Start();
        Assert.True(writer.Join(Eventually.Timeout));

        Eventually.True(() => clock.NanoTime() == 123_456_789, "the published time");
    }
}
