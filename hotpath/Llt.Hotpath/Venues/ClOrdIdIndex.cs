namespace Llt.Hotpath.Venues;

/// <summary>
/// Client order id → order slot, open addressing with linear probing, preallocated. Deletion shifts the
/// following run back (no tombstones), so probe lengths do not grow with churn.
/// </summary>
internal sealed class ClOrdIdIndex
{
    private const int Empty = -1;

    private readonly long[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    public ClOrdIdIndex(int capacity)
    {
        // load factor <= 0.5 keeps linear probes short
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, capacity * 2));
        _keys = new long[size];
        _values = new int[size];
        _values.AsSpan().Fill(Empty);
        _mask = size - 1;
    }

    public int Find(long key)
    {
        int i = Hash(key);
        while (_values[i] != Empty)
        {
            if (_keys[i] == key)
            {
                return _values[i];
            }

            i = (i + 1) & _mask;
        }

        return Empty;
    }

    /// <summary>False if the key is present (capacity is guaranteed by the caller's slot count).</summary>
    public bool TryAdd(long key, int value)
    {
        int i = Hash(key);
        while (_values[i] != Empty)
        {
            if (_keys[i] == key)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }

        _keys[i] = key;
        _values[i] = value;
        return true;
    }

    public void Remove(long key)
    {
        int i = Hash(key);
        while (true)
        {
            if (_values[i] == Empty)
            {
                return;
            }

            if (_keys[i] == key)
            {
                break;
            }

            i = (i + 1) & _mask;
        }

        // backward-shift: move later entries of the run into the hole when their home allows it
        int hole = i;
        int j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            if (_values[j] == Empty)
            {
                break;
            }

            int home = Hash(_keys[j]);
            bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable)
            {
                _keys[hole] = _keys[j];
                _values[hole] = _values[j];
                hole = j;
            }
        }

        _values[hole] = Empty;
    }

    private int Hash(long key) => (int)((ulong)(key * -7046029254386353131L) >> 32) & _mask;
}
