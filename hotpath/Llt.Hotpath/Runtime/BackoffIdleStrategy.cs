namespace Llt.Hotpath.Runtime;

/// <summary>
/// Backs off in three phases while idle: <see cref="MaxSpins"/> spin-wait hints, then <see cref="MaxYields"/>
/// yields, then parks starting at <see cref="MinParkPeriodNs"/> and doubling up to <see cref="MaxParkPeriodNs"/>.
/// Any work resets it to spinning. Latency after a short lull is a spin; after a long one, at most the max
/// park period. The usual choice for agents sharing cores on a box without isolated CPUs.
/// </summary>
public sealed class BackoffIdleStrategy : IIdleStrategy
{
    public const long DefaultMaxSpins = 10;
    public const long DefaultMaxYields = 5;
    public const long DefaultMinParkPeriodNs = 1_000L;
    public const long DefaultMaxParkPeriodNs = 1_000_000L;

    private readonly long _maxSpins;
    private readonly long _maxYields;
    private readonly long _minParkPeriodNs;
    private readonly long _maxParkPeriodNs;
    private readonly IThreadParker _parker;

    private long _spins;
    private long _yields;
    private long _parkPeriodNs;
    private BackoffState _state;

    public BackoffIdleStrategy(
        long maxSpins = DefaultMaxSpins,
        long maxYields = DefaultMaxYields,
        long minParkPeriodNs = DefaultMinParkPeriodNs,
        long maxParkPeriodNs = DefaultMaxParkPeriodNs,
        IThreadParker? parker = null)
    {
        if (maxSpins < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(maxSpins), maxSpins, "must not be negative");
        }

        if (maxYields < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(maxYields), maxYields, "must not be negative");
        }

        if (minParkPeriodNs <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(minParkPeriodNs), minParkPeriodNs, "must be positive");
        }

        if (maxParkPeriodNs < minParkPeriodNs)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(maxParkPeriodNs), maxParkPeriodNs, "must not be less than minParkPeriodNs");
        }

        _maxSpins = maxSpins;
        _maxYields = maxYields;
        _minParkPeriodNs = minParkPeriodNs;
        _maxParkPeriodNs = maxParkPeriodNs;
        _parker = parker ?? NanoSleepParker.Instance;
        Reset();
    }

    public long MaxSpins => _maxSpins;

    public long MaxYields => _maxYields;

    public long MinParkPeriodNs => _minParkPeriodNs;

    public long MaxParkPeriodNs => _maxParkPeriodNs;

    /// <summary>The phase of the most recent idle step (<see cref="BackoffState.NotIdle"/> after work or reset).</summary>
    public BackoffState State => _state;

    /// <summary>The period the next park will use.</summary>
    public long ParkPeriodNs => _parkPeriodNs;

    public void Idle(int workCount)
    {
        if (workCount > 0)
        {
            // Only write when there is something to reset, so a busy agent does not dirty the line every cycle.
            if (_state != BackoffState.NotIdle)
            {
                Reset();
            }

            return;
        }

        Idle();
    }

    public void Idle()
    {
        if (_spins < _maxSpins)
        {
            _spins++;
            _state = BackoffState.Spinning;
            BusySpinIdleStrategy.SpinWaitHint();
            return;
        }

        if (_yields < _maxYields)
        {
            _yields++;
            _state = BackoffState.Yielding;
            Thread.Yield();
            return;
        }

        _state = BackoffState.Parking;
        long periodNs = _parkPeriodNs;
        _parker.ParkNanos(periodNs);

        // Doubling is capped before it can overflow: once past half the maximum, the next period is the maximum.
        _parkPeriodNs = periodNs > _maxParkPeriodNs / 2 ? _maxParkPeriodNs : periodNs * 2;
    }

    public void Reset()
    {
        _spins = 0;
        _yields = 0;
        _parkPeriodNs = _minParkPeriodNs;
        _state = BackoffState.NotIdle;
    }
}
