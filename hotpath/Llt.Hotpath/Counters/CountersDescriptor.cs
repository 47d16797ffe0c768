using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Counters;

/// <summary>
/// The binary layout of the counters file (the engine's CnC-style shared-memory counters): a header,
/// label metadata for counters and histograms, one cache line per counter value, and fixed-size
/// log-linear latency histograms. Every counters type reads offsets only through this class; docs/COUNTERS.md
/// describes the same layout for readers in other languages. All fields are little-endian.
/// <code>
/// File (exactly FileLength bytes; every section starts on a 64-byte boundary):
///   0          +--------------------------------------------------------------+
///              | header (HeaderLength = 256)                                   |
///   256        +--------------------------------------------------------------+
///              | counter metadata:   MaxCounters   x MetadataRecordLength (256) |
///              +--------------------------------------------------------------+
///              | histogram metadata: MaxHistograms x MetadataRecordLength (256) |
///              +--------------------------------------------------------------+
///              | counter values:     MaxCounters   x CounterValueStride (64)    |  one line per counter
///              +--------------------------------------------------------------+
///              | histograms:         MaxHistograms x HistogramRecordLength      |
///              +--------------------------------------------------------------+
///
/// Header:
///   0                   8         12        16                  24                  32
///   +-------------------+---------+---------+-------------------+-------------------+
///   | Magic "LLT-CNTR"  | Version | HdrLen  | FileLength        | WriterPid         |   0
///   +-------------------+---------+---------+-------------------+-------------------+
///   | StartTimeEpochNs  |MaxCntrs |MaxHists |CntrMetaOff|HistMetaOff|CntrValOff|HistOff|  32
///   +-------------------+---------+---------+-----------+-----------+----------+-------+
///   |MetaRecLen|ValStride|HistRecLen|SubBucketBits|BucketCount|rsvd| HighestTrackableNs |  64
///   +----------+---------+----------+-------------+-----------+----+--------------------+
///   | reserved (zero) up to 128                                                      |  96
///   +---------------------------------------------------------------------------------+
///   | HeartbeatEpochNs (writer, release store) | reserved (zero) up to 256            | 128
///   +---------------------------------------------------------------------------------+
///   Magic is stored last, with release semantics: a reader that sees it sees the whole header.
///
/// Metadata record (one per counter slot, then one per histogram slot):
///   0         4         8                    16          20
///   +---------+---------+--------------------+-----------+-------------------------------+
///   | State   | TypeId  | ReuseDeadlineEpochNs| LabelLen | label, UTF-8, MaxLabelLength  |
///   +---------+---------+--------------------+-----------+-------------------------------+
///   State int32: 0 free, 1 allocated, -1 reclaimed; stored last with release semantics.
///
/// Counter value (slot i at CounterValuesOffset + i * 64): int64 at +0, rest of the line padding, so
/// counters written by different threads never share a cache line.
///
/// Histogram record (slot i at HistogramsOffset + i * HistogramRecordLength):
///   0        8        16       24       32            40             48       64
///   +--------+--------+--------+--------+-------------+--------------+--------+----------------------+
///   | Count  | SumNs  | MinNs  | MaxNs  | ClampedCount| ResetSequence| rsvd   | BucketCount x int64  |
///   +--------+--------+--------+--------+-------------+--------------+--------+----------------------+
///   Count is stored last per value, with release semantics; MinNs is Int64.MaxValue while empty;
///   ResetSequence is odd while the writer resets the record (a seqlock for snapshot readers).
///   Bucket i covers [LowestValueAt(i), HighestValueAt(i)] of <see cref="LogLinearBuckets"/>.
/// </code>
/// </summary>
public static class CountersDescriptor
{
    /// <summary>"LLT-CNTR" read as a little-endian int64.</summary>
    public const long Magic = 0x52544E432D544C4CL;

    public const int LayoutVersion = 1;

    public const int CacheLineLength = 64;

    /// <summary>Where engines put their counters files: tmpfs, so writes never reach a disk.</summary>
    public const string DefaultBaseDirectory = "/dev/shm/llt";

    public const string FileName = "counters.dat";

    /// <summary>Engine name used when neither the engine config nor the CLI names one.</summary>
    public const string DefaultEngineName = "default";

    // Header field offsets.
    public const int MagicOffset = 0;
    public const int LayoutVersionOffset = 8;
    public const int HeaderLengthOffset = 12;
    public const int FileLengthOffset = 16;
    public const int WriterPidOffset = 24;
    public const int StartTimeEpochNsOffset = 32;
    public const int MaxCountersOffset = 40;
    public const int MaxHistogramsOffset = 44;
    public const int CounterMetadataOffsetOffset = 48;
    public const int HistogramMetadataOffsetOffset = 52;
    public const int CounterValuesOffsetOffset = 56;
    public const int HistogramsOffsetOffset = 60;
    public const int MetadataRecordLengthOffset = 64;
    public const int CounterValueStrideOffset = 68;
    public const int HistogramRecordLengthOffset = 72;
    public const int SubBucketBitsOffset = 76;
    public const int BucketCountOffset = 80;
    public const int HighestTrackableValueNsOffset = 88;

    /// <summary>The writer's heartbeat owns the header's third cache line: it is the only header field
    /// written after start-up, so readers polling the static fields never contend with it.</summary>
    public const int HeartbeatEpochNsOffset = 2 * CacheLineLength;

    public const int HeaderLength = 4 * CacheLineLength;

    // Metadata record field offsets, relative to the record.
    public const int StateOffset = 0;
    public const int TypeIdOffset = 4;
    public const int ReuseDeadlineEpochNsOffset = 8;
    public const int LabelLengthOffset = 16;
    public const int LabelOffset = 20;
    public const int MetadataRecordLength = 4 * CacheLineLength;

    /// <summary>Longest label in UTF-8 bytes; longer labels are truncated at a character boundary.</summary>
    public const int MaxLabelLength = MetadataRecordLength - LabelOffset;

    public const int RecordFree = 0;
    public const int RecordAllocated = 1;
    public const int RecordReclaimed = -1;

    /// <summary>One cache line per counter value: the single-writer rule then holds per line.</summary>
    public const int CounterValueStride = CacheLineLength;

    // Histogram record field offsets, relative to the record.
    public const int HistogramCountOffset = 0;
    public const int HistogramSumOffset = 8;
    public const int HistogramMinOffset = 16;
    public const int HistogramMaxOffset = 24;
    public const int HistogramClampedCountOffset = 32;
    public const int HistogramResetSequenceOffset = 40;
    public const int HistogramBucketsOffset = CacheLineLength;

    /// <summary>Offsets are int32 (UnsafeBuffer), so the whole file stays below 2 GiB.</summary>
    public const long MaxFileLength = int.MaxValue;

    /// <summary>/dev/shm/llt/&lt;engineName&gt;: the directory of an engine's shared-memory files.</summary>
    public static string DefaultDirectory(string engineName) => Path.Combine(DefaultBaseDirectory, engineName);

    /// <summary>The counters file the engine named <paramref name="engineName"/> writes and <c>llt stat</c> reads.</summary>
    public static string DefaultPath(string engineName) => Path.Combine(DefaultDirectory(engineName), FileName);

    public static int CounterMetadataSectionOffset() => HeaderLength;

    public static int HistogramMetadataSectionOffset(int maxCounters) =>
        HeaderLength + maxCounters * MetadataRecordLength;

    public static int CounterValuesSectionOffset(int maxCounters, int maxHistograms) =>
        HeaderLength + (maxCounters + maxHistograms) * MetadataRecordLength;

    public static int HistogramsSectionOffset(int maxCounters, int maxHistograms) =>
        CounterValuesSectionOffset(maxCounters, maxHistograms) + maxCounters * CounterValueStride;

    /// <summary>Record length of a histogram with <paramref name="bucketCount"/> buckets, a multiple of 64.</summary>
    public static long HistogramRecordLength(int bucketCount) =>
        AlignToCacheLine(HistogramBucketsOffset + (long)bucketCount * sizeof(long));

    /// <summary>Total file length; may exceed <see cref="MaxFileLength"/>, which callers must refuse.</summary>
    public static long FileLength(int maxCounters, int maxHistograms, int bucketCount) =>
        HistogramsSectionOffset(maxCounters, maxHistograms) + maxHistograms * HistogramRecordLength(bucketCount);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CounterMetadataOffset(int counterMetadataSectionOffset, int counterId) =>
        counterMetadataSectionOffset + counterId * MetadataRecordLength;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CounterValueOffset(int counterValuesSectionOffset, int counterId) =>
        counterValuesSectionOffset + counterId * CounterValueStride;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HistogramMetadataOffset(int histogramMetadataSectionOffset, int histogramId) =>
        histogramMetadataSectionOffset + histogramId * MetadataRecordLength;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HistogramOffset(int histogramsSectionOffset, int histogramRecordLength, int histogramId) =>
        histogramsSectionOffset + histogramId * histogramRecordLength;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HistogramBucketOffset(int histogramOffset, int bucketIndex) =>
        histogramOffset + HistogramBucketsOffset + bucketIndex * sizeof(long);

    private static long AlignToCacheLine(long length) => (length + CacheLineLength - 1) & ~(long)(CacheLineLength - 1);
}
