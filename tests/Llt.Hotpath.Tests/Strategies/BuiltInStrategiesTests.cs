using Llt.Hotpath.Config;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Strategies.Examples;
using Llt.Hotpath.Strategies.MeanReversion;
using Llt.Hotpath.Strategies.MomentumBreakout;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class BuiltInStrategiesTests
{
    [Theory]
    [InlineData("mean-reversion", typeof(MeanReversionStrategy))]
    [InlineData("momentum-breakout", typeof(MomentumBreakoutStrategy))]
    [InlineData("ema-cross", typeof(EmaCrossStrategy))]
    public void CreateRegistry_CreatesEachBuiltInByItsConfigName(string typeName, Type type)
    {
        StrategyRegistry registry = BuiltInStrategies.CreateRegistry();
        Strategy strategy = registry.Create(new StrategyConfig { Name = "s", Type = typeName }, 0);
        Assert.IsType(type, strategy);
    }

    [Fact]
    public void ConfigFile_EnablesAStrategyByTypeName()
    {
        EngineConfig config = EngineConfigLoader.Parse("""
            {
              "instruments": [ { "symbol": "SYM0" } ],
              "strategies": [
                { "name": "mr-sym0", "type": "mean-reversion", "instruments": [ "SYM0" ], "maxPosition": 500,
                  "parameters": { "lookback_period": 20, "threshold": 2.0, "order_size": 100 } }
              ]
            }
            """);
        using var harness = new StrategyTestHarness(config.Strategies);
        Assert.IsType<MeanReversionStrategy>(harness.Host[0]);
        Assert.Equal(20, ((MeanReversionStrategy)harness.Host[0]).Parameters.LookbackPeriod);
    }
}
