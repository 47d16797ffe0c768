using Llt.Hotpath.Strategies;
using Llt.Sbe;
using static Llt.Hotpath.Tests.Risk.RiskGateFixture;

namespace Llt.Hotpath.Tests.Risk;

/// <summary>Open-order exposure and the resting prices behind self-trade prevention.</summary>
public sealed class RiskGateOpenOrderTests
{
    [Fact]
    public void AcceptedOrder_IsCountedThenReleasedOnClose()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 42));
        Assert.Equal(60, gate.OpenBuyQty(0));
        Assert.Equal(1, gate.OpenOrders(0));
        Assert.Equal(1, gate.PortfolioOpenOrders);

        Assert.True(gate.OnOrderClosed(42));
        Assert.Equal(0, gate.OpenBuyQty(0));
        Assert.Equal(0, gate.OpenOrders(0));
        Assert.Equal(0, gate.PortfolioOpenOrders);
        Assert.False(gate.OnOrderClosed(42));
    }

    [Fact]
    public void DuplicateClOrdId_IsRefused()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(1), 7));
        Assert.False(gate.OnOrderAccepted(1, Sell(1), 7));
        Assert.Equal(1, gate.PortfolioOpenOrders);
    }

    [Fact]
    public void PartialFill_MovesQtyFromOpenToPositionAndFullFillCloses()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(1, Sell(50, Px, 1), clOrdId: 9));
        gate.OnFill(1, 9, 1, Side.Sell, 20, Px);
        Assert.Equal(30, gate.OpenSellQty(1));
        Assert.Equal(-20, gate.Position(1));
        Assert.Equal(-20, gate.StrategyPosition(1, 1));
        Assert.Equal(1, gate.OpenOrders(1));

        gate.OnFill(1, 9, 1, Side.Sell, 30, Px);
        Assert.Equal(0, gate.OpenSellQty(1));
        Assert.Equal(-50, gate.Position(1));
        Assert.Equal(0, gate.OpenOrders(1));
        Assert.False(gate.OnOrderClosed(9));
    }

    [Theory]
    [InlineData(1, RejectReason.None)]
    [InlineData(2, RejectReason.SelfTrade)]
    [InlineData(3, RejectReason.SelfTrade)]
    public void BuyAtOrAboveOwnRestingSell_IsSelfTrade(int ticks, RejectReason expected)
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Sell(5, Px + (2 * Tick0)), clOrdId: 1));
        Assert.Equal(expected, gate.Check(0, Buy(1, Px + (ticks * Tick0)), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(1, Buy(1, Px + (ticks * Tick0)), NowNs));
    }

    [Theory]
    [InlineData(-1, RejectReason.None)]
    [InlineData(-2, RejectReason.SelfTrade)]
    [InlineData(-3, RejectReason.SelfTrade)]
    public void SellAtOrBelowOwnRestingBuy_IsSelfTrade(int ticks, RejectReason expected)
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(5, Px - (2 * Tick0)), clOrdId: 1));
        Assert.Equal(expected, gate.Check(0, Sell(1, Px + (ticks * Tick0)), NowNs));
    }

    [Fact]
    public void MarketOrderAgainstOwnRestingOpposite_IsSelfTrade()
    {
        var gate = Create();
        Assert.Equal(RejectReason.None, gate.Check(0, OrderRequest.Market(0, Side.Buy, 1), NowNs));
        Assert.True(gate.OnOrderAccepted(0, Sell(5, Px + (50 * Tick0)), clOrdId: 1));
        Assert.Equal(RejectReason.SelfTrade, gate.Check(0, OrderRequest.Market(0, Side.Buy, 1), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(0, OrderRequest.Market(0, Side.Sell, 1), NowNs));
    }

    [Fact]
    public void ClosingTheBestRestingOrder_FallsBackToTheNextBest()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Sell(1, Px + (2 * Tick0)), clOrdId: 1));
        Assert.True(gate.OnOrderAccepted(0, Sell(1, Px + (5 * Tick0)), clOrdId: 2));
        Assert.True(gate.OnOrderAccepted(0, Sell(1, Px + (2 * Tick0)), clOrdId: 3));
        Assert.True(gate.OnOrderClosed(1));
        Assert.Equal(RejectReason.SelfTrade, gate.Check(0, Buy(1, Px + (2 * Tick0)), NowNs));
        Assert.True(gate.OnOrderClosed(3));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1, Px + (4 * Tick0)), NowNs));
        Assert.Equal(RejectReason.SelfTrade, gate.Check(0, Buy(1, Px + (5 * Tick0)), NowNs));
        Assert.True(gate.OnOrderClosed(2));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1, Px + (50 * Tick0)), NowNs));
    }
}
