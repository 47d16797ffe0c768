using Llt.Hotpath.Config;

namespace Llt.Hotpath.Tests.Config;

public sealed class VenueConfigTests
{
    [Fact]
    public void VenueSection_IsParsed_WithDurationsAndDecimalFees()
    {
        EngineConfig config = EngineConfigLoader.Parse("""
            { "venue": { "name": "PAPER", "entryLatency": "50us", "ackLatency": "200us", "takerFee": 0.003, "makerFee": -0.002, "ackTimeout": "2s" } }
            """);
        Assert.Equal("PAPER", config.Venues[0].Name);
        Assert.Equal(50_000, config.Venues[0].EntryLatencyNs);
        Assert.Equal(200_000, config.Venues[0].AckLatencyNs);
        Assert.Equal(300_000, config.Venues[0].TakerFeePerUnit);
        Assert.Equal(-200_000, config.Venues[0].MakerFeePerUnit);
        Assert.Equal(2_000_000_000, config.AckTimeoutNs);
    }

    [Theory]
    [InlineData("""{ "venue": { "ackTimeout": "10us" } }""", "venue.ackTimeout")]
    [InlineData("""{ "venue": { "ackLatency": "soon" } }""", "venue.ackLatency")]
    [InlineData("""{ "venue": { "takerFee": 0.000000001 } }""", "venue.takerFee")]
    [InlineData("""{ "venue": { "latency": "1ms" } }""", "venue.latency")]
    public void BadVenueValue_RefusesToStart_NamingTheKey(string json, string key)
    {
        var e = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse(json));
        Assert.Equal(key, e.Key);
    }

    [Fact]
    public void VenuesList_IsParsed_InOrder_AsDenseVenueIds()
    {
        EngineConfig config = EngineConfigLoader.Parse("""
            {
              "venues": [
                { "name": "X", "takerFee": 0.003, "liquidityShare": 0.7 },
                { "name": "Y", "takerFee": 0.001, "liquidityShare": 0.3, "entryLatency": "40us" }
              ],
              "oms": { "ackTimeout": "3s" }
            }
            """);
        Assert.Equal(["X", "Y"], config.Venues.Select(v => v.Name).ToArray());
        Assert.Equal(70_000_000, config.Venues[0].LiquidityShare);
        Assert.Equal(100_000, config.Venues[1].TakerFeePerUnit);
        Assert.Equal(40_000, config.Venues[1].EntryLatencyNs);
        Assert.Equal(3_000_000_000, config.AckTimeoutNs);
    }

    [Fact]
    public void Defaults_AreTwoVenuesSplittingTheMarket()
    {
        EngineConfig config = EngineConfigLoader.Parse("{}");
        Assert.Equal(2, config.Venues.Count);
        Assert.Equal(100_000_000, config.Venues.Sum(v => v.LiquidityShare));
    }

    [Theory]
    [InlineData("""{ "venue": {}, "venues": [] }""", "venues")]
    [InlineData("""{ "venues": [] }""", "venues")]
    [InlineData("""{ "venues": {} }""", "venues")]
    [InlineData("""{ "venues": [ { "name": "X" }, { "name": "X" } ] }""", "venues[1].name")]
    [InlineData("""{ "venues": [ { "name": "X", "liquidityShare": 0 } ] }""", "venues[0].liquidityShare")]
    [InlineData("""{ "venues": [ { "name": "X", "liquidityShare": 1.5 } ] }""", "venues[0].liquidityShare")]
    [InlineData("""{ "venues": [ { "name": "X", "ackTimeout": "1s" } ] }""", "venues[0].ackTimeout")]
    [InlineData("""{ "venues": [ { "name": "" } ] }""", "venues[0].name")]
    [InlineData("""{ "oms": { "ackTimeout": "5us" } }""", "oms.ackTimeout")]
    public void BadVenuesList_RefusesToStart_NamingTheKey(string json, string key)
    {
        var e = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse(json));
        Assert.Equal(key, e.Key);
    }
}
