using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.MarketData.Books;

public sealed class L3BookTests
{
    private static readonly long P99 = Px.Of(99m);
    private static readonly long P100 = Px.Of(100m);
    private static readonly long P101 = Px.Of(101m);
    private static readonly long P102 = Px.Of(102m);

    [Fact]
    public void Add_BuildsLevelsAndBbo_FromOrders()
    {
        using var book = new L3Book(orderCapacity: 16, levelCapacity: 8);

        Assert.Equal(BookResult.Ok, book.Add(1, Side.Buy, P100, 10));
        Assert.Equal(BookResult.Ok, book.Add(2, Side.Buy, P100, 5));
        Assert.Equal(BookResult.Ok, book.Add(3, Side.Buy, P99, 7));
        Assert.Equal(BookResult.Ok, book.Add(4, Side.Sell, P102, 4));
        Assert.Equal(BookResult.Ok, book.Add(5, Side.Sell, P101, 6));

        Assert.Equal(5, book.OrderCount);
        Assert.Equal(2, book.BidLevelCount);
        Assert.Equal(2, book.AskLevelCount);
        Assert.Equal(P100, book.BestBidPrice);
        Assert.Equal(15, book.BestBidSize);
        Assert.Equal(2, book.BestBidOrderCount);
        Assert.Equal(P101, book.BestAskPrice);
        Assert.Equal(6, book.BestAskSize);
        Assert.Equal(new BookLevel(P99, 7, 1), book.GetLevel(Side.Buy, 1));
        Assert.Equal(new BookLevel(P102, 4, 1), book.GetLevel(Side.Sell, 1));
        Assert.Equal(P101 - P100, book.Spread);
        Assert.Equal(Px.Of(100.5m), book.Mid);
        Assert.Equal((15.0 - 6.0) / 21.0, book.Imbalance, 12);
        Assert.Equal((22.0 - 10.0) / 32.0, book.ImbalanceTop(2), 12);
        Assert.Equal(22, book.TotalQuantity(Side.Buy, 10));

        Assert.Equal(BookResult.Ok, book.GetOrder(3, out BookOrder order));
        Assert.Equal(new BookOrder(3, Side.Buy, P99, 7), order);
    }

    [Fact]
    public void EmptyBook_ReadsAsSentinels()
    {
        using var book = new L3Book(16, 4);

        Assert.Equal(BookPrice.None, book.BestBidPrice);
        Assert.Equal(BookPrice.None, book.BestAskPrice);
        Assert.Equal(0, book.BestBidSize);
        Assert.Equal(BookPrice.NoSpread, book.Spread);
        Assert.Equal(BookPrice.None, book.Mid);
        Assert.Equal(0.0, book.Imbalance);
        Assert.False(book.IsCrossed);
        Assert.True(book.GetLevel(Side.Buy, 0).IsEmpty);
    }

    [Fact]
    public void OrdersAtOnePrice_QueueInArrivalOrder()
    {
        using var book = new L3Book(16, 4);
        book.Add(30, Side.Sell, P101, 1);
        book.Add(10, Side.Sell, P101, 2);
        book.Add(20, Side.Sell, P101, 3);

        Assert.Equal(new long[] { 30, 10, 20 }, Queue(book, Side.Sell, P101));

        book.Delete(10);
        book.Add(40, Side.Sell, P101, 4);
        Assert.Equal(new long[] { 30, 20, 40 }, Queue(book, Side.Sell, P101));
    }

    [Fact]
    public void Execute_Partial_KeepsQueuePlace_Full_RemovesOrderAndEmptyLevel()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Buy, P100, 10);
        book.Add(2, Side.Buy, P100, 5);
        book.Add(3, Side.Buy, P99, 5);

        Assert.Equal(BookResult.Ok, book.Execute(1, 4));
        Assert.Equal(new long[] { 1, 2 }, Queue(book, Side.Buy, P100));
        Assert.Equal(11, book.BestBidSize);

        Assert.Equal(BookResult.Ok, book.Execute(1, 6));
        Assert.False(book.Contains(1));
        Assert.Equal(new long[] { 2 }, Queue(book, Side.Buy, P100));

        Assert.Equal(BookResult.Ok, book.Execute(2, 5));
        Assert.Equal(1, book.BidLevelCount);
        Assert.Equal(P99, book.BestBidPrice);
        Assert.Equal(1, book.OrderCount);
    }

    [Fact]
    public void Execute_EdgeCases_AreRejectedWithoutChange()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Sell, P101, 10);

        Assert.Equal(BookResult.QuantityExceedsRemaining, book.Execute(1, 11));
        Assert.Equal(BookResult.InvalidQuantity, book.Execute(1, 0));
        Assert.Equal(BookResult.InvalidQuantity, book.Execute(1, -3));
        Assert.Equal(BookResult.UnknownOrderId, book.Execute(2, 1));
        Assert.Equal(BookResult.QuantityExceedsRemaining, book.Cancel(1, 11));
        Assert.Equal(BookResult.UnknownOrderId, book.Cancel(2, 1));
        Assert.Equal(BookResult.UnknownOrderId, book.Delete(2));

        Assert.Equal(10, book.BestAskSize);
        Assert.Equal(1, book.OrderCount);
    }

    [Fact]
    public void Execute_WithOrder_GivesTheOrderAsItWasBeforeTheFill()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Sell, P101, 10);
        book.Add(2, Side.Sell, P101, 3);

        Assert.Equal(BookResult.Ok, book.Execute(1, 4, out BookOrder partial));
        Assert.Equal(new BookOrder(1, Side.Sell, P101, 10), partial);
        Assert.Equal(new long[] { 1, 2 }, Queue(book, Side.Sell, P101));
        Assert.Equal(9, book.BestAskSize);

        // a full fill removes the order, and the trade still learns its side and price
        Assert.Equal(BookResult.Ok, book.Execute(1, 6, out BookOrder full));
        Assert.Equal(new BookOrder(1, Side.Sell, P101, 6), full);
        Assert.False(book.Contains(1));
        Assert.Equal(3, book.BestAskSize);

        Assert.Equal(BookResult.QuantityExceedsRemaining, book.Execute(2, 4, out BookOrder tooMuch));
        Assert.Equal(BookResult.InvalidQuantity, book.Execute(2, 0, out BookOrder zero));
        Assert.Equal(BookResult.UnknownOrderId, book.Execute(1, 1, out BookOrder gone));
        Assert.Equal(default, tooMuch);
        Assert.Equal(default, zero);
        Assert.Equal(default, gone);
        Assert.Equal(3, book.BestAskSize);
        Assert.Equal(1, book.OrderCount);
    }

    [Fact]
    public void Cancel_Partial_ReducesInPlace_OfAllRemaining_RemovesTheOrder()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Sell, P101, 10);
        book.Add(2, Side.Sell, P101, 10);

        Assert.Equal(BookResult.Ok, book.Cancel(1, 3));
        Assert.Equal(new long[] { 1, 2 }, Queue(book, Side.Sell, P101));
        Assert.Equal(17, book.BestAskSize);

        Assert.Equal(BookResult.Ok, book.Cancel(1, 7));
        Assert.False(book.Contains(1));
        Assert.Equal(new BookLevel(P101, 10, 1), book.GetLevel(Side.Sell, 0));
    }

    [Fact]
    public void Delete_FromMiddleOfQueue_RelinksNeighbours()
    {
        using var book = new L3Book(16, 4);
        for (long id = 1; id <= 4; id++)
        {
            book.Add(id, Side.Buy, P100, id);
        }

        Assert.Equal(BookResult.Ok, book.Delete(2));
        Assert.Equal(BookResult.Ok, book.Delete(4));
        Assert.Equal(BookResult.Ok, book.Delete(1));

        Assert.Equal(new long[] { 3 }, Queue(book, Side.Buy, P100));
        Assert.Equal(new BookLevel(P100, 3, 1), book.GetLevel(Side.Buy, 0));
    }

    [Fact]
    public void Modify_QuantityDecrease_KeepsPriority()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Buy, P100, 10);
        book.Add(2, Side.Buy, P100, 10);

        Assert.Equal(BookResult.Ok, book.Modify(1, P100, 4));

        Assert.Equal(new long[] { 1, 2 }, Queue(book, Side.Buy, P100));
        Assert.Equal(14, book.BestBidSize);
    }

    [Fact]
    public void Modify_QuantityIncrease_MovesToTheTail()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Buy, P100, 10);
        book.Add(2, Side.Buy, P100, 10);

        Assert.Equal(BookResult.Ok, book.Modify(1, P100, 12));

        Assert.Equal(new long[] { 2, 1 }, Queue(book, Side.Buy, P100));
        Assert.Equal(22, book.BestBidSize);
    }

    [Fact]
    public void Modify_PriceChange_MovesToTheTailOfTheNewLevel()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Sell, P101, 10);
        book.Add(2, Side.Sell, P102, 10);

        Assert.Equal(BookResult.Ok, book.Modify(1, P102, 3));

        Assert.Equal(1, book.AskLevelCount);
        Assert.Equal(new long[] { 2, 1 }, Queue(book, Side.Sell, P102));
        Assert.Equal(new BookLevel(P102, 13, 2), book.GetLevel(Side.Sell, 0));

        Assert.Equal(BookResult.Ok, book.Modify(2, P100, 10));
        Assert.Equal(P100, book.BestAskPrice);
        Assert.Equal(BookResult.InvalidPrice, book.Modify(2, 0, 10));
        Assert.Equal(BookResult.InvalidQuantity, book.Modify(2, P100, 0));
        Assert.Equal(BookResult.UnknownOrderId, book.Modify(9, P100, 1));
    }

    [Fact]
    public void Replace_NewId_GoesToTheTailAndRetiresTheOldId()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Buy, P100, 10);
        book.Add(2, Side.Buy, P100, 10);

        Assert.Equal(BookResult.Ok, book.Replace(1, 7, P100, 5));

        Assert.False(book.Contains(1));
        Assert.Equal(new long[] { 2, 7 }, Queue(book, Side.Buy, P100));
        Assert.Equal(BookResult.Ok, book.GetOrder(7, out BookOrder order));
        Assert.Equal(new BookOrder(7, Side.Buy, P100, 5), order);
        Assert.Equal(2, book.OrderCount);
    }

    [Fact]
    public void Replace_ToAnExistingId_IsRejectedWithoutChange()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Buy, P100, 10);
        book.Add(2, Side.Buy, P99, 10);

        Assert.Equal(BookResult.DuplicateOrderId, book.Replace(1, 2, P101, 5));
        Assert.Equal(BookResult.UnknownOrderId, book.Replace(3, 4, P101, 5));
        Assert.Equal(BookResult.InvalidPrice, book.Replace(1, 4, -1, 5));
        Assert.Equal(BookResult.InvalidQuantity, book.Replace(1, 4, P101, 0));

        Assert.Equal(P100, book.BestBidPrice);
        Assert.Equal(2, book.OrderCount);
        Assert.True(book.Contains(1));
        Assert.False(book.Contains(4));
    }

    [Fact]
    public void Replace_SameId_NewPrice_MovesTheOrder()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Sell, P101, 10);

        Assert.Equal(BookResult.Ok, book.Replace(1, 1, P102, 8));

        Assert.Equal(new BookLevel(P102, 8, 1), book.GetLevel(Side.Sell, 0));
        Assert.Equal(1, book.AskLevelCount);
    }

    [Fact]
    public void Add_EdgeCases_AreRejectedWithoutChange()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Buy, P100, 10);

        Assert.Equal(BookResult.DuplicateOrderId, book.Add(1, Side.Sell, P101, 5));
        Assert.Equal(BookResult.InvalidSide, book.Add(2, (Side)'3', P101, 5));
        Assert.Equal(BookResult.InvalidSide, book.Add(2, Side.NullValue, P101, 5));
        Assert.Equal(BookResult.InvalidPrice, book.Add(2, Side.Sell, 0, 5));
        Assert.Equal(BookResult.InvalidPrice, book.Add(2, Side.Sell, -P101, 5));
        Assert.Equal(BookResult.InvalidQuantity, book.Add(2, Side.Sell, P101, 0));
        Assert.Equal(BookResult.InvalidQuantity, book.Add(2, Side.Sell, P101, -5));

        Assert.Equal(1, book.OrderCount);
        Assert.Equal(0, book.AskLevelCount);
        Assert.Equal(new BookLevel(P100, 10, 1), book.GetLevel(Side.Buy, 0));
    }

    [Fact]
    public void QueuePosition_IsTheQuantityAheadAtTheSamePrice()
    {
        using var book = new L3Book(16, 4);
        book.Add(1, Side.Buy, P100, 10);
        book.Add(2, Side.Buy, P100, 20);
        book.Add(3, Side.Buy, P100, 30);
        book.Add(4, Side.Buy, P101, 99);

        Assert.Equal(BookResult.Ok, book.QueuePosition(3, out long ahead, out int ordersAhead));
        Assert.Equal(30, ahead);
        Assert.Equal(2, ordersAhead);

        book.Execute(1, 4);
        book.Cancel(2, 5);
        book.QueuePosition(3, out ahead, out _);
        Assert.Equal(21, ahead);

        book.Delete(2);
        book.QueuePosition(3, out ahead, out ordersAhead);
        Assert.Equal(6, ahead);
        Assert.Equal(1, ordersAhead);

        book.QueuePosition(1, out ahead, out ordersAhead);
        Assert.Equal(0, ahead);
        Assert.Equal(0, ordersAhead);
        Assert.Equal(BookResult.UnknownOrderId, book.QueuePosition(2, out _, out _));
    }

    [Fact]
    public void Add_WhenOrderTableIsFull_IsRejectedAndCounted_UntilAnOrderLeaves()
    {
        using var book = new L3Book(orderCapacity: 4, levelCapacity: 8);
        for (long id = 1; id <= 4; id++)
        {
            Assert.Equal(BookResult.Ok, book.Add(id, Side.Buy, P100 - id, 1));
        }

        Assert.Equal(BookResult.OrderTableFull, book.Add(5, Side.Buy, P100, 1));
        Assert.Equal(BookResult.OrderTableFull, book.Add(6, Side.Sell, P101, 1));
        Assert.Equal(2, book.OrderTableFullCount);
        Assert.Equal(4, book.OrderCount);
        Assert.Equal(4, book.BidLevelCount);
        Assert.False(book.Contains(5));

        book.Delete(2);
        Assert.Equal(BookResult.Ok, book.Add(5, Side.Sell, P101, 1));
        Assert.True(book.Contains(5));
    }

    [Fact]
    public void Add_WhenSideHasNoFreeLevel_IsRejectedAndCounted_OtherSideUnaffected()
    {
        using var book = new L3Book(orderCapacity: 16, levelCapacity: 2);
        book.Add(1, Side.Buy, P100, 1);
        book.Add(2, Side.Buy, P99, 1);

        Assert.Equal(BookResult.LevelTableFull, book.Add(3, Side.Buy, P101, 1));
        Assert.Equal(BookResult.Ok, book.Add(4, Side.Buy, P100, 1));
        Assert.Equal(BookResult.Ok, book.Add(5, Side.Sell, P101, 1));
        Assert.Equal(BookResult.Ok, book.Add(6, Side.Sell, P102, 1));
        Assert.Equal(1, book.LevelTableFullCount);
        Assert.False(book.Contains(3));

        // order 2 is alone at 99: moving it frees its own level, so there is room
        Assert.Equal(BookResult.Ok, book.Modify(2, P101, 1));
        Assert.Equal(P101, book.BestBidPrice);
        // order 4 shares 100 with order 1: a third bid level is needed and there is none
        Assert.Equal(BookResult.LevelTableFull, book.Modify(4, P99, 1));
        Assert.Equal(BookResult.LevelTableFull, book.Replace(4, 8, P99, 1));
        Assert.Equal(3, book.LevelTableFullCount);
        Assert.Equal(new long[] { 1, 4 }, Queue(book, Side.Buy, P100));
    }

    [Fact]
    public void IdTable_ManyAddDeleteCyclesWithReusedIds_FindsExactlyTheLiveOrders()
    {
        // small table, dense id space: long probe runs and constant backward shifts
        const int capacity = 64;
        using var book = new L3Book(capacity, levelCapacity: 64);
        var live = new Dictionary<long, long>();
        var random = new Random(12345);
        for (int step = 0; step < 200_000; step++)
        {
            // ids collide on purpose: a few thousand ids, some multiples of the table size
            long id = random.Next(4) == 0 ? random.Next(64) * 128L : random.Next(2_000);
            if (live.ContainsKey(id))
            {
                Assert.Equal(BookResult.Ok, book.Delete(id));
                live.Remove(id);
            }
            else if (live.Count < capacity)
            {
                long quantity = 1 + (step % 17);
                Assert.Equal(BookResult.Ok, book.Add(id, step % 2 == 0 ? Side.Buy : Side.Sell, P100 + (step % 2 == 0 ? -1 : 1) * (1 + (id % 20)), quantity));
                live[id] = quantity;
            }
            else
            {
                Assert.Equal(BookResult.OrderTableFull, book.Add(id, Side.Buy, P100, 1));
            }

            if (step % 1000 == 0)
            {
                for (long probe = 0; probe < 8_192; probe++)
                {
                    Assert.Equal(live.ContainsKey(probe), book.Contains(probe));
                }
            }
        }

        Assert.Equal(live.Count, book.OrderCount);
        foreach ((long id, long quantity) in live)
        {
            Assert.Equal(BookResult.Ok, book.GetOrder(id, out BookOrder order));
            Assert.Equal(quantity, order.RemainingQuantity);
        }
    }

    [Fact]
    public void ManyLevels_DeepAndShallowInserts_StaySortedOnBothSides()
    {
        using var book = new L3Book(1024, 512);
        var random = new Random(7);
        var bidPrices = new SortedSet<long>();
        for (int i = 0; i < 400; i++)
        {
            long price = P100 - random.Next(1, 2_000) * 1_000_000L;
            book.Add(i, Side.Buy, price, 1);
            bidPrices.Add(price);
            book.Add(10_000 + i, Side.Sell, 2 * P100 - price, 1);
        }

        Assert.Equal(bidPrices.Count, book.BidLevelCount);
        Assert.Equal(bidPrices.Count, book.AskLevelCount);
        int depth = 0;
        foreach (long price in bidPrices.Reverse())
        {
            Assert.Equal(price, book.GetLevel(Side.Buy, depth).Price);
            Assert.Equal(2 * P100 - price, book.GetLevel(Side.Sell, depth).Price);
            depth++;
        }
    }

    [Fact]
    public void IdTable_IdsSharingOneHash_AreStillToldApart()
    {
        // ids base + k × (1 / golden-ratio multiplier mod 2^64) hash to products k apart: the same 32-bit hash and
        // home bucket. The table must tell them apart by the ids in their order slots, and keep every one reachable
        // through deletions from the middle of their shared probe run.
        ulong inverse = 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < 6; i++)
        {
            inverse *= 2 - (0x9E3779B97F4A7C15UL * inverse);
        }

        Assert.Equal(1UL, 0x9E3779B97F4A7C15UL * inverse);
        const long Base = 1_000;
        long IdOf(int k) => Base + (long)((ulong)k * inverse);
        using var book = new L3Book(orderCapacity: 128, levelCapacity: 8);
        for (int k = 0; k < 100; k++)
        {
            Assert.Equal(BookResult.Ok, book.Add(IdOf(k), Side.Buy, P100, k + 1));
        }

        Assert.Equal(BookResult.DuplicateOrderId, book.Add(IdOf(57), Side.Buy, P100, 1));
        for (int k = 0; k < 100; k += 2)
        {
            Assert.Equal(BookResult.Ok, book.Delete(IdOf(k)));
        }

        for (int k = 0; k < 100; k++)
        {
            Assert.Equal(k % 2 == 1, book.Contains(IdOf(k)));
        }

        Assert.Equal(BookResult.Ok, book.GetOrder(IdOf(99), out BookOrder last));
        Assert.Equal(new BookOrder(IdOf(99), Side.Buy, P100, 100), last);
        Assert.Equal(BookResult.Ok, book.Replace(IdOf(1), IdOf(0), P99, 7));
        Assert.False(book.Contains(IdOf(1)));
        Assert.Equal(BookResult.Ok, book.GetOrder(IdOf(0), out BookOrder replaced));
        Assert.Equal(new BookOrder(IdOf(0), Side.Buy, P99, 7), replaced);
        Assert.Equal(50, book.OrderCount);
        Assert.Equal(Enumerable.Range(0, 50).Sum(k => 2L * k + 2) - 2, book.BestBidSize);
    }

    [Fact]
    public void ManyLevels_DeepLevelsEmptiedAndRefilled_KeepLadderAndLevelsInStep()
    {
        // 300 levels a side: most of them far from the touch, where a level is found by hash and placed by a
        // binary search, not by the scan from the touch
        using var book = new L3Book(4096, 512);
        const int Levels = 300;
        long Bid(int i) => P100 - (i + 1) * 1_000_000L;
        long Ask(int i) => P101 + (i + 1) * 1_000_000L;
        for (int i = 0; i < Levels; i++)
        {
            book.Add(i, Side.Buy, Bid(i), 10);
            book.Add(1_000 + i, Side.Sell, Ask(i), 10);
        }

        // empty every third level (its only order leaves), then add a second order to every other level
        for (int i = 0; i < Levels; i += 3)
        {
            Assert.Equal(BookResult.Ok, book.Delete(i));
            Assert.Equal(BookResult.Ok, book.Execute(1_000 + i, 10));
        }

        for (int i = 0; i < Levels; i++)
        {
            if (i % 3 != 0)
            {
                Assert.Equal(BookResult.Ok, book.Add(2_000 + i, Side.Buy, Bid(i), 5));
                Assert.Equal(BookResult.Ok, book.Add(3_000 + i, Side.Sell, Ask(i), 5));
            }
        }

        Assert.Equal(Levels - (Levels / 3), book.BidLevelCount);
        Assert.Equal(book.BidLevelCount, book.AskLevelCount);
        int depth = 0;
        for (int i = 0; i < Levels; i++)
        {
            if (i % 3 != 0)
            {
                Assert.Equal(new BookLevel(Bid(i), 15, 2), book.GetLevel(Side.Buy, depth));
                Assert.Equal(new BookLevel(Ask(i), 15, 2), book.GetLevel(Side.Sell, depth));
                Assert.Equal(new long[] { i, 2_000 + i }, Queue(book, Side.Buy, Bid(i)));
                depth++;
            }
            else
            {
                Assert.Empty(Queue(book, Side.Buy, Bid(i)));
            }
        }

        // the emptied prices come back as new levels in their places
        for (int i = 0; i < Levels; i += 3)
        {
            Assert.Equal(BookResult.Ok, book.Add(4_000 + i, Side.Buy, Bid(i), 1));
        }

        Assert.Equal(Levels, book.BidLevelCount);
        for (int i = 0; i < Levels; i++)
        {
            Assert.Equal(Bid(i), book.GetLevel(Side.Buy, i).Price);
        }
    }

    [Fact]
    public void CopyLevels_GivesTheTopNView_BestFirst()
    {
        using var book = new L3Book(16, 8);
        book.Add(1, Side.Sell, P102, 1);
        book.Add(2, Side.Sell, P101, 2);
        book.Add(3, Side.Sell, P101, 3);

        Span<BookLevel> view = stackalloc BookLevel[4];
        Assert.Equal(2, book.CopyLevels(Side.Sell, view));
        Assert.Equal(new BookLevel(P101, 5, 2), view[0]);
        Assert.Equal(new BookLevel(P102, 1, 1), view[1]);
        Assert.Equal(1, book.CopyLevels(Side.Sell, view[..1]));
        Assert.Equal(0, book.CopyLevels(Side.Buy, view));
    }

    [Fact]
    public void IsCrossed_WhenBidAboveAsk()
    {
        using var book = new L3Book(16, 8);
        book.Add(1, Side.Buy, P101, 1);
        book.Add(2, Side.Sell, P101, 1);
        Assert.True(book.IsLocked);
        Assert.False(book.IsCrossed);

        book.Add(3, Side.Buy, P102, 1);
        Assert.True(book.IsCrossed);
    }

    [Fact]
    public void Clear_EmptiesTheBook_AndItIsReusable()
    {
        using var book = new L3Book(4, 2);
        for (long id = 1; id <= 4; id++)
        {
            book.Add(id, Side.Buy, P100 - (id % 2), 1);
        }

        book.Clear();

        Assert.Equal(0, book.OrderCount);
        Assert.Equal(0, book.BidLevelCount);
        Assert.False(book.Contains(1));
        for (long id = 1; id <= 4; id++)
        {
            Assert.Equal(BookResult.Ok, book.Add(id, Side.Sell, P101 + (id % 2), 1));
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(L3Book.MaxOrderCapacity * 2, 1)]
    [InlineData(4, 0)]
    [InlineData(4, L3Book.MaxLevelCapacity + 1)]
    public void Constructor_BadCapacities_Throw(int orderCapacity, int levelCapacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new L3Book(orderCapacity, levelCapacity));
    }

    private static long[] Queue(L3Book book, Side side, long price)
    {
        var ids = new long[64];
        int count = book.CopyQueue(side, price, ids);
        return ids[..count];
    }
}
