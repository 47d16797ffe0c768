using System.Diagnostics;
using System.Runtime.CompilerServices;
using Llt.Hotpath.Memory;
using Llt.Sbe;

namespace Llt.Hotpath.MarketData.Books;

/// <summary>
/// Price-level (L2) book of one instrument: the top <see cref="Depth"/> levels per side, best first, in
/// 64-byte-aligned unmanaged memory allocated once. Single writer, no allocation after construction, every
/// rejected update is a <see cref="BookResult"/> and leaves the book unchanged.
/// </summary>
/// <remarks>
/// Layout: two arrays of <see cref="BookLevel"/> (24 bytes), bids then asks, each starting on its own cache
/// line. Slots at and beyond a side's level count are kept zeroed, so the best price/size of an empty side
/// reads as <see cref="BookPrice.None"/>/0 without a branch and <see cref="GetLevel"/> past the count reads an
/// empty level. Price lookup is a linear scan from the touch: N is small (≤ 256, typically 10..64), most
/// updates land in the first few levels, and a forward scan over contiguous 24-byte levels is cheaper and
/// better predicted than a binary search at these sizes. Insert/delete shift the levels below with one
/// memmove. A level that sorts below the N kept (or is pushed out by an insert above it) is dropped and
/// counted in <see cref="DroppedLevels"/>; the book then holds the top N the feed has told it about, which is
/// what a depth-limited feed means.
/// <para>Top-k totals and the top-k imbalance are O(k) sums, not maintained incrementally: k varies by caller
/// and k ≤ N levels are at most a few cache lines, so a sum costs a few ns while incremental prefix totals
/// would add work to every update.</para>
/// </remarks>
public sealed unsafe class L2Book : IDisposable
{
    public const int MinDepth = 1;
    public const int MaxDepth = 256;

    private readonly AlignedMemory _memory;
    private readonly BookLevel* _bids;
    private readonly BookLevel* _asks;
    private int _bidCount;
    private int _askCount;
    private long _droppedLevels;

    /// <param name="depth">Levels kept per side, <see cref="MinDepth"/>..<see cref="MaxDepth"/>.</param>
    public L2Book(int depth)
    {
        if (depth < MinDepth || depth > MaxDepth)
        {
            BooksThrowHelper.ThrowArgumentOutOfRange(nameof(depth), depth, $"depth must be {MinDepth}..{MaxDepth}");
        }

        Depth = depth;
        long sideBytes = AlignToCacheLine((long)depth * sizeof(BookLevel));
        _memory = AlignedMemory.Allocate(2 * sideBytes);
        _bids = (BookLevel*)_memory.Pointer;
        _asks = (BookLevel*)(_memory.Pointer + sideBytes);
    }

    /// <summary>Levels kept per side.</summary>
    public int Depth { get; }

    public int BidLevelCount => _bidCount;

    public int AskLevelCount => _askCount;

    /// <summary>Levels dropped because they sorted below the top <see cref="Depth"/> (new or pushed out).</summary>
    public long DroppedLevels => _droppedLevels;

    public long BestBidPrice => _bids[0].Price;

    public long BestBidSize => _bids[0].Size;

    public long BestAskPrice => _asks[0].Price;

    public long BestAskSize => _asks[0].Size;

    private bool HasBothSides => (_bidCount != 0) & (_askCount != 0);

    /// <summary>Best ask − best bid (negative when crossed), or <see cref="BookPrice.NoSpread"/> if a side is empty.</summary>
    public long Spread => HasBothSides ? _asks[0].Price - _bids[0].Price : BookPrice.NoSpread;

    /// <summary>
    /// (bid + ask) / 2 in fixed point, rounded down to the next 10^-8 (computed without overflow), or
    /// <see cref="BookPrice.None"/> if a side is empty.
    /// </summary>
    public long Mid
    {
        get
        {
            long bid = _bids[0].Price;
            return HasBothSides ? bid + ((_asks[0].Price - bid) >> 1) : BookPrice.None;
        }
    }

    /// <summary>Best bid strictly above best ask.</summary>
    public bool IsCrossed => HasBothSides && _bids[0].Price > _asks[0].Price;

    /// <summary>Best bid equal to best ask.</summary>
    public bool IsLocked => HasBothSides && _bids[0].Price == _asks[0].Price;

    /// <summary>(bidSize − askSize) / (bidSize + askSize) of the top level; 0 when both are empty.</summary>
    public double Imbalance => BookImbalance.Of(_bids[0].Size, _asks[0].Size);

    /// <summary>Imbalance of the summed sizes of the top <paramref name="levels"/> levels per side. O(k).</summary>
    public double ImbalanceTop(int levels) => BookImbalance.Of(TotalSize(Side.Buy, levels), TotalSize(Side.Sell, levels));

    /// <summary>
    /// Level <paramref name="level"/> (0 = best) of a side; an empty level past the side's count, for an
    /// index outside 0..Depth-1 or for an invalid side.
    /// </summary>
    public BookLevel GetLevel(Side side, int level)
    {
        BookLevel* levels = LevelsOf(side);
        return levels != null && (uint)level < (uint)Depth ? levels[level] : default;
    }

    /// <summary>
    /// Whether <paramref name="price"/> may be a level this book dropped for sorting below its top N: it has dropped
    /// levels before, and the price is worse than the side's worst level held (or the side is empty). A feed with
    /// deeper books than this one (IEX DEEP sends every level) updates and deletes such levels; they are not
    /// inconsistencies. A delete of a price inside the held range that is not there still is.
    /// </summary>
    public bool IsBeyondKeptDepth(Side side, long price)
    {
        BookLevel* levels = LevelsOf(side);
        if (levels == null || _droppedLevels == 0)
        {
            return false;
        }

        int count = side == Side.Buy ? _bidCount : _askCount;
        if (count == 0)
        {
            return true;
        }

        long worst = levels[count - 1].Price;
        return side == Side.Buy ? price < worst : price > worst;
    }

    /// <summary>Sum of the sizes of the top <paramref name="levels"/> levels of a side. O(k).</summary>
    public long TotalSize(Side side, int levels)
    {
        BookLevel* array = LevelsOf(side);
        if (array == null)
        {
            return 0;
        }

        int count = Math.Min(levels, side == Side.Buy ? _bidCount : _askCount);
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            total += array[i].Size;
        }

        return total;
    }

    /// <summary>
    /// Copies up to <c>destination.Length</c> levels of a side, best first; returns how many were copied.
    /// </summary>
    public int CopyLevels(Side side, Span<BookLevel> destination)
    {
        BookLevel* levels = LevelsOf(side);
        if (levels == null)
        {
            return 0;
        }

        int count = Math.Min(destination.Length, side == Side.Buy ? _bidCount : _askCount);
        new ReadOnlySpan<BookLevel>(levels, count).CopyTo(destination);
        return count;
    }

    /// <summary>
    /// Sets the level at <paramref name="price"/> to <paramref name="size"/>: updates it if present, inserts it
    /// in price order if not, deletes it when <paramref name="size"/> is 0.
    /// </summary>
    /// <returns>
    /// <see cref="BookResult.Ok"/>; <see cref="BookResult.LevelNotFound"/> for a delete of an absent price;
    /// <see cref="BookResult.LevelBeyondDepth"/> when a new level sorts below the top N (dropped, counted);
    /// <see cref="BookResult.InvalidSide"/>/<see cref="BookResult.InvalidPrice"/>/<see cref="BookResult.InvalidQuantity"/>.
    /// </returns>
    public BookResult ApplyLevel(Side side, long price, long size, int orderCount = 0)
    {
        if (price <= 0)
        {
            return BookResult.InvalidPrice;
        }

        if (size < 0 || orderCount < 0)
        {
            return BookResult.InvalidQuantity;
        }

        ref int count = ref CountOf(side, out BookLevel* levels, out long sign);
        if (levels == null)
        {
            return BookResult.InvalidSide;
        }

        int n = count;
        int i = sign > 0 ? ScanBids(levels, n, price) : ScanAsks(levels, n, price);

        if (i < n && levels[i].Price == price)
        {
            if (size == 0)
            {
                RemoveAt(levels, ref count, i);
            }
            else
            {
                levels[i] = new BookLevel(price, size, orderCount);
            }

            return BookResult.Ok;
        }

        if (size == 0)
        {
            return BookResult.LevelNotFound;
        }

        return InsertAt(levels, ref count, i, new BookLevel(price, size, orderCount));
    }

    /// <summary>
    /// Index-based insert (e.g. MDP "new" at level i): the levels at and below <paramref name="level"/> move
    /// down one; the last is dropped (and counted) if the side is full. The price must sort strictly between
    /// its neighbours.
    /// </summary>
    public BookResult InsertAt(Side side, int level, long price, long size, int orderCount = 0)
    {
        if (price <= 0)
        {
            return BookResult.InvalidPrice;
        }

        if (size <= 0 || orderCount < 0)
        {
            return BookResult.InvalidQuantity;
        }

        ref int count = ref CountOf(side, out BookLevel* levels, out long sign);
        if (levels == null)
        {
            return BookResult.InvalidSide;
        }

        if ((uint)level > (uint)count)
        {
            return BookResult.LevelIndexOutOfRange;
        }

        if (!FitsBetween(levels, count, level, level, price * sign, sign))
        {
            return BookResult.LevelOutOfOrder;
        }

        return InsertAt(levels, ref count, level, new BookLevel(price, size, orderCount));
    }

    /// <summary>
    /// Index-based change of level <paramref name="level"/> (size 0 deletes it). The price must still sort
    /// strictly between the neighbours.
    /// </summary>
    public BookResult UpdateAt(Side side, int level, long price, long size, int orderCount = 0)
    {
        if (price <= 0)
        {
            return BookResult.InvalidPrice;
        }

        if (size < 0 || orderCount < 0)
        {
            return BookResult.InvalidQuantity;
        }

        ref int count = ref CountOf(side, out BookLevel* levels, out long sign);
        if (levels == null)
        {
            return BookResult.InvalidSide;
        }

        if ((uint)level >= (uint)count)
        {
            return BookResult.LevelIndexOutOfRange;
        }

        if (size == 0)
        {
            RemoveAt(levels, ref count, level);
            return BookResult.Ok;
        }

        if (!FitsBetween(levels, count, level, level + 1, price * sign, sign))
        {
            return BookResult.LevelOutOfOrder;
        }

        levels[level] = new BookLevel(price, size, orderCount);
        return BookResult.Ok;
    }

    /// <summary>Index-based delete: the levels below move up one.</summary>
    public BookResult DeleteAt(Side side, int level)
    {
        ref int count = ref CountOf(side, out BookLevel* levels, out _);
        if (levels == null)
        {
            return BookResult.InvalidSide;
        }

        if ((uint)level >= (uint)count)
        {
            return BookResult.LevelIndexOutOfRange;
        }

        RemoveAt(levels, ref count, level);
        return BookResult.Ok;
    }

    public BookResult ClearSide(Side side)
    {
        ref int count = ref CountOf(side, out BookLevel* levels, out _);
        if (levels == null)
        {
            return BookResult.InvalidSide;
        }

        new Span<BookLevel>(levels, count).Clear();
        count = 0;
        return BookResult.Ok;
    }

    public void Clear()
    {
        ClearSide(Side.Buy);
        ClearSide(Side.Sell);
    }

    /// <summary>
    /// Replaces one side with <paramref name="levels"/> (best first, strictly ordered, positive prices and
    /// sizes). Levels beyond <see cref="Depth"/> are dropped and counted. Validated before anything changes.
    /// </summary>
    public BookResult ApplySnapshot(Side side, ReadOnlySpan<BookLevel> levels)
    {
        long sign = SignOf(side);
        if (sign == 0)
        {
            return BookResult.InvalidSide;
        }

        BookResult check = CheckSnapshot(levels, sign);
        if (check != BookResult.Ok)
        {
            return check;
        }

        ReplaceSide(side, levels);
        return BookResult.Ok;
    }

    /// <summary>Replaces both sides; nothing changes unless both are valid (see the one-sided overload).</summary>
    public BookResult ApplySnapshot(ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks)
    {
        BookResult check = CheckSnapshot(bids, 1);
        if (check == BookResult.Ok)
        {
            check = CheckSnapshot(asks, -1);
        }

        if (check != BookResult.Ok)
        {
            return check;
        }

        ReplaceSide(Side.Buy, bids);
        ReplaceSide(Side.Sell, asks);
        return BookResult.Ok;
    }

    public void Dispose() => _memory.Dispose();

    private void ReplaceSide(Side side, ReadOnlySpan<BookLevel> source)
    {
        ref int count = ref CountOf(side, out BookLevel* levels, out _);
        int kept = Math.Min(source.Length, Depth);
        _droppedLevels += source.Length - kept;
        source[..kept].CopyTo(new Span<BookLevel>(levels, Depth));
        if (count > kept)
        {
            // keep the zero-beyond-count invariant the branch-free best price relies on
            new Span<BookLevel>(levels + kept, count - kept).Clear();
        }

        count = kept;
    }

    private static BookResult CheckSnapshot(ReadOnlySpan<BookLevel> levels, long sign)
    {
        long previousKey = long.MaxValue;
        for (int i = 0; i < levels.Length; i++)
        {
            BookLevel level = levels[i];
            if (level.Price <= 0)
            {
                return BookResult.InvalidPrice;
            }

            if (level.Size <= 0 || level.OrderCount < 0)
            {
                return BookResult.InvalidQuantity;
            }

            long key = level.Price * sign;
            if (i > 0 && key >= previousKey)
            {
                return BookResult.LevelOutOfOrder;
            }

            previousKey = key;
        }

        return BookResult.Ok;
    }

    /// <summary>True when <paramref name="key"/> sorts strictly after level above-1 and strictly before level below.</summary>
    private static bool FitsBetween(BookLevel* levels, int count, int above, int below, long key, long sign)
    {
        bool afterAbove = above == 0 || levels[above - 1].Price * sign > key;
        bool beforeBelow = below >= count || key > levels[below].Price * sign;
        return afterAbove & beforeBelow;
    }

    /// <summary>Index of the first bid not above <paramref name="price"/> (the level itself or where it goes).</summary>
    /// <remarks>One loop per side, so each step is a load and one compare (no sign multiply): most updates land within
    /// a few levels of the touch, where the scan's cost is the steps themselves.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanBids(BookLevel* levels, int count, long price)
    {
        int i = 0;
        while (i < count && levels[i].Price > price)
        {
            i++;
        }

        return i;
    }

    /// <summary>Index of the first ask not below <paramref name="price"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanAsks(BookLevel* levels, int count, long price)
    {
        int i = 0;
        while (i < count && levels[i].Price < price)
        {
            i++;
        }

        return i;
    }

    private BookResult InsertAt(BookLevel* levels, ref int count, int index, BookLevel level)
    {
        Debug.Assert(index <= count, "Invariant: insert position within the stored levels");
        if (index >= Depth)
        {
            _droppedLevels++;
            return BookResult.LevelBeyondDepth;
        }

        int n = count;
        if (n == Depth)
        {
            // the worst level falls off the bottom
            _droppedLevels++;
            n--;
        }
        else
        {
            count = n + 1;
        }

        // overlapping copy: Span.CopyTo is a memmove
        new ReadOnlySpan<BookLevel>(levels + index, n - index).CopyTo(new Span<BookLevel>(levels + index + 1, n - index));
        levels[index] = level;
        return BookResult.Ok;
    }

    private static void RemoveAt(BookLevel* levels, ref int count, int index)
    {
        int last = count - 1;
        new ReadOnlySpan<BookLevel>(levels + index + 1, last - index).CopyTo(new Span<BookLevel>(levels + index, last - index));
        levels[last] = default;
        count = last;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref int CountOf(Side side, out BookLevel* levels, out long sign)
    {
        if (side == Side.Buy)
        {
            levels = _bids;
            sign = 1;
            return ref _bidCount;
        }

        levels = side == Side.Sell ? _asks : null;
        sign = -1;
        return ref _askCount;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private BookLevel* LevelsOf(Side side) => side == Side.Buy ? _bids : side == Side.Sell ? _asks : null;

    private static long SignOf(Side side) => side == Side.Buy ? 1 : side == Side.Sell ? -1 : 0;

    private static long AlignToCacheLine(long bytes) =>
        (bytes + AlignedMemory.CacheLineSize - 1) & ~(long)(AlignedMemory.CacheLineSize - 1);
}
