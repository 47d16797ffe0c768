using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Counters;

/// <summary>
/// The bucketing of a latency histogram, HDR-style: with k = <see cref="SubBucketBits"/> and S = 2^k,
/// values in [0, 2S) have one bucket each (exact), and every power-of-two range [2^m, 2^(m+1)) with m &gt; k
/// is split into S linear sub-buckets of width 2^(m-k). So every bucket is narrower than 2^-k of the values
/// it holds, and a value reported as its bucket's highest value is at most that relative error above the
/// truth (never below it).
/// <code>
///   shift = max(0, msb(value) - k)                 msb via LZCNT: 63 - LeadingZeroCount(value | S)
///   index = (shift &lt;&lt; k) + (value &gt;&gt; shift)
/// </code>
/// Index and value range are pure functions of (k, highest trackable value), so a reader rebuilds the same
/// bucketing from the two header fields.
/// </summary>
public readonly struct LogLinearBuckets
{
    public const int MinSignificantDigits = 1;
    public const int MaxSignificantDigits = 4;
    public const int MinSubBucketBits = 1;

    /// <summary>2^14 sub-buckets: 4 significant digits, the most a fixed-memory histogram is worth here.</summary>
    public const int MaxSubBucketBits = 14;

    private readonly int _subBucketBits;
    private readonly int _bucketCount;
    private readonly long _highestTrackableValue;

    public LogLinearBuckets(int subBucketBits, long highestTrackableValue)
    {
        if (subBucketBits < MinSubBucketBits || subBucketBits > MaxSubBucketBits)
        {
            CountersThrowHelper.ThrowArgument(nameof(subBucketBits),
                $"sub-bucket bits {subBucketBits} must be in [{MinSubBucketBits}, {MaxSubBucketBits}]");
        }

        if (highestTrackableValue < 2L << subBucketBits || highestTrackableValue > long.MaxValue >> 1)
        {
            CountersThrowHelper.ThrowArgument(nameof(highestTrackableValue),
                $"highest trackable value {highestTrackableValue} must be in [{2L << subBucketBits}, {long.MaxValue >> 1}]");
        }

        _subBucketBits = subBucketBits;
        _highestTrackableValue = highestTrackableValue;
        _bucketCount = 0;
        _bucketCount = IndexOf(highestTrackableValue) + 1;
    }

    /// <summary>k: each power-of-two range above 2^k is split into 2^k linear sub-buckets.</summary>
    public int SubBucketBits => _subBucketBits;

    public int BucketCount => _bucketCount;

    /// <summary>Largest value recorded as itself; larger values are clamped to it and counted.</summary>
    public long HighestTrackableValue => _highestTrackableValue;

    /// <summary>Upper bound (exclusive) of the relative error of a reported value: 2^-k.</summary>
    public double RelativeError => 1.0 / (1L << _subBucketBits);

    /// <summary>Smallest k whose 2^-k relative error is within <paramref name="significantDigits"/> decimal digits (10^-d).</summary>
    public static int SubBucketBitsFor(int significantDigits)
    {
        if (significantDigits < MinSignificantDigits || significantDigits > MaxSignificantDigits)
        {
            CountersThrowHelper.ThrowArgument(nameof(significantDigits),
                $"significant digits {significantDigits} must be in [{MinSignificantDigits}, {MaxSignificantDigits}]");
        }

        long decimalRange = 1;
        for (int i = 0; i < significantDigits; i++)
        {
            decimalRange *= 10;
        }

        return BitOperations.Log2((ulong)(decimalRange - 1)) + 1;
    }

    /// <summary>Bucket of <paramref name="value"/>, which must be in [0, <see cref="HighestTrackableValue"/>].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(long value)
    {
        Debug.Assert(value >= 0 && value <= _highestTrackableValue, "Invariant: value clamped before indexing");
        int k = _subBucketBits;
        // OR-ing in 2^k floors the exponent at k, so values below 2^(k+1) get shift 0 without a branch.
        int shift = 63 - k - BitOperations.LeadingZeroCount((ulong)value | (1UL << k));
        return (shift << k) + (int)((ulong)value >> shift);
    }

    public long LowestValueAt(int index)
    {
        int k = _subBucketBits;
        int shift = Math.Max(0, (index >> k) - 1);
        return (long)(index - (shift << k)) << shift;
    }

    public long HighestValueAt(int index)
    {
        int shift = Math.Max(0, (index >> _subBucketBits) - 1);
        return LowestValueAt(index) + (1L << shift) - 1;
    }
}
