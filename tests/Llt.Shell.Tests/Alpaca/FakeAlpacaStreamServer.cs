using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Llt.Shell.Alpaca.MessagePack;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// A stand-in for Alpaca's market data stream v2 on 127.0.0.1, following its documented protocol: on connect
/// <c>[{"T":"success","msg":"connected"}]</c>; auth with the right key and secret →
/// <c>[{"T":"success","msg":"authenticated"}]</c>, wrong ones → <c>[{"T":"error","code":402,"msg":"auth failed"}]</c>;
/// a message before auth → 401; subscribe / unsubscribe add to / remove from the connection's subscription and are
/// answered with the <c>subscription</c> message listing all of it; any other action → 400 "invalid syntax". Tests push
/// market data frames to the connected client and can drop the connection. A client that asks for MessagePack
/// (<c>Content-Type: application/msgpack</c> on the upgrade) gets every frame as binary MessagePack (the JSON
/// converted by <see cref="MessagePackTestEncoder"/>) and may send its own messages in MessagePack; unless
/// <see cref="IgnoreContentType"/> is set, which plays a server that only speaks JSON.
/// </summary>
internal sealed class FakeAlpacaStreamServer : IAsyncDisposable
{
    public const string Key = "PKTEST0000000000000";
    public const string Secret = "sEcReT-not-for-logs-123";

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private WebSocket? _client;
    private HttpListenerContext? _context;
    private volatile bool _clientMessagePack;

    public FakeAlpacaStreamServer()
    {
        _listener = LoopbackListener.Start(out int port);
        Port = port;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri Url => new($"ws://127.0.0.1:{Port}/v2/iex");

    /// <summary>Every client message received, in order (auth and subscribe), across connections.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public int Connections;

    /// <summary>The Content-Type of each upgrade request (empty when none), in order.</summary>
    public ConcurrentQueue<string> UpgradeContentTypes { get; } = new();

    /// <summary>The frame type of every client message, in order.</summary>
    public ConcurrentQueue<WebSocketMessageType> ReceivedFrameTypes { get; } = new();

    /// <summary>Answer JSON text frames even to a client that asked for MessagePack.</summary>
    public bool IgnoreContentType { get; set; }

    /// <summary>The timestamp extension size used for "t" in MessagePack frames.</summary>
    public TimestampForm TimestampForm { get; set; } = TimestampForm.Smallest;

    /// <summary>Whether the current connection is answered in MessagePack.</summary>
    public bool SpeaksMessagePack => _clientMessagePack;

    /// <summary>Raised once the current client's subscription was confirmed.</summary>
    public SemaphoreSlim Subscribed { get; } = new(0);

    /// <summary>Sends a frame as the connection speaks: JSON text, or the same messages as binary MessagePack.</summary>
    public Task SendAsync(string json) => Send(Client, _clientMessagePack, json);

    /// <summary>Sends a text frame as is, whatever the connection speaks.</summary>
    public Task SendTextAsync(string text) => Client.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Sends a binary frame as is.</summary>
    public Task SendBinaryAsync(byte[] bytes) => Client.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None);

    private WebSocket Client => _client ?? throw new InvalidOperationException("no client connected");

    /// <summary>Drops the current connection abruptly (as a network failure would): the TCP connection is reset.</summary>
    public void Drop()
    {
        _client?.Abort();
        _context?.Response.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _client?.Abort();
        // Close alone: after Stop has released the port, Close looks the port up again and the managed HttpListener
        // re-binds it to do so, failing with "Address already in use" when another test took the port meanwhile
        _listener.Close();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (!context.Request.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                context.Response.Close();
                continue;
            }

            string contentType = context.Request.ContentType ?? "";
            UpgradeContentTypes.Enqueue(contentType);
            bool messagePack = contentType == "application/msgpack" && !IgnoreContentType;
            HttpListenerWebSocketContext ws = await context.AcceptWebSocketAsync(subProtocol: null);
            _clientMessagePack = messagePack;
            _client = ws.WebSocket;
            _context = context;
            Interlocked.Increment(ref Connections);
            _ = Task.Run(() => ServeAsync(ws.WebSocket, messagePack));
        }
    }

    private async Task ServeAsync(WebSocket socket, bool messagePack)
    {
        var buffer = new byte[64 * 1024];
        bool authenticated = false;
        var subscription = (Trades: new List<string>(), Quotes: new List<string>(), Bars: new List<string>());
        try
        {
            await Send(socket, messagePack, """[{"T":"success","msg":"connected"}]""");
            while (socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                int length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), _stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                ReceivedFrameTypes.Enqueue(result.MessageType);
                string text = result.MessageType == WebSocketMessageType.Binary
                    ? MessagePackAsJson(buffer.AsSpan(0, length))
                    : Encoding.UTF8.GetString(buffer, 0, length);
                Received.Enqueue(text);
                using JsonDocument message = JsonDocument.Parse(text);
                string? action = message.RootElement.GetProperty("action").GetString();
                if (action == "auth")
                {
                    bool ok = message.RootElement.GetProperty("key").GetString() == Key && message.RootElement.GetProperty("secret").GetString() == Secret;
                    await Send(socket, messagePack, ok ? """[{"T":"success","msg":"authenticated"}]""" : """[{"T":"error","code":402,"msg":"auth failed"}]""");
                    authenticated = ok;
                }
                else if (!authenticated)
                {
                    await Send(socket, messagePack, """[{"T":"error","code":401,"msg":"not authenticated"}]""");
                }
                else if (action is "subscribe" or "unsubscribe")
                {
                    // the lists given are added to (removed from) this connection's subscription; the answer is all of it
                    bool add = action == "subscribe";
                    Change(subscription.Trades, message.RootElement, "trades", add);
                    Change(subscription.Quotes, message.RootElement, "quotes", add);
                    Change(subscription.Bars, message.RootElement, "bars", add);
                    await Send(socket, messagePack, $$"""[{"T":"subscription","trades":{{Json(subscription.Trades)}},"quotes":{{Json(subscription.Quotes)}},"bars":{{Json(subscription.Bars)}},"updatedBars":[],"dailyBars":[],"statuses":[],"lulds":[],"corrections":{{Json(subscription.Trades)}},"cancelErrors":{{Json(subscription.Trades)}}}]""");
                    Subscribed.Release();
                }
                else
                {
                    await Send(socket, messagePack, """[{"T":"error","code":400,"msg":"invalid syntax"}]""");
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException or JsonException)
        {
        }
    }

    private static void Change(List<string> subscribed, JsonElement message, string list, bool add)
    {
        if (!message.TryGetProperty(list, out JsonElement symbols))
        {
            return;
        }

        foreach (JsonElement symbol in symbols.EnumerateArray())
        {
            string name = symbol.GetString()!;
            if (add && !subscribed.Contains(name))
            {
                subscribed.Add(name);
            }
            else if (!add)
            {
                subscribed.Remove(name);
            }
        }
    }

    private static string Json(List<string> symbols) => "[" + string.Join(",", symbols.Select(symbol => "\"" + symbol + "\"")) + "]";

    private Task Send(WebSocket socket, bool messagePack, string json) => messagePack
        ? socket.SendAsync(MessagePackTestEncoder.FromJson(json, TimestampForm), WebSocketMessageType.Binary, true, CancellationToken.None)
        : socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>A client's MessagePack message (a map of strings and string arrays) as JSON text, for <see cref="Received"/>.</summary>
    private static string MessagePackAsJson(ReadOnlySpan<byte> bytes)
    {
        var reader = new MessagePackReader(bytes);
        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            WriteValue(ref reader, json);
        }

        if (!reader.End)
        {
            throw new InvalidDataException("bytes after the client's MessagePack message");
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(ref MessagePackReader reader, Utf8JsonWriter json)
    {
        switch (reader.PeekType())
        {
            case MessagePackType.Map:
                Check(reader.TryReadMapHeader(out int pairs));
                json.WriteStartObject();
                for (int i = 0; i < pairs; i++)
                {
                    Check(reader.TryReadString(out ReadOnlySpan<byte> key));
                    json.WritePropertyName(key);
                    WriteValue(ref reader, json);
                }

                json.WriteEndObject();
                break;
            case MessagePackType.Array:
                Check(reader.TryReadArrayHeader(out int count));
                json.WriteStartArray();
                for (int i = 0; i < count; i++)
                {
                    WriteValue(ref reader, json);
                }

                json.WriteEndArray();
                break;
            case MessagePackType.String:
                Check(reader.TryReadString(out ReadOnlySpan<byte> text));
                json.WriteStringValue(text);
                break;
            default:
                throw new InvalidDataException($"a client message holds {reader.PeekType()}, not maps, arrays and strings");
        }
    }

    private static void Check(MessagePackStatus status)
    {
        if (status != MessagePackStatus.Ok)
        {
            throw new InvalidDataException($"client's MessagePack: {status}");
        }
    }
}
