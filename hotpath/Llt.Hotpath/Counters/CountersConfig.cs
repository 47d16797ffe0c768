namespace Llt.Hotpath.Counters;

/// <summary>
/// Shape of a counters file, validated once by <see cref="Validate"/>; <see cref="CountersManager"/> copies the
/// concluded values and never reads the config again. Readers learn the shape from the file's header.
/// </summary>
public sealed class CountersConfig
{
    /// <summary>Default <see cref="LivenessTimeoutNs"/>; also what <c>llt stat</c> calls stale.</summary>
    public const long DefaultLivenessTimeoutNs = 5_000_000_000L;

    /// <summary>Counter slots (labels + one cache line each). Default 1024.</summary>
    public int MaxCounters { get; init; } = 1024;

    /// <summary>Histogram slots. Default 16 (about 270 KiB each at 3 digits up to 1 hour).</summary>
    public int MaxHistograms { get; init; } = 16;

    /// <summary>Decimal digits of precision, 1..4: reported values are within 10^-digits (relative) of the truth.</summary>
    public int SignificantDigits { get; init; } = 3;

    /// <summary>Largest latency recorded as itself; larger ones are clamped and counted. Default 1 hour.</summary>
    public long HighestTrackableValueNs { get; init; } = 3_600_000_000_000L;

    /// <summary>
    /// How long a freed slot stays reclaimed before it may be handed out again, so a reader that saw it
    /// allocated finishes reading the old label and value first. Default 1 s.
    /// </summary>
    public long ReuseTimeoutNs { get; init; } = 1_000_000_000L;

    /// <summary>
    /// A file whose writer stamped a heartbeat within this window (and whose pid is running) belongs to a live
    /// engine: creating over it is refused. Readers use the same window to call a file stale. Default 5 s.
    /// </summary>
    public long LivenessTimeoutNs { get; init; } = DefaultLivenessTimeoutNs;

    /// <summary>Bucketing implied by <see cref="SignificantDigits"/> and <see cref="HighestTrackableValueNs"/>.</summary>
    public LogLinearBuckets Buckets() =>
        new(LogLinearBuckets.SubBucketBitsFor(SignificantDigits), HighestTrackableValueNs);

    /// <summary>Length of the file (or in-process buffer) this config needs.</summary>
    public long FileLength() => CountersDescriptor.FileLength(MaxCounters, MaxHistograms, Buckets().BucketCount);

    public void Validate()
    {
        if (MaxCounters < 0 || MaxCounters > 1 << 20)
        {
            CountersThrowHelper.ThrowArgument(nameof(MaxCounters), $"max counters {MaxCounters} must be in [0, {1 << 20}]");
        }

        if (MaxHistograms < 0 || MaxHistograms > 1 << 16)
        {
            CountersThrowHelper.ThrowArgument(nameof(MaxHistograms), $"max histograms {MaxHistograms} must be in [0, {1 << 16}]");
        }

        if (ReuseTimeoutNs < 0)
        {
            CountersThrowHelper.ThrowArgument(nameof(ReuseTimeoutNs), "reuse timeout must be >= 0 ns");
        }

        if (LivenessTimeoutNs <= 0)
        {
            CountersThrowHelper.ThrowArgument(nameof(LivenessTimeoutNs), "liveness timeout must be > 0 ns");
        }

        // Buckets() validates digits and range.
        long length = FileLength();
        if (length > CountersDescriptor.MaxFileLength)
        {
            CountersThrowHelper.ThrowArgument(nameof(MaxHistograms),
                $"counters file would be {length} bytes, above {CountersDescriptor.MaxFileLength}: fewer slots, digits or a lower highest value");
        }
    }
}
