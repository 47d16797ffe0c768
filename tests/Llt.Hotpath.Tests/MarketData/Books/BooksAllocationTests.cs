using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.MarketData.Books;

public sealed class BooksAllocationTests
{
    private const int Operations = 100_000;

    [Fact]
    public void L2Book_MixedUpdatesAndQueries_AfterWarmUp_AllocateNothing()
    {
        using var book = new L2Book(depth: 20);
        var random = new Random(11);
        var sides = new Side[Operations];
        var prices = new long[Operations];
        var sizes = new long[Operations];
        for (int i = 0; i < Operations; i++)
        {
            sides[i] = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            long offset = random.Next(1, 40) * 1_000_000L;
            prices[i] = sides[i] == Side.Buy ? Px.Of(100m) - offset : Px.Of(100m) + offset;
            sizes[i] = random.Next(4) == 0 ? 0 : random.Next(1, 500);
        }

        BookLevel[] snapshot = [new(Px.Of(99m), 10, 1), new(Px.Of(98m), 10, 1)];
        // the book keeps its state between rounds, so a later round can take paths the first did not (and the
        // runtime compiles them then): warm up until the rounds repeat
        for (int round = 0; round < 3; round++)
        {
            Exercise(book, sides, prices, sizes, snapshot);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        long checksum = Exercise(book, sides, prices, sizes, snapshot);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
        Assert.NotEqual(0, checksum);
    }

    [Fact]
    public void L3Book_MixedOrderOperationsAndQueries_AfterWarmUp_AllocateNothing()
    {
        using var book = new L3Book(orderCapacity: 4096, levelCapacity: 256);
        var random = new Random(12);
        var kinds = new int[Operations];
        var ids = new long[Operations];
        var prices = new long[Operations];
        var quantities = new long[Operations];
        for (int i = 0; i < Operations; i++)
        {
            kinds[i] = random.Next(6);
            ids[i] = random.Next(3_000);
            prices[i] = random.Next(1, 100) * 1_000_000L;
            quantities[i] = random.Next(1, 50);
        }

        Exercise(book, kinds, ids, prices, quantities);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long checksum = Exercise(book, kinds, ids, prices, quantities);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
        Assert.NotEqual(0, checksum);
    }

    private static long Exercise(L2Book book, Side[] sides, long[] prices, long[] sizes, BookLevel[] snapshot)
    {
        long checksum = 0;
        Span<BookLevel> view = stackalloc BookLevel[10];
        for (int i = 0; i < sides.Length; i++)
        {
            checksum += (long)book.ApplyLevel(sides[i], prices[i], sizes[i], orderCount: 1);
            if ((i & 1023) == 0)
            {
                book.ApplySnapshot(Side.Buy, snapshot);
                book.DeleteAt(Side.Sell, 0);
                book.InsertAt(Side.Sell, 0, Px.Of(100m), 5);
                book.UpdateAt(Side.Sell, 0, Px.Of(100m), 6);
            }

            checksum += book.BestBidPrice + book.BestAskSize + book.Spread + book.Mid + book.TotalSize(Side.Buy, 5)
                + (long)(book.Imbalance * 100) + (long)(book.ImbalanceTop(5) * 100) + book.GetLevel(Side.Sell, 3).Size
                + (book.IsCrossed ? 1 : 0) + book.CopyLevels(Side.Buy, view);
        }

        return checksum;
    }

    private static long Exercise(L3Book book, int[] kinds, long[] ids, long[] prices, long[] quantities)
    {
        long checksum = 0;
        Span<BookLevel> view = stackalloc BookLevel[10];
        for (int i = 0; i < kinds.Length; i++)
        {
            long id = ids[i];
            BookResult result = kinds[i] switch
            {
                0 or 1 => book.Add(id, (id & 1) == 0 ? Side.Buy : Side.Sell, (id & 1) == 0 ? prices[i] : prices[i] + 100_000_000, quantities[i]),
                2 => (i & 1) == 0 ? book.Execute(id, quantities[i]) : ExecuteReportingOrder(book, id, quantities[i], ref checksum),
                3 => book.Cancel(id, 1),
                4 => book.Modify(id, (id & 1) == 0 ? prices[i] : prices[i] + 100_000_000, quantities[i]),
                _ => (i & 1) == 0 ? book.Delete(id) : book.Replace(id, id + 3_000 * (i & 2) / 2, (id & 1) == 0 ? prices[i] : prices[i] + 100_000_000, quantities[i]),
            };
            book.QueuePosition(id, out long ahead, out _);
            checksum += (long)result + ahead + book.BestBidPrice + book.BestAskSize + book.Mid + book.TotalQuantity(Side.Sell, 5)
                + (long)(book.ImbalanceTop(5) * 100) + book.CopyLevels(Side.Buy, view);
        }

        return checksum;
    }

    /// <summary>The execution overload a trade report uses: the pre-fill order comes back by value.</summary>
    private static BookResult ExecuteReportingOrder(L3Book book, long id, long quantity, ref long checksum)
    {
        BookResult result = book.Execute(id, quantity, out BookOrder order);
        checksum += order.Price + order.RemainingQuantity;
        return result;
    }
}
