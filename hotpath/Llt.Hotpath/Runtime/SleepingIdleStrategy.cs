namespace Llt.Hotpath.Runtime;

/// <summary>
/// Parks for a fixed period when idle. Cheapest on CPU, worst on wake-up latency (the period plus the
/// kernel's timer slack); for background agents (housekeeping, sinks), not the critical path.
/// </summary>
public sealed class SleepingIdleStrategy : IIdleStrategy
{
    public const long DefaultSleepPeriodNs = 1_000_000L;

    private readonly long _sleepPeriodNs;
    private readonly IThreadParker _parker;

    public SleepingIdleStrategy(long sleepPeriodNs = DefaultSleepPeriodNs, IThreadParker? parker = null)
    {
        if (sleepPeriodNs <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(sleepPeriodNs), sleepPeriodNs, "sleep period must be positive");
        }

        _sleepPeriodNs = sleepPeriodNs;
        _parker = parker ?? NanoSleepParker.Instance;
    }

    public long SleepPeriodNs => _sleepPeriodNs;

    public void Idle(int workCount)
    {
        if (workCount > 0)
        {
            return;
        }

        _parker.ParkNanos(_sleepPeriodNs);
    }

    public void Idle()
    {
        _parker.ParkNanos(_sleepPeriodNs);
    }

    public void Reset()
    {
    }
}
