using Llt.Hotpath.Orders;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Orders;

public sealed class SmartOrderRouterTests
{
    private const long Px = 100 * 100_000_000L;
    private const long Tick = 1_000_000; // one cent

    private readonly SmartOrderRouter _router = new(8);
    private readonly RouteLeg[] _legs = new RouteLeg[9];

    private (RouteResult Result, RouteDecision Decision, RouteLeg[] Legs) Route(OrderRequest request, params VenueQuote[] venues)
    {
        RouteResult result = _router.Route(77, request, venues, _legs, 123, out RouteDecision decision);
        return (result, decision, _legs[..decision.LegCount]);
    }

    [Fact]
    public void BestPriceWins()
    {
        var (result, decision, legs) = Route(OrderRequest.Limit(1, Side.Buy, 100, Px + 5 * Tick),
            new VenueQuote(0, Px + 2 * Tick, 500, 0, 10),
            new VenueQuote(1, Px + 1 * Tick, 500, 30, 90),
            new VenueQuote(2, Px + 3 * Tick, 500, 0, 1));
        Assert.Equal(RouteResult.Routed, result);
        Assert.Equal([new RouteLeg(1, 100, Px + Tick)], legs);
        Assert.Equal(new RouteDecision(77, 1, Side.Buy, 100, 123, 1, 100, 0), decision);
    }

    [Fact]
    public void BestPriceWins_ForASell_IsTheHighestBid()
    {
        var (_, _, legs) = Route(OrderRequest.Limit(1, Side.Sell, 100, Px - 5 * Tick),
            new VenueQuote(0, Px - 2 * Tick, 500, 0, 10),
            new VenueQuote(1, Px - 1 * Tick, 500, 0, 10));
        Assert.Equal([new RouteLeg(1, 100, Px - Tick)], legs);
    }

    [Fact]
    public void FeeBreaksPriceTies()
    {
        var (_, _, legs) = Route(OrderRequest.Limit(1, Side.Buy, 100, Px),
            new VenueQuote(0, Px, 500, 30, 10),
            new VenueQuote(1, Px, 500, -20, 90),
            new VenueQuote(2, Px, 500, 25, 1));
        Assert.Equal(1, legs[0].VenueId);
    }

    [Fact]
    public void LatencyBreaksFeeTies()
    {
        var (_, _, legs) = Route(OrderRequest.Limit(1, Side.Sell, 100, Px),
            new VenueQuote(0, Px, 500, 30, 900),
            new VenueQuote(1, Px, 500, 30, 300),
            new VenueQuote(2, Px, 500, 30, 600));
        Assert.Equal(1, legs[0].VenueId);
    }

    [Fact]
    public void BestDisplayedSizeShort_SplitsInRankOrder_RemainderRestsAtBestVenueAtTheLimit()
    {
        var (result, decision, legs) = Route(OrderRequest.Limit(1, Side.Buy, 1_000, Px + 2 * Tick),
            new VenueQuote(0, Px + 1 * Tick, 300, 0, 10),
            new VenueQuote(1, Px, 200, 0, 10),
            new VenueQuote(2, Px + 2 * Tick, 100, 0, 10),
            new VenueQuote(3, Px + 3 * Tick, 5_000, 0, 10)); // worse than the limit: not taken
        Assert.Equal(RouteResult.Routed, result);
        Assert.Equal(
            [
                new RouteLeg(1, 200, Px),
                new RouteLeg(0, 300, Px + Tick),
                new RouteLeg(2, 100, Px + 2 * Tick),
                new RouteLeg(1, 400, Px + 2 * Tick, IsRemainder: true),
            ],
            legs);
        Assert.Equal((600L, 400L), (decision.DisplayedQty, decision.RemainderQty));
    }

    [Fact]
    public void ExactFitAcrossTwoVenues_HasNoRemainder()
    {
        var (_, decision, legs) = Route(OrderRequest.Limit(1, Side.Buy, 500, Px),
            new VenueQuote(0, Px, 300, 0, 10),
            new VenueQuote(1, Px, 200, 5, 10));
        Assert.Equal([new RouteLeg(0, 300, Px), new RouteLeg(1, 200, Px)], legs);
        Assert.Equal(0, decision.RemainderQty);
    }

    [Fact]
    public void DownVenueSkipped()
    {
        var (_, _, legs) = Route(OrderRequest.Limit(1, Side.Buy, 100, Px),
            new VenueQuote(0, Px - Tick, 500, 0, 10, isUp: false),
            new VenueQuote(1, Px, 500, 0, 10));
        Assert.Equal([new RouteLeg(1, 100, Px)], legs);
    }

    [Fact]
    public void AllDown_IsVenueDown()
    {
        var (result, decision, _) = Route(OrderRequest.Limit(1, Side.Buy, 100, Px),
            new VenueQuote(0, Px, 500, 0, 10, isUp: false),
            new VenueQuote(1, Px, 500, 0, 10, isUp: false));
        Assert.Equal(RouteResult.VenueDown, result);
        Assert.Equal(0, decision.LegCount);
        Assert.Equal(RouteResult.VenueDown, _router.Route(1, OrderRequest.Limit(1, Side.Buy, 100, Px), [], _legs, 0, out _));
    }

    [Fact]
    public void MarketOrder_WalksVenuesRegardlessOfPrice_RemainderJoinsBestVenueLeg()
    {
        var (_, decision, legs) = Route(OrderRequest.Market(1, Side.Sell, 1_000),
            new VenueQuote(0, Px - 3 * Tick, 400, 0, 10),
            new VenueQuote(1, Px, 100, 0, 10),
            new VenueQuote(2, Px - 1 * Tick, 200, 0, 10),
            new VenueQuote(3, OrderRequest.NoPrice, 0, 0, 1));
        Assert.Equal(
            [
                new RouteLeg(1, 400, OrderRequest.NoPrice, IsRemainder: true),
                new RouteLeg(2, 200, OrderRequest.NoPrice),
                new RouteLeg(0, 400, OrderRequest.NoPrice),
            ],
            legs);
        Assert.Equal((700L, 300L), (decision.DisplayedQty, decision.RemainderQty));
    }

    [Fact]
    public void LimitOrder_NothingMarketable_RestsWholeAtBestVenue()
    {
        var (_, _, legs) = Route(OrderRequest.Limit(1, Side.Buy, 100, Px - 5 * Tick),
            new VenueQuote(0, Px, 500, 0, 10),
            new VenueQuote(1, Px - Tick, 500, 0, 10));
        Assert.Equal([new RouteLeg(1, 100, Px - 5 * Tick, IsRemainder: true)], legs);
    }

    [Theory]
    [InlineData(0, Px, RouteResult.InvalidQty)]
    [InlineData(10, 0, RouteResult.InvalidPrice)]
    [InlineData(10, OrderRequest.NoPrice, RouteResult.InvalidPrice)]
    public void BadRequest_IsRefused(long qty, long price, RouteResult expected)
    {
        Assert.Equal(expected, _router.Route(1, OrderRequest.Limit(1, Side.Buy, qty, price), [new VenueQuote(0, Px, 1, 0, 1)], _legs, 0, out _));
    }

    [Fact]
    public void TooFewLegSlots_IsLegCapacity()
    {
        VenueQuote[] venues = [new(0, Px, 1, 0, 1), new(1, Px, 1, 0, 1)];
        Assert.Equal(RouteResult.LegCapacity, _router.Route(1, OrderRequest.Limit(1, Side.Buy, 5, Px), venues, new RouteLeg[2], 0, out _));
        Assert.Equal(RouteResult.TooManyVenues, new SmartOrderRouter(1).Route(1, OrderRequest.Limit(1, Side.Buy, 5, Px), venues, _legs, 0, out _));
    }
}
