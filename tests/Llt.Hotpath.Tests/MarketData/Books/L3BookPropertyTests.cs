using CsCheck;
using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.MarketData.Books;

/// <summary>
/// Random operation sequences applied to <see cref="L3Book"/> and to <see cref="ReferenceL3Book"/>; after
/// every operation the result codes, BBO, every level's total and order count, every queue's FIFO order and
/// every order must agree. Small capacities and a small id/price space make duplicates, unknown ids, full
/// tables and full sides common, not corner cases.
/// </summary>
public sealed class L3BookPropertyTests
{
    /// <summary>
    /// Tiny tables: full order table and full sides are frequent. Wide: 40 price levels a side, so level
    /// lookups leave the linear touch scan for the binary search, and longer probe runs in the id table.
    /// </summary>
    [Theory]
    [InlineData(16, 6, 12, 30, 2_000)]
    [InlineData(64, 40, 48, 100, 500)]
    public void RandomOperationSequences_AgreeWithTheReferenceModel_AfterEveryOperation(
        int orderCapacity, int levelCapacity, int maxTick, int maxId, int iterations)
    {
        Gen<L3BookOperation> genOperation = Gen.Select(
                Gen.Frequency((4, L3BookOperationKind.Add), (1, L3BookOperationKind.Modify), (1, L3BookOperationKind.Replace),
                    (2, L3BookOperationKind.Execute), (1, L3BookOperationKind.Cancel), (1, L3BookOperationKind.Delete)),
                Gen.Long[0, maxId],
                Gen.Frequency((10, Side.Buy), (10, Side.Sell), (1, (Side)'3')),
                Gen.Frequency((20, Gen.Long[1, maxTick]), (1, Gen.Long[-2, 0])),
                Gen.Frequency((20, Gen.Long[1, 8]), (1, Gen.Long[-1, 0])),
                Gen.Long[0, maxId])
            .Select((kind, id, side, tick, quantity, newId) =>
                new L3BookOperation(kind, id, side, tick * 1_000_000, quantity, newId));

        genOperation.Array[1, 400].Sample(operations =>
        {
            using var book = new L3Book(orderCapacity, levelCapacity);
            var model = new ReferenceL3Book(orderCapacity, levelCapacity);
            foreach (L3BookOperation operation in operations)
            {
                BookResult expected = Apply(model, operation);
                BookResult actual = Apply(book, operation);
                Assert.True(expected == actual, $"{operation}: expected {expected}, got {actual}");
                AssertSame(model, book, orderCapacity, maxId);
            }
        }, iter: iterations);
    }

    private static BookResult Apply(L3Book book, L3BookOperation op) => op.Kind switch
    {
        L3BookOperationKind.Add => book.Add(op.Id, op.Side, op.Price, op.Quantity),
        L3BookOperationKind.Modify => book.Modify(op.Id, op.Price, op.Quantity),
        L3BookOperationKind.Replace => book.Replace(op.Id, op.NewId, op.Price, op.Quantity),
        L3BookOperationKind.Execute => book.Execute(op.Id, op.Quantity),
        L3BookOperationKind.Cancel => book.Cancel(op.Id, op.Quantity),
        _ => book.Delete(op.Id),
    };

    private static BookResult Apply(ReferenceL3Book model, L3BookOperation op) => op.Kind switch
    {
        L3BookOperationKind.Add => model.Add(op.Id, op.Side, op.Price, op.Quantity),
        L3BookOperationKind.Modify => model.Modify(op.Id, op.Price, op.Quantity),
        L3BookOperationKind.Replace => model.Replace(op.Id, op.NewId, op.Price, op.Quantity),
        L3BookOperationKind.Execute or L3BookOperationKind.Cancel => model.Reduce(op.Id, op.Quantity),
        _ => model.Delete(op.Id),
    };

    private static void AssertSame(ReferenceL3Book model, L3Book book, int orderCapacity, int maxId)
    {
        Assert.Equal(model.Orders.Count, book.OrderCount);
        AssertSide(model, book, Side.Buy, orderCapacity);
        AssertSide(model, book, Side.Sell, orderCapacity);

        foreach (ReferenceOrder order in model.Orders.Values)
        {
            Assert.Equal(BookResult.Ok, book.GetOrder(order.Id, out BookOrder actual));
            Assert.Equal(new BookOrder(order.Id, order.Side, order.Price, order.Quantity), actual);
        }

        for (long id = 0; id <= maxId; id++)
        {
            Assert.Equal(model.Orders.ContainsKey(id), book.Contains(id));
        }
    }

    private static void AssertSide(ReferenceL3Book model, L3Book book, Side side, int orderCapacity)
    {
        SortedDictionary<long, List<ReferenceOrder>> levels = model.Levels(side);
        Assert.Equal(levels.Count, side == Side.Buy ? book.BidLevelCount : book.AskLevelCount);

        long bestPrice = levels.Count == 0 ? BookPrice.None : levels.First().Key;
        long bestSize = levels.Count == 0 ? 0 : levels.First().Value.Sum(o => o.Quantity);
        Assert.Equal(bestPrice, side == Side.Buy ? book.BestBidPrice : book.BestAskPrice);
        Assert.Equal(bestSize, side == Side.Buy ? book.BestBidSize : book.BestAskSize);

        int depth = 0;
        Span<long> ids = stackalloc long[orderCapacity];
        foreach ((long price, List<ReferenceOrder> queue) in levels)
        {
            Assert.Equal(new BookLevel(price, queue.Sum(o => o.Quantity), queue.Count), book.GetLevel(side, depth));
            int count = book.CopyQueue(side, price, ids);
            Assert.Equal(queue.Select(o => o.Id).ToArray(), ids[..count].ToArray());

            long ahead = 0;
            foreach (ReferenceOrder order in queue)
            {
                Assert.Equal(BookResult.Ok, book.QueuePosition(order.Id, out long actualAhead, out _));
                Assert.Equal(ahead, actualAhead);
                ahead += order.Quantity;
            }

            depth++;
        }

        Assert.True(book.GetLevel(side, depth).IsEmpty);
    }
}
