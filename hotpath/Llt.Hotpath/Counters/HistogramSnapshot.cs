namespace Llt.Hotpath.Counters;

/// <summary>
/// A reader's copy of one latency histogram, filled by <see cref="CountersReader.TryReadHistogram"/> and
/// reused across reads (allocated once per reader). Percentiles are the highest value of the bucket holding
/// the requested rank, capped at the exact maximum: never below the true value and above it by less than
/// <see cref="LogLinearBuckets.RelativeError"/>.
/// </summary>
public sealed class HistogramSnapshot
{
    private readonly long[] _bucketCounts;

    public HistogramSnapshot(LogLinearBuckets buckets)
    {
        Buckets = buckets;
        _bucketCounts = new long[buckets.BucketCount];
    }

    public LogLinearBuckets Buckets { get; }

    /// <summary>Values recorded (the writer's count field).</summary>
    public long Count { get; private set; }

    /// <summary>Values in the copied buckets: equals <see cref="Count"/> unless a value was being recorded
    /// during the copy; percentile ranks use this so they agree with the buckets.</summary>
    public long TotalCount { get; private set; }

    public long SumNs { get; private set; }

    /// <summary>Exact smallest value recorded (after clamping); 0 when empty.</summary>
    public long MinNs { get; private set; }

    /// <summary>Exact largest value recorded (after clamping); 0 when empty.</summary>
    public long MaxNs { get; private set; }

    /// <summary>Values outside [0, highest trackable] that were recorded clamped.</summary>
    public long ClampedCount { get; private set; }

    public double MeanNs => Count == 0 ? 0.0 : (double)SumNs / Count;

    public ReadOnlySpan<long> BucketCounts => _bucketCounts;

    internal Span<long> BucketCountsForCopy => _bucketCounts;

    internal void SetSummary(long count, long sumNs, long minNs, long maxNs, long clampedCount)
    {
        Count = count;
        SumNs = sumNs;
        MinNs = count == 0 ? 0 : minNs;
        MaxNs = maxNs;
        ClampedCount = clampedCount;
        long total = 0;
        foreach (long bucketCount in _bucketCounts)
        {
            total += bucketCount;
        }

        TotalCount = total;
    }

    /// <summary>
    /// Value at <paramref name="percentile"/> (0..100]: the smallest recorded value v such that at least
    /// percentile% of values are &lt;= v, reported as its bucket's highest value capped at <see cref="MaxNs"/>.
    /// 0 when empty.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        if (!(percentile > 0.0 && percentile <= 100.0))
        {
            CountersThrowHelper.ThrowArgument(nameof(percentile), $"percentile {percentile} must be in (0, 100]");
        }

        if (TotalCount == 0)
        {
            return 0;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * TotalCount));
        rank = Math.Min(rank, TotalCount);
        long cumulative = 0;
        for (int i = 0; i < _bucketCounts.Length; i++)
        {
            cumulative += _bucketCounts[i];
            if (cumulative >= rank)
            {
                return Math.Min(Buckets.HighestValueAt(i), MaxNs);
            }
        }

        return MaxNs;
    }

    /// <summary>
    /// Leaves what was recorded after <paramref name="earlier"/> (a snapshot of the same histogram): a reader on
    /// another thread cannot reset a live histogram, it subtracts. The maximum becomes the highest non-empty
    /// bucket's top (capped at the exact maximum); the minimum is no longer exact.
    /// </summary>
    public void Subtract(HistogramSnapshot earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (earlier._bucketCounts.Length != _bucketCounts.Length)
        {
            CountersThrowHelper.ThrowArgument(nameof(earlier), "snapshots of different histograms");
        }

        long total = 0;
        int highest = -1;
        for (int i = 0; i < _bucketCounts.Length; i++)
        {
            _bucketCounts[i] = Math.Max(0, _bucketCounts[i] - earlier._bucketCounts[i]);
            total += _bucketCounts[i];
            if (_bucketCounts[i] > 0)
            {
                highest = i;
            }
        }

        Count = Math.Max(0, Count - earlier.Count);
        SumNs -= earlier.SumNs;
        ClampedCount = Math.Max(0, ClampedCount - earlier.ClampedCount);
        TotalCount = total;
        MaxNs = highest < 0 ? 0 : Math.Min(Buckets.HighestValueAt(highest), MaxNs);
    }
}
