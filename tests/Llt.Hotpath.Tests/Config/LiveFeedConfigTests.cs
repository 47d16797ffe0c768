using System.Net;
using Llt.Hotpath.Config;

namespace Llt.Hotpath.Tests.Config;

/// <summary>The live exchange feeds (<c>itch-udp</c>, <c>iex-udp</c>) in llt.json: what they read, and what they refuse.</summary>
public sealed class LiveFeedConfigTests
{
    [Fact]
    public void ItchUdp_ReadsBothLines_TheInterface_AndTheWindows()
    {
        EngineConfig config = EngineConfigLoader.Parse("""
            {
              "feed": {
                "type": "itch-udp", "feedId": 3,
                "lineA": "233.54.12.111:26477", "lineB": "233.49.196.111:26477", "interface": "10.0.0.5",
                "receiveBuffer": 16777216, "gapWindow": "5ms", "heartbeatInterval": "100ms", "batch": 32,
                "sessionDate": "2026-11-24"
              },
              "feeds": [ { "name": "nasdaq", "id": 3, "staleAfter": "2s" } ]
            }
            """);

        FeedConfig feed = config.Feed;
        Assert.True(feed.IsLive);
        Assert.False(feed.IsReplay);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("233.54.12.111"), 26477), feed.LineA);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("233.49.196.111"), 26477), feed.LineB);
        Assert.Equal(IPAddress.Parse("10.0.0.5"), feed.Interface);
        Assert.Equal(16 << 20, feed.ReceiveBufferBytes);
        Assert.Equal(5_000_000, feed.GapWindowNs);
        Assert.Equal(100_000_000, feed.HeartbeatIntervalNs);
        Assert.Equal(32, feed.Batch);
        Assert.Equal(new DateOnly(2026, 11, 24), feed.SessionDate);
    }

    [Fact]
    public void IexUdp_OneLine_TakesTheDefaults()
    {
        FeedConfig feed = EngineConfigLoader.Parse("""{ "feed": { "type": "iex-udp", "lineA": "233.215.21.4:10378", "iexProtocol": "tops" } }""").Feed;

        Assert.True(feed.IsLive);
        Assert.Null(feed.LineB);
        Assert.Null(feed.Interface);
        Assert.Equal("tops", feed.IexProtocol);
        Assert.Equal(8 << 20, feed.ReceiveBufferBytes);
        Assert.Equal(10_000_000, feed.GapWindowNs);
        Assert.Equal(250_000_000, feed.HeartbeatIntervalNs);
    }

    [Theory]
    [InlineData("""{ "type": "itch-multicast", "lineA": "233.54.12.111:26477" }""", "feed.type")]
    [InlineData("""{ "type": "itch-udp" }""", "feed.lineA")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111" }""", "feed.lineA")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:0" }""", "feed.lineA")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:70000" }""", "feed.lineA")]
    [InlineData("""{ "type": "itch-udp", "lineA": "[ff02::1]:26477" }""", "feed.lineA")]
    [InlineData("""{ "type": "itch-udp", "lineA": "nasdaq-a:26477" }""", "feed.lineA")]
    [InlineData("""{ "type": "itch-udp", "lineA": 26477 }""", "feed.lineA")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:26477", "lineB": "b:1" }""", "feed.lineB")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:26477", "lineB": "233.54.12.111:26477" }""", "feed.lineB")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:26477", "interface": "eth0" }""", "feed.interface")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:26477", "interface": "::1" }""", "feed.interface")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:26477", "receiveBuffer": 1024 }""", "feed.receiveBuffer")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:26477", "receiveBuffer": "8MB" }""", "feed.receiveBuffer")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:26477", "gapWindow": "11s" }""", "feed.gapWindow")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:26477", "gapWindow": "soon" }""", "feed.gapWindow")]
    [InlineData("""{ "type": "itch-udp", "lineA": "233.54.12.111:26477", "heartbeatInterval": "10us" }""", "feed.heartbeatInterval")]
    [InlineData("""{ "type": "iex-udp", "lineA": "233.215.21.4:10378", "iexProtocol": "dpls" }""", "feed.iexProtocol")]
    [InlineData("""{ "type": "iex-udp", "lineA": "233.215.21.4:10378", "multicast": true }""", "feed.multicast")]
    public void BadLiveFeed_RefusesToStart_NamingTheKey(string feed, string key)
    {
        var e = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse($$"""{ "feed": {{feed}} }"""));
        Assert.Equal(key, e.Key);
    }

    [Fact]
    public void AHeartbeatNoShorterThanTheFeedsStaleAfter_IsRefused()
    {
        // the handler only says "alive" every 3s; failover would call the quiet feed stale after 2s
        var e = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse("""
            {
              "feed": { "type": "itch-udp", "feedId": 3, "lineA": "233.54.12.111:26477", "heartbeatInterval": "3s" },
              "feeds": [ { "name": "nasdaq", "id": 3, "staleAfter": "2s" } ]
            }
            """));

        Assert.Equal("feed.heartbeatInterval", e.Key);
        Assert.Contains("nasdaq", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigsBuiltInCode_AreCheckedToo()
    {
        var config = new EngineConfig { Feed = new FeedConfig { Type = "itch-udp", LineA = new IPEndPoint(IPAddress.Parse("233.54.12.111"), 0) } };

        Assert.Equal("feed.lineA", Assert.Throws<ConfigException>(() => EngineConfigLoader.Validate(config)).Key);
    }
}
