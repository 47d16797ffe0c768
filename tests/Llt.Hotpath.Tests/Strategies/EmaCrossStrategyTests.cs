using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Strategies.Examples;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class EmaCrossStrategyTests
{
    private static long Px(decimal price) => (long)(price * FixedPoint.Scale);

    [Fact]
    public void FastCrossingAboveSlow_BuysOrderSizeAtTheAsk()
    {
        // one instrument, one ema-cross strategy on it, a real host over preallocated intent slots
        using var instruments = new InstrumentTable([new InstrumentConfig { Symbol = "AAPL" }]);
        var config = new StrategyConfig
        {
            Name = "ema-aapl",
            Type = EmaCrossStrategy.TypeName,
            Instruments = ["AAPL"],
            MaxPosition = 500,
            Parameters = new Dictionary<string, double> { ["fast_period"] = 2, ["slow_period"] = 4, ["order_size"] = 100 },
        };
        var intents = new OrderIntentBuffer(16);
        var clock = new ManualNanoClock();
        var host = new StrategyHost([config], BuiltInStrategies.CreateRegistry(), instruments, intents, new ClientOrderIds(1), clock);
        host.Start();

        // falling mids: once both EMAs are seeded the fast one is below the slow one (a trend, no cross yet)
        long ts = 0;
        foreach (decimal mid in new[] { 104m, 103m, 102m, 101m, 100m })
        {
            host.OnQuote(new QuoteTick(0, Px(mid - 0.01m), 100, Px(mid + 0.01m), 100, ts, ++ts));
        }

        Assert.Equal(0, intents.Count);

        // a jump: the fast EMA crosses above the slow one
        host.OnQuote(new QuoteTick(0, Px(105.99m), 100, Px(106.01m), 100, ts, ++ts));

        Assert.Equal(1, intents.Count);
        OrderRequest order = intents[0].Request;
        Assert.Equal(Side.Buy, order.Side);
        Assert.Equal(100, order.Qty);
        Assert.Equal(Px(106.01m), order.Price);
        Assert.Equal(TimeInForce.ImmediateOrCancel, order.TimeInForce);

        // the engine reports the fill; the context's position already includes it when OnFill runs
        host.OnFill(0, new Fill(intents[0].ClOrdId, 0, Side.Buy, order.Price, order.Qty, 0, ts));
        intents.Clear();
        Assert.Equal(100, host.Context(0).Position(0));
    }

    [Fact]
    public void BadParameter_RefusesToBuildTheHost_NamingTheKey()
    {
        using var instruments = new InstrumentTable([new InstrumentConfig { Symbol = "AAPL" }]);
        var config = new StrategyConfig
        {
            Name = "ema-aapl",
            Type = EmaCrossStrategy.TypeName,
            Instruments = ["AAPL"],
            Parameters = new Dictionary<string, double> { ["fast_period"] = 30, ["slow_period"] = 10 },
        };

        ConfigException e = Assert.Throws<ConfigException>(() => new StrategyHost(
            [config], BuiltInStrategies.CreateRegistry(), instruments, new OrderIntentBuffer(16), new ClientOrderIds(1), new ManualNanoClock()));
        Assert.Equal("strategies[0].parameters.slow_period", e.Key);
    }
}
