namespace Llt.Hotpath.Runtime;

/// <summary>
/// How far a clock's readings land outside <c>clock_gettime(CLOCK_MONOTONIC)</c> reads taken just before and after
/// each of them: 0 when inside the bracket. Bursts of 1,000 brackets a millisecond for a while: for the clock
/// benchmark and the TSC clock's tests, not for the trading path.
/// </summary>
public readonly record struct ClockAgreement(long Samples, long Outside, long WorstNs)
{
    public static ClockAgreement Measure(INanoClock clock, long durationNs)
    {
        ArgumentNullException.ThrowIfNull(clock);
        long worstNs = 0;
        long samples = 0;
        long outside = 0;
        long untilNs = MonotonicClock.NowNs() + durationNs;
        while (MonotonicClock.NowNs() < untilNs)
        {
            for (int i = 0; i < 1_000; i++)
            {
                long before = MonotonicClock.NowNs();
                long reading = clock.NanoTime();
                long after = MonotonicClock.NowNs();
                long outsideNs = reading < before ? before - reading : reading > after ? reading - after : 0;
                worstNs = Math.Max(worstNs, outsideNs);
                outside += outsideNs > 0 ? 1 : 0;
                samples++;
            }

            Thread.Sleep(1);
        }

        return new ClockAgreement(samples, outside, worstNs);
    }
}
