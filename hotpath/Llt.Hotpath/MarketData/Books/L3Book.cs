using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using Llt.Hotpath.Memory;
using Llt.Sbe;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>
/// Order-level (L3) book of one instrument for ITCH-style feeds: every order with its price-time queue
/// position, price levels aggregated as orders change. Single writer; all storage is one 64-byte-aligned
/// unmanaged block allocated at construction; no allocation afterwards; a rejected operation returns a
/// <see cref="BookResult"/> and leaves the book unchanged.
/// </summary>
/// <remarks>
/// <para><b>Order-id table.</b> Open addressing with linear probing over 4 × orderCapacity buckets of 8 bytes
/// (<see cref="OrderIdBucket"/>: slot and 32-bit hash; load factor ≤ 0.25). A full book at load 0.5 spent most of
/// an ITCH delete in its probe and backward-shift walks (~2.5 buckets, each a hard-to-predict branch); at 0.25
/// they are ~1.2, for the same bytes as 16-byte id-carrying buckets at 0.5. Ids are spread with a Fibonacci
/// multiply (feed ids are mostly sequential, which a plain mask would cluster). Deletion is by backward shift
/// rather than tombstones, so heavy add/delete churn with reused ids never degrades lookups and needs no
/// rehash.</para>
/// <para><b>Orders.</b> Fixed slots (never moved) on a free list; each order links to the previous and next
/// order of its level by slot index, an intrusive FIFO: new orders join the tail, matching takes from the
/// head. Priority: a price change or a size increase sends an order to the tail, a size decrease keeps its
/// place (<see cref="Modify"/>); <see cref="Replace"/> (ITCH 'U') always gives a new order at the tail.</para>
/// <para><b>Levels.</b> Level slots on a free list, ordered per side by a <see cref="PriceLadder"/> (sorted
/// arrays, best at the end; see there for why). Execute/cancel/delete reach the level through the order in
/// O(1); an add or a move finds an existing level through a <see cref="PriceLevelIndex"/> (a hash probe, where a
/// ladder search far from the touch was a chain of mispredicted branches); only creating or emptying a level
/// searches the ladder.</para>
/// <para><b>Queue position</b> walks the queue ahead of the order: O(orders ahead). Exact qty-ahead in O(1)
/// is not possible with cancels anywhere in the queue without a per-level order-statistics tree, which would
/// tax every update; the walk is cheap for the short queues ahead of orders near the touch.</para>
/// </remarks>
public sealed unsafe class L3Book : IDisposable
{
    public const int MaxOrderCapacity = 1 << 22;
    public const int MaxLevelCapacity = 1 << 20;

    private const int Nil = -1;

    // 2^64 / golden ratio: consecutive ids land far apart in the table
    private const ulong FibonacciMultiplier = 0x9E3779B97F4A7C15UL;

    private readonly AlignedMemory _memory;
    private readonly OrderIdBucket* _buckets;
    private readonly int _bucketMask;
    private readonly int _hashShift;
    private readonly L3Order* _orders;
    private readonly L3Level* _levels;
    private readonly int _emptyLevelId;
    private readonly PriceLevelIndex _levelIndex;
    private PriceLadder _bids;
    private PriceLadder _asks;
    private int _freeOrder;
    private int _freeLevel;
    private int _orderCount;
    private long _orderTableFullCount;
    private long _levelTableFullCount;

    /// <param name="orderCapacity">Live orders the book can hold: a power of two, 2..<see cref="MaxOrderCapacity"/>.</param>
    /// <param name="levelCapacity">Price levels per side, 1..<see cref="MaxLevelCapacity"/>.</param>
    public L3Book(int orderCapacity, int levelCapacity)
    {
        if (orderCapacity < 2 || orderCapacity > MaxOrderCapacity || !BitOperations.IsPow2(orderCapacity))
        {
            BooksThrowHelper.ThrowArgumentOutOfRange(nameof(orderCapacity), orderCapacity,
                $"order capacity must be a power of two, 2..{MaxOrderCapacity}");
        }

        if (levelCapacity < 1 || levelCapacity > MaxLevelCapacity)
        {
            BooksThrowHelper.ThrowArgumentOutOfRange(nameof(levelCapacity), levelCapacity,
                $"level capacity must be 1..{MaxLevelCapacity}");
        }

        OrderCapacity = orderCapacity;
        LevelCapacity = levelCapacity;
        int bucketCount = orderCapacity * 4;
        _bucketMask = bucketCount - 1;
        _hashShift = 32 - BitOperations.Log2((uint)bucketCount);

        // one levels slot per side's capacity, plus the empty sentinel level at the end
        int levelSlots = 2 * levelCapacity + 1;
        long bucketsOffset = 0;
        long ordersOffset = AlignToCacheLine(bucketsOffset + (long)bucketCount * sizeof(OrderIdBucket));
        long levelsOffset = AlignToCacheLine(ordersOffset + (long)orderCapacity * sizeof(L3Order));
        int levelBucketCount = PriceLevelIndex.BucketCountFor(levelSlots - 1);
        long levelIndexOffset = AlignToCacheLine(levelsOffset + (long)levelSlots * sizeof(L3Level));
        long bidKeysOffset = AlignToCacheLine(levelIndexOffset + (long)levelBucketCount * PriceLevelIndex.BucketBytes);
        long bidIdsOffset = AlignToCacheLine(bidKeysOffset + (levelCapacity + 1L) * sizeof(long));
        long askKeysOffset = AlignToCacheLine(bidIdsOffset + (levelCapacity + 1L) * sizeof(int));
        long askIdsOffset = AlignToCacheLine(askKeysOffset + (levelCapacity + 1L) * sizeof(long));
        long length = AlignToCacheLine(askIdsOffset + (levelCapacity + 1L) * sizeof(int));

        _memory = AlignedMemory.Allocate(length);
        byte* basePointer = _memory.Pointer;
        _buckets = (OrderIdBucket*)(basePointer + bucketsOffset);
        _orders = (L3Order*)(basePointer + ordersOffset);
        _levels = (L3Level*)(basePointer + levelsOffset);
        _emptyLevelId = levelSlots - 1;
        _levelIndex = new PriceLevelIndex(basePointer + levelIndexOffset, levelBucketCount);
        _bids = new PriceLadder((long*)(basePointer + bidKeysOffset), (int*)(basePointer + bidIdsOffset), levelCapacity, _emptyLevelId);
        _asks = new PriceLadder((long*)(basePointer + askKeysOffset), (int*)(basePointer + askIdsOffset), levelCapacity, _emptyLevelId);
        ResetSlots();
    }

    public int OrderCapacity { get; }

    /// <summary>Price levels per side.</summary>
    public int LevelCapacity { get; }

    /// <summary>Live orders, both sides.</summary>
    public int OrderCount => _orderCount;

    public int BidLevelCount => _bids.Count;

    public int AskLevelCount => _asks.Count;

    /// <summary>Adds and replaces rejected with <see cref="BookResult.OrderTableFull"/>.</summary>
    public long OrderTableFullCount => _orderTableFullCount;

    /// <summary>Operations rejected with <see cref="BookResult.LevelTableFull"/>.</summary>
    public long LevelTableFullCount => _levelTableFullCount;

    public long BestBidPrice => _levels[_bids.BestLevelId].Price;

    public long BestBidSize => _levels[_bids.BestLevelId].TotalQuantity;

    public int BestBidOrderCount => _levels[_bids.BestLevelId].OrderCount;

    public long BestAskPrice => _levels[_asks.BestLevelId].Price;

    public long BestAskSize => _levels[_asks.BestLevelId].TotalQuantity;

    public int BestAskOrderCount => _levels[_asks.BestLevelId].OrderCount;

    private bool HasBothSides => (_bids.Count != 0) & (_asks.Count != 0);

    /// <summary>Best ask − best bid (negative when crossed), or <see cref="BookPrice.NoSpread"/> if a side is empty.</summary>
    public long Spread => HasBothSides ? BestAskPrice - BestBidPrice : BookPrice.NoSpread;

    /// <summary>(bid + ask) / 2 rounded down to the next 10^-8, or <see cref="BookPrice.None"/> if a side is empty.</summary>
    public long Mid
    {
        get
        {
            long bid = BestBidPrice;
            return HasBothSides ? bid + ((BestAskPrice - bid) >> 1) : BookPrice.None;
        }
    }

    /// <summary>Best bid strictly above best ask (an L3 feed book should never be; a gap or bug if it is).</summary>
    public bool IsCrossed => HasBothSides && BestBidPrice > BestAskPrice;

    public bool IsLocked => HasBothSides && BestBidPrice == BestAskPrice;

    /// <summary>(bidSize − askSize) / (bidSize + askSize) of the top level; 0 when both are empty.</summary>
    public double Imbalance => BookImbalance.Of(BestBidSize, BestAskSize);

    /// <summary>Imbalance of the summed sizes of the top <paramref name="levels"/> levels per side. O(k).</summary>
    public double ImbalanceTop(int levels) =>
        BookImbalance.Of(TotalQuantity(Side.Buy, levels), TotalQuantity(Side.Sell, levels));

    /// <summary>Level <paramref name="depth"/> from the touch (0 = best), or an empty level when out of range.</summary>
    public BookLevel GetLevel(Side side, int depth)
    {
        if (!IsValid(side))
        {
            return default;
        }

        ref PriceLadder ladder = ref LadderOf(side);
        if ((uint)depth >= (uint)ladder.Count)
        {
            return default;
        }

        ref L3Level level = ref _levels[ladder.LevelIdAtDepth(depth)];
        return new BookLevel(level.Price, level.TotalQuantity, level.OrderCount);
    }

    /// <summary>
    /// The L2 view for strategies: copies up to <c>destination.Length</c> levels of a side, best first,
    /// and returns how many were copied. O(levels copied).
    /// </summary>
    public int CopyLevels(Side side, Span<BookLevel> destination)
    {
        if (!IsValid(side))
        {
            return 0;
        }

        ref PriceLadder ladder = ref LadderOf(side);
        int count = Math.Min(destination.Length, ladder.Count);
        for (int i = 0; i < count; i++)
        {
            ref L3Level level = ref _levels[ladder.LevelIdAtDepth(i)];
            destination[i] = new BookLevel(level.Price, level.TotalQuantity, level.OrderCount);
        }

        return count;
    }

    /// <summary>Sum of the quantities of the top <paramref name="levels"/> levels of a side. O(k).</summary>
    public long TotalQuantity(Side side, int levels)
    {
        if (!IsValid(side))
        {
            return 0;
        }

        ref PriceLadder ladder = ref LadderOf(side);
        int count = Math.Min(levels, ladder.Count);
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            total += _levels[ladder.LevelIdAtDepth(i)].TotalQuantity;
        }

        return total;
    }

    public bool Contains(long orderId) => FindBucket(orderId) >= 0;

    public BookResult GetOrder(long orderId, out BookOrder order)
    {
        int bucket = FindBucket(orderId);
        if (bucket < 0)
        {
            order = default;
            return BookResult.UnknownOrderId;
        }

        ref L3Order slot = ref _orders[_buckets[bucket].OrderRef - 1];
        order = new BookOrder(slot.Id, slot.Side, _levels[slot.Level].Price, slot.Remaining);
        return BookResult.Ok;
    }

    /// <summary>
    /// Quantity and number of orders ahead of <paramref name="orderId"/> in its level's queue (what must trade
    /// or cancel before it fills). O(orders ahead); see the remarks on the type.
    /// </summary>
    public BookResult QueuePosition(long orderId, out long quantityAhead, out int ordersAhead)
    {
        quantityAhead = 0;
        ordersAhead = 0;
        int bucket = FindBucket(orderId);
        if (bucket < 0)
        {
            return BookResult.UnknownOrderId;
        }

        for (int i = _orders[_buckets[bucket].OrderRef - 1].Prev; i != Nil; i = _orders[i].Prev)
        {
            quantityAhead += _orders[i].Remaining;
            ordersAhead++;
        }

        return BookResult.Ok;
    }

    /// <summary>
    /// Copies the ids of the orders resting at <paramref name="price"/>, head (next to fill) first, up to
    /// <c>destination.Length</c>; returns how many were copied (0 for no such level).
    /// </summary>
    public int CopyQueue(Side side, long price, Span<long> destination)
    {
        if (!IsValid(side))
        {
            return 0;
        }

        int bucket = _levelIndex.FindBucket(KeyOf(side, price));
        if (bucket < 0)
        {
            return 0;
        }

        int count = 0;
        for (int i = _levels[_levelIndex.LevelAt(bucket)].Head; i != Nil && count < destination.Length; i = _orders[i].Next)
        {
            destination[count++] = _orders[i].Id;
        }

        return count;
    }

    /// <summary>Adds a new order at the tail of its price level (ITCH 'A'/'F').</summary>
    /// <returns>
    /// <see cref="BookResult.Ok"/>, <see cref="BookResult.DuplicateOrderId"/>, <see cref="BookResult.OrderTableFull"/>,
    /// <see cref="BookResult.LevelTableFull"/>, or a validation code for the side, price (≤ 0) or quantity (≤ 0).
    /// </returns>
    public BookResult Add(long orderId, Side side, long price, long quantity)
    {
        if (!IsValid(side))
        {
            return BookResult.InvalidSide;
        }

        if (price <= 0)
        {
            return BookResult.InvalidPrice;
        }

        if (quantity <= 0)
        {
            return BookResult.InvalidQuantity;
        }

        int bucket = FindBucket(orderId);
        if (bucket >= 0)
        {
            return BookResult.DuplicateOrderId;
        }

        if (_freeOrder == Nil)
        {
            _orderTableFullCount++;
            return BookResult.OrderTableFull;
        }

        int levelId = ResolveLevel(side, price);
        if (levelId == Nil)
        {
            _levelTableFullCount++;
            return BookResult.LevelTableFull;
        }

        int slot = _freeOrder;
        ref L3Order order = ref _orders[slot];
        _freeOrder = order.Next;
        order.Id = orderId;
        order.Side = side;
        Enqueue(slot, levelId, quantity);
        _buckets[~bucket] = new OrderIdBucket(HashOf(orderId), slot);
        _orderCount++;
        return BookResult.Ok;
    }

    /// <summary>
    /// Changes price and/or quantity of a live order, keeping its id. Same price and a smaller (or equal)
    /// quantity keeps its queue place; a new price or a larger quantity sends it to the tail of its (new)
    /// level.
    /// </summary>
    public BookResult Modify(long orderId, long newPrice, long newQuantity)
    {
        if (newPrice <= 0)
        {
            return BookResult.InvalidPrice;
        }

        if (newQuantity <= 0)
        {
            return BookResult.InvalidQuantity;
        }

        int bucket = FindBucket(orderId);
        if (bucket < 0)
        {
            return BookResult.UnknownOrderId;
        }

        int slot = _buckets[bucket].OrderRef - 1;
        ref L3Order order = ref _orders[slot];
        ref L3Level level = ref _levels[order.Level];
        if (newPrice == level.Price)
        {
            long increase = newQuantity - order.Remaining;
            level.TotalQuantity += increase;
            order.Remaining = newQuantity;
            if (increase > 0 && level.Tail != slot)
            {
                // a size increase loses time priority: back of the same queue
                Detach(ref level, ref order);
                Append(ref level, slot);
            }

            return BookResult.Ok;
        }

        if (!CanMoveTo(slot, newPrice))
        {
            _levelTableFullCount++;
            return BookResult.LevelTableFull;
        }

        Requeue(slot, newPrice, newQuantity);
        return BookResult.Ok;
    }

    /// <summary>
    /// ITCH 'U': the order <paramref name="orderId"/> is replaced by <paramref name="newOrderId"/> (may be the
    /// same id) with a new price and quantity, at the tail of its level: a replaced order always loses its
    /// time priority. The side is kept.
    /// </summary>
    public BookResult Replace(long orderId, long newOrderId, long newPrice, long newQuantity)
    {
        if (newPrice <= 0)
        {
            return BookResult.InvalidPrice;
        }

        if (newQuantity <= 0)
        {
            return BookResult.InvalidQuantity;
        }

        int bucket = FindBucket(orderId);
        if (bucket < 0)
        {
            return BookResult.UnknownOrderId;
        }

        if (newOrderId != orderId && FindBucket(newOrderId) >= 0)
        {
            return BookResult.DuplicateOrderId;
        }

        int slot = _buckets[bucket].OrderRef - 1;
        if (!CanMoveTo(slot, newPrice))
        {
            _levelTableFullCount++;
            return BookResult.LevelTableFull;
        }

        // backward shift may move other buckets, so the free bucket for the new id is found afterwards
        RemoveBucket(bucket);
        int free = FindBucket(newOrderId);
        Debug.Assert(free < 0, "Invariant: new id checked absent");
        _buckets[~free] = new OrderIdBucket(HashOf(newOrderId), slot);
        _orders[slot].Id = newOrderId;
        Requeue(slot, newPrice, newQuantity);
        return BookResult.Ok;
    }

    /// <summary>
    /// ITCH 'E'/'C': <paramref name="quantity"/> of the order traded. A partial execution keeps its place; a
    /// full one removes it. More than the remaining quantity is rejected (a feed gap), not clamped.
    /// </summary>
    public BookResult Execute(long orderId, long quantity) => Reduce(orderId, quantity);

    /// <summary>
    /// <see cref="Execute(long, long)"/> that also gives the order as it was before the execution (its side and price
    /// are what a trade report needs, and a full execution removes it): one id lookup instead of
    /// <see cref="GetOrder"/> and then <see cref="Execute(long, long)"/>. <paramref name="order"/> is default unless Ok.
    /// </summary>
    public BookResult Execute(long orderId, long quantity, out BookOrder order)
    {
        order = default;
        if (quantity <= 0)
        {
            return BookResult.InvalidQuantity;
        }

        int bucket = FindBucket(orderId);
        if (bucket < 0)
        {
            return BookResult.UnknownOrderId;
        }

        ref L3Order slot = ref _orders[_buckets[bucket].OrderRef - 1];
        if (quantity > slot.Remaining)
        {
            return BookResult.QuantityExceedsRemaining;
        }

        order = new BookOrder(slot.Id, slot.Side, _levels[slot.Level].Price, slot.Remaining);
        ReduceAt(bucket, ref slot, quantity);
        return BookResult.Ok;
    }

    /// <summary>ITCH 'X': <paramref name="quantity"/> of the order cancelled; same rules as <see cref="Execute(long, long)"/>.</summary>
    public BookResult Cancel(long orderId, long quantity) => Reduce(orderId, quantity);

    /// <summary>ITCH 'D': removes the order whatever remains of it.</summary>
    public BookResult Delete(long orderId)
    {
        int bucket = FindBucket(orderId);
        if (bucket < 0)
        {
            return BookResult.UnknownOrderId;
        }

        RemoveOrder(bucket);
        return BookResult.Ok;
    }

    /// <summary>Empties the book (e.g. before a snapshot after a feed gap). O(capacity); counters are kept.</summary>
    public void Clear()
    {
        _bids.Reset();
        _asks.Reset();
        _orderCount = 0;
        new Span<OrderIdBucket>(_buckets, _bucketMask + 1).Clear();
        _levelIndex.Clear();
        ResetSlots();
    }

    public void Dispose() => _memory.Dispose();

    private BookResult Reduce(long orderId, long quantity)
    {
        if (quantity <= 0)
        {
            return BookResult.InvalidQuantity;
        }

        int bucket = FindBucket(orderId);
        if (bucket < 0)
        {
            return BookResult.UnknownOrderId;
        }

        ref L3Order order = ref _orders[_buckets[bucket].OrderRef - 1];
        if (quantity > order.Remaining)
        {
            return BookResult.QuantityExceedsRemaining;
        }

        ReduceAt(bucket, ref order, quantity);
        return BookResult.Ok;
    }

    /// <summary>Takes a checked <paramref name="quantity"/> (≤ remaining) off the order in <paramref name="bucket"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReduceAt(int bucket, ref L3Order order, long quantity)
    {
        if (quantity == order.Remaining)
        {
            RemoveOrder(bucket);
        }
        else
        {
            order.Remaining -= quantity;
            _levels[order.Level].TotalQuantity -= quantity;
        }
    }

    private void RemoveOrder(int bucket)
    {
        int slot = _buckets[bucket].OrderRef - 1;
        Unlink(slot);
        RemoveBucket(bucket);
        _orders[slot].Next = _freeOrder;
        _freeOrder = slot;
        _orderCount--;
    }

    /// <summary>True if the order can move to <paramref name="price"/> on its side without exceeding the level capacity.</summary>
    private bool CanMoveTo(int slot, long price)
    {
        ref L3Order order = ref _orders[slot];
        ref PriceLadder ladder = ref LadderOf(order.Side);
        // a full side still has room when the order's own level empties as it leaves
        return !ladder.IsFull || _levels[order.Level].OrderCount == 1 || _levelIndex.FindBucket(KeyOf(order.Side, price)) >= 0;
    }

    /// <summary>Takes the order out of its level and enqueues it at the tail of <paramref name="price"/>; capacity checked by the caller.</summary>
    private void Requeue(int slot, long price, long quantity)
    {
        Unlink(slot);
        int levelId = ResolveLevel(_orders[slot].Side, price);
        Debug.Assert(levelId != Nil, "Invariant: caller checked level capacity");
        Enqueue(slot, levelId, quantity);
    }

    private void Enqueue(int slot, int levelId, long quantity)
    {
        ref L3Order order = ref _orders[slot];
        order.Remaining = quantity;
        order.Level = levelId;
        ref L3Level level = ref _levels[levelId];
        Append(ref level, slot);
        level.TotalQuantity += quantity;
        level.OrderCount++;
    }

    /// <summary>Removes the order from its level's queue and aggregate, and the level from its side if it empties.</summary>
    private void Unlink(int slot)
    {
        ref L3Order order = ref _orders[slot];
        int levelId = order.Level;
        ref L3Level level = ref _levels[levelId];
        Detach(ref level, ref order);
        level.TotalQuantity -= order.Remaining;
        if (--level.OrderCount == 0)
        {
            Debug.Assert(level.TotalQuantity == 0, "Invariant: an empty level has no quantity");
            ref PriceLadder ladder = ref LadderOf(order.Side);
            long key = KeyOf(order.Side, level.Price);
            int position = ladder.Find(key);
            Debug.Assert(position >= 0 && ladder.LevelIdAt(position) == levelId, "Invariant: a live level is in its ladder");
            ladder.RemoveAt(position);
            _levelIndex.Remove(key);
            level.Head = _freeLevel;
            _freeLevel = levelId;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(ref L3Level level, int slot)
    {
        ref L3Order order = ref _orders[slot];
        order.Prev = level.Tail;
        order.Next = Nil;
        if (level.Tail != Nil)
        {
            _orders[level.Tail].Next = slot;
        }
        else
        {
            level.Head = slot;
        }

        level.Tail = slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Detach(ref L3Level level, ref L3Order order)
    {
        if (order.Prev != Nil)
        {
            _orders[order.Prev].Next = order.Next;
        }
        else
        {
            level.Head = order.Next;
        }

        if (order.Next != Nil)
        {
            _orders[order.Next].Prev = order.Prev;
        }
        else
        {
            level.Tail = order.Prev;
        }
    }

    /// <summary>The level slot for <paramref name="price"/>, created if absent, or <see cref="Nil"/> if the side is full.</summary>
    private int ResolveLevel(Side side, long price)
    {
        long key = KeyOf(side, price);
        int bucket = _levelIndex.FindBucket(key);
        if (bucket >= 0)
        {
            return _levelIndex.LevelAt(bucket);
        }

        return CreateLevel(side, price, key, ~bucket);
    }

    /// <summary>A new level for <paramref name="key"/> (absent; <paramref name="emptyBucket"/> ends its probe run), or <see cref="Nil"/> if the side is full.</summary>
    private int CreateLevel(Side side, long price, long key, int emptyBucket)
    {
        ref PriceLadder ladder = ref LadderOf(side);
        if (ladder.IsFull)
        {
            return Nil;
        }

        // each side's ladder is capped at LevelCapacity and the pool holds 2 × LevelCapacity slots
        int levelId = _freeLevel;
        Debug.Assert(levelId != Nil, "Invariant: level pool outlasts both ladders");
        ref L3Level level = ref _levels[levelId];
        _freeLevel = level.Head;
        level.Price = price;
        level.TotalQuantity = 0;
        level.OrderCount = 0;
        level.Head = Nil;
        level.Tail = Nil;
        int position = ladder.Find(key);
        Debug.Assert(position < 0, "Invariant: a level absent from the index is absent from the ladder");
        ladder.InsertAt(~position, key, levelId);
        _levelIndex.Set(emptyBucket, key, levelId);
        return levelId;
    }

    /// <summary>Bucket holding <paramref name="orderId"/>, or the complement of the empty bucket that ends its probe run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindBucket(long orderId)
    {
        uint hash = HashOf(orderId);
        int b = (int)(hash >> _hashShift);
        while (true)
        {
            ref OrderIdBucket bucket = ref _buckets[b];
            if (bucket.OrderRef == 0)
            {
                return ~b;
            }

            // the hash rejects other ids without loading their slots; the id check settles a hash match
            if (bucket.Hash == hash && _orders[bucket.OrderRef - 1].Id == orderId)
            {
                return b;
            }

            b = (b + 1) & _bucketMask;
        }
    }

    /// <summary>
    /// Backward-shift deletion: walks the probe run after the hole and moves back every entry whose home is
    /// not between the hole and itself, so every remaining id stays reachable from its home without tombstones.
    /// </summary>
    private void RemoveBucket(int bucket)
    {
        int hole = bucket;
        int j = bucket;
        while (true)
        {
            j = (j + 1) & _bucketMask;
            ref OrderIdBucket candidate = ref _buckets[j];
            if (candidate.OrderRef == 0)
            {
                break;
            }

            int home = (int)(candidate.Hash >> _hashShift);
            // movable when the hole lies in the cyclic range [home, j): its probe distance covers the hole
            if (((j - home) & _bucketMask) >= ((j - hole) & _bucketMask))
            {
                _buckets[hole] = candidate;
                hole = j;
            }
        }

        _buckets[hole] = default;
    }

    /// <summary>Top 32 bits of a Fibonacci multiply: the home bucket is its top log2(buckets) bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint HashOf(long orderId) => (uint)(((ulong)orderId * FibonacciMultiplier) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref PriceLadder LadderOf(Side side)
    {
        if (side == Side.Buy)
        {
            return ref _bids;
        }

        return ref _asks;
    }

    /// <summary>Ladder key: best is greatest on both sides.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long KeyOf(Side side, long price) => side == Side.Buy ? price : -price;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsValid(Side side) => side == Side.Buy || side == Side.Sell;

    private void ResetSlots()
    {
        for (int i = 0; i < OrderCapacity; i++)
        {
            _orders[i].Next = i + 1;
        }

        _orders[OrderCapacity - 1].Next = Nil;
        _freeOrder = 0;

        for (int i = 0; i < _emptyLevelId; i++)
        {
            _levels[i].Head = i + 1;
        }

        _levels[_emptyLevelId - 1].Head = Nil;
        _freeLevel = 0;
        _levels[_emptyLevelId] = new L3Level { Head = Nil, Tail = Nil };
    }

    private static long AlignToCacheLine(long bytes) =>
        (bytes + AlignedMemory.CacheLineSize - 1) & ~(long)(AlignedMemory.CacheLineSize - 1);
}
