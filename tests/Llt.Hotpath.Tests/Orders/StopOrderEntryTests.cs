using Llt.Hotpath.Orders;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Orders;

/// <summary>Stop, stop-limit and trailing-stop orders in the OMS (validation, ordinary transitions) and the router (never split).</summary>
public sealed class StopOrderEntryTests
{
    private const long Px = 100 * 100_000_000L;
    private const long Tick = 1_000_000;

    public static TheoryData<OrderRequest, OrderResult> InvalidTerms() => new()
    {
        { OrderRequest.Stop(0, Side.Sell, 10, OrderRequest.NoPrice), OrderResult.InvalidStopPrice },
        { OrderRequest.Stop(0, Side.Sell, 10, 0), OrderResult.InvalidStopPrice },
        { OrderRequest.StopLimit(0, Side.Buy, 10, OrderRequest.NoPrice, Px), OrderResult.InvalidStopPrice },
        { OrderRequest.StopLimit(0, Side.Buy, 10, Px, OrderRequest.NoPrice), OrderResult.InvalidPrice },
        { OrderRequest.TrailingStop(0, Side.Sell, 10, 0), OrderResult.InvalidTrail },
        { OrderRequest.TrailingStop(0, Side.Sell, 10, -Tick), OrderResult.InvalidTrail },
        { OrderRequest.TrailingStopBps(0, Side.Sell, 10, 10_000), OrderResult.InvalidTrail },
        { OrderRequest.TrailingStop(0, Side.Sell, 10, Tick) with { TrailBps = 50 }, OrderResult.InvalidTrail },
    };

    [Theory]
    [MemberData(nameof(InvalidTerms))]
    public void Submit_WithoutUsableTriggerTerms_IsRefusedWithTheReason(OrderRequest request, OrderResult expected)
    {
        var oms = OrderManagerFixture.Create();
        Assert.Equal(expected, oms.Submit(1, 0, 0, request, 0));
        Assert.Equal(1, oms.RefusedCountOf(expected));
        Assert.Equal(0, oms.OpenCount);
    }

    [Fact]
    public void StopOrder_StaysNewUntilTriggered_ThenFillsThroughTheOrdinaryTransitions()
    {
        var oms = OrderManagerFixture.Create();
        Assert.Equal(OrderResult.Ok, oms.Submit(1, 0, 0, OrderRequest.StopLimit(0, Side.Buy, 100, Px + 5 * Tick, Px + 6 * Tick), 0));
        Assert.True(oms.TryGetSlot(1, out int slot));
        Assert.Equal((OrdType.StopLimit, Px + 5 * Tick, Px + 6 * Tick), (oms.OrderAt(slot).OrdType, oms.OrderAt(slot).StopPrice, oms.OrderAt(slot).Price));

        Assert.Equal(OrderResult.Ok, oms.OnAck(1, 1, 10));
        Assert.Equal(OrdStatus.New, oms.OrderAt(slot).Status); // armed at the venue: New, nothing in flight
        Assert.Equal(0, oms.InFlight);

        Assert.Equal(OrderResult.Ok, oms.OnFill(1, 40, Px + 6 * Tick, 0, 20, out FillEffect partial));
        Assert.Equal(OrdStatus.PartiallyFilled, partial.Status);
        Assert.Equal(OrderResult.Ok, oms.OnFill(1, 60, Px + 5 * Tick, 0, 30, out FillEffect done));
        Assert.True(done.Closed);
        Assert.True(oms.TryGetClosedStatus(1, out OrdStatus status));
        Assert.Equal(OrdStatus.Filled, status);
    }

    [Fact]
    public void TrailingStop_KeepsItsTrail_AndCancelsBeforeTriggerLikeAnyOrder()
    {
        var oms = OrderManagerFixture.Create();
        Assert.Equal(OrderResult.Ok, oms.Submit(1, 0, 0, OrderRequest.TrailingStopBps(0, Side.Sell, 10, 150, TimeInForce.GoodTillCancel), 0));
        Assert.True(oms.TryGetSlot(1, out int slot));
        Assert.Equal((150, 0L, OrderRequest.NoPrice), (oms.OrderAt(slot).TrailBps, oms.OrderAt(slot).TrailPrice, oms.OrderAt(slot).StopPrice));
        oms.OnAck(1, 1, 10);
        Assert.Equal(OrderResult.Ok, oms.RequestCancel(1, 2, 20));
        Assert.Equal(OrderResult.Ok, oms.OnCanceled(1, 30));
        Assert.True(oms.TryGetClosedStatus(1, out OrdStatus status));
        Assert.Equal(OrdStatus.Canceled, status);
    }

    [Fact]
    public void Router_SendsAStopWholeToTheBestUpVenue_WithItsTerms()
    {
        var router = new SmartOrderRouter(4);
        var legs = new RouteLeg[5];
        VenueQuote[] venues = [new(0, Px + 2 * Tick, 30, 0, 10), new(1, Px + Tick, 30, 0, 10), new(2, Px, 30, 0, 10, isUp: false)];
        OrderRequest stopLimit = OrderRequest.StopLimit(0, Side.Buy, 100, Px + 9 * Tick, Px + 10 * Tick);

        Assert.Equal(RouteResult.Routed, router.Route(7, stopLimit, venues, legs, 1, out RouteDecision decision));
        Assert.Equal(1, decision.LegCount);
        Assert.Equal(new RouteLeg(1, 100, Px + 10 * Tick, IsRemainder: true), legs[0]);

        Assert.Equal(RouteResult.Routed, router.Route(8, OrderRequest.TrailingStop(0, Side.Sell, 70, Tick), venues, legs, 1, out decision));
        Assert.Equal(new RouteLeg(0, 70, OrderRequest.NoPrice, IsRemainder: true), legs[0]);
        Assert.Equal(1, decision.LegCount);
    }
}
