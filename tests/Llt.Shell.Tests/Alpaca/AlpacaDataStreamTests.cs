using System.Net.WebSockets;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;
using Llt.Codecs.Runtime;
using Llt.Sbe;
using Llt.Shell.Alpaca;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// The Alpaca data stream against <see cref="FakeAlpacaStreamServer"/>, once per frame encoding (the subclasses):
/// handshake, ticks onto md.ring as SBE, every message type, auth failure, reconnect with resubscription,
/// malformed and truncated frames. Every expectation is the same for JSON and MessagePack, which is the point:
/// downstream cannot tell them apart. Bounded waits only.
/// </summary>
public abstract class AlpacaDataStreamTests : IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private protected readonly FakeAlpacaStreamServer _server = new();
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

    protected abstract AlpacaStreamFormat Format { get; }

    protected AlpacaDataStream Start(string secret = FakeAlpacaStreamServer.Secret)
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
            Format = Format,
        };
        _stream = new AlpacaDataStream(options, new AlpacaTickPublisher(_ring, ["AAPL", "MSFT"], 20), _logger);
        _stream.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return _stream;
    }

    protected static async Task Until(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    protected List<(int Type, byte[] Body)> DrainRing()
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
        AssertFramesWereOfThisFormat(stream);
        Assert.Contains(_server.Received, m => m.Contains("\"auth\"", StringComparison.Ordinal) && m.Contains(FakeAlpacaStreamServer.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryMessageType_GivesTheSameTicksAndCounts()
    {
        AlpacaDataStream stream = await StartStreamingAsync();

        await _server.SendAsync("""
            [{"T":"t","i":96921,"S":"AAPL","x":"D","p":126.55,"s":1,"t":"2021-02-22T15:51:44.208123456Z","c":["@","I"],"z":"C"},
             {"T":"q","S":"MSFT","bx":"U","bp":87.66,"bs":1,"ax":"Q","ap":87.68,"as":4,"t":"2021-02-22T15:51:45.335689322Z","c":["R"],"z":"C"},
             {"T":"b","S":"AAPL","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T19:15:00Z"},
             {"T":"d","S":"AAPL","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T05:00:00Z"},
             {"T":"u","S":"AAPL","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49379,"t":"2021-02-22T19:15:00Z"},
             {"T":"s","S":"AAPL","sc":"H","sm":"Trading Halt","rc":"T12","rm":"News","t":"2021-02-22T19:15:00Z","z":"C"},
             {"T":"c","S":"AAPL","x":"N","oi":1,"op":113.5,"os":10,"oc":["@"],"ci":2,"cp":113.49,"cs":10,"cc":["@"],"t":"2021-02-22T19:15:00Z","z":"A"},
             {"T":"x","S":"AAPL","i":3,"x":"N","p":113.5,"s":10,"a":"C","t":"2021-02-22T19:15:00Z","z":"A"},
             {"T":"l","S":"AAPL","u":130.1,"d":120.2,"i":"B","t":"2021-02-22T19:15:00Z","z":"C"},
             {"T":"n","id":24918784,"headline":"h","summary":"","author":"a","created_at":"2022-01-05T22:00:37Z","updated_at":"2022-01-05T22:00:38Z","url":"","content":"","symbols":["AAPL"],"source":"benzinga"},
             {"T":"q","S":"AAPL","bx":"V","bp":0.0001,"bs":100,"ax":"V","ap":92233720368,"as":2,"t":"1970-01-01T00:00:00.000000001Z"}]
            """);
        await Until(() => stream.Publisher.Quotes == 2, "both quotes");

        List<(int Type, byte[] Body)> ring = DrainRing();
        Assert.Equal([TradeDecoder.TemplateId, QuoteDecoder.TemplateId, QuoteDecoder.TemplateId], ring.Select(m => m.Type));
        Assert.Equal(SbeDecodeStatus.Ok, TradeDecoder.TryDecode(ring[0].Body, 0, out TradeDecoder trade, out _));
        Assert.Equal((0, 20, 126_55000000L, 1L, 96921UL, 1_614_009_104_208_123_456UL), (trade.InstrumentId, (int)trade.FeedId, trade.Price, trade.Size, trade.TradeId, trade.ExchangeTs));
        Assert.Equal(SbeDecodeStatus.Ok, QuoteDecoder.TryDecode(ring[1].Body, 0, out QuoteDecoder quote, out _));
        Assert.Equal((1, 87_66000000L, 1L, 87_68000000L, 4L, 1_614_009_105_335_689_322UL), (quote.InstrumentId, quote.BidPrice, quote.BidSize, quote.AskPrice, quote.AskSize, quote.ExchangeTs));
        Assert.Equal(SbeDecodeStatus.Ok, QuoteDecoder.TryDecode(ring[2].Body, 0, out QuoteDecoder edges, out _));
        Assert.Equal((0, 10_000L, 9_223_372_036_800_000_000L, 1UL), (edges.InstrumentId, edges.BidPrice, edges.AskPrice, edges.ExchangeTs));
        Assert.Equal(3, stream.Bars);
        Assert.Equal(5, stream.OtherMessages); // s, c, x, l, n
        Assert.Equal(0, stream.Malformed);
        AssertFramesWereOfThisFormat(stream);
    }

    [Fact]
    public async Task GarbageAndTruncatedBinaryFrames_AreCounted_AndTheStreamGoesOn()
    {
        AlpacaDataStream stream = await StartStreamingAsync();
        byte[] trade = MessagePackTestEncoder.FromJson("""[{"T":"t","i":9,"S":"AAPL","x":"V","p":190.02,"s":10,"t":"2024-01-02T15:00:01Z","c":["@"],"z":"C"}]""");

        await _server.SendBinaryAsync([0xc1]);
        await _server.SendBinaryAsync([0xdd, 0xff, 0xff, 0xff, 0xff, 0x90]); // array32 promising 4 billion messages
        await _server.SendBinaryAsync(trade[..(trade.Length / 2)]);
        await _server.SendBinaryAsync(System.Text.Encoding.UTF8.GetBytes("[{\"T\":\"t\"}]")); // JSON in a binary frame is not MessagePack
        await _server.SendBinaryAsync(trade);
        await Until(() => stream.Publisher.Trades == 1, "the good trade");

        Assert.Equal(4, stream.Malformed);
        Assert.Equal(AlpacaStreamState.Streaming, stream.State);
        Assert.Equal(0, stream.Reconnects);
        Assert.Contains(_logger.Lines, line => line.Contains("not valid MessagePack: Truncated", StringComparison.Ordinal));
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
        Assert.Equal(0, stream.Publisher.Trades + stream.Publisher.Quotes);
        Assert.Equal(Format, stream.ServerFormat);
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
        Assert.Equal(2, _server.UpgradeContentTypes.Count);
        AssertFramesWereOfThisFormat(stream);

        await _server.SendAsync("""[{"T":"q","S":"AAPL","bx":"U","bp":190.1,"bs":3,"ax":"Q","ap":190.12,"as":2,"t":"2024-01-02T15:00:00Z","c":["R"],"z":"C"}]""");
        await Until(() => stream.Publisher.Quotes == 1, "a quote on the new connection");
    }

    [Fact]
    public async Task SubscribeAndUnsubscribe_WhileStreaming_ChangeTheSubscription_AndAReconnectAsksForWhatIsLeft()
    {
        AlpacaDataStream stream = await StartStreamingAsync();

        await stream.UnsubscribeAsync([], ["MSFT"], ["SPY"], CancellationToken.None);
        Assert.True(await _server.Subscribed.WaitAsync(Wait));
        await Until(() => stream.Subscription.Quotes.Count == 1, "the unsubscribe confirmed");
        Assert.Equal("AAPL|AAPL|", Subscribed(stream));

        await stream.SubscribeAsync(["MSFT"], [], [], CancellationToken.None);
        Assert.True(await _server.Subscribed.WaitAsync(Wait));
        await Until(() => stream.Subscription.Trades.Count == 2, "the subscribe confirmed");
        Assert.Equal(["AAPL", "MSFT"], stream.Subscription.Trades);

        // a quote for the symbol no longer subscribed is still read (Alpaca may send a few after an unsubscribe)
        await _server.SendAsync("""[{"T":"t","i":11,"S":"MSFT","x":"V","p":410.5,"s":5,"t":"2024-01-02T15:00:02Z","c":["@"],"z":"C"}]""");
        await Until(() => stream.Publisher.Trades == 1, "a trade of the symbol added");

        _server.Drop();
        Assert.True(await _server.Subscribed.WaitAsync(Wait));
        await Until(() => stream.State == AlpacaStreamState.Streaming && stream.Reconnects == 1, "streaming again");
        string[] sent = [.. _server.Received.Where(m => m.Contains("subscribe\"", StringComparison.Ordinal))];
        Assert.Equal(4, sent.Length);
        Assert.Contains("\"unsubscribe\"", sent[1], StringComparison.Ordinal);
        Assert.Contains("\"quotes\":[\"MSFT\"]", sent[1], StringComparison.Ordinal);
        Assert.Contains("\"trades\":[\"MSFT\"]", sent[2], StringComparison.Ordinal);
        Assert.Contains("\"trades\":[\"AAPL\",\"MSFT\"],\"quotes\":[\"AAPL\"],\"bars\":[]", sent[3], StringComparison.Ordinal); // the reconnect
        Assert.Equal("AAPL,MSFT|AAPL|", Subscribed(stream));
        AssertFramesWereOfThisFormat(stream);
    }

    /// <summary>
    /// Alpaca's documented stream errors while streaming: those about the connection (401 not authenticated, 404 auth
    /// timeout, 406 connection limit exceeded, 407 slow client, 409 insufficient subscription, 500 internal error)
    /// end it — failover hears Down, the stream reconnects and subscribes again; those about one request (400 invalid
    /// syntax, 403 already authenticated, 405 symbol limit exceeded, 410 invalid subscribe action) are logged and the
    /// connection stays.
    /// </summary>
    [Theory]
    [InlineData(400, "invalid syntax", false)]
    [InlineData(401, "not authenticated", true)]
    [InlineData(403, "already authenticated", false)]
    [InlineData(404, "auth timeout", true)]
    [InlineData(405, "symbol limit exceeded", false)]
    [InlineData(406, "connection limit exceeded", true)]
    [InlineData(407, "slow client", true)]
    [InlineData(409, "insufficient subscription", true)]
    [InlineData(410, "invalid subscribe action for this feed", false)]
    [InlineData(500, "internal error", true)]
    public async Task ServerError_EndsTheConnectionOnlyWhenItIsAboutTheConnection(int code, string message, bool ends)
    {
        AlpacaDataStream stream = await StartStreamingAsync();

        await _server.SendAsync($$"""[{"T":"error","code":{{code}},"msg":"{{message}}"}]""");
        await Until(() => stream.LastError == $"{code} {message}", "the error seen");

        if (ends)
        {
            Assert.True(await _server.Subscribed.WaitAsync(Wait));
            await Until(() => stream.Reconnects == 1 && stream.State == AlpacaStreamState.Streaming, "streaming again");
            Assert.Contains(DrainRing(), m => m.Type == FeedHealthEncoder.TemplateId);
            Assert.Equal(2, _server.Connections);
        }
        else
        {
            await _server.SendAsync("""[{"T":"t","i":12,"S":"AAPL","x":"V","p":190.03,"s":1,"t":"2024-01-02T15:00:03Z","c":["@"],"z":"C"}]""");
            await Until(() => stream.Publisher.Trades == 1, "a trade on the same connection");
            Assert.Equal((0L, AlpacaStreamState.Streaming, 1), (stream.Reconnects, stream.State, _server.Connections));
        }
    }

    [Fact]
    public async Task MalformedFrames_AreCounted_AndTheStreamGoesOn()
    {
        AlpacaDataStream stream = Start();
        Assert.True(await _server.Subscribed.WaitAsync(Wait));
        await Until(() => stream.State == AlpacaStreamState.Streaming, "streaming");

        await _server.SendTextAsync("this is not json");
        await _server.SendAsync("""[{"T":"t","S":"AAPL"}]""");
        await _server.SendAsync("""[{"T":"t","i":9,"S":"AAPL","x":"V","p":190.02,"s":10,"t":"2024-01-02T15:00:01Z","c":["@"],"z":"C"}]""");
        await Until(() => stream.Publisher.Trades == 1, "the good trade");

        Assert.Equal(2, stream.Malformed);
        Assert.Equal(AlpacaStreamState.Streaming, stream.State);
    }

    /// <summary>The confirmed subscription as "trades|quotes|bars".</summary>
    private static string Subscribed(AlpacaDataStream stream) =>
        $"{string.Join(',', stream.Subscription.Trades)}|{string.Join(',', stream.Subscription.Quotes)}|{string.Join(',', stream.Subscription.Bars)}";

    /// <summary>The frames went the way this suite's encoding says, both directions.</summary>
    protected void AssertFramesWereOfThisFormat(AlpacaDataStream stream)
    {
        bool messagePack = Format == AlpacaStreamFormat.MessagePack;
        Assert.Equal(messagePack, stream.MessagePackFrames > 0);
        Assert.Equal(!messagePack, stream.JsonFrames > 0);
        Assert.Equal(Format, stream.ServerFormat);
        Assert.All(_server.UpgradeContentTypes, contentType => Assert.Equal(messagePack ? "application/msgpack" : "", contentType));
        Assert.All(_server.ReceivedFrameTypes, type => Assert.Equal(messagePack ? WebSocketMessageType.Binary : WebSocketMessageType.Text, type));
    }

    protected async Task<AlpacaDataStream> StartStreamingAsync()
    {
        AlpacaDataStream stream = Start();
        Assert.True(await _server.Subscribed.WaitAsync(Wait));
        await Until(() => stream.State == AlpacaStreamState.Streaming, "streaming");
        DrainRing(); // FeedHealth Recovered
        return stream;
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
