namespace Llt.Hotpath.Runtime;

/// <summary>
/// <c>clock_gettime(CLOCK_MONOTONIC)</c> in nanoseconds, read directly: the timeline every stamp in the platform is
/// on (<c>Stopwatch.GetTimestamp</c> reads the same clock on Linux). <see cref="SystemNanoClock"/> reads it when no
/// <see cref="TscNanoClock"/> is running, and <see cref="TscNanoClock"/> calibrates against it.
/// </summary>
public static unsafe class MonotonicClock
{
    public static long NowNs()
    {
        Timespec time;
        Libc.ClockGetTime(Libc.ClockMonotonic, &time);
        return (time.Seconds * Timespec.NanosPerSecond) + time.Nanoseconds;
    }
}
