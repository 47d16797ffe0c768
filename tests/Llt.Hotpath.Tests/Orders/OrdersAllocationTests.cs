using Llt.Hotpath.Orders;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Orders;

public sealed class OrdersAllocationTests
{
    private const long Px = 100 * 100_000_000L;

    [Fact]
    public void SubmitAckFillCancelReplaceAndTimeouts_AfterWarmUp_AllocateNothing()
    {
        var oms = new OrderManager(new OrderManagerConfig(64, 64, 1_000, 256));
        long nextId = 1;
        Span<long> timedOut = stackalloc long[8];
        nextId = Cycle(oms, nextId, 1_000, timedOut);

        long before = GC.GetAllocatedBytesForCurrentThread();
        nextId = Cycle(oms, nextId, 100_000, timedOut);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(0, oms.RefusedCount);
        Assert.True(nextId > 100_000);
    }

    [Fact]
    public void Routing_AfterWarmUp_AllocatesNothing()
    {
        var router = new SmartOrderRouter(4);
        var legs = new RouteLeg[5];
        VenueQuote[] venues =
        [
            new(0, Px + 2, 100, 30, 50), new(1, Px, 200, 20, 90), new(2, Px + 1, 300, -10, 20), new(3, Px, 50, 20, 10),
        ];
        var request = OrderRequest.Limit(1, Side.Buy, 1_000, Px + 1);
        long legCount = 0;
        for (int i = 0; i < 1_000; i++)
        {
            router.Route(i, request, venues, legs, i, out RouteDecision decision);
            legCount += decision.LegCount;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            router.Route(i, request, venues, legs, i, out RouteDecision decision);
            legCount += decision.LegCount;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(101_000 * 4, legCount);
    }

    private static long Cycle(OrderManager oms, long nextId, int count, Span<long> timedOut)
    {
        var request = OrderRequest.Limit(2, Side.Buy, 100, Px);
        for (int i = 0; i < count; i++)
        {
            long id = nextId++;
            Check(oms.Submit(id, 1, 0, request, i));
            Check(oms.OnAck(id, id, i));
            Check(oms.OnFill(id, 10, Px, 1, i, out _));
            long replaceId = nextId++;
            Check(oms.RequestReplace(id, replaceId, Px - 1, 80, i));
            Check(oms.OnReplaced(replaceId, 0, i));
            long cancelId = nextId++;
            Check(oms.RequestCancel(replaceId, cancelId, i));
            foreach (ref readonly Order order in oms.OpenOrders())
            {
                _ = order.LeavesQty;
            }

            oms.CheckTimeouts(i, timedOut);
            if ((i & 1) == 0)
            {
                Check(oms.OnCanceled(cancelId, i));
            }
            else
            {
                Check(oms.OnFill(replaceId, 70, Px, 1, i, out _));
            }
        }

        return nextId;
    }

    private static void Check(OrderResult result)
    {
        if (result != OrderResult.Ok)
        {
            Assert.Fail(result.ToString());
        }
    }
}
