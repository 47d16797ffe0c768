namespace Llt.Hotpath.Runtime;

/// <summary>
/// Wall time from <c>clock_gettime(CLOCK_REALTIME)</c>: full nanosecond resolution, where
/// <see cref="DateTime.UtcNow"/> has 100 ns ticks and an extra conversion.
/// </summary>
public sealed unsafe class SystemEpochClock : IEpochClock
{
    public static readonly SystemEpochClock Instance = new();

    private SystemEpochClock()
    {
    }

    public long EpochNanoTime()
    {
        return Now();
    }

    public static long Now()
    {
        Timespec time;
        Libc.ClockGetTime(Libc.ClockRealtime, &time);
        return time.ToNanos();
    }
}
