using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;
using Llt.Codecs.Runtime;
using Llt.Sbe;
using Llt.Shell.Alpaca;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// The Alpaca data stream against <see cref="FakeAlpacaStreamServer"/>: handshake, ticks onto md.ring as SBE,
/// auth failure, reconnect with resubscription, malformed frames. Bounded waits only.
/// </summary>
public sealed class AlpacaDataStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeAlpacaStreamServer _server = new();
    private readonly AlignedMemory _ringMemory = AlignedMemory.Allocate((1 << 16) + RingBufferDescriptor.TrailerLength);
    private ManyToOneRingBuffer _ring = null!;
    private AlpacaDataStream _stream = null!;
    private readonly CapturingLogger _logger = new();

    public Task InitializeAsync()
    {
        _ring = new ManyToOneRingBuffer(_ringMemory.AsBuffer());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.StopAsync(CancellationToken.None);
            _stream.Dispose();
        }

        await _server.DisposeAsync();
        _ringMemory.Dispose();
    }

    private AlpacaDataStream Start(string secret = FakeAlpacaStreamServer.Secret)
    {
        var options = new AlpacaStreamOptions
        {
            Url = _server.Url,
            KeyId = FakeAlpacaStreamServer.Key,
            SecretKey = secret,
            Trades = ["AAPL"],
            Quotes = ["AAPL", "MSFT"],
            Bars = ["SPY"],
            FeedId = 20,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            HandshakeTimeout = TimeSpan.FromSeconds(5),
        };
        _stream = new AlpacaDataStream(options, new AlpacaTickPublisher(_ring, ["AAPL", "MSFT"], 20), _logger);
        _stream.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return _stream;
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    private List<(int Type, byte[] Body)> DrainRing()
    {
        var messages = new List<(int, byte[])>();
        _ring.Read(new MessageHandler((type, buffer, index, length) => messages.Add((type, buffer.AsSpan(index, length).ToArray()))), 100);
        return messages;
    }

    [Fact]
    public async Task Handshake_ThenQuotesAndTrades_ReachMdRingAsSbe()
    {
        AlpacaDataStream stream = Start();
        Assert.True(await _server.Subscribed.WaitAsync(Wait));
        await Until(() => stream.State == AlpacaStreamState.Streaming, "streaming");
        Assert.Equal(["AAPL"], stream.Subscription.Trades);
        Assert.Equal(["AAPL", "MSFT"], stream.Subscription.Quotes);

        DrainRing(); // FeedHealth Recovered
        await _server.SendAsync("""[{"T":"q","S":"MSFT","bx":"U","bp":410.1,"bs":3,"ax":"Q","ap":410.12,"as":2,"t":"2024-01-02T15:00:00.000000123Z","c":["R"],"z":"C"},{"T":"t","i":7,"S":"AAPL","x":"V","p":190.01,"s":100,"t":"2024-01-02T15:00:00.5Z","c":["@"],"z":"C"},{"T":"t","i":8,"S":"TSLA","x":"V","p":250,"s":1,"t":"2024-01-02T15:00:00.5Z","c":["@"],"z":"C"}]""");
        await Until(() => stream.Publisher.Trades == 1, "the trade");

        List<(int Type, byte[] Body)> ring = DrainRing();
        Assert.Equal([QuoteDecoder.TemplateId, TradeDecoder.TemplateId], ring.Select(m => m.Type));
        Assert.Equal(SbeDecodeStatus.Ok, QuoteDecoder.TryDecode(ring[0].Body, 0, out QuoteDecoder quote, out _));
        Assert.Equal((1, 20, 410_10000000L, 3L, 410_12000000L, 2L), (quote.InstrumentId, (int)quote.FeedId, quote.BidPrice, quote.BidSize, quote.AskPrice, quote.AskSize));
        Assert.Equal(1_704_207_600_000_000_123UL, quote.ExchangeTs);
        Assert.True(quote.ReceiveTs > 0);
        Assert.Equal(SbeDecodeStatus.Ok, TradeDecoder.TryDecode(ring[1].Body, 0, out TradeDecoder trade, out _));
        Assert.Equal((0, 190_01000000L, 100L, 7UL), (trade.InstrumentId, trade.Price, trade.Size, trade.TradeId));
        Assert.Equal(1, stream.Publisher.UnknownSymbols); // TSLA is not an engine instrument
    }

    [Fact]
    public async Task WrongSecret_IsRefused_NoTicks_AndTheSecretIsNeverLogged()
    {
        AlpacaDataStream stream = Start(secret: "wrong-secret-value-987");
        await Until(() => stream.State == AlpacaStreamState.Refused, "refused");

        Assert.Equal("402 auth failed", stream.LastError);
        Assert.Equal(0, _server.Subscribed.CurrentCount);
        Assert.DoesNotContain(_logger.Lines, line => line.Contains("wrong-secret-value-987", StringComparison.Ordinal) || line.Contains(FakeAlpacaStreamServer.Key, StringComparison.Ordinal));
        Assert.Contains(_logger.Lines, line => line.Contains("402", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DroppedConnection_Reconnects_AndSubscribesAgainToTheSameSymbols()
    {
        AlpacaDataStream stream = Start();
        Assert.True(await _server.Subscribed.WaitAsync(Wait));
        await Until(() => stream.State == AlpacaStreamState.Streaming, "streaming");

        _server.Drop();
        Assert.True(await _server.Subscribed.WaitAsync(Wait));
        await Until(() => stream.State == AlpacaStreamState.Streaming && stream.Reconnects == 1, "streaming again");

        string[] subscribes = [.. _server.Received.Where(m => m.Contains("\"subscribe\"", StringComparison.Ordinal))];
        Assert.Equal(2, subscribes.Length);
        Assert.Equal(subscribes[0], subscribes[1]);
        Assert.Equal(2, _server.Connections);
        List<(int Type, byte[] Body)> ring = DrainRing();
        Assert.Contains(ring, m => m.Type == FeedHealthEncoder.TemplateId); // failover heard about the outage
    }

    [Fact]
    public async Task MalformedFrames_AreCounted_AndTheStreamGoesOn()
    {
        AlpacaDataStream stream = Start();
        Assert.True(await _server.Subscribed.WaitAsync(Wait));
        await Until(() => stream.State == AlpacaStreamState.Streaming, "streaming");

        await _server.SendAsync("this is not json");
        await _server.SendAsync("""[{"T":"t","S":"AAPL"}]""");
        await _server.SendAsync("""[{"T":"t","i":9,"S":"AAPL","x":"V","p":190.02,"s":10,"t":"2024-01-02T15:00:01Z","c":["@"],"z":"C"}]""");
        await Until(() => stream.Publisher.Trades == 1, "the good trade");

        Assert.Equal(2, stream.Malformed);
        Assert.Equal(AlpacaStreamState.Streaming, stream.State);
    }

    private sealed class CapturingLogger : ILogger<AlpacaDataStream>
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));
    }
}
