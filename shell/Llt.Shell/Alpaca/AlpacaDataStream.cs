using System.Net.WebSockets;
using Llt.Sbe;
using Llt.Shell.Sinks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Alpaca;

/// <summary>
/// Alpaca market data stream v2 as a feed of the engine: connects, waits for "connected", authenticates
/// (<c>{"action":"auth"}</c>), subscribes to the configured trades, quotes and bars, and turns every trade and
/// quote into SBE on md.ring (<see cref="AlpacaTickPublisher"/>). On any disconnect, server error or timeout it
/// tells failover the feed is down (FeedHealth), backs off (doubling up to the cap) and reconnects, subscribing
/// again to the same symbols. Refused keys (402) or plan (409) keep being retried at the slowest pace and are
/// logged each time. Keys are sent only in the auth message and are never logged. <see cref="SubscribeAsync"/> and
/// <see cref="UnsubscribeAsync"/> change what is streamed while connected (and what a reconnect subscribes to).
/// <para>
/// Frames are MessagePack or JSON (<see cref="AlpacaStreamOptions.Format"/>): MessagePack is asked for with
/// <c>Content-Type: application/msgpack</c> on the upgrade. Whatever was asked, a binary frame is read as
/// MessagePack and a text frame as JSON, and auth and subscribe go in the encoding of the server's "connected"
/// frame, so a server that ignores the header still gets a client it understands.
/// </para>
/// </summary>
public sealed class AlpacaDataStream : BackgroundService
{
    private readonly AlpacaStreamOptions _options;
    private readonly AlpacaTickPublisher _publisher;
    private readonly ILogger _logger;
    private readonly Func<ClientWebSocket> _socketFactory;
    private HttpMessageInvoker? _messagePackInvoker;

    // what to stream, in the order asked for: changed by SubscribeAsync/UnsubscribeAsync, sent again on every reconnect
    private readonly object _wantedLock = new();
    private readonly List<string> _trades;
    private readonly List<string> _quotes;
    private readonly List<string> _bars;

    // one sender at a time on the socket (the handshake, and callers changing the subscription)
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private volatile ClientWebSocket? _streamingSocket;

    public AlpacaDataStream(AlpacaStreamOptions options, AlpacaTickPublisher publisher, ILogger<AlpacaDataStream> logger, Func<ClientWebSocket>? socketFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _publisher = publisher;
        _logger = logger;
        _socketFactory = socketFactory ?? CreateSocket;
        _trades = [.. options.Trades.Distinct()];
        _quotes = [.. options.Quotes.Distinct()];
        _bars = [.. options.Bars.Distinct()];
    }

    /// <summary>
    /// Adds symbols to the subscription: sent at once when streaming (the server confirms with the whole
    /// subscription, see <see cref="Subscription"/>), and part of every later reconnect's subscribe.
    /// </summary>
    public Task SubscribeAsync(IReadOnlyList<string> trades, IReadOnlyList<string> quotes, IReadOnlyList<string> bars, CancellationToken cancellationToken)
    {
        lock (_wantedLock)
        {
            Add(_trades, trades);
            Add(_quotes, quotes);
            Add(_bars, bars);
        }

        return SendWhileStreamingAsync("subscribe", trades, quotes, bars, cancellationToken);
    }

    /// <summary>Removes symbols from the subscription, now when streaming and on every later reconnect.</summary>
    public Task UnsubscribeAsync(IReadOnlyList<string> trades, IReadOnlyList<string> quotes, IReadOnlyList<string> bars, CancellationToken cancellationToken)
    {
        lock (_wantedLock)
        {
            _trades.RemoveAll(trades.Contains);
            _quotes.RemoveAll(quotes.Contains);
            _bars.RemoveAll(bars.Contains);
        }

        return SendWhileStreamingAsync("unsubscribe", trades, quotes, bars, cancellationToken);
    }

    private static void Add(List<string> wanted, IReadOnlyList<string> symbols)
    {
        foreach (string symbol in symbols)
        {
            if (!wanted.Contains(symbol))
            {
                wanted.Add(symbol);
            }
        }
    }

    private byte[] WantedSubscription(AlpacaStreamFormat format)
    {
        lock (_wantedLock)
        {
            return AlpacaStreamActions.Subscription("subscribe", [.. _trades], [.. _quotes], [.. _bars], format);
        }
    }

    /// <summary>Sends a change on the live connection; without one, the next connection's subscribe carries it.</summary>
    private async Task SendWhileStreamingAsync(string action, IReadOnlyList<string> trades, IReadOnlyList<string> quotes, IReadOnlyList<string> bars, CancellationToken cancellationToken)
    {
        ClientWebSocket? socket = _streamingSocket;
        if (socket is null)
        {
            return;
        }

        try
        {
            await SendAsync(socket, AlpacaStreamActions.Subscription(action, trades, quotes, bars, ServerFormat), ServerFormat, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // the connection is going down: the reconnect subscribes to what is wanted now
        }
    }

    /// <summary>
    /// Pings every 10 s and gives up on a connection whose pong is 10 s late: a dead TCP path is noticed even
    /// while the market is quiet and no data would show it.
    /// </summary>
    private static ClientWebSocket CreateSocket()
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
        return socket;
    }

    public AlpacaStreamState State { get; private set; } = AlpacaStreamState.Disconnected;

    /// <summary>Connections that ended and were retried.</summary>
    public long Reconnects { get; private set; }

    public long Malformed { get; private set; }

    public long Bars { get; private set; }

    public long OtherMessages { get; private set; }

    /// <summary>Frames read, by encoding (all connections).</summary>
    public long JsonFrames { get; private set; }

    public long MessagePackFrames { get; private set; }

    /// <summary>The encoding of the current connection's "connected" frame, which auth and subscribe follow.</summary>
    public AlpacaStreamFormat ServerFormat { get; private set; }

    /// <summary>The last error the server sent ("402 auth failed"), or the last connection failure.</summary>
    public string? LastError { get; private set; }

    /// <summary>What the server confirmed we are subscribed to.</summary>
    public (IReadOnlyList<string> Trades, IReadOnlyList<string> Quotes, IReadOnlyList<string> Bars) Subscription { get; private set; } = ([], [], []);

    public AlpacaTickPublisher Publisher => _publisher;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new RetryBackoff(_options.ReconnectMinDelay, _options.ReconnectMaxDelay);
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                reason = await RunConnectionAsync(backoff, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or TimeoutException or HttpRequestException)
            {
                reason = e is OperationCanceledException ? "timed out" : e.Message;
                LastError = reason;
            }

            if (State != AlpacaStreamState.Refused)
            {
                State = AlpacaStreamState.Disconnected;
            }

            _publisher.PublishHealth(FeedSignal.Down);
            Reconnects++;
            TimeSpan delay = State == AlpacaStreamState.Refused ? _options.ReconnectMaxDelay : backoff.Next();
            AlpacaLog.Disconnected(_logger, reason, delay);
            try
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        State = AlpacaStreamState.Disconnected;
    }

    /// <summary>One connection from connect to close; returns why it ended.</summary>
    private async Task<string> RunConnectionAsync(RetryBackoff backoff, CancellationToken stoppingToken)
    {
        using ClientWebSocket socket = _socketFactory();
        State = AlpacaStreamState.Connecting;
        AlpacaLog.Connecting(_logger, _options.Url);
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            connectTimeout.CancelAfter(_options.HandshakeTimeout);
            if (_options.Format == AlpacaStreamFormat.MessagePack)
            {
                _messagePackInvoker ??= new HttpMessageInvoker(new MessagePackUpgradeHandler(new SocketsHttpHandler()));
                await socket.ConnectAsync(_options.Url, _messagePackInvoker, connectTimeout.Token).ConfigureAwait(false);
            }
            else
            {
                await socket.ConnectAsync(_options.Url, connectTimeout.Token).ConfigureAwait(false);
            }
        }

        var handler = new FrameHandler(this);
        var buffer = new byte[64 * 1024];
        var frame = new MemoryStream();

        // connected -> auth -> authenticated -> subscribe -> subscription, each step bounded by the handshake timeout
        if (!await ExpectAsync(socket, buffer, frame, handler, h => h.Connected, stoppingToken).ConfigureAwait(false))
        {
            return handler.Ended ?? "no \"connected\" from the server";
        }

        // answer in what the server speaks: it may not have honoured the Content-Type (or not been asked)
        ServerFormat = handler.LastFrameFormat;
        State = AlpacaStreamState.Authenticating;
        await SendAsync(socket, AlpacaStreamActions.Auth(_options, ServerFormat), ServerFormat, stoppingToken).ConfigureAwait(false);
        if (!await ExpectAsync(socket, buffer, frame, handler, h => h.Authenticated, stoppingToken).ConfigureAwait(false))
        {
            return handler.Ended ?? "not authenticated";
        }

        State = AlpacaStreamState.Subscribing;
        await SendAsync(socket, WantedSubscription(ServerFormat), ServerFormat, stoppingToken).ConfigureAwait(false);
        if (!await ExpectAsync(socket, buffer, frame, handler, h => h.Subscribed, stoppingToken).ConfigureAwait(false))
        {
            return handler.Ended ?? "no subscription confirmed";
        }

        State = AlpacaStreamState.Streaming;
        _streamingSocket = socket;
        backoff.Reset();
        _publisher.PublishHealth(FeedSignal.Recovered);
        AlpacaLog.Subscribed(_logger, Subscription.Trades.Count, Subscription.Quotes.Count, Subscription.Bars.Count, ServerFormat);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await ReceiveFrameAsync(socket, buffer, frame, handler, stoppingToken).ConfigureAwait(false))
                {
                    return handler.Ended ?? "closed by the server";
                }

                if (handler.Ended is not null)
                {
                    return handler.Ended;
                }
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "llt stopping", CancellationToken.None).ConfigureAwait(false);
            return "stopping";
        }
        finally
        {
            _streamingSocket = null;
        }
    }

    private async Task<bool> ExpectAsync(
        ClientWebSocket socket, byte[] buffer, MemoryStream frame, FrameHandler handler, Func<FrameHandler, bool> reached, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.HandshakeTimeout);
        while (!reached(handler))
        {
            if (handler.Ended is not null || !await ReceiveFrameAsync(socket, buffer, frame, handler, timeout.Token).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads one whole frame and parses it (binary as MessagePack, text as JSON); false when the server closed the connection.</summary>
    private async Task<bool> ReceiveFrameAsync(ClientWebSocket socket, byte[] buffer, MemoryStream frame, FrameHandler handler, CancellationToken cancellationToken)
    {
        frame.SetLength(0);
        bool binary;
        while (true)
        {
            WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                handler.Ended ??= $"closed by the server ({result.CloseStatus} {result.CloseStatusDescription})";
                return false;
            }

            frame.Write(buffer, 0, result.Count);
            if (frame.Length > _options.MaxFrameBytes)
            {
                handler.OnMalformed($"frame larger than {_options.MaxFrameBytes} bytes");
                handler.Ended = "oversized frame";
                return false;
            }

            if (result.EndOfMessage)
            {
                // every fragment of a message has the type of its first one
                binary = result.MessageType == WebSocketMessageType.Binary;
                break;
            }
        }

        ReadOnlySpan<byte> bytes = frame.GetBuffer().AsSpan(0, (int)frame.Length);
        if (binary)
        {
            MessagePackFrames++;
            handler.LastFrameFormat = AlpacaStreamFormat.MessagePack;
            AlpacaMessagePackParser.Parse(bytes, handler);
        }
        else
        {
            JsonFrames++;
            handler.LastFrameFormat = AlpacaStreamFormat.Json;
            AlpacaStreamParser.Parse(bytes, handler);
        }

        return true;
    }

    private async Task SendAsync(ClientWebSocket socket, byte[] message, AlpacaStreamFormat format, CancellationToken cancellationToken)
    {
        // a WebSocket takes one send at a time: the handshake and subscription changes queue here
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(
                message,
                format == AlpacaStreamFormat.MessagePack ? WebSocketMessageType.Binary : WebSocketMessageType.Text,
                endOfMessage: true,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public override void Dispose()
    {
        _messagePackInvoker?.Dispose();
        _sendLock.Dispose();
        base.Dispose();
    }

    /// <summary>One connection's view of the messages: handshake progress, data to the publisher, errors to the log.</summary>
    private sealed class FrameHandler(AlpacaDataStream stream) : IAlpacaStreamHandler
    {
        public bool Connected { get; private set; }

        public bool Authenticated { get; private set; }

        public bool Subscribed { get; private set; }

        /// <summary>The encoding of the frame read last.</summary>
        public AlpacaStreamFormat LastFrameFormat { get; set; }

        /// <summary>Set when the server said something that ends this connection.</summary>
        public string? Ended { get; set; }

        public void OnSuccess(string message)
        {
            if (message == "connected")
            {
                Connected = true;
            }
            else if (message == "authenticated")
            {
                Authenticated = true;
            }
        }

        public void OnError(int code, string message)
        {
            stream.LastError = $"{code} {message}";
            AlpacaLog.ServerError(stream._logger, code, message);
            switch (code)
            {
                case 402 or 409:
                    // wrong keys or a plan without this feed: nothing a reconnect can fix soon
                    stream.State = AlpacaStreamState.Refused;
                    Ended = stream.LastError;
                    break;
                case 401 or 404 or 406 or 407 or 500:
                    Ended = stream.LastError;
                    break;
                default:
                    // 400 invalid syntax, 403 already authenticated, 405 symbol limit, 410 invalid action: the
                    // connection stays; what the server accepted comes back in its subscription message
                    break;
            }
        }

        public void OnSubscription(IReadOnlyList<string> trades, IReadOnlyList<string> quotes, IReadOnlyList<string> bars)
        {
            stream.Subscription = (trades, quotes, bars);
            Subscribed = true;
        }

        public void OnTrade(in AlpacaTrade trade) => stream._publisher.Publish(trade);

        public void OnQuote(in AlpacaQuote quote) => stream._publisher.Publish(quote);

        public void OnBar(in AlpacaBar bar) => stream.Bars++;

        public void OnOther(string type, string? symbol) => stream.OtherMessages++;

        public void OnMalformed(string why)
        {
            stream.Malformed++;
            AlpacaLog.Malformed(stream._logger, why);
        }
    }
}
