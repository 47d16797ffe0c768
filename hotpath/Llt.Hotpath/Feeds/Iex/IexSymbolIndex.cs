using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Symbol key → dense index, open addressing with linear probing over preallocated arrays (load ≤ 1/2), so a
/// lookup is a multiply, a shift and usually one probe, and nothing allocates after construction. Key 0 marks
/// an empty slot (it is never a valid <see cref="IexSymbol"/>). Entries are never removed: an IEX session's
/// symbol set only grows.
/// </summary>
public sealed class IexSymbolIndex
{
    private const ulong FibonacciMultiplier = 0x9E3779B97F4A7C15;

    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _mask;
    private readonly int _shift;
    private int _count;

    public IexSymbolIndex(int capacity)
    {
        Debug.Assert(capacity > 0, "Invariant: checked by the owner");
        int slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, capacity * 2));
        _keys = new ulong[slots];
        _values = new int[slots];
        _mask = slots - 1;
        _shift = 64 - BitOperations.Log2((uint)slots);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count => _count;

    /// <summary>The index of <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        Debug.Assert(key != 0, "Invariant: callers reject the empty key");
        int slot = SlotOf(key);
        while (true)
        {
            ulong candidate = _keys[slot];
            if (candidate == key)
            {
                return _values[slot];
            }

            if (candidate == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds <paramref name="key"/> (absent, non-zero) with the next dense index; -1 when full.</summary>
    public int Add(ulong key)
    {
        Debug.Assert(key != 0 && Find(key) < 0, "Invariant: callers add absent, non-zero keys");
        if (_count == Capacity)
        {
            return -1;
        }

        int slot = SlotOf(key);
        while (_keys[slot] != 0)
        {
            slot = (slot + 1) & _mask;
        }

        int index = _count++;
        _keys[slot] = key;
        _values[slot] = index;
        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(ulong key) => (int)((key * FibonacciMultiplier) >> _shift);
}
