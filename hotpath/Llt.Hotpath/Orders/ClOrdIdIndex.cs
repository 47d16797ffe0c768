using System.Numerics;

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
    private readonly int _shift;
    private readonly int _maxCount;
    private int _count;

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
        _shift = 64 - BitOperations.Log2((uint)size);
        _maxCount = maxCount;
    }

    public int Count => _count;

    /// <summary>Adds the key; false when it is already present or the map holds maxCount keys.</summary>
    public bool TryAdd(long key, int value)
    {
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

        _keys[i] = key;
        _values[i] = value;
        _count++;
        return true;
    }

    public bool TryGetValue(long key, out int value)
    {
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

    // Fibonacci hashing: ids are sequential (ClientOrderIds), the multiply spreads them over the top bits.
    private int Home(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
}
