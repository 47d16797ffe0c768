using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>
/// The price levels of one side of an <see cref="L3Book"/>, as parallel arrays (keys, level slot ids) sorted
/// ascending by key with the best level at the end. Keys are the price for bids and −price for asks, so the
/// best level has the greatest key on both sides.
/// </summary>
/// <remarks>
/// Why this shape: the best level is the last entry, so BBO is one load; the levels that come and go are
/// overwhelmingly at or near the touch, so inserting or removing one moves only the few entries above it (a
/// short memmove), and a deep insert costs one memmove of 12 bytes per level, which is cheap for the hundreds
/// of levels a real book holds. Lookup scans a few entries from the touch, then binary-searches the dense
/// key array (branch-free). A price-indexed ladder would make deep levels O(1) too, but needs a tick size, a bounded range
/// and re-centring when the price walks; the sorted arrays need none of that. Index −1 of both arrays is a
/// sentinel (the lowest key and an empty level), so the best level of an empty side reads without a branch.
/// The struct lives in a field of its book and is only used through that field, never copied.
/// </remarks>
internal unsafe struct PriceLadder
{
    /// <summary>Entries checked linearly from the touch before falling back to a binary search.</summary>
    private const int TouchScan = 8;

    private readonly long* _keys;
    private readonly int* _levelIds;
    private readonly int _capacity;
    private int _count;

    /// <param name="keys">capacity + 1 longs; the first is the sentinel.</param>
    /// <param name="levelIds">capacity + 1 ints; the first is the sentinel.</param>
    public PriceLadder(long* keys, int* levelIds, int capacity, int emptyLevelId)
    {
        _keys = keys + 1;
        _levelIds = levelIds + 1;
        _capacity = capacity;
        _count = 0;
        _keys[-1] = long.MinValue;
        _levelIds[-1] = emptyLevelId;
    }

    public readonly int Count => _count;

    public readonly bool IsFull => _count == _capacity;

    /// <summary>Slot of the best level, or the empty sentinel level when the side is empty.</summary>
    public readonly int BestLevelId
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _levelIds[_count - 1];
    }

    /// <summary>Slot of the level <paramref name="depth"/> from the touch (0 = best); caller checks the range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int LevelIdAtDepth(int depth) => _levelIds[_count - 1 - depth];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int LevelIdAt(int index) => _levelIds[index];

    /// <summary>Index of <paramref name="key"/>, or the bitwise complement of where it would be inserted.</summary>
    public readonly int Find(long key)
    {
        int i = _count - 1;
        int stop = Math.Max(-1, i - TouchScan);
        for (; i > stop; i--)
        {
            long k = _keys[i];
            if (k <= key)
            {
                return k == key ? i : ~(i + 1);
            }
        }

        // everything above stop is greater than key: lower bound in [0, stop], branch-free. Where a deep price
        // falls is unpredictable, and a mispredicted branch per halving costs more than the whole search
        int lo = 0;
        int n = stop + 1;
        while (n > 1)
        {
            int half = n >> 1;
            // setcc, not a branch: the JIT does not if-convert a ternary inside a loop
            lo += half & -Unsafe.BitCast<bool, byte>(_keys[lo + half - 1] < key);
            n -= half;
        }

        // lo is the last candidate: the first key ≥ key is lo or lo + 1 (or nothing when n was 0)
        if (n == 1 && _keys[lo] < key)
        {
            lo++;
        }

        return lo <= stop && _keys[lo] == key ? lo : ~lo;
    }

    public void InsertAt(int index, long key, int levelId)
    {
        Debug.Assert(_count < _capacity, "Invariant: caller checked IsFull");
        Debug.Assert((uint)index <= (uint)_count, "Invariant: insert position within the ladder");
        int moved = _count - index;
        // overlapping copies: Span.CopyTo is a memmove
        new ReadOnlySpan<long>(_keys + index, moved).CopyTo(new Span<long>(_keys + index + 1, moved));
        new ReadOnlySpan<int>(_levelIds + index, moved).CopyTo(new Span<int>(_levelIds + index + 1, moved));
        _keys[index] = key;
        _levelIds[index] = levelId;
        _count++;
    }

    public void RemoveAt(int index)
    {
        Debug.Assert((uint)index < (uint)_count, "Invariant: remove position within the ladder");
        int moved = _count - index - 1;
        new ReadOnlySpan<long>(_keys + index + 1, moved).CopyTo(new Span<long>(_keys + index, moved));
        new ReadOnlySpan<int>(_levelIds + index + 1, moved).CopyTo(new Span<int>(_levelIds + index, moved));
        _count--;
    }

    public void Reset() => _count = 0;
}
