using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class SystemEpochClockTests
{
    [Fact]
    public void EpochNanoTime_IsUnixTimeInNanos()
    {
        long before = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        long epochNs = SystemEpochClock.Instance.EpochNanoTime();
        long after = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

        // DateTime has 100 ns ticks, so allow one tick either side; both read CLOCK_REALTIME.
        Assert.InRange(epochNs, before - 100, after + 100);
    }
}
