using Llt.Hotpath.Config;
using Llt.Hotpath.Indicators;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Strategies.MeanReversion;
using Llt.Sbe;
using static Llt.Hotpath.Tests.Strategies.StrategyTestHarness;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class MeanReversionStrategyTests
{
    private static StrategyConfig Config(long maxPosition = 1_000, bool enabled = true, params (string Name, double Value)[] parameters) =>
        SingleInstrumentConfig("mr", MeanReversionStrategy.TypeName, maxPosition, enabled, [("lookback_period", 5), .. parameters]);

    private static void Feed(StrategyTestHarness harness, params decimal[] mids) => harness.Mids(0, mids);

    [Fact]
    public void ZScoreOfTheCraftedPaths_IsExactlyTwo_AndJustBelowTwo()
    {
        // pins the premise of the threshold tests: four equal mids and a fifth 5.00 away give |z| = √4 = 2 exactly
        // (population σ, all intermediate values exact in binary); any spread among the four gives |z| < 2
        var exact = new RollingZScore(5, VarianceKind.Population);
        var below = new RollingZScore(5, VarianceKind.Population);
        foreach (double x in new[] { 100.0, 100.0, 100.0, 100.0, 95.0 })
        {
            exact.Update(x);
        }

        foreach (double x in new[] { 100.0, 100.0, 100.0, 100.01, 95.0 })
        {
            below.Update(x);
        }

        Assert.Equal(-2.0, exact.Value);
        Assert.InRange(below.Value, -2.0 + 1e-9, -1.99);
    }

    [Fact]
    public void BeforeTheWindowFills_NothingTrades()
    {
        using var harness = new StrategyTestHarness([Config()]);
        Feed(harness, 100m, 100m, 100m, 50m);
        Assert.Empty(harness.Drain());
    }

    [Fact]
    public void ZExactlyAtMinusThreshold_BuysOrderSizeAtTheAskImmediateOrCancel()
    {
        using var harness = new StrategyTestHarness([Config()]);
        Feed(harness, 100m, 100m, 100m, 100m);
        Assert.Empty(harness.Drain());
        harness.Mid(0, 95m);

        OrderIntent order = Assert.Single(harness.Drain());
        Assert.Equal(OrderIntentKind.New, order.Kind);
        Assert.Equal(Side.Buy, order.Request.Side);
        Assert.Equal(100, order.Request.Qty);
        Assert.Equal(Px(95.01m), order.Request.Price);
        Assert.Equal(OrdType.Limit, order.Request.OrdType);
        Assert.Equal(TimeInForce.ImmediateOrCancel, order.Request.TimeInForce);
        Assert.Equal(harness.NowNs, order.ReceiveTs);
    }

    [Fact]
    public void ZExactlyAtPlusThreshold_SellsAtTheBid()
    {
        using var harness = new StrategyTestHarness([Config()]);
        Feed(harness, 100m, 100m, 100m, 100m, 105m);

        OrderIntent order = Assert.Single(harness.Drain());
        Assert.Equal(Side.Sell, order.Request.Side);
        Assert.Equal(100, order.Request.Qty);
        Assert.Equal(Px(104.99m), order.Request.Price);
        Assert.Equal(TimeInForce.ImmediateOrCancel, order.Request.TimeInForce);
    }

    [Theory]
    [InlineData(95)]
    [InlineData(105)]
    public void ZJustInsideTheThreshold_DoesNotTrade(int outlier)
    {
        using var harness = new StrategyTestHarness([Config()]);
        Feed(harness, 100m, 100m, 100m, 100.01m, outlier);
        Assert.Empty(harness.Drain());
    }

    [Fact]
    public void WhileAnOrderIsPending_NoReEntry_UntilItCloses()
    {
        using var harness = new StrategyTestHarness([Config(parameters: ("threshold", 1.5))]);
        Feed(harness, 100m, 100m, 100m, 100m, 95m);
        OrderIntent first = Assert.Single(harness.Drain());

        harness.Mid(0, 90m); // z = −1.75: a signal, but the first order is unanswered
        Assert.Empty(harness.Drain());

        harness.Host.OnOrderClosed(0, first.ClOrdId, rejected: false);
        harness.Mid(0, 85m); // z ≈ −1.54
        OrderIntent second = Assert.Single(harness.Drain());
        Assert.Equal(Side.Buy, second.Request.Side);
        Assert.NotEqual(first.ClOrdId, second.ClOrdId);
    }

    [Fact]
    public void PartialFill_KeepsTheOrderPending_LastFillReleasesIt()
    {
        using var harness = new StrategyTestHarness([Config(parameters: [("threshold", 1.4), ("exit_on_mean", 0), ("stop_loss", 0)])]);
        Feed(harness, 104m, 103m, 102m, 101m, 100m); // a steady fall: z = −√2 on every tick
        OrderIntent order = Assert.Single(harness.Drain());

        harness.Fill(order, qty: 40);
        harness.Mid(0, 99m);
        Assert.Empty(harness.Drain());

        harness.Fill(order, qty: 60);
        harness.Mid(0, 98m);
        Assert.Equal(Side.Buy, Assert.Single(harness.Drain()).Request.Side);
    }

    [Fact]
    public void PendingOrder_TimesOutOnTheNextTick_CancelledAndReplaced()
    {
        using var harness = new StrategyTestHarness([Config(parameters: [("threshold", 1.4), ("pending_timeout_ms", 5)])]);
        Feed(harness, 104m, 103m, 102m, 101m, 100m);
        OrderIntent first = Assert.Single(harness.Drain());

        harness.Clock.Advance(5_000_000 - 2 * TickIntervalNs); // the next tick arrives 1 µs before the timeout
        harness.Mid(0, 99m);
        Assert.Empty(harness.Drain());

        harness.Mid(0, 98m); // exactly 5 ms after the order
        IReadOnlyList<OrderIntent> intents = harness.Drain();
        Assert.Equal(2, intents.Count);
        Assert.Equal(OrderIntentKind.Cancel, intents[0].Kind);
        Assert.Equal(first.ClOrdId, intents[0].OrigClOrdId);
        Assert.Equal(OrderIntentKind.New, intents[1].Kind);
        Assert.Equal(Side.Buy, intents[1].Request.Side);
    }

    [Fact]
    public void PendingOrder_TimesOutOnTheTimer()
    {
        using var harness = new StrategyTestHarness([Config(parameters: ("threshold", 1.4))]);
        Feed(harness, 104m, 103m, 102m, 101m, 100m);
        OrderIntent first = Assert.Single(harness.Drain());

        harness.Host.OnTimer(first.ReceiveTs + 999_999_999);
        Assert.Empty(harness.Drain());
        harness.Host.OnTimer(first.ReceiveTs + 1_000_000_000);
        OrderIntent cancel = Assert.Single(harness.Drain());
        Assert.Equal(OrderIntentKind.Cancel, cancel.Kind);
        Assert.Equal(first.ClOrdId, cancel.OrigClOrdId);
    }

    [Fact]
    public void Entries_StopAtMaxPosition()
    {
        using var harness = new StrategyTestHarness([Config(maxPosition: 150, parameters: [("threshold", 1.4), ("exit_on_mean", 0), ("stop_loss", 0)])]);
        Feed(harness, 104m, 103m, 102m, 101m, 100m);
        OrderIntent first = Assert.Single(harness.Drain());
        Assert.Equal(100, first.Request.Qty);
        harness.Fill(first);

        harness.Mid(0, 99m);
        OrderIntent second = Assert.Single(harness.Drain());
        Assert.Equal(50, second.Request.Qty);
        harness.Fill(second);
        Assert.Equal(150, harness.Host.Context(0).Position(0));

        harness.Mid(0, 98m);
        Assert.Empty(harness.Drain());
    }

    [Fact]
    public void OrderSize_IsRoundedDownToTheLot()
    {
        using var harness = new StrategyTestHarness([Config(parameters: [("threshold", 1.4), ("order_size", 110)])], lotSize: 25);
        Feed(harness, 104m, 103m, 102m, 101m, 100m);
        Assert.Equal(100, Assert.Single(harness.Drain()).Request.Qty);
    }

    private static StrategyTestHarness InLong(decimal entry, params (string Name, double Value)[] parameters)
    {
        // threshold out of reach and no room to add: only exits can trade
        var harness = new StrategyTestHarness([Config(maxPosition: 100, parameters: [("threshold", 1_000), .. parameters])]);
        Feed(harness, 100m, 100m, 100m, 100m, 100m);
        harness.Fill(0, 0, Side.Buy, entry, 100);
        Assert.Empty(harness.Drain());
        return harness;
    }

    [Fact]
    public void Long_StopLoss_TriggersAtTwoPercentBelowEntry_NotATickBefore()
    {
        using StrategyTestHarness harness = InLong(100m, ("exit_on_mean", 0));
        harness.Mid(0, 98.01m);
        Assert.Empty(harness.Drain());

        harness.Mid(0, 98.00m);
        OrderIntent exit = Assert.Single(harness.Drain());
        Assert.Equal(Side.Sell, exit.Request.Side);
        Assert.Equal(100, exit.Request.Qty);
        Assert.Equal(Px(97.99m), exit.Request.Price);
        Assert.Equal(TimeInForce.ImmediateOrCancel, exit.Request.TimeInForce);
        Assert.Equal(ExecInst.ReduceOnly, exit.Request.ExecInst);
    }

    [Fact]
    public void Long_TakeProfit_TriggersAtOnePercentAboveEntry_NotATickBefore()
    {
        using StrategyTestHarness harness = InLong(100m, ("exit_on_mean", 0));
        harness.Mid(0, 100.99m);
        Assert.Empty(harness.Drain());

        harness.Mid(0, 101.00m);
        OrderIntent exit = Assert.Single(harness.Drain());
        Assert.Equal(Side.Sell, exit.Request.Side);
        Assert.Equal(100, exit.Request.Qty);
        Assert.Equal(Px(100.99m), exit.Request.Price);
    }

    [Fact]
    public void Short_StopLossAbove_TakeProfitBelow()
    {
        using var harness = new StrategyTestHarness([Config(maxPosition: 100, parameters: [("threshold", 1_000), ("exit_on_mean", 0)])]);
        Feed(harness, 100m, 100m, 100m, 100m, 100m);
        harness.Fill(0, 0, Side.Sell, 100m, 100);

        harness.Mid(0, 101.99m);
        harness.Mid(0, 99.01m);
        Assert.Empty(harness.Drain());

        harness.Mid(0, 102.00m);
        OrderIntent stop = Assert.Single(harness.Drain());
        Assert.Equal(Side.Buy, stop.Request.Side);
        Assert.Equal(Px(102.01m), stop.Request.Price);
        harness.Host.OnOrderClosed(0, stop.ClOrdId, rejected: true);

        harness.Mid(0, 99.00m);
        OrderIntent profit = Assert.Single(harness.Drain());
        Assert.Equal(Side.Buy, profit.Request.Side);
        Assert.Equal(100, profit.Request.Qty);
    }

    [Fact]
    public void StopLoss_IsMeasuredFromTheAverageEntryPrice()
    {
        using var harness = new StrategyTestHarness([Config(maxPosition: 200, parameters: [("threshold", 1_000), ("exit_on_mean", 0)])]);
        Feed(harness, 100m, 100m, 100m, 100m, 100m);
        harness.Fill(0, 0, Side.Buy, 100m, 100);
        harness.Fill(0, 0, Side.Buy, 102m, 100); // average 101: stop at 98.98

        harness.Mid(0, 98.99m);
        Assert.Empty(harness.Drain());
        harness.Mid(0, 98.98m);
        OrderIntent exit = Assert.Single(harness.Drain());
        Assert.Equal(Side.Sell, exit.Request.Side);
        Assert.Equal(200, exit.Request.Qty);
    }

    [Fact]
    public void ExitOnMean_FlattensWhenZCrossesBackThroughZero()
    {
        using var harness = new StrategyTestHarness([Config(parameters: [("stop_loss", 0), ("take_profit", 0)])]);
        Feed(harness, 100m, 100m, 100m, 100m, 95m);
        OrderIntent entry = Assert.Single(harness.Drain());
        harness.Fill(entry);

        harness.Mid(0, 96m); // window 100,100,100,95,96: still below the mean
        Assert.Empty(harness.Drain());

        harness.Mid(0, 99m); // window 100,100,95,96,99: mean 98, z > 0
        OrderIntent exit = Assert.Single(harness.Drain());
        Assert.Equal(Side.Sell, exit.Request.Side);
        Assert.Equal(100, exit.Request.Qty);
        Assert.Equal(ExecInst.ReduceOnly, exit.Request.ExecInst);
    }

    [Fact]
    public void ExitOnMeanOff_HoldsThroughTheMean()
    {
        using var harness = new StrategyTestHarness([Config(parameters: [("stop_loss", 0), ("take_profit", 0), ("exit_on_mean", 0)])]);
        Feed(harness, 100m, 100m, 100m, 100m, 95m);
        harness.Fill(Assert.Single(harness.Drain()));

        Feed(harness, 96m, 99m, 100m);
        Assert.Empty(harness.Drain());
    }

    [Fact]
    public void DisabledStrategy_GetsNothing()
    {
        using var harness = new StrategyTestHarness([Config(enabled: false)]);
        Feed(harness, 100m, 100m, 100m, 100m, 95m);
        harness.Host.OnTimer(harness.NowNs + 10_000_000_000);
        Assert.Empty(harness.Drain());
    }

    [Theory]
    [InlineData("lookback_period", 0)]
    [InlineData("lookback_period", 1)]
    [InlineData("lookback_period", 2.5)]
    [InlineData("threshold", -1)]
    [InlineData("threshold", 0)]
    [InlineData("order_size", 0)]
    [InlineData("stop_loss", -0.01)]
    [InlineData("stop_loss", 1)]
    [InlineData("take_profit", -0.01)]
    [InlineData("exit_on_mean", 2)]
    [InlineData("pending_timeout_ms", 0)]
    public void BadParameter_ThrowsConfigExceptionNamingIt_WhenTheHostIsBuilt(string name, double value)
    {
        StrategyConfig good = Config();
        StrategyConfig bad = Config(parameters: (name, value));
        ConfigException e = Assert.Throws<ConfigException>(() => new StrategyTestHarness([good, bad]));
        Assert.Equal($"strategies[1].parameters.{name}", e.Key);
    }

    [Fact]
    public void OrderSizeBelowTheLot_ThrowsConfigException()
    {
        ConfigException e = Assert.Throws<ConfigException>(() => new StrategyTestHarness([Config(parameters: ("order_size", 10))], lotSize: 100));
        Assert.Equal("strategies[0].parameters.order_size", e.Key);
    }

    [Fact]
    public void Defaults_AreTheSeeds()
    {
        var config = new StrategyConfig { Name = "mr", Type = MeanReversionStrategy.TypeName, Instruments = ["SYM0"] };
        using var harness = new StrategyTestHarness([config]);
        MeanReversionParameters p = ((MeanReversionStrategy)harness.Host[0]).Parameters;
        Assert.Equal((20, 2.0, 100L, 0.02, 0.01, true, 1_000L), (p.LookbackPeriod, p.Threshold, p.OrderSize, p.StopLoss, p.TakeProfit, p.ExitOnMean, p.PendingTimeoutMs));
    }
}
