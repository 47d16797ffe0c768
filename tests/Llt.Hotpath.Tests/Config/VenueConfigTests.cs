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
        Assert.Equal("PAPER", config.Venue.Name);
        Assert.Equal(50_000, config.Venue.EntryLatencyNs);
        Assert.Equal(200_000, config.Venue.AckLatencyNs);
        Assert.Equal(300_000, config.Venue.TakerFeePerUnit);
        Assert.Equal(-200_000, config.Venue.MakerFeePerUnit);
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
}
