using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>
/// Ladder key (price for bids, −price for asks) → level slot of an <see cref="L3Book"/>: open addressing with
/// linear probing over a power-of-two table of at least twice the level slots (load factor ≤ 0.5), deletion by
/// backward shift (no tombstones). Lives in a field of its book and points into the book's memory block.
/// </summary>
/// <remarks>
/// Why it exists: an add to an existing level is the commonest book operation of an ITCH feed, and finding
/// the level in the sorted <see cref="PriceLadder"/> is a binary search once the price is more than a few
/// levels from the touch — a chain of unpredictable branches (~7 for 100 levels) costing more than the rest of
/// the add. A hash probe is one multiply and, nearly always, one cache line. The ladder is still searched
/// when a level is created or emptied (rare: most adds join a level that already has orders).
/// </remarks>
internal unsafe struct PriceLevelIndex
{
    // 2^64 / golden ratio: prices are multiples of a tick, which a plain mask would cluster
    private const ulong FibonacciMultiplier = 0x9E3779B97F4A7C15UL;

    private readonly Bucket* _buckets;
    private readonly int _mask;
    private readonly int _shift;

    /// <param name="buckets">Memory for <see cref="BucketCountFor"/> buckets, zeroed.</param>
    public PriceLevelIndex(void* buckets, int bucketCount)
    {
        _buckets = (Bucket*)buckets;
        _mask = bucketCount - 1;
        _shift = 64 - BitOperations.Log2((uint)bucketCount);
    }

    public static int BucketBytes => sizeof(Bucket);

    /// <summary>A power of two ≥ 2 × <paramref name="levelSlots"/>.</summary>
    public static int BucketCountFor(int levelSlots) => (int)BitOperations.RoundUpToPowerOf2((uint)levelSlots * 2);

    /// <summary>Bucket holding <paramref name="key"/>, or the complement of the empty bucket ending its probe run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int FindBucket(long key)
    {
        int b = Home(key);
        while (true)
        {
            ref Bucket bucket = ref _buckets[b];
            if (bucket.LevelRef == 0)
            {
                return ~b;
            }

            if (bucket.Key == key)
            {
                return b;
            }

            b = (b + 1) & _mask;
        }
    }

    /// <summary>Level slot in a bucket <see cref="FindBucket"/> found.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int LevelAt(int bucket) => _buckets[bucket].LevelRef - 1;

    /// <summary>Fills the empty bucket <see cref="FindBucket"/> returned (as its complement) for an absent key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Set(int emptyBucket, long key, int levelId)
    {
        ref Bucket bucket = ref _buckets[emptyBucket];
        bucket.Key = key;
        bucket.LevelRef = levelId + 1;
    }

    /// <summary>Removes <paramref name="key"/>, which must be present.</summary>
    public readonly void Remove(long key)
    {
        int hole = FindBucket(key);
        int j = hole;
        while (true)
        {
            j = (j + 1) & _mask;
            ref Bucket candidate = ref _buckets[j];
            if (candidate.LevelRef == 0)
            {
                break;
            }

            // movable when the hole lies in the cyclic range [home, j): its probe distance covers the hole
            if (((j - Home(candidate.Key)) & _mask) >= ((j - hole) & _mask))
            {
                _buckets[hole] = candidate;
                hole = j;
            }
        }

        _buckets[hole] = default;
    }

    public readonly void Clear() => new Span<Bucket>(_buckets, _mask + 1).Clear();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int Home(long key) => (int)(((ulong)key * FibonacciMultiplier) >> _shift);

    /// <summary>16 bytes, four per cache line; <see cref="LevelRef"/> 0 marks an empty bucket.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Bucket
    {
        public long Key;

        /// <summary>Level slot + 1.</summary>
        public int LevelRef;
    }
}
