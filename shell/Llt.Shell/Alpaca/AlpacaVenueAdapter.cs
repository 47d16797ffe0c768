using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Llt.Codecs.Runtime;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;
using Llt.Sbe;
using Llt.Shell.Sinks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Alpaca;

/// <summary>
/// Alpaca as a venue the engine routes to (<c>venues[].type: "external"</c>). Reads the engine's SBE NewOrder /
/// CancelOrder / ReplaceOrder for this venue from its out ring and turns them into trading API calls (client order id = the
/// engine's, so a retry can never place an order twice: after a timeout or 5xx the adapter first asks Alpaca
/// whether the order exists); listens to the <c>trade_updates</c> stream and writes what happens to each order
/// as SBE ExecutionReports on the engine's in ring, each fill once (a repeated update is counted, not reported); when
/// that stream comes back after a drop, every open order is looked up so fills and cancels missed meanwhile are
/// reported too. A frame that is not JSON is counted and skipped; the stream goes on. A request Alpaca refuses (403, 422, or 429/5xx still failing
/// after retries) comes back to the engine as a rejection carrying Alpaca's message.
/// <para>
/// Order types map one to one (market, limit, stop, stop_limit, trailing_stop with trail_price or trail_percent =
/// trailBps / 100) and so do times in force (day, gtc, opg, cls, ioc, fok); an order whose type or time in force
/// has no Alpaca equivalent, or a trailing stop without exactly one trail, is rejected here without a request.
/// </para>
/// <para>
/// A ReplaceOrder becomes <c>PATCH /v2/orders/{id}</c> with the new client order id. Alpaca's replacement is a new
/// order that fills from zero, so it is asked for the new total less what has filled. The replace takes effect when
/// Alpaca confirms it on the stream (the old order's "replaced", or the replacement's "new" or a fill): then one
/// ExecutionReport Replaced goes to the engine under the new id, and everything after it too. A replace Alpaca refuses,
/// or of an order that is unknown or already ended, comes back as Rejected with the order's status (never Rejected
/// itself, which would reject the order): the order keeps working under its old id.
/// </para>
/// </summary>
public sealed class AlpacaVenueAdapter : BackgroundService
{
    private const int MaxAttempts = 3;

    /// <summary>Ended orders remembered so a late replace is told "too late" rather than "unknown".</summary>
    private const int ClosedOrdersKept = 4096;

    private readonly AlpacaVenueOptions _options;
    private readonly RingBuffer _out;
    private readonly RingBuffer _in;
    private readonly IReadOnlyList<string> _symbols;
    private readonly AlpacaTradingClient _client;
    private readonly ILogger _logger;

    /// <summary>Working orders under every client order id they had or are being replaced to (each Alpaca order's <c>client_order_id</c>).</summary>
    private readonly ConcurrentDictionary<long, AlpacaTrackedOrder> _orders = new();
    private readonly AlpacaClosedOrders _closed = new(ClosedOrdersKept);
    private readonly byte[] _report = new byte[1024];

    /// <summary>
    /// Guards the tracked orders' state and the report buffer: the order loop (submit, cancel, replace answers) and the
    /// trade-updates loop both change an order, and a replace must switch its id between two reports, not during one.
    /// </summary>
    private readonly object _stateLock = new();
    private bool _listenedBefore;

    public AlpacaVenueAdapter(AlpacaVenueOptions options, RingBuffer venueOut, RingBuffer venuesIn, IReadOnlyList<string> symbols, AlpacaTradingClient client, ILogger<AlpacaVenueAdapter> logger)
    {
        _options = options;
        _out = venueOut;
        _in = venuesIn;
        _symbols = symbols;
        _client = client;
        _logger = logger;
    }

    public long Submitted { get; private set; }

    public long Rejected { get; private set; }

    public long CancelRequests { get; private set; }

    public long ReplaceRequests { get; private set; }

    /// <summary>Replaces Alpaca confirmed (reported Replaced to the engine).</summary>
    public long Replaced { get; private set; }

    /// <summary>Replaces refused (reported to the engine as a rejected replace; the order kept working or had ended).</summary>
    public long ReplacesRejected { get; private set; }

    /// <summary>
    /// Replaces whose replacement can fill beyond the engine's total: the old order filled more between the PATCH and its
    /// replacement than was known when the PATCH was sent (Alpaca does not shrink the replacement). Logged; fills are
    /// still all reported.
    /// </summary>
    public long OversizedReplacements { get; private set; }

    public long Updates { get; private set; }

    /// <summary>Trade updates for orders the engine did not place (manual orders in the same account).</summary>
    public long ForeignUpdates { get; private set; }

    /// <summary>Trade updates that repeated what was already reported (a second "new", a fill already counted): never applied twice.</summary>
    public long RepeatedUpdates { get; private set; }

    /// <summary>Trade-update frames or updates that could not be read (not JSON, an order without id): logged, skipped, the stream goes on.</summary>
    public long MalformedUpdates { get; private set; }

    /// <summary>Orders whose missed events were recovered from the REST API after the trade-updates stream came back.</summary>
    public long Reconciled { get; private set; }

    public bool Listening { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(OrderLoopAsync(stoppingToken), UpdatesLoopAsync(stoppingToken));

    private async Task OrderLoopAsync(CancellationToken stoppingToken)
    {
        var pending = new List<(int Type, byte[] Body)>();
        var idle = TimeSpan.FromMilliseconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            pending.Clear();
            _out.Read(new MessageHandler((type, buffer, index, length) => pending.Add((type, buffer.AsSpan(index, length).ToArray()))), 64);
            if (pending.Count == 0)
            {
                try
                {
                    await Task.Delay(idle, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                idle = idle < TimeSpan.FromMilliseconds(50) ? idle * 2 : idle;
                continue;
            }

            idle = TimeSpan.FromMilliseconds(1);
            foreach ((int type, byte[] body) in pending)
            {
                if (type == NewOrderDecoder.TemplateId && NewOrderDecoder.TryDecode(body, 0, out NewOrderDecoder order, out SbeError _) == SbeDecodeStatus.Ok)
                {
                    await SubmitAsync(Track(order), stoppingToken).ConfigureAwait(false);
                }
                else if (type == CancelOrderDecoder.TemplateId && CancelOrderDecoder.TryDecode(body, 0, out CancelOrderDecoder cancel, out SbeError _) == SbeDecodeStatus.Ok)
                {
                    await CancelAsync((long)cancel.OrigClOrdId, stoppingToken).ConfigureAwait(false);
                }
                else if (type == ReplaceOrderDecoder.TemplateId && ReplaceOrderDecoder.TryDecode(body, 0, out ReplaceOrderDecoder replace, out SbeError _) == SbeDecodeStatus.Ok)
                {
                    await ReplaceAsync(AlpacaReplaceRequest.From(replace), stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    AlpacaLog.Malformed(_logger, $"venue ring record type {type} is not a NewOrder, CancelOrder or ReplaceOrder");
                }
            }
        }
    }

    private AlpacaTrackedOrder Track(NewOrderDecoder order)
    {
        var tracked = new AlpacaTrackedOrder((long)order.ClOrdId, order.InstrumentId, order.StrategyId, order.Side, order.OrdType, order.TimeInForce,
            order.Price == NewOrderDecoder.PriceNullValue ? null : order.Price,
            order.StopPrice == NewOrderDecoder.StopPriceNullValue ? null : order.StopPrice, order.Qty)
        {
            TrailPrice = order.TrailPrice == NewOrderDecoder.TrailPriceNullValue ? null : order.TrailPrice,
            TrailBps = order.TrailBps == NewOrderDecoder.TrailBpsNullValue ? null : order.TrailBps,
        };
        _orders[tracked.ClOrdId] = tracked;
        return tracked;
    }

    private async Task SubmitAsync(AlpacaTrackedOrder order, CancellationToken cancellationToken)
    {
        if ((uint)order.InstrumentId >= (uint)_symbols.Count)
        {
            Reject(order, $"instrument {order.InstrumentId} has no symbol");
            return;
        }

        string? why = ToAlpacaRequest(order, _symbols[order.InstrumentId], out AlpacaOrderRequest? request);
        if (request is null)
        {
            Reject(order, why!);
            return;
        }

        for (int attempt = 1; ; attempt++)
        {
            try
            {
                AlpacaOrder placed = await _client.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
                order.AlpacaId = placed.Id;
                Submitted++;
                return;
            }
            catch (AlpacaApiException e) when (e.IsTransient && attempt < MaxAttempts)
            {
                await Task.Delay(e.RetryAfter ?? TimeSpan.FromMilliseconds(100 * attempt), cancellationToken).ConfigureAwait(false);
                if (await AlreadyPlacedAsync(order, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (AlpacaApiException e)
            {
                Reject(order, e.Message);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // no answer: the order may or may not be at Alpaca; its client order id says which
                if (await AlreadyPlacedAsync(order, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                if (attempt >= MaxAttempts)
                {
                    Reject(order, $"alpaca unreachable: {e.Message}");
                    return;
                }
            }
        }
    }

    /// <summary>The engine's order as Alpaca's POST /v2/orders body, or null and why it has no Alpaca equivalent.</summary>
    private static string? ToAlpacaRequest(AlpacaTrackedOrder order, string symbol, out AlpacaOrderRequest? request)
    {
        request = null;
        string? type = order.OrdType switch
        {
            OrdType.Market => "market",
            OrdType.Limit => "limit",
            OrdType.Stop => "stop",
            OrdType.StopLimit => "stop_limit",
            OrdType.TrailingStop => "trailing_stop",
            _ => null,
        };
        string? timeInForce = order.TimeInForce switch
        {
            TimeInForce.Day => "day",
            TimeInForce.GoodTillCancel => "gtc",
            TimeInForce.AtTheOpening => "opg",
            TimeInForce.AtTheClose => "cls",
            TimeInForce.ImmediateOrCancel => "ioc",
            TimeInForce.FillOrKill => "fok",
            _ => null,
        };
        if (type is null)
        {
            return $"order type {order.OrdType} has no alpaca equivalent";
        }

        if (timeInForce is null)
        {
            return $"time in force {order.TimeInForce} has no alpaca equivalent";
        }

        bool isTrailing = order.OrdType == OrdType.TrailingStop;
        long? trailPrice = isTrailing && order.TrailPrice > 0 ? order.TrailPrice : null;
        int? trailBps = isTrailing && order.TrailBps > 0 ? order.TrailBps : null;
        if (isTrailing && (trailPrice is null) == (trailBps is null))
        {
            return "a trailing stop needs exactly one of trail price and trail percent";
        }

        request = new AlpacaOrderRequest
        {
            Symbol = symbol,
            Qty = order.Qty,
            Side = order.Side == Side.Buy ? "buy" : "sell",
            Type = type,
            TimeInForce = timeInForce,
            LimitPrice = order.OrdType is OrdType.Limit or OrdType.StopLimit ? order.Price : null,
            StopPrice = order.OrdType is OrdType.Stop or OrdType.StopLimit ? order.StopPrice : null,
            TrailPrice = trailPrice,
            // basis points → percent, exact: 150 bps = "1.5"
            TrailPercent = trailBps is int bps ? bps / 100m : null,
            ClientOrderId = order.ClOrdId.ToString(CultureInfo.InvariantCulture),
        };
        return null;
    }

    private async Task<bool> AlreadyPlacedAsync(AlpacaTrackedOrder order, CancellationToken cancellationToken)
    {
        try
        {
            AlpacaOrder? existing = await _client.GetByClientOrderIdAsync(order.ClOrdId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                return false;
            }

            order.AlpacaId = existing.Id;
            Submitted++;
            return true;
        }
        catch (Exception e) when (e is AlpacaApiException or HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task CancelAsync(long clOrdId, CancellationToken cancellationToken)
    {
        CancelRequests++;
        if (!_orders.TryGetValue(clOrdId, out AlpacaTrackedOrder? order))
        {
            return; // not ours any more: the engine hears "too late" from its own OMS timeout
        }

        try
        {
            // after a replace the working Alpaca order is the replacement, found by the order's current client order id
            string? id = order.AlpacaId ?? (await _client.GetByClientOrderIdAsync(order.ClOrdId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false))?.Id;
            if (id is null)
            {
                WriteCancelReject(order, RejectReason.TooLateToCancel, "no such order at alpaca");
                return;
            }

            await _client.CancelAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (AlpacaApiException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            WriteCancelReject(order, RejectReason.TooLateToCancel, e.AlpacaMessage);
        }
        catch (Exception e) when (e is AlpacaApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            WriteCancelReject(order, RejectReason.VenueReject, e.Message);
        }
    }

    private void WriteCancelReject(AlpacaTrackedOrder order, RejectReason reason, string text)
    {
        lock (_stateLock)
        {
            Write(order, ExecType.Rejected, order.WorkingStatus, reason, order.ReportedCum, order.Leaves, 0, text);
        }
    }

    /// <summary>
    /// ReplaceOrder: checked here first (the order must be working here, with no replace pending, and the new total
    /// above what has filled), then <c>PATCH /v2/orders/{id}</c> for the new total less the filled quantity, under the
    /// new client order id. 429/5xx and no answer are retried as submits are, looking the replacement up by its client
    /// order id first so a replace whose answer was lost is not sent twice. The outcome is reported when the stream
    /// confirms it (or Alpaca refuses it).
    /// </summary>
    private async Task ReplaceAsync(AlpacaReplaceRequest replace, CancellationToken cancellationToken)
    {
        ReplaceRequests++;
        long clOrdId = replace.ClOrdId;
        long origClOrdId = replace.OrigClOrdId;
        long? price = replace.Price;
        AlpacaTrackedOrder? order;
        AlpacaPendingReplace pending;
        string alpacaId;
        lock (_stateLock)
        {
            if (!_orders.TryGetValue(origClOrdId, out order) || order.ClOrdId != origClOrdId)
            {
                RefuseUntracked(replace, order);
                return;
            }

            string? why = order.Pending is not null ? $"a replace of order {origClOrdId} to {order.Pending.ClOrdId} is pending"
                : order.AlpacaId is null ? $"order {origClOrdId} has no alpaca order yet"
                : replace.Qty <= order.ReportedCum ? $"new quantity {replace.Qty} is not above the {order.ReportedCum} filled"
                : price is not null && order.OrdType is not (OrdType.Limit or OrdType.StopLimit) ? $"a {order.OrdType} order has no limit price to replace"
                : null;
            if (why is not null)
            {
                ReplacesRejected++;
                AlpacaLog.ReplaceRefused(_logger, origClOrdId, clOrdId, why);
                Write(order, ExecType.Rejected, order.WorkingStatus, RejectReason.VenueReject, order.ReportedCum, order.Leaves, 0, why, clOrdIdOverride: clOrdId);
                return;
            }

            // Alpaca's replacement fills from zero: the old order's fills stay with it (the engine's total covers both)
            pending = new AlpacaPendingReplace(clOrdId, price ?? order.Price, replace.Qty, replace.Qty - order.ReportedCum);
            order.Pending = pending;
            _orders[clOrdId] = order; // the replacement's updates can arrive before the PATCH's answer
            alpacaId = order.AlpacaId!; // not null: checked above
        }

        string clientOrderId = clOrdId.ToString(CultureInfo.InvariantCulture);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                AlpacaOrder replacement = await _client.ReplaceAsync(alpacaId, pending.AlpacaQty, price, null, clientOrderId, cancellationToken).ConfigureAwait(false);
                lock (_stateLock)
                {
                    pending.AlpacaId ??= replacement.Id;
                    if (order.ClOrdId == clOrdId)
                    {
                        order.AlpacaId ??= replacement.Id; // confirmed on the stream before this answer came
                    }
                }

                return;
            }
            catch (AlpacaApiException e) when (e.IsTransient && attempt < MaxAttempts)
            {
                await Task.Delay(e.RetryAfter ?? TimeSpan.FromMilliseconds(100 * attempt), cancellationToken).ConfigureAwait(false);
                if (await ReplacementPlacedAsync(pending, clientOrderId, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (AlpacaApiException e) when (!e.IsTransient)
            {
                await RefusedAsync(order, pending, e.Message, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is AlpacaApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // no answer (or 429/5xx on the last attempt): the replacement may or may not exist; its client order id says which
                if (await ReplacementPlacedAsync(pending, clientOrderId, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                if (attempt >= MaxAttempts)
                {
                    lock (_stateLock)
                    {
                        RejectReplace(order, pending, RejectReason.VenueReject, e is AlpacaApiException ? e.Message : $"alpaca unreachable: {e.Message}");
                    }

                    return;
                }
            }
        }
    }

    /// <summary>A replace of an order not working here: too late when it has ended, unknown otherwise (never placed, or an id already replaced).</summary>
    private void RefuseUntracked(AlpacaReplaceRequest replace, AlpacaTrackedOrder? renamed)
    {
        long clOrdId = replace.ClOrdId;
        long origClOrdId = replace.OrigClOrdId;
        ReplacesRejected++;
        if (renamed is not null)
        {
            bool pending = renamed.Pending?.ClOrdId == origClOrdId;
            string why = pending ? $"order {origClOrdId} is a replace of {renamed.ClOrdId} alpaca has not confirmed yet" : $"order {origClOrdId} was replaced by {renamed.ClOrdId}";
            AlpacaLog.ReplaceRefused(_logger, origClOrdId, clOrdId, why);
            Write(renamed, ExecType.Rejected, renamed.WorkingStatus, pending ? RejectReason.VenueReject : RejectReason.UnknownOrder, renamed.ReportedCum, renamed.Leaves, 0, why, clOrdIdOverride: clOrdId);
        }
        else if (_closed.TryGet(origClOrdId, out AlpacaTrackedOrder closed, out OrdStatus status))
        {
            string why = $"order {origClOrdId} is {status.ToString().ToLowerInvariant()}";
            AlpacaLog.ReplaceRefused(_logger, origClOrdId, clOrdId, why);
            Write(closed, ExecType.Rejected, status, RejectReason.TooLateToCancel, closed.ReportedCum, 0, 0, why, clOrdIdOverride: clOrdId);
        }
        else
        {
            string why = $"order {origClOrdId} is unknown to the alpaca adapter";
            AlpacaLog.ReplaceRefused(_logger, origClOrdId, clOrdId, why);
            var unknown = new AlpacaTrackedOrder(clOrdId, replace.InstrumentId, replace.StrategyId, Side.NullValue, OrdType.Limit, TimeInForce.Day,
                replace.Price, null, replace.Qty);
            Write(unknown, ExecType.Rejected, OrdStatus.New, RejectReason.UnknownOrder, 0, 0, 0, why);
        }
    }

    /// <summary>
    /// Alpaca refused the PATCH. The old order is looked up: if it filled or ended meanwhile, that is reported (a fill
    /// missed so far first) and the replace is too late; otherwise it is refused with Alpaca's message.
    /// </summary>
    private async Task RefusedAsync(AlpacaTrackedOrder order, AlpacaPendingReplace pending, string text, CancellationToken cancellationToken)
    {
        long legId;
        lock (_stateLock)
        {
            if (order.Pending != pending)
            {
                return; // already settled by the stream (the order ended, or the replacement was rejected)
            }

            pending.RefusalText = text;
            legId = order.ClOrdId;
        }

        AlpacaOrder? old = null;
        try
        {
            old = await _client.GetByClientOrderIdAsync(legId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AlpacaApiException or HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            AlpacaLog.Malformed(_logger, $"looking up order {legId} after a refused replace: {e.Message}");
        }

        lock (_stateLock)
        {
            if (old is not null && order.Pending == pending)
            {
                ApplySnapshot(order, legId, old); // a fill or end missed so far: reported, and the replace then refused as too late
            }

            bool closed = old?.Status is "filled" or "canceled" or "expired" or "done_for_day" or "rejected" or "replaced";
            RejectReplace(order, pending, closed ? RejectReason.TooLateToCancel : RejectReason.VenueReject, text);
        }
    }

    private async Task<bool> ReplacementPlacedAsync(AlpacaPendingReplace pending, string clientOrderId, CancellationToken cancellationToken)
    {
        try
        {
            AlpacaOrder? existing = await _client.GetByClientOrderIdAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                return false;
            }

            lock (_stateLock)
            {
                pending.AlpacaId ??= existing.Id;
            }

            return true;
        }
        catch (Exception e) when (e is AlpacaApiException or HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task UpdatesLoopAsync(CancellationToken stoppingToken)
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                reason = await ListenAsync(backoff, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or JsonException)
            {
                reason = e.Message;
            }

            Listening = false;
            TimeSpan delay = backoff.Next();
            AlpacaLog.Disconnected(_logger, "trade updates: " + reason, delay);
            try
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<string> ListenAsync(RetryBackoff backoff, CancellationToken stoppingToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            connect.CancelAfter(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(_options.StreamUrl, connect.Token).ConfigureAwait(false);
        }

        await SendAsync(socket, w =>
        {
            w.WriteString("action", "auth");
            w.WriteString("key", _options.KeyId);
            w.WriteString("secret", _options.SecretKey);
        }, stoppingToken).ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        var frame = new MemoryStream();
        bool listenSent = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            JsonDocument message;
            frame.SetLength(0);
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, stoppingToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return $"closed by the server ({result.CloseStatus})";
                }

                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            // the trading stream sends binary frames holding JSON text; one that is not is skipped, not the connection:
            // reconnecting would risk missing the updates in between
            try
            {
                message = JsonDocument.Parse(frame.ToArray());
            }
            catch (JsonException e)
            {
                MalformedUpdates++;
                AlpacaLog.Malformed(_logger, $"trade updates frame: {e.Message}");
                continue;
            }

            using JsonDocument parsed = message;
            JsonElement root = message.RootElement;
            string? stream = AlpacaOrder.Text(root, "stream");
            JsonElement data = root.TryGetProperty("data", out JsonElement d) ? d : default;
            switch (stream)
            {
                case "authorization":
                    if (data.ValueKind != JsonValueKind.Object || AlpacaOrder.Text(data, "status") != "authorized")
                    {
                        AlpacaLog.ServerError(_logger, 402, "trade updates: not authorized");
                        return "not authorized";
                    }

                    if (!listenSent)
                    {
                        listenSent = true;
                        await SendAsync(socket, w =>
                        {
                            w.WriteString("action", "listen");
                            w.WriteStartObject("data");
                            w.WriteStartArray("streams");
                            w.WriteStringValue("trade_updates");
                            w.WriteEndArray();
                            w.WriteEndObject();
                        }, stoppingToken).ConfigureAwait(false);
                    }

                    break;
                case "listening":
                    Listening = true;
                    backoff.Reset();
                    if (_listenedBefore)
                    {
                        // the stream was down: what happened to our orders meanwhile is only in the REST API
                        await ReconcileAsync(stoppingToken).ConfigureAwait(false);
                    }

                    _listenedBefore = true;
                    break;
                case "trade_updates":
                    if (data.ValueKind == JsonValueKind.Object)
                    {
                        OnTradeUpdate(data);
                    }

                    break;
            }
        }

        return "stopping";
    }

    private void OnTradeUpdate(JsonElement data)
    {
        Updates++;
        string? eventName = AlpacaOrder.Text(data, "event");
        if (!data.TryGetProperty("order", out JsonElement orderJson) || eventName is null)
        {
            MalformedUpdates++;
            AlpacaLog.Malformed(_logger, "trade update without event or order");
            return;
        }

        AlpacaOrder order;
        try
        {
            order = AlpacaOrder.From(orderJson);
        }
        catch (JsonException e)
        {
            MalformedUpdates++;
            AlpacaLog.Malformed(_logger, $"trade update: {e.Message}");
            return;
        }

        if (!long.TryParse(order.ClientOrderId, NumberStyles.None, CultureInfo.InvariantCulture, out long clOrdId) || !_orders.TryGetValue(clOrdId, out AlpacaTrackedOrder? tracked))
        {
            ForeignUpdates++;
            return;
        }

        lock (_stateLock)
        {
            if (!Apply(tracked, clOrdId, eventName, order, AlpacaOrder.Units(data, "qty"), AlpacaOrder.FixedPoint(data, "price"), AlpacaOrder.Text(data, "reason")))
            {
                RepeatedUpdates++;
            }
        }
    }

    /// <summary>
    /// What <paramref name="eventName"/> about the Alpaca order placed under <paramref name="legId"/> means for the
    /// engine's order, reported once: a fill only for quantity not yet reported (its price the event's, or derived from
    /// Alpaca's average when fills were missed), "new" only once; an event of the replacement confirms the replace
    /// first. False when it told the engine nothing new. Called under the state lock.
    /// </summary>
    private bool Apply(AlpacaTrackedOrder tracked, long legId, string eventName, AlpacaOrder order, long? eventQty, long? eventPx, string? reason = null)
    {
        if (tracked.Finished)
        {
            return false;
        }

        if (tracked.Pending is { } pending && legId == pending.ClOrdId)
        {
            switch (eventName)
            {
                case "new":
                case "partial_fill":
                case "fill":
                    pending.AlpacaId ??= order.Id;
                    CompleteReplace(tracked);
                    if (eventName == "new")
                    {
                        tracked.Leg(legId)!.Acknowledged = true;
                        return true;
                    }

                    break; // the fill is the replaced order's: applied below
                case "rejected":
                case "canceled":
                case "expired":
                case "done_for_day":
                    // e.g. the old order filled before the replacement reached the market: Alpaca then rejects the replacement
                    RejectReplace(tracked, pending, RejectReason.VenueReject, $"replacement {eventName} by alpaca");
                    return true;
                default:
                    return true; // pending_new, accepted: not live yet
            }
        }

        AlpacaOrderLeg? leg = tracked.Leg(legId);
        if (leg is null)
        {
            return false; // a replacement already refused: its late update says nothing
        }

        bool current = legId == tracked.ClOrdId;
        if (current)
        {
            tracked.AlpacaId ??= order.Id;
        }

        switch (eventName)
        {
            case "new":
                if (leg.Acknowledged)
                {
                    return false;
                }

                leg.Acknowledged = true;
                if (tracked.Acknowledged)
                {
                    return true; // a replacement's "new": the engine heard Replaced
                }

                tracked.Acknowledged = true;
                Write(tracked, ExecType.New, OrdStatus.New, RejectReason.None, tracked.ReportedCum, tracked.Leaves, 0, null);
                return true;
            case "partial_fill":
            case "fill":
                return ApplyFill(tracked, leg, eventName == "fill" && current, order, eventQty, eventPx);
            case "replaced":
                return ApplyReplaced(tracked, leg, current, order);
            case "order_replace_rejected":
                if (current && tracked.Pending is { } refused)
                {
                    RejectReplace(tracked, refused, reason == "TOO_LATE_TO_CANCEL" ? RejectReason.TooLateToCancel : RejectReason.VenueReject, "replace rejected by alpaca");
                    return true;
                }

                return false;
            case "canceled":
            case "expired":
            case "done_for_day":
                if (order.FilledQty > leg.Filled)
                {
                    ApplyFill(tracked, leg, false, order, null, null); // fills missed before the end: reported first
                }

                leg.Closed = true;
                if (!current || tracked.Finished)
                {
                    return true; // an earlier leg's end does not end the order, which works on as its replacement
                }

                bool canceled = eventName == "canceled";
                Write(tracked, canceled ? ExecType.Canceled : ExecType.Expired, canceled ? OrdStatus.Canceled : OrdStatus.Expired, RejectReason.None, tracked.ReportedCum, 0, 0, null);
                Finish(tracked, canceled ? OrdStatus.Canceled : OrdStatus.Expired);
                return true;
            case "rejected":
                leg.Closed = true;
                if (!current)
                {
                    return true;
                }

                Write(tracked, ExecType.Rejected, OrdStatus.Rejected, RejectReason.VenueReject, tracked.ReportedCum, 0, 0, "rejected by alpaca");
                Finish(tracked, OrdStatus.Rejected);
                return true;
            case "order_cancel_rejected":
                if (!current)
                {
                    return false;
                }

                Write(tracked, ExecType.Rejected, tracked.WorkingStatus, RejectReason.TooLateToCancel, tracked.ReportedCum, tracked.Leaves, 0, "cancel rejected by alpaca");
                return true;
            default:
                // pending_new, accepted, pending_cancel, pending_replace, stopped, calculated, suspended...: no state change the engine tracks
                return true;
        }
    }

    /// <summary>
    /// An Alpaca order was replaced: its fills not reported yet come first (under the id the engine knows), then, for
    /// the working one, the pending replace takes effect. Called under the state lock.
    /// </summary>
    private bool ApplyReplaced(AlpacaTrackedOrder tracked, AlpacaOrderLeg leg, bool current, AlpacaOrder order)
    {
        if (order.FilledQty > leg.Filled)
        {
            ApplyFill(tracked, leg, false, order, null, null);
        }

        leg.Closed = true;
        if (!current || tracked.Finished)
        {
            return true; // an earlier leg's confirmation: the replace was taken already
        }

        if (tracked.Pending is { } confirmed)
        {
            confirmed.AlpacaId ??= order.ReplacedBy;
            CompleteReplace(tracked);
            return true;
        }

        AlpacaLog.ReplacedUnasked(_logger, tracked.ClOrdId);
        return true;
    }

    /// <summary>
    /// The fill quantity of <paramref name="leg"/> not yet reported, reported under the order's current id. The order is
    /// done when the engine's total has filled, or when its working Alpaca order filled completely
    /// (<paramref name="legFilled"/>). Called under the state lock.
    /// </summary>
    private bool ApplyFill(AlpacaTrackedOrder tracked, AlpacaOrderLeg leg, bool legFilled, AlpacaOrder order, long? eventQty, long? eventPx)
    {
        long after = order.FilledQty > 0 ? order.FilledQty : leg.Filled + (eventQty ?? 0);
        long lastQty = after - leg.Filled;
        if (lastQty <= 0)
        {
            return false;
        }

        long lastPx = eventQty == lastQty && eventPx is long px ? px : MissedFillPrice(leg, order, after, lastQty, eventPx);
        tracked.Acknowledged = true;
        leg.Acknowledged = true;
        leg.Filled = after;
        leg.Notional += (decimal)lastPx * lastQty;
        tracked.ReportedCum += lastQty;
        bool done = legFilled || tracked.ReportedCum >= tracked.Qty;
        Write(tracked, done ? ExecType.Fill : ExecType.PartialFill, done ? OrdStatus.Filled : OrdStatus.PartiallyFilled,
            RejectReason.None, tracked.ReportedCum, done ? 0 : tracked.Leaves, lastQty, null, lastPx);
        if (done)
        {
            Finish(tracked, OrdStatus.Filled);
        }

        return true;
    }

    /// <summary>The price of fills the adapter never saw: Alpaca's average over the leg's fills, less what was reported of it.</summary>
    private static long MissedFillPrice(AlpacaOrderLeg leg, AlpacaOrder order, long legFilledAfter, long lastQty, long? eventPx)
    {
        if (order.FilledAvgPrice is not long average)
        {
            return eventPx ?? 0;
        }

        return (long)decimal.Round((((decimal)average * legFilledAfter) - leg.Notional) / lastQty);
    }

    /// <summary>Alpaca confirmed the pending replace: the order goes on under the new id, price and total; one Replaced tells the engine.</summary>
    private void CompleteReplace(AlpacaTrackedOrder tracked)
    {
        AlpacaPendingReplace pending = tracked.Pending!;
        tracked.Pending = null;
        tracked.ClOrdId = pending.ClOrdId;
        tracked.Price = pending.Price;
        tracked.Qty = pending.Qty;
        tracked.AlpacaId = pending.AlpacaId; // null until known: a cancel then finds it by client order id
        tracked.Legs.Add(new AlpacaOrderLeg(pending.ClOrdId));
        Replaced++;
        long excess = tracked.ReportedCum + pending.AlpacaQty - pending.Qty;
        if (excess > 0)
        {
            OversizedReplacements++;
            AlpacaLog.ReplacementOversized(_logger, pending.ClOrdId, excess, pending.Qty);
        }

        Write(tracked, ExecType.Replaced, tracked.WorkingStatus, RejectReason.None, tracked.ReportedCum, tracked.Leaves, 0, null);
    }

    /// <summary>
    /// The pending replace did not happen: Rejected under the new id with the order's status (working, or how it ended),
    /// never OrdStatus Rejected, which would reject the order itself. The order goes on under its old id. Called under the state lock.
    /// </summary>
    private void RejectReplace(AlpacaTrackedOrder tracked, AlpacaPendingReplace pending, RejectReason reason, string text, OrdStatus? ended = null)
    {
        if (tracked.Pending != pending)
        {
            return; // settled already
        }

        tracked.Pending = null;
        ((ICollection<KeyValuePair<long, AlpacaTrackedOrder>>)_orders).Remove(new(pending.ClOrdId, tracked));
        ReplacesRejected++;
        AlpacaLog.ReplaceRefused(_logger, tracked.ClOrdId, pending.ClOrdId, text);
        Write(tracked, ExecType.Rejected, ended ?? tracked.WorkingStatus, reason, tracked.ReportedCum, ended is null ? tracked.Leaves : 0, 0, text, clOrdIdOverride: pending.ClOrdId);
    }

    /// <summary>The order ended: forgotten under all its ids (remembered as closed), and a replace still pending is too late.</summary>
    private void Finish(AlpacaTrackedOrder tracked, OrdStatus status)
    {
        tracked.Finished = true;
        if (tracked.Pending is { } pending)
        {
            RejectReplace(tracked, pending, RejectReason.TooLateToCancel, pending.RefusalText ?? $"order {tracked.ClOrdId} is {status.ToString().ToLowerInvariant()}", status);
        }

        foreach (AlpacaOrderLeg leg in tracked.Legs)
        {
            ((ICollection<KeyValuePair<long, AlpacaTrackedOrder>>)_orders).Remove(new(leg.ClOrdId, tracked));
        }

        _closed.Remember(tracked, status);
    }

    /// <summary>
    /// After the trade-updates stream came back: each order still open here is looked up by the client order id of
    /// every Alpaca order it may still hear from (its working one, earlier ones not yet seen replaced, a pending
    /// replacement), and what they went through meanwhile (fills, a replace, a cancel, expiry, rejection) is reported —
    /// once, like any update, and under the order's current id.
    /// </summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        foreach (AlpacaTrackedOrder tracked in _orders.Values.Distinct().ToArray())
        {
            List<long> legIds;
            lock (_stateLock)
            {
                legIds = [.. tracked.Legs.Where(l => !l.Closed).Select(l => l.ClOrdId)];
                if (tracked.Pending is { } pending)
                {
                    legIds.Add(pending.ClOrdId);
                }
            }

            bool told = false;
            foreach (long legId in legIds)
            {
                AlpacaOrder? order;
                try
                {
                    order = await _client.GetByClientOrderIdAsync(legId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is AlpacaApiException or HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
                {
                    AlpacaLog.Malformed(_logger, $"reconciling order {legId}: {e.Message}");
                    continue;
                }

                if (order is null)
                {
                    continue; // not placed (yet): its submit or replace reports it
                }

                lock (_stateLock)
                {
                    told |= ApplySnapshot(tracked, legId, order);
                }
            }

            if (told)
            {
                Reconciled++;
            }
        }
    }

    /// <summary>The state Alpaca reports for the Alpaca order placed under <paramref name="legId"/>, applied as the updates it implies. Called under the state lock.</summary>
    private bool ApplySnapshot(AlpacaTrackedOrder tracked, long legId, AlpacaOrder order)
    {
        bool told = false;
        if (tracked.Pending is { } pending && legId == pending.ClOrdId)
        {
            switch (order.Status)
            {
                case "rejected" or "canceled" or "expired":
                    return Apply(tracked, legId, order.Status, order, null, null);
                case "accepted" or "pending_new" or "accepted_for_bidding":
                    return false; // not live yet: the stream will tell
                default:
                    told |= Apply(tracked, legId, "new", order, null, null); // the replacement lives: the replace happened
                    break;
            }
        }

        AlpacaOrderLeg? leg = tracked.Leg(legId);
        if (leg is null || tracked.Finished)
        {
            return told;
        }

        bool current = legId == tracked.ClOrdId;
        if (current && !tracked.Acknowledged && order.Status is "new" or "accepted" or "partially_filled" or "filled")
        {
            told |= Apply(tracked, legId, "new", order, null, null);
        }

        if (order.FilledQty > leg.Filled)
        {
            told |= Apply(tracked, legId, order.Status == "filled" ? "fill" : "partial_fill", order, null, null);
        }

        string? final = order.Status switch
        {
            "replaced" => "replaced",
            "canceled" => "canceled",
            "expired" or "done_for_day" => "expired",
            "rejected" => "rejected",
            _ => null,
        };
        if (final is not null && !tracked.Finished && !leg.Closed)
        {
            told |= Apply(tracked, legId, final, order, null, null);
        }

        return told;
    }

    private void Reject(AlpacaTrackedOrder order, string why)
    {
        lock (_stateLock)
        {
            Rejected++;
            AlpacaLog.ServerError(_logger, 0, $"order {order.ClOrdId} refused: {why}");
            Write(order, ExecType.Rejected, OrdStatus.Rejected, RejectReason.VenueReject, 0, 0, 0, why);
            Finish(order, OrdStatus.Rejected);
        }
    }

    private void Write(AlpacaTrackedOrder order, ExecType execType, OrdStatus status, RejectReason reason, long cumQty, long leavesQty, long lastQty, string? text, long lastPx = 0, long? clOrdIdOverride = null)
    {
        lock (_stateLock)
        {
            var report = ExecutionReportEncoder.WrapAndApplyHeader(_report, 0);
            report.SetClOrdId((ulong)(clOrdIdOverride ?? order.ClOrdId));
            report.SetVenueOrderId(0);
            report.SetInstrumentId(order.InstrumentId);
            report.SetStrategyId(order.StrategyId);
            report.SetVenueId((short)_options.VenueId);
            report.SetExecType(execType);
            report.SetOrdStatus(status);
            report.SetSide(order.Side);
            report.SetRejectReason(reason);
            report.SetPrice(order.Price ?? ExecutionReportEncoder.PriceNullValue);
            report.SetOrderQty(order.Qty);
            report.SetCumQty(cumQty);
            report.SetLeavesQty(leavesQty);
            report.SetAvgPx(ExecutionReportEncoder.AvgPxNullValue);
            report.SetTransactTs((ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000));
            report.SetReceiveTs(0);
            var fills = report.FillsCount(lastQty > 0 ? 1 : 0);
            if (lastQty > 0)
            {
                fills.Next();
                fills.SetLastPx(lastPx);
                fills.SetLastQty(lastQty);
                fills.SetFee(0);
                fills.SetTradeId(0);
                fills.SetLiquidity(Liquidity.Taker);
            }

            byte[] textBytes = System.Text.Encoding.UTF8.GetBytes(text is null ? "" : text.Length > 200 ? text[..200] : text);
            report.SetText(textBytes);
            int length = ExecutionReportEncoder.HeaderLength + report.EncodedLength;
            if (_in.Write(ExecutionReportEncoder.TemplateId, _report.AsSpan(0, length)) != WriteResult.Success)
            {
                AlpacaLog.Malformed(_logger, $"venues-in.ring full: report for order {order.ClOrdId} lost");
            }
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, Action<Utf8JsonWriter> body, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        await socket.SendAsync(stream.ToArray(), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
    }
}
