namespace Llt.Hotpath.Runtime;

/// <summary>
/// A clock that moves only when told to: tests drive agents by calling <c>DoWork()</c> and advancing this
/// (STYLE.md §9). It is also an <see cref="IEpochClock"/> so a test can pin wall time with the same value.
/// Single-threaded; for a clock shared across threads use <see cref="CachedNanoClock"/>.
/// </summary>
public sealed class ManualNanoClock : INanoClock, IEpochClock
{
    private long _timeNs;

    public ManualNanoClock(long initialTimeNs = 0)
    {
        _timeNs = initialTimeNs;
    }

    public long NanoTime()
    {
        return _timeNs;
    }

    public long EpochNanoTime()
    {
        return _timeNs;
    }

    public void Set(long timeNs)
    {
        _timeNs = timeNs;
    }

    public void Advance(long durationNs)
    {
        _timeNs += durationNs;
    }
}
