using System.Diagnostics.CodeAnalysis;
using System.Text;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Counters;

/// <summary>
/// The reader side of a counters file: validates the layout once, then reads labels, counter values,
/// histogram snapshots and the writer's heartbeat while the writer runs. Never writes (the file is mapped
/// read-only), so any number of readers in any process leave the engine's cache lines alone apart from
/// sharing them. Reads allocate (labels, snapshots): this is the tools side, not the hot path.
/// </summary>
/// <example>
/// <code>
/// using var reader = CountersReader.Open(CountersDescriptor.DefaultPath("paper"));
/// for (int id = 0; id &lt; reader.MaxCounters; id++)
/// {
///     if (reader.CounterState(id) == CountersDescriptor.RecordAllocated)
///     {
///         Console.WriteLine($"{reader.CounterLabel(id)} = {reader.CounterValue(id)}");
///     }
/// }
/// </code>
/// </example>
public sealed unsafe class CountersReader : IDisposable
{
    private const int SnapshotAttempts = 16;

    private readonly MappedFile? _file;
    private readonly UnsafeBuffer _buffer;
    private readonly int _counterMetadataOffset;
    private readonly int _histogramMetadataOffset;
    private readonly int _counterValuesOffset;
    private readonly int _histogramsOffset;
    private readonly int _histogramRecordLength;

    private CountersReader(MappedFile? file, UnsafeBuffer buffer)
    {
        _file = file;
        _buffer = buffer;
        MaxCounters = buffer.GetInt32(CountersDescriptor.MaxCountersOffset);
        MaxHistograms = buffer.GetInt32(CountersDescriptor.MaxHistogramsOffset);
        _counterMetadataOffset = buffer.GetInt32(CountersDescriptor.CounterMetadataOffsetOffset);
        _histogramMetadataOffset = buffer.GetInt32(CountersDescriptor.HistogramMetadataOffsetOffset);
        _counterValuesOffset = buffer.GetInt32(CountersDescriptor.CounterValuesOffsetOffset);
        _histogramsOffset = buffer.GetInt32(CountersDescriptor.HistogramsOffsetOffset);
        _histogramRecordLength = buffer.GetInt32(CountersDescriptor.HistogramRecordLengthOffset);
        Buckets = new LogLinearBuckets(
            buffer.GetInt32(CountersDescriptor.SubBucketBitsOffset),
            buffer.GetInt64(CountersDescriptor.HighestTrackableValueNsOffset));
        WriterPid = buffer.GetInt64(CountersDescriptor.WriterPidOffset);
        StartTimeEpochNs = buffer.GetInt64(CountersDescriptor.StartTimeEpochNsOffset);
    }

    /// <summary>The mapped file, or null when wrapping in-process memory.</summary>
    public string? Path => _file?.Path;

    public int MaxCounters { get; }

    public int MaxHistograms { get; }

    public LogLinearBuckets Buckets { get; }

    public long WriterPid { get; }

    public long StartTimeEpochNs { get; }

    /// <summary>Last heartbeat the writer stamped (acquire load), Unix epoch ns.</summary>
    public long HeartbeatEpochNs => _buffer.GetInt64Acquire(CountersDescriptor.HeartbeatEpochNsOffset);

    /// <summary>Maps <paramref name="path"/> read-only and validates it; throws with a message naming the fault.</summary>
    public static CountersReader Open(string path)
    {
        if (!TryOpen(path, out CountersReader? reader, out string error))
        {
            CountersThrowHelper.ThrowInvalidData(error);
        }

        return reader;
    }

    /// <summary>Like <see cref="Open"/>, but a missing, unreadable or invalid file yields false and a message.</summary>
    public static bool TryOpen(string path, [NotNullWhen(true)] out CountersReader? reader, out string error)
    {
        reader = null;
        MappedFile file;
        try
        {
            file = MappedFile.OpenReadOnly(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => $"{path}: no counters file (is the engine running, and is this its name/directory?)",
                InvalidDataException => $"{e.Message}: not a counters file",
                _ => $"{path}: cannot open counters file: {e.Message}",
            };
            return false;
        }

        if (file.Length > CountersDescriptor.MaxFileLength)
        {
            error = $"{path}: {file.Length} bytes is larger than any counters file ({CountersDescriptor.MaxFileLength})";
            file.Dispose();
            return false;
        }

        var buffer = new UnsafeBuffer(file.Pointer, (int)file.Length);
        string? fault = Validate(buffer);
        if (fault is not null)
        {
            error = $"{path}: {fault}";
            file.Dispose();
            return false;
        }

        reader = new CountersReader(file, buffer);
        error = string.Empty;
        return true;
    }

    /// <summary>A reader over in-process memory laid out by <see cref="CountersManager"/>; throws when invalid.</summary>
    public static CountersReader Wrap(UnsafeBuffer buffer)
    {
        string? fault = Validate(buffer);
        if (fault is not null)
        {
            CountersThrowHelper.ThrowInvalidData(fault);
        }

        return new CountersReader(null, buffer);
    }

    /// <summary>
    /// Checks magic, version, length and that every section offset is the one the descriptor derives from
    /// the header's counts; null when the buffer is a valid counters layout, else what is wrong with it.
    /// </summary>
    public static string? Validate(UnsafeBuffer buffer)
    {
        if (buffer.Capacity < CountersDescriptor.HeaderLength)
        {
            return $"{buffer.Capacity} bytes is shorter than the {CountersDescriptor.HeaderLength}-byte counters header: not a counters file";
        }

        // acquire: pairs with the writer's release of the magic, which it stores after the rest of the header
        long magic = buffer.GetInt64Acquire(CountersDescriptor.MagicOffset);
        if (magic == 0)
        {
            return "counters header not initialised (magic is zero): the writer is starting, or this is not a counters file";
        }

        if (magic != CountersDescriptor.Magic)
        {
            return $"not a counters file: magic 0x{magic:X16}, expected 0x{CountersDescriptor.Magic:X16} (\"LLT-CNTR\")";
        }

        int version = buffer.GetInt32(CountersDescriptor.LayoutVersionOffset);
        if (version != CountersDescriptor.LayoutVersion)
        {
            return $"counters layout version {version}, this build reads version {CountersDescriptor.LayoutVersion}: use a matching llt";
        }

        long fileLength = buffer.GetInt64(CountersDescriptor.FileLengthOffset);
        if (fileLength != buffer.Capacity)
        {
            return $"file is {buffer.Capacity} bytes but its header says {fileLength}: truncated or damaged";
        }

        int maxCounters = buffer.GetInt32(CountersDescriptor.MaxCountersOffset);
        int maxHistograms = buffer.GetInt32(CountersDescriptor.MaxHistogramsOffset);
        int subBucketBits = buffer.GetInt32(CountersDescriptor.SubBucketBitsOffset);
        long highest = buffer.GetInt64(CountersDescriptor.HighestTrackableValueNsOffset);
        if (maxCounters < 0 || maxHistograms < 0
            || subBucketBits < LogLinearBuckets.MinSubBucketBits || subBucketBits > LogLinearBuckets.MaxSubBucketBits
            || highest < 2L << subBucketBits || highest > long.MaxValue >> 1)
        {
            return $"header has impossible shape (counters {maxCounters}, histograms {maxHistograms}, sub-bucket bits {subBucketBits}, highest {highest})";
        }

        int bucketCount = new LogLinearBuckets(subBucketBits, highest).BucketCount;
        bool shapeMatches =
            buffer.GetInt32(CountersDescriptor.HeaderLengthOffset) == CountersDescriptor.HeaderLength
            && buffer.GetInt32(CountersDescriptor.MetadataRecordLengthOffset) == CountersDescriptor.MetadataRecordLength
            && buffer.GetInt32(CountersDescriptor.CounterValueStrideOffset) == CountersDescriptor.CounterValueStride
            && buffer.GetInt32(CountersDescriptor.BucketCountOffset) == bucketCount
            && buffer.GetInt32(CountersDescriptor.HistogramRecordLengthOffset) == CountersDescriptor.HistogramRecordLength(bucketCount)
            && buffer.GetInt32(CountersDescriptor.CounterMetadataOffsetOffset) == CountersDescriptor.CounterMetadataSectionOffset()
            && buffer.GetInt32(CountersDescriptor.HistogramMetadataOffsetOffset) == CountersDescriptor.HistogramMetadataSectionOffset(maxCounters)
            && buffer.GetInt32(CountersDescriptor.CounterValuesOffsetOffset) == CountersDescriptor.CounterValuesSectionOffset(maxCounters, maxHistograms)
            && buffer.GetInt32(CountersDescriptor.HistogramsOffsetOffset) == CountersDescriptor.HistogramsSectionOffset(maxCounters, maxHistograms);
        if (!shapeMatches)
        {
            return "header lengths/offsets disagree with its counts: damaged or written by an incompatible build";
        }

        long expectedLength = CountersDescriptor.FileLength(maxCounters, maxHistograms, bucketCount);
        if (expectedLength != fileLength)
        {
            return $"file is {fileLength} bytes but its counts need {expectedLength}: damaged";
        }

        return null;
    }

    /// <summary>True when a process with <paramref name="pid"/> exists (Linux: /proc/&lt;pid&gt;).</summary>
    public static bool IsProcessRunning(long pid) => pid > 0 && Directory.Exists($"/proc/{pid}");

    /// <summary>Free, allocated or reclaimed (<see cref="CountersDescriptor"/>.Record*).</summary>
    public int CounterState(int counterId) =>
        _buffer.GetInt32Acquire(CountersDescriptor.CounterMetadataOffset(_counterMetadataOffset, CheckCounterId(counterId)) + CountersDescriptor.StateOffset);

    public int CounterTypeId(int counterId) =>
        _buffer.GetInt32(CountersDescriptor.CounterMetadataOffset(_counterMetadataOffset, CheckCounterId(counterId)) + CountersDescriptor.TypeIdOffset);

    public string CounterLabel(int counterId) =>
        ReadLabel(CountersDescriptor.CounterMetadataOffset(_counterMetadataOffset, CheckCounterId(counterId)));

    /// <summary>Acquire load of the counter's current value.</summary>
    public long CounterValue(int counterId) =>
        _buffer.GetInt64Acquire(CountersDescriptor.CounterValueOffset(_counterValuesOffset, CheckCounterId(counterId)));

    /// <summary>Address of a counter's value in this mapping (layout checks and diagnostics).</summary>
    public nint CounterValueAddress(int counterId) =>
        (nint)(_buffer.Pointer + CountersDescriptor.CounterValueOffset(_counterValuesOffset, CheckCounterId(counterId)));

    public int HistogramState(int histogramId) =>
        _buffer.GetInt32Acquire(CountersDescriptor.HistogramMetadataOffset(_histogramMetadataOffset, CheckHistogramId(histogramId)) + CountersDescriptor.StateOffset);

    public int HistogramTypeId(int histogramId) =>
        _buffer.GetInt32(CountersDescriptor.HistogramMetadataOffset(_histogramMetadataOffset, CheckHistogramId(histogramId)) + CountersDescriptor.TypeIdOffset);

    public string HistogramLabel(int histogramId) =>
        ReadLabel(CountersDescriptor.HistogramMetadataOffset(_histogramMetadataOffset, CheckHistogramId(histogramId)));

    /// <summary>A snapshot sized for this file's histograms, to pass to <see cref="TryReadHistogram"/>.</summary>
    public HistogramSnapshot CreateSnapshot() => new(Buckets);

    /// <summary>
    /// Copies histogram <paramref name="histogramId"/> into <paramref name="snapshot"/>. False when the slot is
    /// not allocated, or when the writer kept resetting it during every attempt.
    /// </summary>
    public bool TryReadHistogram(int histogramId, HistogramSnapshot snapshot)
    {
        if (snapshot.Buckets.BucketCount != Buckets.BucketCount || snapshot.Buckets.SubBucketBits != Buckets.SubBucketBits)
        {
            CountersThrowHelper.ThrowArgument(nameof(snapshot), "snapshot was created for a different bucketing: use CreateSnapshot()");
        }

        if (HistogramState(histogramId) != CountersDescriptor.RecordAllocated)
        {
            return false;
        }

        int record = CountersDescriptor.HistogramOffset(_histogramsOffset, _histogramRecordLength, histogramId);
        int sequenceOffset = record + CountersDescriptor.HistogramResetSequenceOffset;
        var buckets = new ReadOnlySpan<long>(_buffer.Pointer + record + CountersDescriptor.HistogramBucketsOffset, Buckets.BucketCount);
        for (int attempt = 0; attempt < SnapshotAttempts; attempt++)
        {
            // Seqlock read: an odd sequence means a reset is in progress; a changed one, that it ran meanwhile.
            long sequenceBefore = _buffer.GetInt64Acquire(sequenceOffset);
            if ((sequenceBefore & 1) != 0)
            {
                Thread.Yield();
                continue;
            }

            // acquire: pairs with the writer's release of count, so the buckets hold at least this many values
            long count = _buffer.GetInt64Acquire(record + CountersDescriptor.HistogramCountOffset);
            buckets.CopyTo(snapshot.BucketCountsForCopy);
            long sum = _buffer.GetInt64(record + CountersDescriptor.HistogramSumOffset);
            long min = _buffer.GetInt64(record + CountersDescriptor.HistogramMinOffset);
            long max = _buffer.GetInt64(record + CountersDescriptor.HistogramMaxOffset);
            long clamped = _buffer.GetInt64(record + CountersDescriptor.HistogramClampedCountOffset);
            // full fence: the copies above complete before the sequence is read again
            Interlocked.MemoryBarrier();
            if (_buffer.GetInt64Acquire(sequenceOffset) == sequenceBefore)
            {
                snapshot.SetSummary(count, sum, min, max, clamped);
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        _file?.Dispose();
    }

    private string ReadLabel(int recordOffset)
    {
        int length = _buffer.GetInt32(recordOffset + CountersDescriptor.LabelLengthOffset);
        // A label is written before its slot is published; a reader racing a reuse sees at worst a clamped length.
        length = Math.Clamp(length, 0, CountersDescriptor.MaxLabelLength);
        return Encoding.UTF8.GetString(_buffer.Pointer + recordOffset + CountersDescriptor.LabelOffset, length);
    }

    private int CheckCounterId(int counterId)
    {
        if ((uint)counterId >= (uint)MaxCounters)
        {
            CountersThrowHelper.ThrowArgumentOutOfRange(nameof(counterId), counterId, $"counter id must be in [0, {MaxCounters})");
        }

        return counterId;
    }

    private int CheckHistogramId(int histogramId)
    {
        if ((uint)histogramId >= (uint)MaxHistograms)
        {
            CountersThrowHelper.ThrowArgumentOutOfRange(nameof(histogramId), histogramId, $"histogram id must be in [0, {MaxHistograms})");
        }

        return histogramId;
    }
}
