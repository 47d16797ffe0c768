using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData.Simulation;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

public sealed class SimulatorConfigTests
{
    [Fact]
    public void Validate_DefaultConfig_Passes()
    {
        SimulatorConfig.CreateDefault(100).Validate();
    }

    [Fact]
    public void Validate_NoInstruments_NamesInstrumentsKey()
    {
        var error = Assert.Throws<ConfigException>(() => new SimulatorConfig().Validate());
        Assert.Equal("simulator.instruments", error.Key);
    }

    [Fact]
    public void Validate_BadInstrumentField_NamesIndexedKey()
    {
        SimulatorConfig config = WithInstruments(
            new SimulatedInstrumentConfig { Symbol = "A" },
            new SimulatedInstrumentConfig { Symbol = "B", TickSize = 0 });
        var error = Assert.Throws<ConfigException>(config.Validate);
        Assert.Equal("simulator.instruments[1].tickSize", error.Key);
    }

    [Fact]
    public void Validate_DuplicateSymbol_NamesSymbolKey()
    {
        SimulatorConfig config = WithInstruments(
            new SimulatedInstrumentConfig { Symbol = "A" },
            new SimulatedInstrumentConfig { Symbol = "A" });
        var error = Assert.Throws<ConfigException>(config.Validate);
        Assert.Equal("simulator.instruments[1].symbol", error.Key);
    }

    [Fact]
    public void Validate_StartPriceBelowTenTicks_NamesStartPrice()
    {
        SimulatorConfig config = WithInstruments(new SimulatedInstrumentConfig { Symbol = "A", TickSize = 1_000_000, StartPrice = 5_000_000 });
        var error = Assert.Throws<ConfigException>(config.Validate);
        Assert.Equal("simulator.instruments[0].startPrice", error.Key);
    }

    [Theory]
    [InlineData("hawkesBranchingRatio")]
    [InlineData("tradeProbability")]
    [InlineData("baseEventRatePerSec")]
    [InlineData("pacedEventsPerSec")]
    [InlineData("volatileVolMultiplier")]
    public void Validate_BadGlobalValue_NamesItsKey(string key)
    {
        SimulatorConfig valid = SimulatorConfig.CreateDefault(2);
        SimulatorConfig config = key switch
        {
            "hawkesBranchingRatio" => Copy(valid, c => new SimulatorConfig { Instruments = c.Instruments, HawkesBranchingRatio = 1.0 }),
            "tradeProbability" => Copy(valid, c => new SimulatorConfig { Instruments = c.Instruments, TradeProbability = double.NaN }),
            "baseEventRatePerSec" => Copy(valid, c => new SimulatorConfig { Instruments = c.Instruments, BaseEventRatePerSec = 0 }),
            "pacedEventsPerSec" => Copy(valid, c => new SimulatorConfig { Instruments = c.Instruments, PacedEventsPerSec = 0 }),
            _ => Copy(valid, c => new SimulatorConfig { Instruments = c.Instruments, VolatileVolMultiplier = 0.5 }),
        };
        var error = Assert.Throws<ConfigException>(config.Validate);
        Assert.Equal("simulator." + key, error.Key);
    }

    [Fact]
    public void MarketSimulator_InvalidConfig_Throws()
    {
        Assert.Throws<ConfigException>(() => new MarketSimulator(new SimulatorConfig()));
    }

    private static SimulatorConfig WithInstruments(params SimulatedInstrumentConfig[] instruments) => new() { Instruments = instruments };

    private static SimulatorConfig Copy(SimulatorConfig config, Func<SimulatorConfig, SimulatorConfig> change) => change(config);
}
