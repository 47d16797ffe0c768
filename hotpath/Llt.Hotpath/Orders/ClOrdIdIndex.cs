using System.Numerics;
using System.Runtime.CompilerServices;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Orders;

/// <summary>
/// Open-addressing map from client order id to an int (a slot), preallocated, single-threaded. Linear
/// probing with backward-shift deletion: no tombstones, so churning millions of ids through it never
/// degrades probe lengths. Keys must be positive; 0 marks an empty bucket.
/// </summary>
public sealed class ClOrdIdIndex
{
    private readonly long[] _keys;
    private readonly int[] _values;
    private readonly int _mask;
    private readonly int _maxCount;
    private int _count;
    // the highest key ever added (never lowered by a removal): a key above it cannot be present, and a fresh
    // ClientOrderIds id always is above it, so the trader's duplicate checks cost no probe
    private long _maxKey;

    /// <param name="maxCount">Most keys held at once; the table is sized for a load factor of at most 1/2.</param>
    public ClOrdIdIndex(int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, 1 << 29);
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)maxCount * 2);
        size = Math.Max(size, 2);
        _keys = new long[size];
        _values = new int[size];
        _mask = size - 1;
        _maxCount = maxCount;
    }

    public int Count => _count;

    /// <summary>Adds the key; false when it is already present or the map holds maxCount keys.</summary>
    public bool TryAdd(long key, int value)
    {
        if (key > _maxKey)
        {
            if (_count == _maxCount)
            {
                return false;
            }

            _maxKey = key;
            Insert(key, value);
            return true;
        }

        int i = Home(key);
        while (true)
        {
            long k = _keys[i];
            if (k == 0)
            {
                break;
            }

            if (k == key)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }

        if (_count == _maxCount)
        {
            return false;
        }

        Place(i, key, value);
        return true;
    }

    /// <summary>Adds a key known to be absent (above every key ever added).</summary>
    private void Insert(long key, int value)
    {
        int i = Home(key);
        while (_keys[i] != 0)
        {
            i = (i + 1) & _mask;
        }

        Place(i, key, value);
    }

    private void Place(int bucket, long key, int value)
    {
        _keys[bucket] = key;
        _values[bucket] = value;
        _count++;
        // The ids that come next land in the buckets of key + 1, key + 2...: fetch a line ahead now. Each new id is new
        // to the table, so once it is bigger than the caches every eighth key (and sixteenth value) would miss, ~46 ns
        // an insert. (Home's fold permutes blocks of buckets, so that line is Home(key + 8), not bucket + 8.)
        int ahead = Home(key + PrefetchDistance);
        CacheLinePrefetch.Element(_keys, ahead);
        CacheLinePrefetch.Element(_values, ahead);
    }

    // ids ahead: one cache line of keys, far enough that the fetch lands before those ids arrive
    private const int PrefetchDistance = 8;

    public bool TryGetValue(long key, out int value)
    {
        if (key > _maxKey)
        {
            value = -1;
            return false;
        }

        int i = Home(key);
        while (true)
        {
            long k = _keys[i];
            if (k == key)
            {
                value = _values[i];
                return true;
            }

            if (k == 0)
            {
                value = -1;
                return false;
            }

            i = (i + 1) & _mask;
        }
    }

    public bool ContainsKey(long key) => TryGetValue(key, out _);

    public bool Remove(long key)
    {
        if (key > _maxKey)
        {
            return false;
        }

        int i = Home(key);
        while (true)
        {
            long k = _keys[i];
            if (k == key)
            {
                break;
            }

            if (k == 0)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }

        // Backward shift: pull later entries of the probe run into the hole unless their home lies
        // cyclically in (hole, j], where moving them would put them before their home.
        int j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            long k = _keys[j];
            if (k == 0)
            {
                break;
            }

            int home = Home(k);
            bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays)
            {
                _keys[i] = k;
                _values[i] = _values[j];
                i = j;
            }
        }

        _keys[i] = 0;
        _count--;
        return true;
    }

    // Ids are sequential (ClientOrderIds: startMs * 2^20 + n), so the low bits alone already spread them, and
    // consecutive ids land in consecutive buckets: the orders of one burst share cache lines instead of each
    // missing on its own line, as a multiplicative hash would make them. The high half is folded in so ids from
    // other sources (external, tests) that differ only above bit 32 still spread.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long key) => (int)((ulong)key ^ ((ulong)key >> 32)) & _mask;
}
