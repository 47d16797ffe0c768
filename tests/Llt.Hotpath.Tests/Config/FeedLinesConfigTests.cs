using Llt.Hotpath.Config;

namespace Llt.Hotpath.Tests.Config;

public sealed class FeedLinesConfigTests
{
    [Fact]
    public void FeedsList_IsParsed_InPriorityOrder()
    {
        EngineConfig config = EngineConfigLoader.Parse("""
            {
              "feeds": [
                { "name": "itch", "id": 3, "staleAfter": "500ms", "recoverAfter": "10s" },
                { "name": "iex", "id": 4, "instruments": ["AAPL", "MSFT"] }
              ]
            }
            """);

        Assert.Equal(["itch", "iex"], config.Feeds.Select(f => f.Name));
        Assert.Equal(3, config.Feeds[0].Id);
        Assert.Equal(500_000_000, config.Feeds[0].StaleAfterNs);
        Assert.Equal(10_000_000_000, config.Feeds[0].RecoverAfterNs);
        Assert.Empty(config.Feeds[0].Instruments);
        Assert.Equal(["AAPL", "MSFT"], config.Feeds[1].Instruments);
        Assert.Equal(2_000_000_000, config.Feeds[1].StaleAfterNs);
    }

    [Fact]
    public void NoFeedsSection_LeavesFailoverOff()
    {
        Assert.Empty(EngineConfigLoader.Parse("{}").Feeds);
    }

    [Theory]
    [InlineData("""{ "feeds": { "name": "a" } }""", "feeds")]
    [InlineData("""{ "feeds": [ { "id": 1 } ] }""", "feeds[0].name")]
    [InlineData("""{ "feeds": [ { "name": "a" } ] }""", "feeds[0].id")]
    [InlineData("""{ "feeds": [ { "name": "a", "id": 254 } ] }""", "feeds[0].id")]
    [InlineData("""{ "feeds": [ { "name": "a", "id": 1 }, { "name": "b", "id": 1 } ] }""", "feeds[1].id")]
    [InlineData("""{ "feeds": [ { "name": "a", "id": 1 }, { "name": "a", "id": 2 } ] }""", "feeds[1].name")]
    [InlineData("""{ "feeds": [ { "name": "a", "id": 1, "staleAfter": "10us" } ] }""", "feeds[0].staleAfter")]
    [InlineData("""{ "feeds": [ { "name": "a", "id": 1, "instruments": ["NOPE"] } ] }""", "feeds[0].instruments[0]")]
    [InlineData("""{ "feeds": [ { "name": "a", "id": 1, "priority": 2 } ] }""", "feeds[0].priority")]
    public void BadFeed_RefusesToStart_NamingTheKey(string json, string key)
    {
        var e = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse(json));
        Assert.Equal(key, e.Key);
    }
}
