using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.MarketData.Books;

public sealed class L2BookTests
{
    private static readonly long P100 = Px.Of(100m);
    private static readonly long P101 = Px.Of(101m);
    private static readonly long P102 = Px.Of(102m);
    private static readonly long P103 = Px.Of(103m);

    [Theory]
    [InlineData(Side.Buy, 0)]
    [InlineData(Side.Buy, 1)]
    [InlineData(Side.Buy, 2)]
    [InlineData(Side.Buy, 3)]
    [InlineData(Side.Sell, 0)]
    [InlineData(Side.Sell, 1)]
    [InlineData(Side.Sell, 2)]
    [InlineData(Side.Sell, 3)]
    public void ApplyLevel_NewPrice_IsInsertedAtItsSortedPosition(Side side, int position)
    {
        using var book = new L2Book(depth: 10);
        // existing levels 100, 102, 104 (ticks of 2); the new one lands between them or at either end
        long[] existing = [Px.Of(100m), Px.Of(102m), Px.Of(104m)];
        foreach (long price in existing)
        {
            Assert.Equal(BookResult.Ok, book.ApplyLevel(side, price, size: 10));
        }

        // best-first order of the existing levels, then a price that sorts at `position` in it
        long[] bestFirst = side == Side.Buy ? [existing[2], existing[1], existing[0]] : existing;
        long step = side == Side.Buy ? -Px.Of(1m) : Px.Of(1m);
        long newPrice = position < bestFirst.Length ? bestFirst[position] - step : bestFirst[^1] + step;

        Assert.Equal(BookResult.Ok, book.ApplyLevel(side, newPrice, size: 7, orderCount: 2));

        var expected = new List<long>(bestFirst);
        expected.Insert(position, newPrice);
        Assert.Equal(4, side == Side.Buy ? book.BidLevelCount : book.AskLevelCount);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], book.GetLevel(side, i).Price);
        }

        Assert.Equal(new BookLevel(newPrice, 7, 2), book.GetLevel(side, position));
    }

    [Theory]
    [InlineData(Side.Buy)]
    [InlineData(Side.Sell)]
    public void ApplyLevel_RandomAddsChangesAndDeletes_MatchASortedReferenceBook(Side side)
    {
        // every path of ApplyLevel (scan from the touch, at or behind the worst level, full book) against a
        // plain sorted list with the same depth rules, with result codes, after every update
        const int depth = 6;
        using var book = new L2Book(depth);
        var reference = new List<BookLevel>();
        var random = new Random(17);
        for (int step = 0; step < 20_000; step++)
        {
            long price = Px.Of(90m) + random.Next(1, 21) * Px.Of(0.5m);
            long size = random.Next(4) == 0 ? 0 : random.Next(1, 1_000);
            int orders = size == 0 ? 0 : random.Next(1, 5);
            BookResult expected = ApplyToReference(reference, side, depth, price, size, orders);

            Assert.Equal(expected, book.ApplyLevel(side, price, size, orders));
            Assert.Equal(reference.Count, side == Side.Buy ? book.BidLevelCount : book.AskLevelCount);
            for (int i = 0; i < reference.Count; i++)
            {
                Assert.Equal(reference[i], book.GetLevel(side, i));
            }
        }
    }

    private static BookResult ApplyToReference(List<BookLevel> levels, Side side, int depth, long price, long size, int orders)
    {
        int i = 0;
        while (i < levels.Count && (side == Side.Buy ? levels[i].Price > price : levels[i].Price < price))
        {
            i++;
        }

        if (i < levels.Count && levels[i].Price == price)
        {
            if (size == 0)
            {
                levels.RemoveAt(i);
            }
            else
            {
                levels[i] = new BookLevel(price, size, orders);
            }

            return BookResult.Ok;
        }

        if (size == 0)
        {
            return BookResult.LevelNotFound;
        }

        if (i >= depth)
        {
            return BookResult.LevelBeyondDepth;
        }

        levels.Insert(i, new BookLevel(price, size, orders));
        if (levels.Count > depth)
        {
            levels.RemoveAt(depth);
        }

        return BookResult.Ok;
    }

    [Fact]
    public void ApplyLevel_ExistingPrice_ReplacesSizeAndOrderCountInPlace()
    {
        using var book = new L2Book(depth: 5);
        book.ApplyLevel(Side.Buy, P101, 10, 1);
        book.ApplyLevel(Side.Buy, P100, 20, 2);

        Assert.Equal(BookResult.Ok, book.ApplyLevel(Side.Buy, P100, 25, 3));

        Assert.Equal(2, book.BidLevelCount);
        Assert.Equal(new BookLevel(P100, 25, 3), book.GetLevel(Side.Buy, 1));
    }

    [Fact]
    public void ApplyLevel_SizeZero_DeletesTheLevelAndMovesTheRestUp()
    {
        using var book = new L2Book(depth: 5);
        book.ApplyLevel(Side.Sell, P100, 10);
        book.ApplyLevel(Side.Sell, P101, 20);
        book.ApplyLevel(Side.Sell, P102, 30);

        Assert.Equal(BookResult.Ok, book.ApplyLevel(Side.Sell, P100, 0));

        Assert.Equal(2, book.AskLevelCount);
        Assert.Equal(P101, book.BestAskPrice);
        Assert.Equal(20, book.BestAskSize);
        Assert.Equal(P102, book.GetLevel(Side.Sell, 1).Price);
        Assert.True(book.GetLevel(Side.Sell, 2).IsEmpty);
    }

    [Fact]
    public void ApplyLevel_DeleteOfAbsentPrice_ReturnsLevelNotFound()
    {
        using var book = new L2Book(depth: 5);
        book.ApplyLevel(Side.Buy, P100, 10);

        Assert.Equal(BookResult.LevelNotFound, book.ApplyLevel(Side.Buy, P101, 0));
        Assert.Equal(1, book.BidLevelCount);
    }

    [Fact]
    public void ApplyLevel_WhenFull_NewLevelBelowTheLastIsDroppedAndCounted()
    {
        using var book = new L2Book(depth: 2);
        book.ApplyLevel(Side.Buy, P103, 1);
        book.ApplyLevel(Side.Buy, P102, 1);

        Assert.Equal(BookResult.LevelBeyondDepth, book.ApplyLevel(Side.Buy, P101, 1));

        Assert.Equal(2, book.BidLevelCount);
        Assert.Equal(P102, book.GetLevel(Side.Buy, 1).Price);
        Assert.Equal(1, book.DroppedLevels);
    }

    [Fact]
    public void ApplyLevel_WhenFull_BetterLevelPushesTheWorstOutAndCountsIt()
    {
        using var book = new L2Book(depth: 2);
        book.ApplyLevel(Side.Sell, P101, 1);
        book.ApplyLevel(Side.Sell, P102, 2);

        Assert.Equal(BookResult.Ok, book.ApplyLevel(Side.Sell, P100, 3));

        Assert.Equal(2, book.AskLevelCount);
        Assert.Equal(new BookLevel(P100, 3, 0), book.GetLevel(Side.Sell, 0));
        Assert.Equal(new BookLevel(P101, 1, 0), book.GetLevel(Side.Sell, 1));
        Assert.Equal(1, book.DroppedLevels);
    }

    [Fact]
    public void InvalidInputs_ReturnResultCodes_AndLeaveTheBookUnchanged()
    {
        using var book = new L2Book(depth: 4);
        book.ApplyLevel(Side.Buy, P100, 10);

        Assert.Equal(BookResult.InvalidSide, book.ApplyLevel((Side)'3', P101, 10));
        Assert.Equal(BookResult.InvalidSide, book.ApplyLevel(Side.NullValue, P101, 10));
        Assert.Equal(BookResult.InvalidPrice, book.ApplyLevel(Side.Buy, 0, 10));
        Assert.Equal(BookResult.InvalidPrice, book.ApplyLevel(Side.Buy, -P100, 10));
        Assert.Equal(BookResult.InvalidQuantity, book.ApplyLevel(Side.Buy, P101, -1));
        Assert.Equal(BookResult.InvalidQuantity, book.ApplyLevel(Side.Buy, P101, 5, orderCount: -1));
        Assert.Equal(BookResult.InvalidSide, book.InsertAt((Side)0xFF, 0, P101, 1));
        Assert.Equal(BookResult.InvalidSide, book.DeleteAt((Side)0xFF, 0));
        Assert.Equal(BookResult.InvalidSide, book.ClearSide((Side)0xFF));
        Assert.Equal(BookResult.InvalidSide, book.ApplySnapshot((Side)0xFF, [new BookLevel(P100, 1, 1)]));

        Assert.Equal(1, book.BidLevelCount);
        Assert.Equal(0, book.AskLevelCount);
        Assert.Equal(new BookLevel(P100, 10, 0), book.GetLevel(Side.Buy, 0));
        Assert.Equal(default, book.GetLevel((Side)'3', 0));
    }

    [Fact]
    public void IsCrossed_OnlyWhenBidAboveAsk_LockedWhenEqual()
    {
        using var book = new L2Book(depth: 4);
        Assert.False(book.IsCrossed);

        book.ApplyLevel(Side.Buy, P101, 1);
        Assert.False(book.IsCrossed);
        book.ApplyLevel(Side.Sell, P102, 1);
        Assert.False(book.IsCrossed);
        Assert.False(book.IsLocked);

        book.ApplyLevel(Side.Sell, P101, 1);
        Assert.False(book.IsCrossed);
        Assert.True(book.IsLocked);

        book.ApplyLevel(Side.Sell, P100, 1);
        Assert.True(book.IsCrossed);
        Assert.False(book.IsLocked);
        Assert.Equal(P100 - P101, book.Spread);
    }

    [Fact]
    public void SpreadAndMid_UseSentinels_UntilBothSidesArePresent()
    {
        using var book = new L2Book(depth: 4);
        Assert.Equal(BookPrice.NoSpread, book.Spread);
        Assert.Equal(BookPrice.None, book.Mid);
        Assert.Equal(BookPrice.None, book.BestBidPrice);
        Assert.Equal(0, book.BestAskSize);

        book.ApplyLevel(Side.Buy, Px.Of(100.25m), 5);
        Assert.Equal(BookPrice.NoSpread, book.Spread);
        Assert.Equal(BookPrice.None, book.Mid);

        book.ApplyLevel(Side.Sell, Px.Of(100.50m), 5);
        Assert.Equal(Px.Of(0.25m), book.Spread);
        Assert.Equal(Px.Of(100.375m), book.Mid);

        // an odd number of 10^-8 units rounds down
        book.ApplyLevel(Side.Sell, Px.Of(100.25000001m), 5);
        Assert.Equal(Px.Of(100.25m), book.Mid);
    }

    [Fact]
    public void Imbalance_TopLevelAndTopK_AreSizeRatios()
    {
        using var book = new L2Book(depth: 8);
        Assert.Equal(0.0, book.Imbalance);
        Assert.Equal(0.0, book.ImbalanceTop(3));

        book.ApplyLevel(Side.Buy, P101, 30);
        book.ApplyLevel(Side.Buy, P100, 50);
        book.ApplyLevel(Side.Sell, P102, 10);
        book.ApplyLevel(Side.Sell, P103, 10);

        Assert.Equal(0.5, book.Imbalance, 12);                       // (30 − 10) / 40
        Assert.Equal((80.0 - 20.0) / 100.0, book.ImbalanceTop(2), 12);
        Assert.Equal((30.0 - 10.0) / 40.0, book.ImbalanceTop(1), 12);
        Assert.Equal(80, book.TotalSize(Side.Buy, 5));
        Assert.Equal(10, book.TotalSize(Side.Sell, 1));
        Assert.Equal(0, book.TotalSize(Side.Sell, 0));

        book.ClearSide(Side.Sell);
        Assert.Equal(1.0, book.Imbalance);
    }

    [Fact]
    public void ApplySnapshot_ReplacesBothSides_AndDropsLevelsBeyondDepth()
    {
        using var book = new L2Book(depth: 3);
        book.ApplyLevel(Side.Buy, P100, 1);
        book.ApplyLevel(Side.Buy, Px.Of(99m), 1);
        book.ApplyLevel(Side.Buy, Px.Of(98m), 1);

        BookLevel[] bids = [new(P101, 5, 1), new(P100, 6, 2)];
        BookLevel[] asks = [new(P102, 7, 1), new(P103, 8, 1), new(Px.Of(104m), 9, 1), new(Px.Of(105m), 9, 1)];

        Assert.Equal(BookResult.Ok, book.ApplySnapshot(bids, asks));

        Assert.Equal(2, book.BidLevelCount);
        Assert.Equal(3, book.AskLevelCount);
        Assert.Equal(bids[0], book.GetLevel(Side.Buy, 0));
        Assert.Equal(bids[1], book.GetLevel(Side.Buy, 1));
        Assert.True(book.GetLevel(Side.Buy, 2).IsEmpty);
        Assert.Equal(asks[2], book.GetLevel(Side.Sell, 2));
        Assert.Equal(1, book.DroppedLevels);

        Span<BookLevel> view = stackalloc BookLevel[8];
        Assert.Equal(3, book.CopyLevels(Side.Sell, view));
        Assert.Equal(asks[1], view[1]);
    }

    [Fact]
    public void ApplySnapshot_Invalid_IsRejectedWholeAndChangesNothing()
    {
        using var book = new L2Book(depth: 4);
        book.ApplyLevel(Side.Buy, P100, 1);
        book.ApplyLevel(Side.Sell, P101, 1);

        BookLevel[] goodBids = [new(P101, 5, 1)];
        Assert.Equal(BookResult.LevelOutOfOrder, book.ApplySnapshot(goodBids, [new(P103, 1, 1), new(P102, 1, 1)]));
        Assert.Equal(BookResult.LevelOutOfOrder, book.ApplySnapshot(Side.Buy, [new(P101, 1, 1), new(P101, 1, 1)]));
        Assert.Equal(BookResult.InvalidPrice, book.ApplySnapshot(goodBids, [new(0, 1, 1)]));
        Assert.Equal(BookResult.InvalidQuantity, book.ApplySnapshot(goodBids, [new(P102, 0, 1)]));

        Assert.Equal(P100, book.BestBidPrice);
        Assert.Equal(P101, book.BestAskPrice);
    }

    [Fact]
    public void ApplySnapshot_Empty_ClearsTheSide()
    {
        using var book = new L2Book(depth: 4);
        book.ApplyLevel(Side.Buy, P100, 1);

        Assert.Equal(BookResult.Ok, book.ApplySnapshot(Side.Buy, ReadOnlySpan<BookLevel>.Empty));

        Assert.Equal(0, book.BidLevelCount);
        Assert.Equal(BookPrice.None, book.BestBidPrice);
    }

    [Fact]
    public void IndexBasedUpdates_InsertChangeAndDeleteByLevel()
    {
        using var book = new L2Book(depth: 3);
        Assert.Equal(BookResult.Ok, book.InsertAt(Side.Buy, 0, P100, 10, 1));
        Assert.Equal(BookResult.Ok, book.InsertAt(Side.Buy, 0, P102, 20, 1));
        Assert.Equal(BookResult.Ok, book.InsertAt(Side.Buy, 1, P101, 30, 1));
        Assert.Equal(new[] { P102, P101, P100 }, new[] { book.GetLevel(Side.Buy, 0).Price, book.GetLevel(Side.Buy, 1).Price, book.GetLevel(Side.Buy, 2).Price });

        // full: insert at the top pushes 100 out
        Assert.Equal(BookResult.Ok, book.InsertAt(Side.Buy, 0, P103, 5, 1));
        Assert.Equal(P101, book.GetLevel(Side.Buy, 2).Price);
        Assert.Equal(1, book.DroppedLevels);
        Assert.Equal(BookResult.LevelBeyondDepth, book.InsertAt(Side.Buy, 3, P100, 5, 1));
        Assert.Equal(2, book.DroppedLevels);

        Assert.Equal(BookResult.Ok, book.UpdateAt(Side.Buy, 1, P102, 21, 2));
        Assert.Equal(new BookLevel(P102, 21, 2), book.GetLevel(Side.Buy, 1));

        Assert.Equal(BookResult.Ok, book.DeleteAt(Side.Buy, 0));
        Assert.Equal(P102, book.BestBidPrice);
        Assert.Equal(BookResult.Ok, book.UpdateAt(Side.Buy, 1, P101, 0));
        Assert.Equal(1, book.BidLevelCount);
    }

    [Fact]
    public void IndexBasedUpdates_OutOfRangeOrOutOfOrder_AreRejected()
    {
        using var book = new L2Book(depth: 4);
        book.InsertAt(Side.Sell, 0, P101, 1);
        book.InsertAt(Side.Sell, 1, P103, 1);

        Assert.Equal(BookResult.LevelIndexOutOfRange, book.InsertAt(Side.Sell, 3, Px.Of(104m), 1));
        Assert.Equal(BookResult.LevelIndexOutOfRange, book.InsertAt(Side.Sell, -1, P100, 1));
        Assert.Equal(BookResult.LevelIndexOutOfRange, book.UpdateAt(Side.Sell, 2, P103, 1));
        Assert.Equal(BookResult.LevelIndexOutOfRange, book.DeleteAt(Side.Sell, 2));
        Assert.Equal(BookResult.LevelOutOfOrder, book.InsertAt(Side.Sell, 1, P100, 1));
        Assert.Equal(BookResult.LevelOutOfOrder, book.InsertAt(Side.Sell, 1, P101, 1));
        Assert.Equal(BookResult.LevelOutOfOrder, book.UpdateAt(Side.Sell, 0, P103, 1));
        Assert.Equal(BookResult.InvalidQuantity, book.InsertAt(Side.Sell, 1, P102, 0));

        Assert.Equal(2, book.AskLevelCount);
        Assert.Equal(P101, book.BestAskPrice);
        Assert.Equal(P103, book.GetLevel(Side.Sell, 1).Price);
    }

    [Fact]
    public void GetLevel_OutsideTheStoredLevels_IsEmpty()
    {
        using var book = new L2Book(depth: 2);
        book.ApplyLevel(Side.Buy, P100, 1);

        Assert.True(book.GetLevel(Side.Buy, 1).IsEmpty);
        Assert.True(book.GetLevel(Side.Buy, 2).IsEmpty);
        Assert.True(book.GetLevel(Side.Buy, -1).IsEmpty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(L2Book.MaxDepth + 1)]
    public void Constructor_DepthOutOfRange_Throws(int depth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new L2Book(depth));
    }
}
