using System.Runtime.CompilerServices;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Risk;

/// <summary>
/// Fixed-capacity table of open orders keyed by clOrdId, preallocated, no allocation after construction.
/// Slots never move (a free list recycles them) so each (strategy, instrument, side) list can link slots
/// intrusively; a separate open-addressing index (linear probing, backward-shift delete, load ≤ 0.5) maps
/// clOrdId to slot. Add, Find and Remove are O(1) expected. Single-threaded: owned by the trading thread.
/// </summary>
public sealed class OpenOrderTable
{
    public const int None = -1;

    private readonly long[] _clOrdId;
    private readonly int[] _strategyId;
    private readonly int[] _instrumentId;
    private readonly bool[] _isBuy;
    private readonly long[] _price;
    private readonly long[] _leavesQty;
    private readonly int[] _listKey;
    private readonly int[] _next;
    private readonly int[] _prev;
    private readonly int[] _listHead;
    private readonly int[] _index;
    private readonly int _indexMask;
    // the highest id ever added: a fresh (higher) id is known absent without probing the index
    private long _maxClOrdId = long.MinValue;
    private int _freeHead;

    public OpenOrderTable(int capacity, int listCount)
    {
        Capacity = capacity;
        _clOrdId = new long[capacity];
        _strategyId = new int[capacity];
        _instrumentId = new int[capacity];
        _isBuy = new bool[capacity];
        _price = new long[capacity];
        _leavesQty = new long[capacity];
        _listKey = new int[capacity];
        _next = new int[capacity];
        _prev = new int[capacity];
        _listHead = new int[listCount];
        Array.Fill(_listHead, None);
        for (int i = 0; i < capacity; i++)
        {
            _next[i] = i + 1 < capacity ? i + 1 : None;
        }

        // twice the slots keeps probe chains short
        int indexSize = capacity * 2;
        _index = new int[indexSize];
        _indexMask = indexSize - 1;
        _freeHead = 0;
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public long ClOrdId(int slot) => _clOrdId[slot];

    public int StrategyId(int slot) => _strategyId[slot];

    public int InstrumentId(int slot) => _instrumentId[slot];

    public bool IsBuy(int slot) => _isBuy[slot];

    public long Price(int slot) => _price[slot];

    public long LeavesQty(int slot) => _leavesQty[slot];

    public void SetLeavesQty(int slot, long leavesQty) => _leavesQty[slot] = leavesQty;

    public int ListHead(int listKey) => _listHead[listKey];

    public int Next(int slot) => _next[slot];

    /// <summary>Adds an order; <see cref="None"/> when full or <paramref name="clOrdId"/> is already open.</summary>
    public int Add(long clOrdId, int strategyId, int instrumentId, bool isBuy, long price, long leavesQty, int listKey)
    {
        if (_freeHead == None || Find(clOrdId) != None)
        {
            return None;
        }

        _maxClOrdId = Math.Max(_maxClOrdId, clOrdId);

        int slot = _freeHead;
        _freeHead = _next[slot];
        _clOrdId[slot] = clOrdId;
        _strategyId[slot] = strategyId;
        _instrumentId[slot] = instrumentId;
        _isBuy[slot] = isBuy;
        _price[slot] = price;
        _leavesQty[slot] = leavesQty;
        _listKey[slot] = listKey;

        int head = _listHead[listKey];
        _next[slot] = head;
        _prev[slot] = None;
        if (head != None)
        {
            _prev[head] = slot;
        }

        _listHead[listKey] = slot;

        int i = Home(clOrdId);
        while (_index[i] != 0)
        {
            i = (i + 1) & _indexMask;
        }

        // slot + 1 so that 0 means empty without a separate fill pass
        _index[i] = slot + 1;
        Count++;
        // sequential ids: fetch the bucket line the ids a line ahead will use (see ClOrdIdIndex.Place)
        CacheLinePrefetch.Element(_index, Home(clOrdId + 16));
        return slot;
    }

    /// <summary>The slot holding <paramref name="clOrdId"/>, or <see cref="None"/>.</summary>
    public int Find(long clOrdId)
    {
        if (clOrdId > _maxClOrdId)
        {
            return None;
        }

        int i = Home(clOrdId);
        while (true)
        {
            int entry = _index[i];
            if (entry == 0)
            {
                return None;
            }

            if (_clOrdId[entry - 1] == clOrdId)
            {
                return entry - 1;
            }

            i = (i + 1) & _indexMask;
        }
    }

    /// <summary>Removes the order in <paramref name="slot"/> (from <see cref="Find"/>).</summary>
    public void Remove(int slot)
    {
        long clOrdId = _clOrdId[slot];
        int i = Home(clOrdId);
        while (_index[i] != slot + 1)
        {
            i = (i + 1) & _indexMask;
        }

        // backward-shift delete: pull later entries of the probe chain into the hole so Find never stops early
        _index[i] = 0;
        int j = i;
        while (true)
        {
            j = (j + 1) & _indexMask;
            int entry = _index[j];
            if (entry == 0)
            {
                break;
            }

            int home = Home(_clOrdId[entry - 1]);
            bool homeBetween = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (homeBetween)
            {
                continue;
            }

            _index[i] = entry;
            _index[j] = 0;
            i = j;
        }

        int next = _next[slot];
        int prev = _prev[slot];
        if (prev != None)
        {
            _next[prev] = next;
        }
        else
        {
            _listHead[_listKey[slot]] = next;
        }

        if (next != None)
        {
            _prev[next] = prev;
        }

        _next[slot] = _freeHead;
        _freeHead = slot;
        Count--;
    }

    // sequential ids (ClientOrderIds) in consecutive buckets: see ClOrdIdIndex.Home
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long clOrdId) => (int)((ulong)clOrdId ^ ((ulong)clOrdId >> 32)) & _indexMask;
}
