using Llt.Hotpath.Orders;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Orders;

/// <summary>Every event from every status: the valid ones land on the expected status, the rest change nothing.</summary>
public sealed class OrderManagerTransitionTests
{
    private const long Id = 1_000;
    private const long RequestId = 2_000;
    private const long NextRequestId = 3_000;
    private const long Px = 100 * 100_000_000L;

    public enum From { PendingNew, New, PartiallyFilled, PendingCancel, PendingReplace, Filled, Canceled, Rejected, Expired }

    public enum Event { Ack, Reject, Fill, RequestCancel, Canceled, CancelReject, RequestReplace, Replaced, ReplaceReject, Expired }

    private const OrderResult Bad = OrderResult.InvalidTransition;

    public static TheoryData<From, Event, OrderResult, OrdStatus> Table()
    {
        var data = new TheoryData<From, Event, OrderResult, OrdStatus>();
        void Row(From from, Event evt, OrderResult result, OrdStatus status) => data.Add(from, evt, result, status);

        // status column: where the order ends up (for a refusal, where it stays)
        Row(From.PendingNew, Event.Ack, OrderResult.Ok, OrdStatus.New);
        Row(From.PendingNew, Event.Reject, OrderResult.Ok, OrdStatus.Rejected);
        Row(From.PendingNew, Event.Fill, Bad, OrdStatus.PendingNew);
        Row(From.PendingNew, Event.RequestCancel, Bad, OrdStatus.PendingNew);
        Row(From.PendingNew, Event.Canceled, Bad, OrdStatus.PendingNew);
        Row(From.PendingNew, Event.CancelReject, Bad, OrdStatus.PendingNew);
        Row(From.PendingNew, Event.RequestReplace, Bad, OrdStatus.PendingNew);
        Row(From.PendingNew, Event.Replaced, Bad, OrdStatus.PendingNew);
        Row(From.PendingNew, Event.ReplaceReject, Bad, OrdStatus.PendingNew);
        Row(From.PendingNew, Event.Expired, OrderResult.Ok, OrdStatus.Expired);

        foreach (From working in new[] { From.New, From.PartiallyFilled })
        {
            OrdStatus same = working == From.New ? OrdStatus.New : OrdStatus.PartiallyFilled;
            Row(working, Event.Ack, Bad, same);
            Row(working, Event.Reject, Bad, same);
            Row(working, Event.Fill, OrderResult.Ok, OrdStatus.PartiallyFilled);
            Row(working, Event.RequestCancel, OrderResult.Ok, OrdStatus.PendingCancel);
            Row(working, Event.Canceled, OrderResult.Ok, OrdStatus.Canceled);
            Row(working, Event.CancelReject, Bad, same);
            Row(working, Event.RequestReplace, OrderResult.Ok, OrdStatus.PendingReplace);
            Row(working, Event.Replaced, Bad, same);
            Row(working, Event.ReplaceReject, Bad, same);
            Row(working, Event.Expired, OrderResult.Ok, OrdStatus.Expired);
        }

        Row(From.PendingCancel, Event.Ack, Bad, OrdStatus.PendingCancel);
        Row(From.PendingCancel, Event.Reject, Bad, OrdStatus.PendingCancel);
        Row(From.PendingCancel, Event.Fill, OrderResult.Ok, OrdStatus.PendingCancel);
        Row(From.PendingCancel, Event.RequestCancel, Bad, OrdStatus.PendingCancel);
        Row(From.PendingCancel, Event.Canceled, OrderResult.Ok, OrdStatus.Canceled);
        Row(From.PendingCancel, Event.CancelReject, OrderResult.Ok, OrdStatus.New);
        Row(From.PendingCancel, Event.RequestReplace, Bad, OrdStatus.PendingCancel);
        Row(From.PendingCancel, Event.Replaced, Bad, OrdStatus.PendingCancel);
        Row(From.PendingCancel, Event.ReplaceReject, Bad, OrdStatus.PendingCancel);
        Row(From.PendingCancel, Event.Expired, OrderResult.Ok, OrdStatus.Expired);

        Row(From.PendingReplace, Event.Ack, Bad, OrdStatus.PendingReplace);
        Row(From.PendingReplace, Event.Reject, Bad, OrdStatus.PendingReplace);
        Row(From.PendingReplace, Event.Fill, OrderResult.Ok, OrdStatus.PendingReplace);
        Row(From.PendingReplace, Event.RequestCancel, Bad, OrdStatus.PendingReplace);
        Row(From.PendingReplace, Event.Canceled, OrderResult.Ok, OrdStatus.Canceled);
        Row(From.PendingReplace, Event.CancelReject, Bad, OrdStatus.PendingReplace);
        Row(From.PendingReplace, Event.RequestReplace, Bad, OrdStatus.PendingReplace);
        Row(From.PendingReplace, Event.Replaced, OrderResult.Ok, OrdStatus.New);
        Row(From.PendingReplace, Event.ReplaceReject, OrderResult.Ok, OrdStatus.New);
        Row(From.PendingReplace, Event.Expired, OrderResult.Ok, OrdStatus.Expired);

        foreach (From closed in new[] { From.Filled, From.Canceled, From.Rejected, From.Expired })
        {
            OrdStatus final = closed switch
            {
                From.Filled => OrdStatus.Filled,
                From.Canceled => OrdStatus.Canceled,
                From.Rejected => OrdStatus.Rejected,
                _ => OrdStatus.Expired,
            };
            foreach (Event evt in Enum.GetValues<Event>())
            {
                Row(closed, evt, OrderResult.OrderClosed, final);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Event_FromStatus_GoesWhereTheTableSays(From from, Event evt, OrderResult expected, OrdStatus expectedStatus)
    {
        var oms = OrderManagerFixture.Create();
        BringTo(oms, from);
        bool wasOpen = oms.TryGetSlot(Id, out int slot);
        Order before = wasOpen ? oms.OrderAt(slot) : default;
        long refusedBefore = oms.RefusedCount;

        OrderResult result = Apply(oms, evt);

        Assert.Equal(expected, result);
        if (result != OrderResult.Ok)
        {
            Assert.Equal(refusedBefore + 1, oms.RefusedCount);
            Assert.Equal(1, oms.RefusedCountOf(expected));
            if (wasOpen)
            {
                Assert.True(oms.TryGetSlot(Id, out int after));
                Assert.Equal(before, oms.OrderAt(after));
            }
        }

        Assert.Equal(expectedStatus, StatusOf(oms));
        bool pending = expectedStatus is OrdStatus.PendingNew or OrdStatus.PendingCancel or OrdStatus.PendingReplace;
        Assert.Equal(pending ? 1 : 0, oms.InFlight);
    }

    private static OrdStatus StatusOf(OrderManager oms)
    {
        // after a confirmed replace the order lives on under the request id
        if (oms.TryGetSlot(Id, out int slot) || oms.TryGetSlot(RequestId, out slot))
        {
            return oms.OrderAt(slot).Status;
        }

        Assert.True(oms.TryGetClosedStatus(Id, out OrdStatus closed), "a closed order is remembered");
        return closed;
    }

    private static void BringTo(OrderManager oms, From from)
    {
        Assert.Equal(OrderResult.Ok, oms.Submit(Id, 1, 0, OrderRequest.Limit(7, Side.Buy, 100, Px), 10));
        if (from == From.PendingNew)
        {
            return;
        }

        if (from == From.Rejected)
        {
            Assert.Equal(OrderResult.Ok, oms.OnReject(Id, RejectReason.VenueReject, 11));
            return;
        }

        Assert.Equal(OrderResult.Ok, oms.OnAck(Id, 555, 11));
        switch (from)
        {
            case From.PartiallyFilled:
                Assert.Equal(OrderResult.Ok, oms.OnFill(Id, 10, Px, 0, 12, out _));
                break;
            case From.PendingCancel:
                Assert.Equal(OrderResult.Ok, oms.RequestCancel(Id, RequestId, 12));
                break;
            case From.PendingReplace:
                Assert.Equal(OrderResult.Ok, oms.RequestReplace(Id, RequestId, Px - 1, 150, 12));
                break;
            case From.Filled:
                Assert.Equal(OrderResult.Ok, oms.OnFill(Id, 100, Px, 0, 12, out _));
                break;
            case From.Canceled:
                Assert.Equal(OrderResult.Ok, oms.OnCanceled(Id, 12));
                break;
            case From.Expired:
                Assert.Equal(OrderResult.Ok, oms.OnExpired(Id, 12));
                break;
        }
    }

    private static OrderResult Apply(OrderManager oms, Event evt) => evt switch
    {
        Event.Ack => oms.OnAck(Id, 556, 20),
        Event.Reject => oms.OnReject(Id, RejectReason.VenueReject, 20),
        Event.Fill => oms.OnFill(Id, 10, Px, 0, 20, out _),
        Event.RequestCancel => oms.RequestCancel(Id, NextRequestId, 20),
        Event.Canceled => oms.OnCanceled(Id, 20),
        Event.CancelReject => oms.OnCancelReject(Id, RejectReason.TooLateToCancel, 20),
        Event.RequestReplace => oms.RequestReplace(Id, NextRequestId, Px + 1, 200, 20),
        Event.Replaced => oms.OnReplaced(Id, 0, 20),
        Event.ReplaceReject => oms.OnReplaceReject(Id, RejectReason.VenueReject, 20),
        _ => oms.OnExpired(Id, 20),
    };
}
