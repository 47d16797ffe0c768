using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Counters;

/// <summary>
/// Handle to one fixed-memory log-linear latency histogram in a counters file, from
/// <see cref="CountersManager.AllocateHistogram"/>. Single writer: one thread calls <see cref="Record(long)"/> and
/// <see cref="Reset"/>; readers take snapshots with <see cref="CountersReader.TryReadHistogram"/>.
/// O(1), allocation-free recording: one LZCNT, two shifts and three stores (five on a new min or max).
/// </summary>
public readonly unsafe struct LatencyHistogram
{
    private readonly byte* _record;
    private readonly LogLinearBuckets _buckets;

    internal LatencyHistogram(byte* record, LogLinearBuckets buckets, int id)
    {
        _record = record;
        _buckets = buckets;
        Id = id;
    }

    /// <summary>Slot of the histogram in the file.</summary>
    public int Id { get; }

    /// <summary>False for <c>default(LatencyHistogram)</c>.</summary>
    public bool IsValid => _record != null;

    public LogLinearBuckets Buckets => _buckets;

    /// <summary>
    /// Records one latency. Values above the highest trackable value are recorded as that value, negative
    /// ones as 0, and both are counted in the clamped count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(long valueNs)
    {
        // One unsigned compare catches both negative and too-large values.
        if ((ulong)valueNs > (ulong)_buckets.HighestTrackableValue)
        {
            RecordClamped(valueNs);
            return;
        }

        RecordInRange(valueNs, 1);
    }

    /// <summary>
    /// Records <paramref name="count"/> samples of the same value in one update: what recording it that many times
    /// would leave, for a batch whose samples share a value (ticks published together carry one receive stamp).
    /// </summary>
    public void Record(long valueNs, long count)
    {
        if (count <= 0)
        {
            return;
        }

        if ((ulong)valueNs > (ulong)_buckets.HighestTrackableValue)
        {
            *Field(CountersDescriptor.HistogramClampedCountOffset) += count;
            valueNs = valueNs < 0 ? 0 : _buckets.HighestTrackableValue;
        }

        RecordInRange(valueNs, count);
    }

    /// <summary>Empties the histogram (writer thread only). A reader snapshot taken meanwhile is retried.</summary>
    public void Reset()
    {
        long* sequence = Field(CountersDescriptor.HistogramResetSequenceOffset);
        long odd = *sequence + 1;
        Volatile.Write(ref *sequence, odd);
        // full fence: the zeroing stores below must not become visible before the odd sequence
        Interlocked.MemoryBarrier();
        Clear();
        // release: the zeroed record is visible before the even sequence that says it is complete
        Volatile.Write(ref *sequence, odd + 1);
    }

    /// <summary>Zeroes the record's values (not its reset sequence). Called by the manager at allocation.</summary>
    internal void Clear()
    {
        new Span<byte>(_record + CountersDescriptor.HistogramBucketsOffset, _buckets.BucketCount * sizeof(long)).Clear();
        *Field(CountersDescriptor.HistogramSumOffset) = 0;
        *Field(CountersDescriptor.HistogramMinOffset) = long.MaxValue;
        *Field(CountersDescriptor.HistogramMaxOffset) = 0;
        *Field(CountersDescriptor.HistogramClampedCountOffset) = 0;
        Volatile.Write(ref *Field(CountersDescriptor.HistogramCountOffset), 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RecordInRange(long valueNs, long samples)
    {
        long* bucket = (long*)(_record + CountersDescriptor.HistogramBucketsOffset) + _buckets.IndexOf(valueNs);
        *bucket += samples;
        long* sum = Field(CountersDescriptor.HistogramSumOffset);
        *sum += valueNs * samples;
        // Branches, not min/max stores: a new extreme is rare once warm, and skipping the store keeps min and
        // max out of the store-to-load forwarding chain that every record would otherwise extend.
        long* min = Field(CountersDescriptor.HistogramMinOffset);
        if (valueNs < *min)
        {
            *min = valueNs;
        }

        long* max = Field(CountersDescriptor.HistogramMaxOffset);
        if (valueNs > *max)
        {
            *max = valueNs;
        }
        long* count = Field(CountersDescriptor.HistogramCountOffset);
        // release: the bucket, sum, min and max of this value are visible before the count that includes it,
        // so a reader that loads the count with acquire finds at least that many values in the buckets.
        Volatile.Write(ref *count, *count + samples);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RecordClamped(long valueNs)
    {
        long* clamped = Field(CountersDescriptor.HistogramClampedCountOffset);
        *clamped += 1;
        RecordInRange(valueNs < 0 ? 0 : _buckets.HighestTrackableValue, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long* Field(int offset) => (long*)(_record + offset);
}
