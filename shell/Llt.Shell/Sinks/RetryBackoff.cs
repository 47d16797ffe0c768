namespace Llt.Shell.Sinks;

/// <summary>Exponential backoff between store attempts: min, 2×min, 4×min ... capped at max; reset on success.</summary>
public sealed class RetryBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    public RetryBackoff(TimeSpan min, TimeSpan max)
    {
        if (min <= TimeSpan.Zero || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"backoff needs 0 < min ({min}) <= max ({max})");
        }

        _min = min;
        _max = max;
        _next = min;
    }

    /// <summary>The delay to wait now; the following one doubles, up to the cap.</summary>
    public TimeSpan Next()
    {
        TimeSpan delay = _next;
        _next = _next * 2 > _max ? _max : _next * 2;
        return delay;
    }

    public void Reset() => _next = _min;
}
