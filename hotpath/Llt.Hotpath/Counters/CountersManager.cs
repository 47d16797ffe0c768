using System.Text.Unicode;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Counters;

/// <summary>
/// The writer side of a counters file: lays out the file, allocates and frees labelled counters and
/// histograms, and stamps the writer's heartbeat. Allocation, freeing and heartbeats belong to one thread
/// (the engine's start-up or conductor thread); the <see cref="Counter"/> and <see cref="LatencyHistogram"/>
/// handles it returns are then written by their own single writer thread each, allocation-free.
/// </summary>
/// <example>
/// <code>
/// using var counters = CountersManager.Create(CountersDescriptor.DefaultPath("paper"), new CountersConfig(), SystemEpochClock.Instance);
/// Counter ticks = counters.AllocateCounter(typeId: 1, "feed: ticks received");
/// LatencyHistogram tickToOrder = counters.AllocateHistogram(typeId: 100, "tick-to-order ns");
/// ticks.Increment();                      // hot path
/// tickToOrder.Record(nowNs - tickRxNs);   // hot path
/// counters.UpdateHeartbeat();             // conductor duty cycle, e.g. every 100 ms
/// </code>
/// </example>
public sealed unsafe class CountersManager : IDisposable
{
    private readonly MappedFile? _file;
    private readonly UnsafeBuffer _buffer;
    private readonly IEpochClock _clock;
    private readonly LogLinearBuckets _buckets;
    private readonly int _maxCounters;
    private readonly int _maxHistograms;
    private readonly int _counterMetadataOffset;
    private readonly int _histogramMetadataOffset;
    private readonly int _counterValuesOffset;
    private readonly int _histogramsOffset;
    private readonly int _histogramRecordLength;
    private readonly long _reuseTimeoutNs;

    private CountersManager(MappedFile? file, UnsafeBuffer buffer, CountersConfig config, IEpochClock clock)
    {
        _file = file;
        _buffer = buffer;
        _clock = clock;
        _buckets = config.Buckets();
        _maxCounters = config.MaxCounters;
        _maxHistograms = config.MaxHistograms;
        _counterMetadataOffset = CountersDescriptor.CounterMetadataSectionOffset();
        _histogramMetadataOffset = CountersDescriptor.HistogramMetadataSectionOffset(_maxCounters);
        _counterValuesOffset = CountersDescriptor.CounterValuesSectionOffset(_maxCounters, _maxHistograms);
        _histogramsOffset = CountersDescriptor.HistogramsSectionOffset(_maxCounters, _maxHistograms);
        _histogramRecordLength = (int)CountersDescriptor.HistogramRecordLength(_buckets.BucketCount);
        _reuseTimeoutNs = config.ReuseTimeoutNs;
        InitialiseHeader(config.FileLength());
    }

    /// <summary>The mapped file, or null when wrapping in-process memory.</summary>
    public string? Path => _file?.Path;

    public UnsafeBuffer Buffer => _buffer;

    public int MaxCounters => _maxCounters;

    public int MaxHistograms => _maxHistograms;

    public LogLinearBuckets Buckets => _buckets;

    /// <summary>
    /// Creates (or replaces) the counters file at <paramref name="path"/> with mode 0600, in a directory created
    /// 0700 when missing, pre-touched so counter updates never page-fault. Refuses to replace a file whose
    /// writer is still alive (fresh heartbeat and a running pid other than this process).
    /// </summary>
    public static CountersManager Create(string path, CountersConfig config, IEpochClock clock)
    {
        config.Validate();
        string? directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        RefuseLiveWriter(path, config.LivenessTimeoutNs, clock);
        // A new inode rather than truncating in place: a reader still mapping the old file would take SIGBUS
        // on pages past a truncation; with a new file it keeps a consistent (stale) view and reopens.
        File.Delete(path);
        var file = MappedFile.Create(path, config.FileLength(), preTouch: true);
        try
        {
            return new CountersManager(file, new UnsafeBuffer(file.Pointer, (int)file.Length), config, clock);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Lays out counters in caller-owned memory (an <see cref="AlignedMemory"/> for tests, benchmarks or a
    /// single-process engine). The buffer must be 64-byte aligned and at least <see cref="CountersConfig.FileLength"/>
    /// bytes; it is cleared.
    /// </summary>
    public static CountersManager Wrap(UnsafeBuffer buffer, CountersConfig config, IEpochClock clock)
    {
        config.Validate();
        if (((nint)buffer.Pointer & (CountersDescriptor.CacheLineLength - 1)) != 0)
        {
            CountersThrowHelper.ThrowArgument(nameof(buffer), "counters buffer must be 64-byte aligned");
        }

        long length = config.FileLength();
        if (buffer.Capacity < length)
        {
            CountersThrowHelper.ThrowArgument(nameof(buffer), $"counters buffer of {buffer.Capacity} bytes is smaller than the {length} the config needs");
        }

        buffer.SetMemory(0, (int)length, 0);
        return new CountersManager(null, new UnsafeBuffer(buffer.Pointer, (int)length), config, clock);
    }

    /// <summary>A reader over the same memory, for in-process inspection.</summary>
    public CountersReader CreateReader() => CountersReader.Wrap(_buffer);

    /// <summary>
    /// Allocates a counter, starting at zero. <paramref name="label"/> is stored as UTF-8, truncated at a
    /// character boundary to <see cref="CountersDescriptor.MaxLabelLength"/> bytes. Throws when every slot
    /// is taken (a start-up configuration error).
    /// </summary>
    public Counter AllocateCounter(int typeId, ReadOnlySpan<char> label)
    {
        int id = FindSlot(_counterMetadataOffset, _maxCounters);
        if (id < 0)
        {
            CountersThrowHelper.ThrowInvalidOperation($"all {_maxCounters} counter slots are allocated: raise CountersConfig.MaxCounters");
        }

        int valueOffset = CountersDescriptor.CounterValueOffset(_counterValuesOffset, id);
        _buffer.PutInt64Release(valueOffset, 0);
        PublishMetadata(CountersDescriptor.CounterMetadataOffset(_counterMetadataOffset, id), typeId, label);
        return new Counter((long*)(_buffer.Pointer + valueOffset), id);
    }

    /// <summary>Allocates an empty histogram with the file's bucketing. Throws when every slot is taken.</summary>
    public LatencyHistogram AllocateHistogram(int typeId, ReadOnlySpan<char> label)
    {
        int id = FindSlot(_histogramMetadataOffset, _maxHistograms);
        if (id < 0)
        {
            CountersThrowHelper.ThrowInvalidOperation($"all {_maxHistograms} histogram slots are allocated: raise CountersConfig.MaxHistograms");
        }

        int recordOffset = CountersDescriptor.HistogramOffset(_histogramsOffset, _histogramRecordLength, id);
        var histogram = new LatencyHistogram(_buffer.Pointer + recordOffset, _buckets, id);
        histogram.Clear();
        PublishMetadata(CountersDescriptor.HistogramMetadataOffset(_histogramMetadataOffset, id), typeId, label);
        return histogram;
    }

    /// <summary>
    /// Marks a counter reclaimed: readers stop listing it and the slot is reused after the reuse timeout.
    /// The caller must stop writing through its handle.
    /// </summary>
    public void FreeCounter(int counterId)
    {
        CheckId(counterId, _maxCounters, nameof(counterId));
        Reclaim(CountersDescriptor.CounterMetadataOffset(_counterMetadataOffset, counterId));
    }

    public void FreeHistogram(int histogramId)
    {
        CheckId(histogramId, _maxHistograms, nameof(histogramId));
        Reclaim(CountersDescriptor.HistogramMetadataOffset(_histogramMetadataOffset, histogramId));
    }

    /// <summary>Stamps the heartbeat with the clock's current time.</summary>
    public void UpdateHeartbeat() => UpdateHeartbeat(_clock.EpochNanoTime());

    /// <summary>Stamps the heartbeat: readers compare it with their own wall clock to tell a live writer from a stale file.</summary>
    public void UpdateHeartbeat(long nowEpochNs)
    {
        // release: a reader that sees this heartbeat also sees every counter update made before it
        _buffer.PutInt64Release(CountersDescriptor.HeartbeatEpochNsOffset, nowEpochNs);
    }

    public void Dispose()
    {
        _file?.Dispose();
    }

    private void InitialiseHeader(long fileLength)
    {
        _buffer.PutInt32(CountersDescriptor.LayoutVersionOffset, CountersDescriptor.LayoutVersion);
        _buffer.PutInt32(CountersDescriptor.HeaderLengthOffset, CountersDescriptor.HeaderLength);
        _buffer.PutInt64(CountersDescriptor.FileLengthOffset, fileLength);
        _buffer.PutInt64(CountersDescriptor.WriterPidOffset, Environment.ProcessId);
        long nowNs = _clock.EpochNanoTime();
        _buffer.PutInt64(CountersDescriptor.StartTimeEpochNsOffset, nowNs);
        _buffer.PutInt32(CountersDescriptor.MaxCountersOffset, _maxCounters);
        _buffer.PutInt32(CountersDescriptor.MaxHistogramsOffset, _maxHistograms);
        _buffer.PutInt32(CountersDescriptor.CounterMetadataOffsetOffset, _counterMetadataOffset);
        _buffer.PutInt32(CountersDescriptor.HistogramMetadataOffsetOffset, _histogramMetadataOffset);
        _buffer.PutInt32(CountersDescriptor.CounterValuesOffsetOffset, _counterValuesOffset);
        _buffer.PutInt32(CountersDescriptor.HistogramsOffsetOffset, _histogramsOffset);
        _buffer.PutInt32(CountersDescriptor.MetadataRecordLengthOffset, CountersDescriptor.MetadataRecordLength);
        _buffer.PutInt32(CountersDescriptor.CounterValueStrideOffset, CountersDescriptor.CounterValueStride);
        _buffer.PutInt32(CountersDescriptor.HistogramRecordLengthOffset, _histogramRecordLength);
        _buffer.PutInt32(CountersDescriptor.SubBucketBitsOffset, _buckets.SubBucketBits);
        _buffer.PutInt32(CountersDescriptor.BucketCountOffset, _buckets.BucketCount);
        _buffer.PutInt64(CountersDescriptor.HighestTrackableValueNsOffset, _buckets.HighestTrackableValue);
        _buffer.PutInt64(CountersDescriptor.HeartbeatEpochNsOffset, nowNs);
        // release: the magic goes last, so a reader that recognises the file sees a complete header
        _buffer.PutInt64Release(CountersDescriptor.MagicOffset, CountersDescriptor.Magic);
    }

    /// <summary>Lowest never-used slot, else the lowest reclaimed slot past its reuse deadline; -1 when none.</summary>
    private int FindSlot(int metadataSectionOffset, int capacity)
    {
        for (int id = 0; id < capacity; id++)
        {
            if (_buffer.GetInt32(metadataSectionOffset + id * CountersDescriptor.MetadataRecordLength + CountersDescriptor.StateOffset) == CountersDescriptor.RecordFree)
            {
                return id;
            }
        }

        long nowNs = _clock.EpochNanoTime();
        for (int id = 0; id < capacity; id++)
        {
            int record = metadataSectionOffset + id * CountersDescriptor.MetadataRecordLength;
            if (_buffer.GetInt32(record + CountersDescriptor.StateOffset) == CountersDescriptor.RecordReclaimed
                && _buffer.GetInt64(record + CountersDescriptor.ReuseDeadlineEpochNsOffset) <= nowNs)
            {
                return id;
            }
        }

        return -1;
    }

    private void PublishMetadata(int recordOffset, int typeId, ReadOnlySpan<char> label)
    {
        Span<byte> labelBytes = stackalloc byte[CountersDescriptor.MaxLabelLength];
        // A label too long for the record is cut at the last whole character that fits (DestinationTooSmall).
        Utf8.FromUtf16(label, labelBytes, out _, out int bytesWritten, replaceInvalidSequences: true, isFinalBlock: true);
        _buffer.PutInt32(recordOffset + CountersDescriptor.TypeIdOffset, typeId);
        _buffer.PutInt64(recordOffset + CountersDescriptor.ReuseDeadlineEpochNsOffset, 0);
        _buffer.SetMemory(recordOffset + CountersDescriptor.LabelOffset, CountersDescriptor.MaxLabelLength, 0);
        _buffer.PutBytes(recordOffset + CountersDescriptor.LabelOffset, labelBytes[..bytesWritten]);
        _buffer.PutInt32(recordOffset + CountersDescriptor.LabelLengthOffset, bytesWritten);
        // release: type, label and the zeroed value are visible before a reader can see the slot allocated
        _buffer.PutInt32Release(recordOffset + CountersDescriptor.StateOffset, CountersDescriptor.RecordAllocated);
    }

    private void Reclaim(int recordOffset)
    {
        if (_buffer.GetInt32(recordOffset + CountersDescriptor.StateOffset) != CountersDescriptor.RecordAllocated)
        {
            CountersThrowHelper.ThrowInvalidOperation("slot is not allocated");
        }

        _buffer.PutInt64(recordOffset + CountersDescriptor.ReuseDeadlineEpochNsOffset, _clock.EpochNanoTime() + _reuseTimeoutNs);
        // release: the deadline is visible before the state that makes it meaningful
        _buffer.PutInt32Release(recordOffset + CountersDescriptor.StateOffset, CountersDescriptor.RecordReclaimed);
    }

    private static void CheckId(int id, int capacity, string paramName)
    {
        if ((uint)id >= (uint)capacity)
        {
            CountersThrowHelper.ThrowArgumentOutOfRange(paramName, id, $"id must be in [0, {capacity})");
        }
    }

    private static void RefuseLiveWriter(string path, long livenessTimeoutNs, IEpochClock clock)
    {
        if (!File.Exists(path) || !CountersReader.TryOpen(path, out CountersReader? existing, out _))
        {
            return;
        }

        using (existing)
        {
            long pid = existing.WriterPid;
            long ageNs = clock.EpochNanoTime() - existing.HeartbeatEpochNs;
            if (pid != Environment.ProcessId && ageNs < livenessTimeoutNs && CountersReader.IsProcessRunning(pid))
            {
                CountersThrowHelper.ThrowInvalidOperation(
                    $"{path}: another engine (pid {pid}) is writing this counters file, heartbeat {ageNs / 1_000_000} ms ago");
            }
        }
    }
}
