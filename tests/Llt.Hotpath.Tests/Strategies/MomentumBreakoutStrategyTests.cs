using Llt.Hotpath.Config;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Strategies.MomentumBreakout;
using Llt.Sbe;
using static Llt.Hotpath.Tests.Strategies.StrategyTestHarness;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class MomentumBreakoutStrategyTests
{
    // range of the last 5 trades; the breakout print's size against the average of the last 10
    private static StrategyConfig Config(long maxPosition = 100, bool enabled = true, params (string Name, double Value)[] parameters) =>
        SingleInstrumentConfig("mb", MomentumBreakoutStrategy.TypeName, maxPosition, enabled,
            [("lookback_period", 5), ("volume_window", 1), ("volume_lookback", 10), .. parameters]);

    /// <summary>Ten trades of 100 inside [100.00, 101.00] and a touch of 101.00 / 101.02.</summary>
    private static StrategyTestHarness InRange(StrategyConfig config)
    {
        var harness = new StrategyTestHarness([config]);
        harness.Quote(0, 101.00m, 101.02m);
        foreach (decimal price in new[] { 100.5m, 101m, 100m, 100.5m, 101m, 100m, 100.25m, 100.75m, 101m, 100m })
        {
            harness.Trade(0, price, 100);
        }

        Assert.Empty(harness.Drain());
        return harness;
    }

    [Fact]
    public void BreakoutAbove_WithVolume_BuysAtTheAskImmediateOrCancel()
    {
        using StrategyTestHarness harness = InRange(Config());
        harness.Trade(0, 101.01m, 300);

        OrderIntent order = Assert.Single(harness.Drain());
        Assert.Equal(OrderIntentKind.New, order.Kind);
        Assert.Equal(Side.Buy, order.Request.Side);
        Assert.Equal(100, order.Request.Qty);
        Assert.Equal(Px(101.02m), order.Request.Price);
        Assert.Equal(OrdType.Limit, order.Request.OrdType);
        Assert.Equal(TimeInForce.ImmediateOrCancel, order.Request.TimeInForce);
    }

    [Fact]
    public void BreakoutBelow_WithVolume_SellsAtTheBid()
    {
        using StrategyTestHarness harness = InRange(Config());
        harness.Trade(0, 99.99m, 300);

        OrderIntent order = Assert.Single(harness.Drain());
        Assert.Equal(Side.Sell, order.Request.Side);
        Assert.Equal(100, order.Request.Qty);
        Assert.Equal(Px(101.00m), order.Request.Price);
    }

    [Theory]
    [InlineData(101.01, 100)] // breakout without volume
    [InlineData(99.99, 100)]
    [InlineData(101.01, 224)] // 224 < 2 × 112.4
    [InlineData(101.00, 300)] // volume but only equal to the prior high
    [InlineData(100.00, 300)] // volume but only equal to the prior low
    public void NoBreakoutOrNoVolume_DoesNotTrade(double price, long size)
    {
        using StrategyTestHarness harness = InRange(Config());
        harness.Trade(0, (decimal)price, size);
        Assert.Empty(harness.Drain());
    }

    [Fact]
    public void VolumeExactlyAtTheFactor_Confirms()
    {
        using StrategyTestHarness harness = InRange(Config());
        harness.Trade(0, 101.01m, 225); // baseline (9 × 100 + 225) / 10 = 112.5, × 2 = 225
        Assert.Equal(Side.Buy, Assert.Single(harness.Drain()).Request.Side);
    }

    [Fact]
    public void VolumeOverTheLookbackWindow_ByDefault()
    {
        // volume_window defaults to lookback_period: the last 5 trades must average 2× the last 20
        var config = new StrategyConfig
        {
            Name = "mb",
            Type = MomentumBreakoutStrategy.TypeName,
            Instruments = ["SYM0"],
            Parameters = new Dictionary<string, double> { ["lookback_period"] = 5, ["volume_lookback"] = 20 },
        };
        using var harness = new StrategyTestHarness([config]);
        for (int i = 0; i < 20; i++)
        {
            harness.Trade(0, i % 2 == 0 ? 100m : 101m, 100);
        }

        harness.Trade(0, 101.5m, 100); // a breakout, but the last 5 average 100 against 100
        Assert.Empty(harness.Drain());
        foreach (decimal price in new[] { 101.2m, 101.3m, 101.4m })
        {
            harness.Trade(0, price, 400); // inside the range [100, 101.5]
        }

        Assert.Empty(harness.Drain());
        harness.Trade(0, 102m, 400); // last 5: (100 + 4 × 400) / 5 = 340 ≥ 2 × (16 × 100 + 4 × 400) / 20 = 320
        Assert.Equal(Side.Buy, Assert.Single(harness.Drain()).Request.Side);
        Assert.Equal(5, ((MomentumBreakoutStrategy)harness.Host[0]).Parameters.VolumeWindow);
    }

    [Fact]
    public void BeforeTheVolumeBaselineFills_NothingTrades()
    {
        using var harness = new StrategyTestHarness([Config()]);
        foreach (decimal price in new[] { 100m, 101m, 100m, 101m, 100m })
        {
            harness.Trade(0, price, 100);
        }

        harness.Trade(0, 105m, 1_000); // a breakout of the 5-trade range, but only 6 of the 10 baseline trades
        Assert.Empty(harness.Drain());
    }

    [Fact]
    public void NoRoomUnderMaxPosition_NoOrder()
    {
        using StrategyTestHarness harness = InRange(Config());
        harness.Fill(0, 0, Side.Buy, 100.5m, 100);
        harness.Trade(0, 101.01m, 300);
        Assert.Empty(harness.Drain());
    }

    [Fact]
    public void TrailingStop_FollowsTheBestPrice_AndTriggersOnePercentOffIt()
    {
        using StrategyTestHarness harness = InRange(Config());
        harness.Trade(0, 101.01m, 300);
        harness.Fill(Assert.Single(harness.Drain()));

        foreach (decimal price in new[] { 102m, 110m, 109m, 108.91m, 111m, 109.90m })
        {
            harness.Trade(0, price, 100); // 108.91 is above 1% off 110 (108.90); then 111 moves the stop to 109.89
        }

        Assert.Empty(harness.Drain());
        harness.Quote(0, 109.88m, 109.90m);
        harness.Trade(0, 109.89m, 100);
        OrderIntent exit = Assert.Single(harness.Drain());
        Assert.Equal(Side.Sell, exit.Request.Side);
        Assert.Equal(100, exit.Request.Qty);
        Assert.Equal(Px(109.88m), exit.Request.Price);
        Assert.Equal(TimeInForce.ImmediateOrCancel, exit.Request.TimeInForce);
        Assert.Equal(ExecInst.ReduceOnly, exit.Request.ExecInst);
    }

    [Fact]
    public void TrailingStop_OnAShort_FollowsTheLowestPrice()
    {
        using StrategyTestHarness harness = InRange(Config());
        harness.Trade(0, 99.99m, 300);
        harness.Fill(Assert.Single(harness.Drain()), price: 100m);

        foreach (decimal price in new[] { 95m, 90m, 90.89m })
        {
            harness.Trade(0, price, 100); // stop at 1% above 90 = 90.90
        }

        Assert.Empty(harness.Drain());
        harness.Trade(0, 90.90m, 100);
        OrderIntent exit = Assert.Single(harness.Drain());
        Assert.Equal(Side.Buy, exit.Request.Side);
        Assert.Equal(100, exit.Request.Qty);
    }

    [Fact]
    public void WhileAnOrderIsPending_NoSecondOrder()
    {
        using StrategyTestHarness harness = InRange(Config(maxPosition: 1_000));
        harness.Trade(0, 101.01m, 300);
        OrderIntent first = Assert.Single(harness.Drain());
        harness.Trade(0, 101.50m, 1_000);
        Assert.Empty(harness.Drain());

        harness.Host.OnOrderClosed(0, first.ClOrdId, rejected: true);
        harness.Trade(0, 102m, 1_000);
        Assert.Equal(Side.Buy, Assert.Single(harness.Drain()).Request.Side);
    }

    [Fact]
    public void DisabledStrategy_GetsNothing()
    {
        using StrategyTestHarness harness = InRange(Config(enabled: false));
        harness.Trade(0, 101.01m, 300);
        Assert.Empty(harness.Drain());
    }

    [Theory]
    [InlineData("lookback_period", 0)]
    [InlineData("lookback_period", 2.5)]
    [InlineData("volume_factor", 0)]
    [InlineData("volume_factor", -2)]
    [InlineData("volume_lookback", 0)]
    [InlineData("volume_window", -1)]
    [InlineData("trailing_stop", -0.01)]
    [InlineData("trailing_stop", 1.5)]
    [InlineData("order_size", 0.5)]
    [InlineData("pending_timeout_ms", -1)]
    public void BadParameter_ThrowsConfigExceptionNamingIt_WhenTheHostIsBuilt(string name, double value)
    {
        ConfigException e = Assert.Throws<ConfigException>(() => new StrategyTestHarness([Config(parameters: (name, value))]));
        Assert.Equal($"strategies[0].parameters.{name}", e.Key);
    }

    [Fact]
    public void Defaults_AreTheSeeds()
    {
        var config = new StrategyConfig { Name = "mb", Type = MomentumBreakoutStrategy.TypeName, Instruments = ["SYM0"] };
        using var harness = new StrategyTestHarness([config]);
        MomentumBreakoutParameters p = ((MomentumBreakoutStrategy)harness.Host[0]).Parameters;
        Assert.Equal((50, 50, 2.0, 200, 0.01, 100L), (p.LookbackPeriod, p.VolumeWindow, p.VolumeFactor, p.VolumeLookback, p.TrailingStop, p.OrderSize));
    }
}
