using Llt.Hotpath.Orders;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Orders;

public sealed class OrderManagerTests
{
    private const long Scale = 100_000_000;

    private static OrderRequest Buy(long qty, long price) => OrderRequest.Limit(3, Side.Buy, qty, price);

    private static OrderManager Acked(long id, long qty, long price, OrderManager? existing = null)
    {
        OrderManager oms = existing ?? OrderManagerFixture.Create();
        Assert.Equal(OrderResult.Ok, oms.Submit(id, 2, 1, Buy(qty, price), 100));
        Assert.Equal(OrderResult.Ok, oms.OnAck(id, id * 10, 200));
        return oms;
    }

    private static ref readonly Order Get(OrderManager oms, long id)
    {
        Assert.True(oms.TryGetSlot(id, out int slot), $"order {id} should be open");
        return ref oms.OrderAt(slot);
    }

    [Fact]
    public void Reserve_ChecksLikeSubmit_ButTheOrderIsUnknownUntilOpened()
    {
        var oms = OrderManagerFixture.Create(capacity: 4, maxInFlight: 2);
        Assert.Equal(OrderResult.InvalidQty, oms.Reserve(10, Buy(0, 5 * Scale), out _));
        Assert.Equal(OrderResult.Ok, oms.Reserve(10, Buy(100, 5 * Scale), out int slot));

        Assert.False(oms.TryGetSlot(10, out _));
        Assert.Equal(0, oms.OpenCount);
        Assert.Equal(1, oms.InFlight);

        oms.Open(slot, 10, 2, 1, Buy(100, 5 * Scale), 1_000);
        ref readonly Order order = ref Get(oms, 10);
        Assert.Equal((OrdStatus.PendingNew, 100L, 1_000L, 1), (order.Status, order.OrderQty, order.CreatedNs, oms.OpenCount));
        Assert.Equal(OrderResult.DuplicateClOrdId, oms.Reserve(10, Buy(100, 5 * Scale), out _));
    }

    [Fact]
    public void DuplicateIds_AreFoundBelowTheHighestIdSeen_AndUnusedLowerIdsStillAccepted()
    {
        OrderManager oms = Acked(100, 10, Scale);
        Assert.Equal(OrderResult.Ok, oms.RequestReplace(100, 200, 2 * Scale, 20, 300)); // the pending id is the highest
        Assert.Equal(OrderResult.DuplicateClOrdId, oms.Reserve(200, Buy(10, Scale), out _));
        Assert.Equal(OrderResult.DuplicateClOrdId, oms.Reserve(100, Buy(10, Scale), out _));
        Assert.Equal(OrderResult.Ok, oms.OnReplaced(200, 0, 400));
        Assert.Equal(OrderResult.DuplicateClOrdId, oms.Reserve(100, Buy(10, Scale), out _)); // closed as Replaced

        // ids need not rise: one never used, below the highest, is new
        Assert.Equal(OrderResult.Ok, oms.Reserve(150, Buy(10, Scale), out _));
        Assert.Equal(OrderResult.Ok, oms.Reserve(201, Buy(10, Scale), out _));
    }

    [Fact]
    public void Reservations_CountAgainstTheInFlightLimit_BeforeTheyAreOpened()
    {
        // a routed order reserves all its children before the first leaves: the last must not pass a limit the first filled
        var oms = OrderManagerFixture.Create(capacity: 4, maxInFlight: 2);
        Assert.Equal(OrderResult.Ok, oms.Reserve(1, Buy(100, 5 * Scale), out int first));
        Assert.Equal(OrderResult.Ok, oms.Reserve(2, Buy(100, 5 * Scale), out int second));
        Assert.NotEqual(first, second);
        Assert.Equal(OrderResult.MaxInFlight, oms.Reserve(3, Buy(100, 5 * Scale), out _));
    }

    [Fact]
    public void Submit_RecordsTermsTimestampsAndPendingNew()
    {
        var oms = OrderManagerFixture.Create();
        Assert.Equal(OrderResult.Ok, oms.Submit(42, 5, 2, OrderRequest.Limit(9, Side.Sell, 300, 12 * Scale, TimeInForce.GoodTillCancel), 1_000));

        ref readonly Order order = ref Get(oms, 42);
        Assert.Equal((42L, 5, 9, 2, Side.Sell, OrdType.Limit, TimeInForce.GoodTillCancel), (order.ClOrdId, order.StrategyId, order.InstrumentId, order.VenueId, order.Side, order.OrdType, order.TimeInForce));
        Assert.Equal((12 * Scale, 300L, 0L, 300L), (order.Price, order.OrderQty, order.CumQty, order.LeavesQty));
        Assert.Equal(OrdStatus.PendingNew, order.Status);
        Assert.Equal((1_000L, 1_000L, 1_000 + OrderManagerFixture.AckTimeoutNs), (order.CreatedNs, order.UpdatedNs, order.AckDeadlineNs));
        Assert.Equal(OrderRequest.NoPrice, order.AvgPx);
        Assert.Equal(1, oms.InFlight);
    }

    [Theory]
    [InlineData(0, 10, 5, OrderResult.InvalidClOrdId)]
    [InlineData(-1, 10, 5, OrderResult.InvalidClOrdId)]
    [InlineData(7, 0, 5, OrderResult.InvalidQty)]
    [InlineData(7, 10, 0, OrderResult.InvalidPrice)]
    [InlineData(7, 10, OrderRequest.NoPrice, OrderResult.InvalidPrice)]
    public void Submit_WithBadTerms_IsRefused(long id, long qty, long price, OrderResult expected)
    {
        var oms = OrderManagerFixture.Create();
        Assert.Equal(expected, oms.Submit(id, 1, 0, Buy(qty, price), 0));
        Assert.Equal(0, oms.OpenCount);
        Assert.Equal(1, oms.RefusedCountOf(expected));
    }

    [Fact]
    public void Submit_Market_NeedsNoPrice()
    {
        var oms = OrderManagerFixture.Create();
        Assert.Equal(OrderResult.Ok, oms.Submit(7, 1, 0, OrderRequest.Market(3, Side.Buy, 10), 0));
    }

    [Fact]
    public void Submit_DuplicateOpenOrClosedId_IsRefused()
    {
        OrderManager oms = Acked(7, 10, Scale);
        Assert.Equal(OrderResult.DuplicateClOrdId, oms.Submit(7, 1, 0, Buy(10, Scale), 0));
        Assert.Equal(OrderResult.Ok, oms.OnCanceled(7, 300));
        Assert.Equal(OrderResult.DuplicateClOrdId, oms.Submit(7, 1, 0, Buy(10, Scale), 0));
    }

    [Fact]
    public void UnknownId_IsRefusedAsUnknown_ClosedIdAsClosed()
    {
        OrderManager oms = Acked(7, 10, Scale);
        Assert.Equal(OrderResult.UnknownOrder, oms.OnAck(99, 1, 0));
        Assert.Equal(OrderResult.UnknownOrder, oms.OnFill(99, 1, Scale, 0, 0, out _));
        Assert.Equal(OrderResult.Ok, oms.OnFill(7, 10, Scale, 0, 300, out _));
        Assert.Equal(OrderResult.OrderClosed, oms.OnFill(7, 1, Scale, 0, 400, out _));
        Assert.Equal(OrderResult.OrderClosed, oms.OnAck(7, 1, 400));
        Assert.Equal(2, oms.RefusedCountOf(OrderResult.UnknownOrder));
        Assert.Equal(2, oms.RefusedCountOf(OrderResult.OrderClosed));
    }

    [Fact]
    public void ThreeFills_AtDifferentPrices_KeepCumLeavesAndAvgPxExact()
    {
        OrderManager oms = Acked(1, 100, 11 * Scale);
        Assert.Equal(OrderResult.Ok, oms.OnFill(1, 30, 10 * Scale, 3, 300, out FillEffect first));
        Assert.Equal(OrderResult.Ok, oms.OnFill(1, 30, 10 * Scale + 1, 3, 301, out _));
        Assert.Equal(OrderResult.Ok, oms.OnFill(1, 40, 10 * Scale + 2, 4, 302, out FillEffect last));

        Assert.Equal(new FillEffect(1, 2, 3, 1, Side.Buy, 30, 10 * Scale, 3, 30, 70, 10 * Scale, OrdStatus.PartiallyFilled, false), first);
        // notional = 30·10e8 + 30·(10e8+1) + 40·(10e8+2) = 100·10e8 + 110 → avg 10e8 + 1.1 → rounds to +1
        Assert.Equal(100, last.CumQty);
        Assert.Equal(0, last.LeavesQty);
        Assert.Equal(10 * Scale + 1, last.AvgPx);
        Assert.Equal(OrdStatus.Filled, last.Status);
        Assert.True(last.Closed);
        Assert.Equal((Int128)100 * 10 * Scale + 110, oms.LastClosed.Notional);
        Assert.Equal(10, oms.LastClosed.Fees);
        Assert.Equal(OrdStatus.Filled, oms.LastClosed.Status);
        Assert.Equal(0, oms.OpenCount);
    }

    [Fact]
    public void AvgPx_OfANotionalBeyondALong_IsStillExact()
    {
        // 3 × 4e18 overflows a long: the average comes from the 128-bit path, the small case above from the 64-bit one
        long price = 4_000_000_000_000_000_000;
        OrderManager oms = Acked(7, 3, price);
        Assert.Equal(OrderResult.Ok, oms.OnFill(7, 2, price, 0, 300, out _));
        Assert.Equal(OrderResult.Ok, oms.OnFill(7, 1, price - 3, 0, 301, out FillEffect last));

        // (2p + p − 3) / 3 = p − 1 exactly
        Assert.Equal(price - 1, last.AvgPx);
        Assert.Equal(((Int128)price * 3) - 3, oms.LastClosed.Notional);
    }

    [Fact]
    public void AvgPx_RoundsHalfAwayFromZero()
    {
        OrderManager oms = Acked(1, 4, 11 * Scale);
        oms.OnFill(1, 1, 10, 0, 1, out _);
        Assert.Equal(OrderResult.Ok, oms.OnFill(1, 1, 11, 0, 2, out FillEffect effect));
        Assert.Equal(11, effect.AvgPx); // 10.5 → 11
        oms.OnFill(1, 1, 10, 0, 3, out effect);
        Assert.Equal(10, effect.AvgPx); // 10.33 → 10
    }

    [Fact]
    public void Overfill_IsRefused_AndStateUnchanged()
    {
        OrderManager oms = Acked(1, 100, Scale);
        oms.OnFill(1, 60, Scale, 0, 300, out _);
        Assert.Equal(OrderResult.Overfill, oms.OnFill(1, 41, Scale, 0, 301, out _));
        Assert.Equal(OrderResult.InvalidQty, oms.OnFill(1, 0, Scale, 0, 301, out _));
        Assert.Equal(OrderResult.InvalidPrice, oms.OnFill(1, 1, 0, 0, 301, out _));
        Assert.Equal((60L, 40L, 300L), (Get(oms, 1).CumQty, Get(oms, 1).LeavesQty, Get(oms, 1).UpdatedNs));
    }

    [Fact]
    public void CancelFillRace_FillWhilePendingCancelApplies_ThenCancelConfirms()
    {
        OrderManager oms = Acked(1, 100, Scale);
        Assert.Equal(OrderResult.Ok, oms.RequestCancel(1, 2, 300));
        Assert.Equal(OrderResult.Ok, oms.OnFill(1, 40, Scale, 0, 301, out FillEffect effect));
        Assert.Equal(OrdStatus.PendingCancel, effect.Status);
        // a venue may answer under the cancel request's id
        Assert.Equal(OrderResult.Ok, oms.OnCanceled(2, 302));
        Assert.Equal((OrdStatus.Canceled, 40L, 0L), (oms.LastClosed.Status, oms.LastClosed.CumQty, oms.LastClosed.LeavesQty));
        Assert.Equal(OrderResult.OrderClosed, oms.OnFill(1, 1, Scale, 0, 303, out _));
        Assert.Equal(OrderResult.OrderClosed, oms.OnCanceled(2, 303));
        Assert.Equal(0, oms.InFlight);
    }

    [Fact]
    public void CancelFillRace_FillCompletesOrder_LateCancelRejectIsRefused()
    {
        OrderManager oms = Acked(1, 100, Scale);
        oms.RequestCancel(1, 2, 300);
        Assert.Equal(OrderResult.Ok, oms.OnFill(1, 100, Scale, 0, 301, out FillEffect effect));
        Assert.True(effect.Closed);
        Assert.Equal(OrderResult.OrderClosed, oms.OnCancelReject(2, RejectReason.TooLateToCancel, 302));
        Assert.True(oms.TryGetClosedStatus(2, out OrdStatus status));
        Assert.Equal(OrdStatus.Filled, status);
        Assert.Equal(0, oms.InFlight);
    }

    [Fact]
    public void CancelReject_AfterPartialFill_ReturnsToPartiallyFilled_AndFreesTheRequestId()
    {
        OrderManager oms = Acked(1, 100, Scale);
        oms.RequestCancel(1, 2, 300);
        oms.OnFill(1, 10, Scale, 0, 301, out _);
        Assert.Equal(OrderResult.Ok, oms.OnCancelReject(1, RejectReason.TooLateToCancel, 302));
        ref readonly Order order = ref Get(oms, 1);
        Assert.Equal((OrdStatus.PartiallyFilled, 0L, Order.NoDeadline, RejectReason.TooLateToCancel), (order.Status, order.PendingClOrdId, order.AckDeadlineNs, order.RejectReason));
        Assert.Equal(OrderResult.OrderClosed, oms.OnCanceled(2, 303));
        Assert.Equal(OrderResult.Ok, oms.RequestCancel(1, 3, 304));
    }

    [Fact]
    public void Replace_NewIdTakesOver_PriceQtyChange_LeavesRecomputed()
    {
        OrderManager oms = Acked(1, 100, 10 * Scale);
        oms.OnFill(1, 30, 10 * Scale, 0, 300, out _);
        Assert.Equal(OrderResult.InvalidQty, oms.RequestReplace(1, 2, 9 * Scale, 30, 301));
        Assert.Equal(OrderResult.Ok, oms.RequestReplace(1, 2, 9 * Scale, 80, 301));
        Assert.Equal(OrdStatus.PendingReplace, Get(oms, 2).Status);
        Assert.Equal(10 * Scale, Get(oms, 1).Price);
        // a fill racing the replace applies to the old terms
        Assert.Equal(OrderResult.Ok, oms.OnFill(1, 10, 10 * Scale, 0, 302, out _));
        Assert.Equal(OrderResult.Ok, oms.OnReplaced(2, 777, 303));

        Assert.False(oms.TryGetSlot(1, out _));
        ref readonly Order order = ref Get(oms, 2);
        Assert.Equal((2L, 1L, 9 * Scale, 80L, 40L, 40L, 777L), (order.ClOrdId, order.OrigClOrdId, order.Price, order.OrderQty, order.CumQty, order.LeavesQty, order.VenueOrderId));
        Assert.Equal(OrdStatus.PartiallyFilled, order.Status);
        Assert.True(oms.TryGetClosedStatus(1, out OrdStatus old));
        Assert.Equal(OrdStatus.Replaced, old);
        Assert.Equal(OrderResult.OrderClosed, oms.OnFill(1, 1, Scale, 0, 304, out _));
        Assert.Equal(OrderResult.Ok, oms.OnFill(2, 40, 9 * Scale, 0, 305, out FillEffect effect));
        Assert.True(effect.Closed);
        Assert.Equal(0, oms.InFlight);
    }

    [Fact]
    public void Replace_WhenFillsRacedToTheNewQty_EndsFilled()
    {
        OrderManager oms = Acked(1, 100, 10 * Scale);
        oms.RequestReplace(1, 2, 10 * Scale, 50, 300);
        oms.OnFill(1, 60, 10 * Scale, 0, 301, out _);
        Assert.Equal(OrderResult.Ok, oms.OnReplaced(2, 0, 302));
        Assert.Equal((OrdStatus.Filled, 0L, 2L), (oms.LastClosed.Status, oms.LastClosed.LeavesQty, oms.LastClosed.ClOrdId));
        Assert.Equal(0, oms.OpenCount);
    }

    [Fact]
    public void ReplaceReject_KeepsOldTerms()
    {
        OrderManager oms = Acked(1, 100, 10 * Scale);
        oms.RequestReplace(1, 2, 9 * Scale, 80, 300);
        Assert.Equal(OrderResult.Ok, oms.OnReplaceReject(2, RejectReason.VenueReject, 301));
        ref readonly Order order = ref Get(oms, 1);
        Assert.Equal((OrdStatus.New, 10 * Scale, 100L, 100L), (order.Status, order.Price, order.OrderQty, order.LeavesQty));
        Assert.False(oms.TryGetSlot(2, out _));
    }

    [Fact]
    public void RequestWithDuplicateOrInvalidNewId_IsRefused()
    {
        OrderManager oms = Acked(1, 100, Scale);
        Acked(5, 100, Scale, oms);
        Assert.Equal(OrderResult.DuplicateClOrdId, oms.RequestCancel(1, 5, 300));
        Assert.Equal(OrderResult.DuplicateClOrdId, oms.RequestReplace(1, 1, Scale, 50, 300));
        Assert.Equal(OrderResult.InvalidClOrdId, oms.RequestCancel(1, 0, 300));
        Assert.Equal(OrderResult.InvalidPrice, oms.RequestReplace(1, 9, 0, 50, 300));
        Assert.Equal(OrdStatus.New, Get(oms, 1).Status);
    }

    [Fact]
    public void CheckTimeouts_ReportsPendingPastDeadlineOnce_WithManualClock()
    {
        var oms = OrderManagerFixture.Create();
        long t = OrderManagerFixture.AckTimeoutNs;
        oms.Submit(1, 1, 0, Buy(10, Scale), 0);
        oms.Submit(2, 1, 0, Buy(10, Scale), 500);
        oms.Submit(3, 1, 0, Buy(10, Scale), 0);
        oms.OnAck(3, 33, 10);
        Span<long> out4 = stackalloc long[4];

        Assert.Equal(0, oms.CheckTimeouts(t - 1, out4));
        Assert.Equal(1, oms.CheckTimeouts(t, out4));
        Assert.Equal(1, out4[0]);
        Assert.Equal(0, oms.CheckTimeouts(t + 100, out4));
        Assert.Equal(1, oms.CheckTimeouts(t + 500, out4));
        Assert.Equal(2, out4[0]);

        // a cancel request gets its own deadline
        oms.RequestCancel(3, 4, 10 * t);
        Assert.Equal(0, oms.CheckTimeouts(11 * t - 1, out4));
        Assert.Equal(1, oms.CheckTimeouts(11 * t, out4));
        Assert.Equal(3, out4[0]);
        Assert.Equal(3, oms.TimedOutCount);
    }

    [Fact]
    public void CheckTimeouts_WhenSpanIsShort_ReportsTheRestNextCall()
    {
        var oms = OrderManagerFixture.Create();
        for (long id = 1; id <= 5; id++)
        {
            oms.Submit(id, 1, 0, Buy(10, Scale), 0);
        }

        Span<long> two = stackalloc long[2];
        Assert.Equal(2, oms.CheckTimeouts(OrderManagerFixture.AckTimeoutNs, two));
        Assert.Equal(2, oms.CheckTimeouts(OrderManagerFixture.AckTimeoutNs, two));
        Assert.Equal(1, oms.CheckTimeouts(OrderManagerFixture.AckTimeoutNs, two));
        Assert.Equal(0, oms.CheckTimeouts(OrderManagerFixture.AckTimeoutNs, two));
    }

    [Fact]
    public void TableFull_IsRefused_AndClosingFreesASlot()
    {
        var oms = OrderManagerFixture.Create(capacity: 3);
        for (long id = 1; id <= 3; id++)
        {
            Acked(id, 10, Scale, oms);
        }

        Assert.Equal(OrderResult.TableFull, oms.Submit(4, 1, 0, Buy(10, Scale), 0));
        Assert.Equal(OrderResult.Ok, oms.OnCanceled(2, 300));
        Assert.Equal(OrderResult.Ok, oms.Submit(4, 1, 0, Buy(10, Scale), 0));
        Assert.Equal(3, oms.OpenCount);
    }

    [Fact]
    public void MillionIds_ChurnedThroughASmallTable_ReuseSlotsAndStayConsistent()
    {
        var oms = OrderManagerFixture.Create(capacity: 8, maxInFlight: 8, closedHistory: 16);
        long nextId = 1L << 40;
        var live = new Queue<long>();
        for (int i = 0; i < 1_000_000; i++)
        {
            if (live.Count == 8)
            {
                long old = live.Dequeue();
                // close three ways in turn so every closing path frees its slot
                OrderResult closed = (i % 3) switch
                {
                    0 => oms.OnFill(old, 10, Scale, 0, i, out _),
                    1 => oms.OnCanceled(old, i),
                    _ => oms.OnExpired(old, i),
                };
                Assert.Equal(OrderResult.Ok, closed);
            }

            long id = nextId++;
            Assert.Equal(OrderResult.Ok, oms.Submit(id, 1, 0, Buy(10, Scale), i));
            Assert.Equal(OrderResult.Ok, oms.OnAck(id, id, i));
            live.Enqueue(id);
        }

        Assert.Equal(8, oms.OpenCount);
        Assert.Equal(0, oms.RefusedCount);
        foreach (long id in live)
        {
            Assert.Equal(id, Get(oms, id).ClOrdId);
        }

        Assert.Equal(OrderResult.UnknownOrder, oms.OnAck(1L << 40, 1, 0)); // long forgotten
        Assert.Equal(OrderResult.OrderClosed, oms.OnAck(live.Peek() - 1, 1, 0)); // recently closed
    }

    [Fact]
    public void MaxInFlight_RefusesNewAndReplace_ButNeverCancel()
    {
        var oms = OrderManagerFixture.Create(maxInFlight: 2);
        Acked(1, 10, Scale, oms);
        oms.Submit(2, 1, 0, Buy(10, Scale), 0);
        oms.Submit(3, 1, 0, Buy(10, Scale), 0);
        Assert.Equal(2, oms.InFlight);
        Assert.Equal(OrderResult.MaxInFlight, oms.Submit(4, 1, 0, Buy(10, Scale), 0));
        Assert.Equal(OrderResult.MaxInFlight, oms.RequestReplace(1, 5, Scale, 20, 0));
        Assert.Equal(OrderResult.Ok, oms.RequestCancel(1, 6, 0));
        Assert.Equal(3, oms.InFlight);
        oms.OnAck(2, 2, 1);
        oms.OnReject(3, RejectReason.VenueReject, 1);
        oms.OnCanceled(6, 1);
        Assert.Equal(0, oms.InFlight);
        Assert.Equal(OrderResult.Ok, oms.Submit(4, 1, 0, Buy(10, Scale), 0));
    }

    [Fact]
    public void OpenOrders_EnumeratesEveryOpenOrder_AndAllowsCancelAllWhileWalking()
    {
        var oms = OrderManagerFixture.Create();
        for (long id = 1; id <= 6; id++)
        {
            Acked(id, 10, Scale, oms);
        }

        oms.OnCanceled(3, 300);
        var seen = new List<long>();
        long nextRequest = 100;
        foreach (ref readonly Order order in oms.OpenOrders())
        {
            seen.Add(order.ClOrdId);
            Assert.Equal(OrderResult.Ok, oms.RequestCancel(order.ClOrdId, nextRequest++, 400));
        }

        seen.Sort();
        Assert.Equal([1L, 2, 4, 5, 6], seen);
        Assert.Equal(5, oms.InFlight);

        // closing the current order while walking is also safe
        var closed = new List<long>();
        foreach (ref readonly Order order in oms.OpenOrders())
        {
            closed.Add(order.ClOrdId);
            Assert.Equal(OrderResult.Ok, oms.OnCanceled(order.ClOrdId, 500));
        }

        Assert.Equal(5, closed.Distinct().Count());
        Assert.Equal(0, oms.OpenCount);
    }
}
