using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// A stand-in for Alpaca's trading API v2 and its trade-updates stream on 127.0.0.1, following the documented
/// shapes: POST /v2/orders answers with the order (or 403/422/429/5xx as scripted), DELETE /v2/orders/{id} with 204,
/// PATCH /v2/orders/{id} replaces an open order by a new one (new id, its own fills from zero; the old one "replaced"
/// with <c>replaced_by</c>; 404 for an unknown or closed order, 422 for a bad change or when scripted, 5xx when
/// scripted), GET /v2/orders?status=open|closed|all lists them, GET
/// /v2/orders:by_client_order_id answers with the order or 404; wrong keys get 401. The /stream WebSocket authorizes,
/// listens to trade_updates and pushes "new", "fill", "canceled", "replaced" (then the replacement's "new") and
/// "rejected" events in binary frames, as Alpaca does.
/// </summary>
internal sealed class FakeAlpacaTradingServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentDictionary<string, JsonElement> _orders = new();
    private WebSocket? _stream;
    private HttpListenerContext? _streamContext;
    private int _nextId;

    public FakeAlpacaTradingServer()
    {
        _listener = LoopbackListener.Start(out int port);
        Port = port;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>Symbols whose orders are refused with 422 (Alpaca's "unprocessable").</summary>
    public HashSet<string> Unprocessable { get; } = [];

    /// <summary>How many order submissions get 429 before one succeeds.</summary>
    public int RateLimitFirst;

    /// <summary>Symbols whose orders are refused with 403 (Alpaca's "insufficient buying power").</summary>
    public HashSet<string> Forbidden { get; } = [];

    /// <summary>How many order submissions get a 5xx before one succeeds.</summary>
    public int ServerErrorFirst;

    /// <summary>A submission answered with a 5xx was placed all the same (the answer was lost, not the order).</summary>
    public bool PlaceBeforeServerError { get; set; }

    /// <summary>Replaces refused with 422 and this message (null: replaces go through).</summary>
    public string? RefuseReplaces { get; set; }

    /// <summary>How many replaces get a 503 before one succeeds.</summary>
    public int ReplaceServerErrorFirst;

    /// <summary>
    /// The next replace is answered 200 but the old order fills at this price before the replacement reaches the
    /// market, so Alpaca rejects the replacement (its documented race): "fill" for the old order, "rejected" for the new.
    /// </summary>
    public decimal? FillBeforeReplacing { get; set; }

    /// <summary>Trade updates are not sent (lost, as while the stream is down without the client noticing yet).</summary>
    public bool SilentStream { get; set; }

    /// <summary>Every PATCH /v2/orders/{id} body, exactly as received.</summary>
    public ConcurrentQueue<string> ReplaceBodies { get; } = new();

    /// <summary>The order stored under <paramref name="clientOrderId"/>, as Alpaca would answer it.</summary>
    public JsonElement OrderOf(string clientOrderId) => _orders[clientOrderId];

    /// <summary>Fill every accepted order at this price (null: leave it working).</summary>
    public decimal? FillPrice { get; set; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public int OrderPosts;

    /// <summary>Every POST /v2/orders body, exactly as received.</summary>
    public ConcurrentQueue<string> OrderBodies { get; } = new();

    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>"listen" requests on the trade-updates stream, across connections.</summary>
    public int Listens;

    /// <summary>Drops the trade-updates connection abruptly, as a network failure would.</summary>
    public void DropStream()
    {
        _stream?.Abort();
        _streamContext?.Response.Abort(); // resets the TCP connection, so the client notices at once
    }

    /// <summary>Fills the order placed under <paramref name="clientOrderId"/> without telling the stream (it was down).</summary>
    public void FillQuietly(string clientOrderId, decimal price, string? qty = null)
    {
        var order = System.Text.Json.Nodes.JsonNode.Parse(_orders[clientOrderId].GetRawText())!.AsObject();
        string filled = qty ?? order["qty"]!.GetValue<string>();
        order["filled_qty"] = filled;
        order["filled_avg_price"] = price.ToString(System.Globalization.CultureInfo.InvariantCulture);
        order["status"] = filled == order["qty"]!.GetValue<string>() ? "filled" : "partially_filled";
        _orders[clientOrderId] = JsonDocument.Parse(order.ToJsonString()).RootElement;
    }

    /// <summary>Pushes a "fill" (or "partial_fill") event of <paramref name="clientOrderId"/>'s stored order (again, if it was pushed before).</summary>
    public Task PushFillAsync(string clientOrderId, decimal price, string eventName = "fill")
    {
        string order = _orders[clientOrderId].GetRawText();
        string qty = _orders[clientOrderId].GetProperty("filled_qty").GetString()!;
        return Push(eventName, order, price.ToString(System.Globalization.CultureInfo.InvariantCulture), qty);
    }

    /// <summary>Sends a frame as is on the trade-updates stream.</summary>
    public Task PushRawAsync(string text) =>
        _stream!.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Binary, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _stream?.Abort();
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

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        HttpListenerRequest request = context.Request;
        string path = request.Url!.AbsolutePath;
        Requests.Enqueue($"{request.HttpMethod} {request.Url.PathAndQuery}");
        if (request.IsWebSocketRequest && path == "/stream")
        {
            HttpListenerWebSocketContext ws = await context.AcceptWebSocketAsync(null);
            _stream = ws.WebSocket;
            _streamContext = context;
            await ServeStreamAsync(ws.WebSocket);
            return;
        }

        if (request.Headers["APCA-API-KEY-ID"] != FakeAlpacaStreamServer.Key || request.Headers["APCA-API-SECRET-KEY"] != FakeAlpacaStreamServer.Secret)
        {
            await Respond(context, 401, """{"code":40110000,"message":"request is not authorized"}""");
            return;
        }

        if (request.HttpMethod == "POST" && path == "/v2/orders")
        {
            Interlocked.Increment(ref OrderPosts);
            using var reader = new StreamReader(request.InputStream);
            string text = await reader.ReadToEndAsync();
            OrderBodies.Enqueue(text);
            using JsonDocument body = JsonDocument.Parse(text);
            string symbol = body.RootElement.GetProperty("symbol").GetString()!;
            if (Interlocked.Decrement(ref RateLimitFirst) >= 0)
            {
                context.Response.Headers["Retry-After"] = "0";
                await Respond(context, 429, """{"code":42910000,"message":"rate limit exceeded"}""");
                return;
            }

            if (Unprocessable.Contains(symbol))
            {
                await Respond(context, 422, """{"code":42210000,"message":"asset is not tradable"}""");
                return;
            }

            if (Forbidden.Contains(symbol))
            {
                await Respond(context, 403, """{"code":40310000,"message":"insufficient buying power"}""");
                return;
            }

            string id = $"ord-{Interlocked.Increment(ref _nextId)}";
            string order = Order(id, body.RootElement, "accepted", filled: "0");
            bool failing = Interlocked.Decrement(ref ServerErrorFirst) >= 0;
            if (failing && !PlaceBeforeServerError)
            {
                await Respond(context, 503, """{"code":50310000,"message":"service unavailable"}""");
                return;
            }

            _orders[body.RootElement.GetProperty("client_order_id").GetString()!] = JsonDocument.Parse(order).RootElement;
            if (failing)
            {
                await Respond(context, 500, """{"code":50010000,"message":"internal server error"}""");
                return;
            }

            await Respond(context, 200, order);
            await Push("new", Order(id, body.RootElement, "new", filled: "0"), null, null);
            if (FillPrice is decimal price)
            {
                string qty = body.RootElement.GetProperty("qty").GetString()!;
                string filledOrder = Order(id, body.RootElement, "filled", filled: qty);
                _orders[body.RootElement.GetProperty("client_order_id").GetString()!] = JsonDocument.Parse(filledOrder).RootElement;
                await Push("fill", filledOrder, price.ToString(System.Globalization.CultureInfo.InvariantCulture), qty);
            }

            return;
        }

        if (request.HttpMethod == "DELETE" && path.StartsWith("/v2/orders/", StringComparison.Ordinal))
        {
            string id = path["/v2/orders/".Length..];
            JsonElement? order = _orders.Values.Cast<JsonElement?>().FirstOrDefault(o => o!.Value.GetProperty("id").GetString() == id);
            if (order is null)
            {
                await Respond(context, 404, """{"code":40410000,"message":"order not found"}""");
                return;
            }

            await Respond(context, 204, "");
            var canceled = System.Text.Json.Nodes.JsonNode.Parse(order.Value.GetRawText())!.AsObject();
            canceled["status"] = "canceled";
            _orders[canceled["client_order_id"]!.GetValue<string>()] = JsonDocument.Parse(canceled.ToJsonString()).RootElement;
            await Push("canceled", canceled.ToJsonString(), null, null);
            return;
        }

        if (request.HttpMethod == "PATCH" && path.StartsWith("/v2/orders/", StringComparison.Ordinal))
        {
            await ReplaceAsync(context, path["/v2/orders/".Length..]);
            return;
        }

        if (request.HttpMethod == "GET" && path == "/v2/orders")
        {
            string status = request.QueryString["status"] ?? "open";
            IEnumerable<JsonElement> listed = _orders.Values.Where(o => status == "all" || (status == "open") == IsOpen(o));
            await Respond(context, 200, "[" + string.Join(",", listed.Select(o => o.GetRawText())) + "]");
            return;
        }

        if (request.HttpMethod == "GET" && path == "/v2/orders:by_client_order_id")
        {
            string? clientOrderId = request.QueryString["client_order_id"];
            await (clientOrderId is not null && _orders.TryGetValue(clientOrderId, out JsonElement found)
                ? Respond(context, 200, found.GetRawText())
                : Respond(context, 404, """{"code":40410000,"message":"order not found"}"""));
            return;
        }

        await Respond(context, 404, """{"code":40400000,"message":"not found"}""");
    }

    private static bool IsOpen(JsonElement order) => order.GetProperty("status").GetString() is "accepted" or "new" or "partially_filled";

    /// <summary>
    /// PATCH /v2/orders/{id}: qty, limit_price, stop_price, trail, time_in_force, client_order_id may change; the open
    /// order is replaced by a new one (a new id) and reported "replaced".
    /// </summary>
    private async Task ReplaceAsync(HttpListenerContext context, string id)
    {
        KeyValuePair<string, JsonElement> old = _orders.FirstOrDefault(o => o.Value.GetProperty("id").GetString() == id);
        if (old.Key is null || !IsOpen(old.Value))
        {
            await Respond(context, 404, """{"code":40410000,"message":"order not found"}""");
            return;
        }

        using var reader = new StreamReader(context.Request.InputStream);
        string text = await reader.ReadToEndAsync();
        ReplaceBodies.Enqueue(text);
        using JsonDocument change = JsonDocument.Parse(text);
        if (change.RootElement.TryGetProperty("qty", out JsonElement qty) && (!long.TryParse(qty.GetString(), out long units) || units <= 0))
        {
            await Respond(context, 422, """{"code":42210000,"message":"qty must be > 0"}""");
            return;
        }

        if (RefuseReplaces is string refusal)
        {
            await Respond(context, 422, $$"""{"code":42210000,"message":"{{refusal}}"}""");
            return;
        }

        if (Interlocked.Decrement(ref ReplaceServerErrorFirst) >= 0)
        {
            await Respond(context, 503, """{"code":50310000,"message":"service unavailable"}""");
            return;
        }

        var replacement = System.Text.Json.Nodes.JsonNode.Parse(old.Value.GetRawText())!.AsObject();
        foreach (JsonProperty field in change.RootElement.EnumerateObject())
        {
            replacement[field.Name] = System.Text.Json.Nodes.JsonNode.Parse(field.Value.GetRawText());
        }

        // Alpaca's replacement is a new order: its own id, and fills from zero (the old order keeps what it filled)
        string newId = $"ord-{Interlocked.Increment(ref _nextId)}";
        replacement["id"] = newId;
        replacement["status"] = "new";
        replacement["replaces"] = id;
        replacement["filled_qty"] = "0";
        replacement["filled_avg_price"] = null;
        if (!change.RootElement.TryGetProperty("client_order_id", out _))
        {
            replacement["client_order_id"] = $"{newId}-client"; // Alpaca gives the replacement an id of its own
        }

        string clientOrderId = replacement["client_order_id"]!.GetValue<string>();
        _orders[clientOrderId] = JsonDocument.Parse(replacement.ToJsonString()).RootElement;
        await Respond(context, 200, replacement.ToJsonString());
        if (FillBeforeReplacing is decimal fillPrice)
        {
            FillBeforeReplacing = null;
            var filled = System.Text.Json.Nodes.JsonNode.Parse(old.Value.GetRawText())!.AsObject();
            filled["status"] = "filled";
            filled["filled_qty"] = filled["qty"]!.GetValue<string>();
            filled["filled_avg_price"] = fillPrice.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _orders[old.Key] = JsonDocument.Parse(filled.ToJsonString()).RootElement;
            long already = long.Parse(old.Value.GetProperty("filled_qty").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            long last = long.Parse(filled["qty"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) - already;
            await Push("fill", filled.ToJsonString(), fillPrice.ToString(System.Globalization.CultureInfo.InvariantCulture), last.ToString(System.Globalization.CultureInfo.InvariantCulture));
            replacement["status"] = "rejected";
            _orders[clientOrderId] = JsonDocument.Parse(replacement.ToJsonString()).RootElement;
            await Push("rejected", replacement.ToJsonString(), null, null);
            return;
        }

        var replaced = System.Text.Json.Nodes.JsonNode.Parse(old.Value.GetRawText())!.AsObject();
        replaced["status"] = "replaced";
        replaced["replaced_by"] = newId;
        _orders[old.Key] = JsonDocument.Parse(replaced.ToJsonString()).RootElement;
        await Push("replaced", replaced.ToJsonString(), null, null);
        await Push("new", replacement.ToJsonString(), null, null);
    }

    private static string Order(string id, JsonElement request, string status, string filled) =>
        $$"""{"id":"{{id}}","client_order_id":"{{request.GetProperty("client_order_id").GetString()}}","symbol":"{{request.GetProperty("symbol").GetString()}}","side":"{{request.GetProperty("side").GetString()}}","type":"{{request.GetProperty("type").GetString()}}","order_type":"{{request.GetProperty("type").GetString()}}","time_in_force":"{{request.GetProperty("time_in_force").GetString()}}","qty":"{{request.GetProperty("qty").GetString()}}","filled_qty":"{{filled}}","filled_avg_price":null,"status":"{{status}}"}""";

    private async Task Push(string eventName, string order, string? price, string? qty)
    {
        if (_stream is null || SilentStream)
        {
            return; // nobody listens to trade_updates (a test of the REST client alone)
        }

        await Listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
        string extra = price is null ? "" : $$""","price":"{{price}}","qty":"{{qty}}","position_qty":"{{qty}}" """;
        string message = "{\"stream\":\"trade_updates\",\"data\":{\"event\":\"" + eventName + "\",\"timestamp\":\"2024-01-02T15:00:00.000000001Z\",\"order\":" + order + extra + "}}";
        await _stream!.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Binary, true, CancellationToken.None);
    }

    private async Task ServeStreamAsync(WebSocket socket)
    {
        var buffer = new byte[8192];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                using JsonDocument message = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
                string? action = message.RootElement.GetProperty("action").GetString();
                if (action == "auth")
                {
                    bool ok = message.RootElement.GetProperty("key").GetString() == FakeAlpacaStreamServer.Key
                        && message.RootElement.GetProperty("secret").GetString() == FakeAlpacaStreamServer.Secret;
                    string reply = ok
                        ? """{"stream":"authorization","data":{"action":"authenticate","status":"authorized"}}"""
                        : """{"stream":"authorization","data":{"action":"authenticate","status":"unauthorized"}}""";
                    await socket.SendAsync(Encoding.UTF8.GetBytes(reply), WebSocketMessageType.Binary, true, CancellationToken.None);
                }
                else if (action == "listen")
                {
                    Interlocked.Increment(ref Listens);
                    await socket.SendAsync(Encoding.UTF8.GetBytes("""{"stream":"listening","data":{"streams":["trade_updates"]}}"""), WebSocketMessageType.Binary, true, CancellationToken.None);
                    Listening.TrySetResult();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static async Task Respond(HttpListenerContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        if (bytes.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
        }

        context.Response.Close();
    }
}
