using Llt.Hotpath.Risk;
using Llt.Hotpath.Strategies;
using Llt.Sbe;
using static Llt.Hotpath.Tests.Risk.RiskGateFixture;

namespace Llt.Hotpath.Tests.Risk;

/// <summary>Each limit just below, at and just above its value; "at" passes for size limits and rejects for loss limits.</summary>
public sealed class RiskGateLimitTests
{
    [Theory]
    [InlineData(99, RejectReason.None)]
    [InlineData(100, RejectReason.None)]
    [InlineData(101, RejectReason.MaxOrderQty)]
    public void MaxOrderQty_PassesUpToTheLimit(long qty, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.OrderQty, LimitScope.Instrument, 0, 100);
        Assert.Equal(expected, gate.Check(0, Buy(qty), NowNs));
    }

    [Theory]
    [InlineData(99, RejectReason.None)]
    [InlineData(100, RejectReason.None)]
    [InlineData(101, RejectReason.MaxNotional)]
    public void MaxNotional_PassesUpToTheLimit(long qty, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.Notional, LimitScope.Instrument, 0, 100 * Px);
        Assert.Equal(expected, gate.Check(0, Buy(qty), NowNs));
    }

    [Fact]
    public void MaxNotional_MarketOrderIsValuedAtTheReference()
    {
        var gate = Create();
        Set(gate, LimitType.Notional, LimitScope.Instrument, 0, 100 * Px);
        Assert.Equal(RejectReason.None, gate.Check(0, OrderRequest.Market(0, Side.Buy, 100), NowNs));
        Assert.Equal(RejectReason.MaxNotional, gate.Check(0, OrderRequest.Market(0, Side.Buy, 101), NowNs));
    }

    [Fact]
    public void MaxNotional_HugeQtyTimesPriceDoesNotWrapIntoAPass()
    {
        var gate = Create();
        Set(gate, LimitType.Notional, LimitScope.Instrument, 0, 1_000 * Px);
        Assert.Equal(RejectReason.MaxNotional, gate.Check(0, Buy(long.MaxValue / 2), NowNs));
    }

    [Theory]
    [InlineData(99_000_000, RejectReason.None)]
    [InlineData(100_000_000, RejectReason.None)]
    [InlineData(101_000_000, RejectReason.PriceCollar)]
    [InlineData(-99_000_000, RejectReason.None)]
    [InlineData(-100_000_000, RejectReason.None)]
    [InlineData(-101_000_000, RejectReason.PriceCollar)]
    public void PriceCollar_OnePercentAroundTheReference(long offset, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.PriceCollar, LimitScope.Instrument, 0, 100);
        Assert.Equal(expected, gate.Check(0, Buy(1, Px + offset), NowNs));
    }

    [Theory]
    [InlineData(39, RejectReason.None)]
    [InlineData(40, RejectReason.None)]
    [InlineData(41, RejectReason.PositionLimit)]
    public void InstrumentPosition_CountsOpenBuyOrders(long qty, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.Position, LimitScope.Instrument, 0, 100);
        Assert.True(gate.OnOrderAccepted(1, Buy(60), clOrdId: 1));
        Assert.Equal(expected, gate.Check(0, Buy(qty), NowNs));
    }

    [Theory]
    [InlineData(129, RejectReason.None)]
    [InlineData(130, RejectReason.None)]
    [InlineData(131, RejectReason.PositionLimit)]
    public void InstrumentPosition_SellFromALongPositionMayGoShortUpToTheLimit(long qty, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.Position, LimitScope.Instrument, 0, 100);
        gate.OnFill(0, clOrdId: -1, 0, Side.Buy, 30, Px);
        Assert.Equal(expected, gate.Check(0, Sell(qty), NowNs));
    }

    [Fact]
    public void InstrumentPosition_OpenSellOrdersCountForSells()
    {
        var gate = Create();
        Set(gate, LimitType.Position, LimitScope.Instrument, 0, 100);
        Assert.True(gate.OnOrderAccepted(0, Sell(70, Px + Tick0), clOrdId: 1));
        Assert.Equal(RejectReason.None, gate.Check(0, Sell(30, Px + Tick0), NowNs));
        Assert.Equal(RejectReason.PositionLimit, gate.Check(0, Sell(31, Px + Tick0), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(100, Px - Tick0), NowNs));
    }

    [Theory]
    [InlineData(49, RejectReason.None)]
    [InlineData(50, RejectReason.None)]
    [InlineData(51, RejectReason.PositionLimit)]
    public void StrategyPosition_AppliesToThatStrategyOnly(long qty, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.Position, LimitScope.Strategy, 0, 50);
        Assert.Equal(expected, gate.Check(0, Buy(qty), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(1, Buy(qty), NowNs));
    }

    [Fact]
    public void StrategyPosition_CountsThatStrategysFillsAndOpenOrders()
    {
        var gate = Create();
        Set(gate, LimitType.Position, LimitScope.Strategy, 0, 50);
        gate.OnFill(0, -1, 0, Side.Buy, 20, Px);
        Assert.True(gate.OnOrderAccepted(0, Buy(20), clOrdId: 7));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(10), NowNs));
        Assert.Equal(RejectReason.PositionLimit, gate.Check(0, Buy(11), NowNs));
    }

    [Theory]
    [InlineData(99, RejectReason.None)]
    [InlineData(100, RejectReason.None)]
    [InlineData(101, RejectReason.PortfolioExposure)]
    public void GrossExposure_IsNotionalAtReferenceAcrossInstruments(long qty, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.GrossExposure, LimitScope.Portfolio, 0, 150 * Px);
        gate.OnFill(1, -1, 1, Side.Sell, 50, Px);
        Assert.Equal(50 * Px, gate.GrossExposure);
        Assert.Equal(expected, gate.Check(0, Buy(qty), NowNs));
    }

    [Theory]
    [InlineData(140, RejectReason.None)]
    [InlineData(150, RejectReason.None)]
    [InlineData(160, RejectReason.PortfolioExposure)]
    public void NetExposure_LimitsTheAbsoluteNet(long qty, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.NetExposure, LimitScope.Portfolio, 0, 100 * Px);
        gate.OnFill(0, -1, 0, Side.Buy, 50, Px);
        Assert.Equal(50 * Px, gate.NetExposure);
        Assert.Equal(expected, gate.Check(0, Sell(qty, Px, 1), NowNs));
    }

    [Fact]
    public void Exposure_FollowsMarks()
    {
        var gate = Create();
        gate.OnFill(0, -1, 0, Side.Buy, 10, Px);
        gate.OnFill(0, -1, 1, Side.Sell, 10, Px);
        gate.OnMark(0, 2 * Px);
        Assert.Equal(30 * Px, gate.GrossExposure);
        Assert.Equal(10 * Px, gate.NetExposure);
    }

    [Theory]
    [InlineData(-999, RejectReason.None)]
    [InlineData(-1000, RejectReason.DailyLoss)]
    [InlineData(-1001, RejectReason.DailyLoss)]
    public void DailyLoss_RejectsAtOrBeyondTheLimit(long pnlUnits, RejectReason expected)
    {
        var gate = Create();
        gate.SetTripsKillSwitch(RejectReason.DailyLoss, false);
        Set(gate, LimitType.DailyLoss, LimitScope.Portfolio, 0, 1000 * Hotpath.Config.FixedPoint.Scale);
        Assert.False(gate.OnPnl(pnlUnits * Hotpath.Config.FixedPoint.Scale, 0, NowNs));
        Assert.Equal(expected, gate.Check(0, Buy(1), NowNs));
    }

    [Theory]
    [InlineData(499, RejectReason.None)]
    [InlineData(500, RejectReason.Drawdown)]
    [InlineData(501, RejectReason.Drawdown)]
    public void Drawdown_IsMeasuredFromTheHighWaterMark(long fall, RejectReason expected)
    {
        var gate = Create();
        gate.SetTripsKillSwitch(RejectReason.Drawdown, false);
        Set(gate, LimitType.Drawdown, LimitScope.Portfolio, 0, 500);
        gate.OnPnl(0, 10_000, NowNs);
        gate.OnPnl(0, 12_000, NowNs);
        gate.OnPnl(0, 11_000, NowNs);
        Assert.Equal(12_000, gate.HighWaterMark);
        gate.OnPnl(0, 12_000 - fall, NowNs);
        Assert.Equal(expected, gate.Check(0, Buy(1), NowNs));
    }

    [Theory]
    [InlineData(1_999_999, RejectReason.None)]
    [InlineData(2_000_000, RejectReason.None)]
    [InlineData(2_000_001, RejectReason.Volatility)]
    public void Volatility_RejectsAboveTheLimit(long sigma, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.Volatility, LimitScope.Instrument, 0, 2_000_000);
        gate.OnVolatility(0, sigma);
        Assert.Equal(expected, gate.Check(0, Buy(1), NowNs));
    }

    [Theory]
    [InlineData(99, RejectReason.None)]
    [InlineData(100, RejectReason.None)]
    [InlineData(101, RejectReason.Liquidity)]
    public void Liquidity_OrderUpToTenPercentOfRollingVolume(long qty, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.Liquidity, LimitScope.Instrument, 0, 1_000);
        gate.OnMarketTrade(0, 600, NowNs);
        gate.OnMarketTrade(0, 400, NowNs + 1_000_000_000);
        Assert.Equal(expected, gate.Check(0, Buy(qty), NowNs + 2_000_000_000));
    }

    [Fact]
    public void Liquidity_VolumeOlderThanTheWindowExpires()
    {
        var gate = Create(new RiskGateOptions { VolumeWindowNs = 16_000_000_000, VolumeBuckets = 16 });
        Set(gate, LimitType.Liquidity, LimitScope.Instrument, 0, 1_000);
        gate.OnMarketTrade(0, 1_000, NowNs);
        gate.OnMarketTrade(0, 500, NowNs + 8_000_000_000);
        Assert.Equal(1_500, gate.RollingVolume(0));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(150), NowNs + 15_000_000_000));
        Assert.Equal(RejectReason.Liquidity, gate.Check(0, Buy(51), NowNs + 17_000_000_000));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(50), NowNs + 17_000_000_000));
        Assert.Equal(RejectReason.Liquidity, gate.Check(0, Buy(1), NowNs + 100_000_000_000));
    }

    [Theory]
    [InlineData(1, RejectReason.None)]
    [InlineData(2, RejectReason.MaxOpenOrders)]
    [InlineData(3, RejectReason.MaxOpenOrders)]
    public void MaxOpenOrders_PerStrategy(int open, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.OpenOrders, LimitScope.Strategy, 0, 2);
        for (int i = 0; i < open; i++)
        {
            Assert.True(gate.OnOrderAccepted(0, Buy(1, Px - (i * Tick0)), clOrdId: i + 1));
        }

        Assert.Equal(expected, gate.Check(0, Buy(1, Px - Tick0), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(1, Buy(1, Px - Tick0), NowNs));
    }

    [Fact]
    public void MaxOpenOrders_PortfolioCountsEveryStrategy()
    {
        var gate = Create();
        Set(gate, LimitType.OpenOrders, LimitScope.Portfolio, 0, 2);
        Assert.True(gate.OnOrderAccepted(0, Buy(1), 1));
        Assert.Equal(RejectReason.None, gate.Check(1, Buy(1), NowNs));
        Assert.True(gate.OnOrderAccepted(1, Buy(1), 2));
        Assert.Equal(RejectReason.MaxOpenOrders, gate.Check(1, Buy(1), NowNs));
        Assert.True(gate.OnOrderClosed(1));
        Assert.Equal(RejectReason.None, gate.Check(1, Buy(1), NowNs));
    }

    [Fact]
    public void VolatilityScaledSizing_ScalesDownToLotsAndNeverUp()
    {
        var gate = Create();
        gate.OnVolatility(1, 4_000_000);
        Assert.Equal(50, gate.ScaleQtyByVolatility(1, 100, 2_000_000));
        Assert.Equal(30, gate.ScaleQtyByVolatility(1, 70, 2_000_000));
        Assert.Equal(100, gate.ScaleQtyByVolatility(1, 100, 8_000_000));
        Assert.Equal(0, VolatilitySizing.Scale(10, 4_000_000, 1_000_000, 10));
        Assert.Equal(10, VolatilitySizing.Scale(10, 0, 1_000_000, 1));
    }
}
