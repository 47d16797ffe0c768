using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Orders;

/// <summary>
/// Parents the router split into several children, so the strategy that sent one order keeps seeing one
/// order: fills of any child are reported under the parent's id, and the parent closes (once) when its last
/// child closes — rejected only if every child was rejected. A route with one leg reuses the
/// parent's id for its child and never enters this table until the strategy amends it: a replace gives the
/// order a new id at the venue, so the order becomes a parent of itself (<see cref="TryOpenSingle"/>) and
/// each confirmed replace renames its child (<see cref="RenameChild"/>), keeping the strategy's id. A parent
/// also counts what its children filled and the child replaces an amendment is waiting for. Preallocated,
/// single-threaded, O(1) per event (children per parent are bounded by the venue count + 1).
/// </summary>
public sealed class ParentOrderTable
{
    public const int NoSlot = -1;

    private readonly int _maxChildren;
    private readonly ClOrdIdIndex _byParent;
    private readonly ClOrdIdIndex _byChild;
    private readonly long[] _parentIds;
    private readonly int[] _strategyIds;
    private readonly int[] _openChildren;
    private readonly int[] _childCounts;
    private readonly bool[] _anyNotRejected;
    private readonly bool[] _allFilled;
    private readonly long[] _children;
    private readonly long[] _cumQty;
    private readonly int[] _replacesPending;
    private readonly bool[] _replaceApplied;
    private readonly int[] _free;
    private int _freeCount;

    public ParentOrderTable(int capacity, int maxChildren)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChildren, 2);
        _maxChildren = maxChildren;
        _byParent = new ClOrdIdIndex(capacity);
        _byChild = new ClOrdIdIndex(capacity * maxChildren);
        _parentIds = new long[capacity];
        _strategyIds = new int[capacity];
        _openChildren = new int[capacity];
        _childCounts = new int[capacity];
        _anyNotRejected = new bool[capacity];
        _allFilled = new bool[capacity];
        _children = new long[capacity * maxChildren];
        _cumQty = new long[capacity];
        _replacesPending = new int[capacity];
        _replaceApplied = new bool[capacity];
        _free = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _free[i] = capacity - 1 - i;
        }

        _freeCount = capacity;
    }

    /// <summary>Parents with at least one child still open.</summary>
    public int Count => _byParent.Count;

    public int MaxChildren => _maxChildren;

    /// <summary>
    /// Whether <see cref="TryOpen"/> would take a parent with <paramref name="childCount"/> fresh child ids (ids
    /// never used before, as ClientOrderIds issues them): room in the table, a child count it holds, an unused
    /// parent id. The trader checks this before the children leave and opens the parent right after.
    /// </summary>
    // on every order before it leaves: Native AOT has no profile to inline it by (a call each cost the routed order ~3 ns)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CanOpen(long parentId, int childCount) =>
        _freeCount != 0 && childCount >= 2 && childCount <= _maxChildren && !_byParent.ContainsKey(parentId);

    /// <summary>
    /// Registers a parent and the ids of its children (all before any child's report is handled, so an early
    /// child's reject cannot close the parent while later children are still to go). False when the table is full,
    /// there are too few or too many children, or an id is already in use.
    /// </summary>
    public bool TryOpen(long parentId, int strategyId, ReadOnlySpan<RouteLeg> legs)
    {
        if (_freeCount == 0 || legs.Length < 2 || legs.Length > _maxChildren || _byParent.ContainsKey(parentId))
        {
            return false;
        }

        for (int i = 0; i < legs.Length; i++)
        {
            if (_byChild.ContainsKey(legs[i].ClOrdId))
            {
                return false;
            }
        }

        int slot = Take(parentId, strategyId, legs.Length, 0);
        int baseIndex = slot * _maxChildren;
        for (int i = 0; i < legs.Length; i++)
        {
            _children[baseIndex + i] = legs[i].ClOrdId;
            _byChild.TryAdd(legs[i].ClOrdId, slot);
        }

        return true;
    }

    /// <summary>
    /// Makes an order sent whole (not split) the parent of itself, its one child under the same id for now, with
    /// <paramref name="cumQty"/> filled so far: done before its first replace, which the venue confirms under a new
    /// id. False when the table is full or the id is a parent or child already.
    /// </summary>
    public bool TryOpenSingle(long clOrdId, int strategyId, long cumQty)
    {
        if (_freeCount == 0 || _byParent.ContainsKey(clOrdId) || _byChild.ContainsKey(clOrdId))
        {
            return false;
        }

        int slot = Take(clOrdId, strategyId, 1, cumQty);
        _children[slot * _maxChildren] = clOrdId;
        _byChild.TryAdd(clOrdId, slot);
        return true;
    }

    private int Take(long parentId, int strategyId, int childCount, long cumQty)
    {
        int slot = _free[--_freeCount];
        _byParent.TryAdd(parentId, slot);
        _parentIds[slot] = parentId;
        _strategyIds[slot] = strategyId;
        _openChildren[slot] = childCount;
        _childCounts[slot] = childCount;
        _anyNotRejected[slot] = false;
        _allFilled[slot] = true;
        _cumQty[slot] = cumQty;
        _replacesPending[slot] = 0;
        _replaceApplied[slot] = false;
        return slot;
    }

    /// <summary>Whether <paramref name="parentId"/> is an open parent.</summary>
    public bool IsOpen(long parentId) => _byParent.Count != 0 && _byParent.ContainsKey(parentId);

    /// <summary>The strategy an open parent belongs to, or -1.</summary>
    public int StrategyOf(long parentId) =>
        _byParent.Count != 0 && _byParent.TryGetValue(parentId, out int slot) ? _strategyIds[slot] : -1;

    /// <summary>What an open parent's children have filled in all, or 0.</summary>
    public long CumQtyOf(long parentId) =>
        _byParent.Count != 0 && _byParent.TryGetValue(parentId, out int slot) ? _cumQty[slot] : 0;

    /// <summary>Whether an amendment of an open parent is still waiting for child replaces.</summary>
    public bool IsReplacing(long parentId) =>
        _byParent.Count != 0 && _byParent.TryGetValue(parentId, out int slot) && _replacesPending[slot] != 0;

    /// <summary>
    /// A fill of <paramref name="clOrdId"/>: a child's counts toward its parent's filled quantity. Returns the id the
    /// strategy knows the order by (<see cref="StrategyIdOf"/>, from the same lookup).
    /// </summary>
    public long OnChildFill(long clOrdId, long qty)
    {
        if (_byChild.Count == 0 || !_byChild.TryGetValue(clOrdId, out int slot))
        {
            return clOrdId;
        }

        _cumQty[slot] += qty;
        return _parentIds[slot];
    }

    /// <summary>
    /// The venue confirmed a child's replace: the child is <paramref name="newClOrdId"/> from now on (its reports
    /// come under it). False when <paramref name="clOrdId"/> is no child or the new id is one already.
    /// </summary>
    public bool RenameChild(long clOrdId, long newClOrdId)
    {
        if (_byChild.Count == 0 || !_byChild.TryGetValue(clOrdId, out int slot) || _byChild.ContainsKey(newClOrdId))
        {
            return false;
        }

        Span<long> children = _children.AsSpan(slot * _maxChildren, _childCounts[slot]);
        int at = children.IndexOf(clOrdId);
        children[at] = newClOrdId;
        _byChild.Remove(clOrdId);
        _byChild.TryAdd(newClOrdId, slot);
        return true;
    }

    /// <summary>An amendment of an open parent sent <paramref name="requests"/> child replaces; false when it is no open parent.</summary>
    public bool BeginReplace(long parentId, int requests)
    {
        if (_byParent.Count == 0 || !_byParent.TryGetValue(parentId, out int slot))
        {
            return false;
        }

        _replacesPending[slot] = requests;
        _replaceApplied[slot] = false;
        return true;
    }

    /// <summary>
    /// One child replace of an amendment is settled (<paramref name="applied"/>: confirmed; otherwise refused, or the
    /// child closed first). True when it was the amendment's last: then <paramref name="parentId"/> is the order the
    /// strategy amended and <paramref name="anyApplied"/> whether any of its child replaces took effect.
    /// </summary>
    public bool OnReplaceSettled(long clOrdId, bool applied, out long parentId, out bool anyApplied)
    {
        parentId = 0;
        anyApplied = false;
        if (_byChild.Count == 0 || !_byChild.TryGetValue(clOrdId, out int slot) || _replacesPending[slot] == 0)
        {
            return false;
        }

        _replaceApplied[slot] |= applied;
        if (--_replacesPending[slot] != 0)
        {
            return false;
        }

        parentId = _parentIds[slot];
        anyApplied = _replaceApplied[slot];
        return true;
    }

    /// <summary>The id the strategy knows the order by: the parent's for a routed child, else the id itself.</summary>
    public long StrategyIdOf(long clOrdId) =>
        _byChild.Count != 0 && _byChild.TryGetValue(clOrdId, out int slot) ? _parentIds[slot] : clOrdId;

    /// <summary>The children of an open parent (some may be closed already), or empty when the id is no open parent.</summary>
    public ReadOnlySpan<long> ChildrenOf(long parentId)
    {
        if (_byParent.Count == 0 || !_byParent.TryGetValue(parentId, out int slot))
        {
            return ReadOnlySpan<long>.Empty;
        }

        return _children.AsSpan(slot * _maxChildren, _childCounts[slot]);
    }

    /// <summary>
    /// A child is done. Returns true when <paramref name="clOrdId"/> was a routed child; then
    /// <paramref name="parentClosed"/> says whether it was the last one, with the parent's id, whether the
    /// parent as a whole was rejected (every child rejected) and whether it was filled completely (every child
    /// closed by its last fill).
    /// </summary>
    public bool OnChildClosed(long clOrdId, ChildClose how, out long parentId, out bool parentClosed, out bool parentRejected, out bool parentFilled)
    {
        parentId = 0;
        parentClosed = false;
        parentRejected = false;
        parentFilled = false;
        if (_byChild.Count == 0 || !_byChild.TryGetValue(clOrdId, out int slot))
        {
            return false;
        }

        _byChild.Remove(clOrdId);
        parentId = _parentIds[slot];
        _anyNotRejected[slot] |= how != ChildClose.Rejected;
        _allFilled[slot] &= how == ChildClose.Filled;
        if (--_openChildren[slot] > 0)
        {
            return true;
        }

        parentClosed = true;
        parentRejected = !_anyNotRejected[slot];
        parentFilled = _allFilled[slot];
        _byParent.Remove(parentId);
        _free[_freeCount++] = slot;
        return true;
    }
}
