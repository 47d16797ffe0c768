using Llt.Sbe;
using Llt.Shell.Alpaca;
using Llt.Shell.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// The Alpaca adapters bound to a real llt-engine process, as `llt run` runs them: quotes from the (fake) Alpaca
/// stream land in the engine's journal under the alpaca feed id, and the trading adapter attaches to the engine's
/// external ALPACA venue.
/// </summary>
public sealed class AlpacaServiceTests
{
    [Fact]
    public async Task QuotesFromAlpaca_ReachTheRunningEngine_AndTheVenueAdapterAttaches()
    {
        await using var stream = new FakeAlpacaStreamServer();
        await using var trading = new FakeAlpacaTradingServer();
        using var site = new EngineTestSite();
        site.WriteConfig($$"""
            {
              "engine": { "name": "{{site.Name}}", "heartbeatInterval": "100ms", "journal": { "dir": "{{site.JournalDirectory}}", "segmentSize": 1048576 } },
              "feed": { "type": "none" },
              "feeds": [ { "name": "alpaca", "id": 21, "staleAfter": "30s" } ],
              "venues": [ { "name": "SIM" }, { "name": "ALPACA", "type": "external" } ],
              "strategies": []
            }
            """);
        using EngineProcess engine = EngineProcess.Start("--config", site.ConfigPath);
        engine.WaitForOutput("ready;");
        var config = Llt.Hotpath.Config.EngineConfigLoader.LoadFile(site.ConfigPath);
        var settings = new AlpacaSettings(FakeAlpacaStreamServer.Key, FakeAlpacaStreamServer.Secret, trading.BaseUrl, stream.Url);
        using var service = new AlpacaService(config, settings, NullLoggerFactory.Instance);
        Assert.Equal(1, AlpacaService.VenueIdOf(config));
        Assert.Equal(21, AlpacaService.FeedIdOf(config));

        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await stream.Subscribed.WaitAsync(EngineProcess.Timeout));
            await trading.Listening.Task.WaitAsync(EngineProcess.Timeout);
            await stream.SendAsync("""[{"T":"q","S":"AAPL","bx":"U","bp":190.01,"bs":3,"ax":"Q","ap":190.03,"as":2,"t":"2024-01-02T15:00:00Z","c":["R"],"z":"C"}]""");

            var frames = site.WaitForJournal(f => f.Exists(x => x.Type == QuoteDecoder.TemplateId), "the Alpaca quote in the engine's journal");
            var quote = QuoteDecoder.Decode(frames.Find(x => x.Type == QuoteDecoder.TemplateId).Payload, 0);
            Assert.Equal((0, 21, 190_01000000L, 190_03000000L), (quote.InstrumentId, (int)quote.FeedId, quote.BidPrice, quote.AskPrice));
            Assert.NotNull(service.Venue);
            Assert.Equal(AlpacaStreamState.Streaming, service.Stream!.State);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
