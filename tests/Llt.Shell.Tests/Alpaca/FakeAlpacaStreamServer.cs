using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// A stand-in for Alpaca's market data stream v2 on 127.0.0.1, following its documented protocol: on connect
/// <c>[{"T":"success","msg":"connected"}]</c>; auth with the right key and secret →
/// <c>[{"T":"success","msg":"authenticated"}]</c>, wrong ones → <c>[{"T":"error","code":402,"msg":"auth failed"}]</c>;
/// a message before auth → 401; subscribe → the <c>subscription</c> message listing what is subscribed. Tests push
/// market data frames to the connected client and can drop the connection.
/// </summary>
internal sealed class FakeAlpacaStreamServer : IAsyncDisposable
{
    public const string Key = "PKTEST0000000000000";
    public const string Secret = "sEcReT-not-for-logs-123";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private WebSocket? _client;
    private HttpListenerContext? _context;

    public FakeAlpacaStreamServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri Url => new($"ws://127.0.0.1:{Port}/v2/iex");

    /// <summary>Every client message received, in order (auth and subscribe), across connections.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public int Connections;

    /// <summary>Raised once the current client's subscription was confirmed.</summary>
    public SemaphoreSlim Subscribed { get; } = new(0);

    public async Task SendAsync(string json)
    {
        WebSocket client = _client ?? throw new InvalidOperationException("no client connected");
        await client.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
    }

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
        _listener.Stop();
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

            HttpListenerWebSocketContext ws = await context.AcceptWebSocketAsync(subProtocol: null);
            Interlocked.Increment(ref Connections);
            _client = ws.WebSocket;
            _context = context;
            _ = Task.Run(() => ServeAsync(ws.WebSocket));
        }
    }

    private async Task ServeAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        bool authenticated = false;
        try
        {
            await Send(socket, """[{"T":"success","msg":"connected"}]""");
            while (socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                string text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                Received.Enqueue(text);
                using JsonDocument message = JsonDocument.Parse(text);
                string? action = message.RootElement.GetProperty("action").GetString();
                if (action == "auth")
                {
                    bool ok = message.RootElement.GetProperty("key").GetString() == Key && message.RootElement.GetProperty("secret").GetString() == Secret;
                    await Send(socket, ok ? """[{"T":"success","msg":"authenticated"}]""" : """[{"T":"error","code":402,"msg":"auth failed"}]""");
                    authenticated = ok;
                }
                else if (!authenticated)
                {
                    await Send(socket, """[{"T":"error","code":401,"msg":"not authenticated"}]""");
                }
                else if (action == "subscribe")
                {
                    string trades = message.RootElement.GetProperty("trades").GetRawText();
                    string quotes = message.RootElement.GetProperty("quotes").GetRawText();
                    string bars = message.RootElement.GetProperty("bars").GetRawText();
                    await Send(socket, $$"""[{"T":"subscription","trades":{{trades}},"quotes":{{quotes}},"bars":{{bars}},"updatedBars":[],"dailyBars":[],"statuses":[],"lulds":[],"corrections":["AAPL"],"cancelErrors":["AAPL"]}]""");
                    Subscribed.Release();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static Task Send(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
