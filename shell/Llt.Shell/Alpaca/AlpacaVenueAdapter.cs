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
/// CancelOrder for this venue from its out ring and turns them into trading API calls (client order id = the
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
/// </summary>
public sealed class AlpacaVenueAdapter : BackgroundService
{
    private const int MaxAttempts = 3;

    private readonly AlpacaVenueOptions _options;
    private readonly RingBuffer _out;
    private readonly RingBuffer _in;
    private readonly IReadOnlyList<string> _symbols;
    private readonly AlpacaTradingClient _client;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, TrackedOrder> _orders = new();
    private readonly byte[] _report = new byte[1024];
    private readonly object _reportLock = new();
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
                else
                {
                    AlpacaLog.Malformed(_logger, $"venue ring record type {type} is not a NewOrder or CancelOrder");
                }
            }
        }
    }

    private TrackedOrder Track(NewOrderDecoder order)
    {
        var tracked = new TrackedOrder((long)order.ClOrdId, order.InstrumentId, order.StrategyId, order.Side, order.OrdType, order.TimeInForce,
            order.Price == NewOrderDecoder.PriceNullValue ? null : order.Price,
            order.StopPrice == NewOrderDecoder.StopPriceNullValue ? null : order.StopPrice, order.Qty)
        {
            TrailPrice = order.TrailPrice == NewOrderDecoder.TrailPriceNullValue ? null : order.TrailPrice,
            TrailBps = order.TrailBps == NewOrderDecoder.TrailBpsNullValue ? null : order.TrailBps,
        };
        _orders[tracked.ClOrdId] = tracked;
        return tracked;
    }

    private async Task SubmitAsync(TrackedOrder order, CancellationToken cancellationToken)
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
    private static string? ToAlpacaRequest(TrackedOrder order, string symbol, out AlpacaOrderRequest? request)
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

    private async Task<bool> AlreadyPlacedAsync(TrackedOrder order, CancellationToken cancellationToken)
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
        if (!_orders.TryGetValue(clOrdId, out TrackedOrder? order))
        {
            return; // not ours any more: the engine hears "too late" from its own OMS timeout
        }

        try
        {
            string? id = order.AlpacaId ?? (await _client.GetByClientOrderIdAsync(clOrdId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false))?.Id;
            if (id is null)
            {
                Write(order, ExecType.Rejected, OrdStatus.New, RejectReason.TooLateToCancel, 0, 0, 0, "no such order at alpaca");
                return;
            }

            await _client.CancelAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (AlpacaApiException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            Write(order, ExecType.Rejected, OrdStatus.New, RejectReason.TooLateToCancel, 0, 0, 0, e.AlpacaMessage);
        }
        catch (Exception e) when (e is AlpacaApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Write(order, ExecType.Rejected, OrdStatus.New, RejectReason.VenueReject, 0, 0, 0, e.Message);
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

        if (!long.TryParse(order.ClientOrderId, NumberStyles.None, CultureInfo.InvariantCulture, out long clOrdId) || !_orders.TryGetValue(clOrdId, out TrackedOrder? tracked))
        {
            ForeignUpdates++;
            return;
        }

        tracked.AlpacaId ??= order.Id;
        if (!Apply(tracked, eventName, order, AlpacaOrder.Units(data, "qty"), AlpacaOrder.FixedPoint(data, "price")))
        {
            RepeatedUpdates++;
        }
    }

    /// <summary>
    /// What <paramref name="eventName"/> means for the engine's order, reported once: a fill only for quantity not yet
    /// reported (its price the event's, or derived from Alpaca's average when fills were missed), "new" only once.
    /// False when it told the engine nothing new.
    /// </summary>
    private bool Apply(TrackedOrder tracked, string eventName, AlpacaOrder order, long? eventQty, long? eventPx)
    {
        long cum = Math.Max(order.FilledQty, tracked.ReportedCum);
        long leaves = Math.Max(0, order.Qty - cum);
        switch (eventName)
        {
            case "new":
                if (tracked.Acknowledged)
                {
                    return false;
                }

                tracked.Acknowledged = true;
                Write(tracked, ExecType.New, OrdStatus.New, RejectReason.None, cum, leaves, 0, null);
                return true;
            case "partial_fill":
            case "fill":
            {
                long after = order.FilledQty > 0 ? order.FilledQty : tracked.ReportedCum + (eventQty ?? 0);
                long lastQty = after - tracked.ReportedCum;
                if (lastQty <= 0)
                {
                    return false;
                }

                long lastPx = eventQty == lastQty && eventPx is long px ? px : MissedFillPrice(tracked, order, after, lastQty, eventPx);
                tracked.Acknowledged = true;
                tracked.ReportedCum = after;
                tracked.ReportedNotional += (decimal)lastPx * lastQty;
                bool done = eventName == "fill" || after >= tracked.Qty;
                Write(tracked, done ? ExecType.Fill : ExecType.PartialFill, done ? OrdStatus.Filled : OrdStatus.PartiallyFilled,
                    RejectReason.None, after, done ? 0 : Math.Max(0, tracked.Qty - after), lastQty, null, lastPx);
                if (done)
                {
                    _orders.TryRemove(tracked.ClOrdId, out _);
                }

                return true;
            }

            case "canceled":
            case "expired":
            case "done_for_day":
                if (order.FilledQty > tracked.ReportedCum && order.FilledQty < tracked.Qty)
                {
                    Apply(tracked, "partial_fill", order, null, null); // fills missed before the end: reported first
                }

                bool canceled = eventName == "canceled";
                Write(tracked, canceled ? ExecType.Canceled : ExecType.Expired, canceled ? OrdStatus.Canceled : OrdStatus.Expired, RejectReason.None, tracked.ReportedCum, 0, 0, null);
                _orders.TryRemove(tracked.ClOrdId, out _);
                return true;
            case "rejected":
                Write(tracked, ExecType.Rejected, OrdStatus.Rejected, RejectReason.VenueReject, 0, 0, 0, "rejected by alpaca");
                _orders.TryRemove(tracked.ClOrdId, out _);
                return true;
            case "order_cancel_rejected":
                Write(tracked, ExecType.Rejected, cum > 0 ? OrdStatus.PartiallyFilled : OrdStatus.New, RejectReason.TooLateToCancel, cum, leaves, 0, "cancel rejected by alpaca");
                return true;
            default:
                // pending_new, accepted, pending_cancel, replaced, stopped, calculated, suspended...: no state change the engine tracks
                return true;
        }
    }

    /// <summary>The price of fills the adapter never saw: Alpaca's average over all fills, less what was reported.</summary>
    private static long MissedFillPrice(TrackedOrder tracked, AlpacaOrder order, long cumAfter, long lastQty, long? eventPx)
    {
        if (order.FilledAvgPrice is not long average)
        {
            return eventPx ?? 0;
        }

        return (long)decimal.Round((((decimal)average * cumAfter) - tracked.ReportedNotional) / lastQty);
    }

    /// <summary>
    /// After the trade-updates stream came back: each order still open here is looked up by its client order id, and
    /// what it went through meanwhile (fills, a cancel, expiry, rejection) is reported — once, like any update.
    /// </summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        foreach (TrackedOrder tracked in _orders.Values.ToArray())
        {
            AlpacaOrder? order;
            try
            {
                order = await _client.GetByClientOrderIdAsync(tracked.ClOrdId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AlpacaApiException or HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
            {
                AlpacaLog.Malformed(_logger, $"reconciling order {tracked.ClOrdId}: {e.Message}");
                continue;
            }

            if (order is null)
            {
                continue; // not placed (yet): its submit reports it
            }

            tracked.AlpacaId ??= order.Id;
            bool told = false;
            if (order.Status is "new" or "accepted" or "partially_filled" or "filled" && !tracked.Acknowledged)
            {
                told |= Apply(tracked, "new", order, null, null);
            }

            if (order.FilledQty > tracked.ReportedCum)
            {
                told |= Apply(tracked, order.FilledQty >= tracked.Qty ? "fill" : "partial_fill", order, null, null);
            }

            string? final = order.Status switch
            {
                "canceled" => "canceled",
                "expired" or "done_for_day" => "expired",
                "rejected" => "rejected",
                _ => null,
            };
            if (final is not null && _orders.ContainsKey(tracked.ClOrdId))
            {
                told |= Apply(tracked, final, order, null, null);
            }

            if (told)
            {
                Reconciled++;
            }
        }
    }

    private void Reject(TrackedOrder order, string why)
    {
        Rejected++;
        AlpacaLog.ServerError(_logger, 0, $"order {order.ClOrdId} refused: {why}");
        Write(order, ExecType.Rejected, OrdStatus.Rejected, RejectReason.VenueReject, 0, 0, 0, why);
        _orders.TryRemove(order.ClOrdId, out _);
    }

    private void Write(TrackedOrder order, ExecType execType, OrdStatus status, RejectReason reason, long cumQty, long leavesQty, long lastQty, string? text, long lastPx = 0)
    {
        lock (_reportLock)
        {
            var report = ExecutionReportEncoder.WrapAndApplyHeader(_report, 0);
            report.SetClOrdId((ulong)order.ClOrdId);
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

    private sealed class TrackedOrder(long clOrdId, int instrumentId, short strategyId, Side side, OrdType ordType, TimeInForce timeInForce, long? price, long? stopPrice, long qty)
    {
        public long ClOrdId { get; } = clOrdId;

        public int InstrumentId { get; } = instrumentId;

        public short StrategyId { get; } = strategyId;

        public Side Side { get; } = side;

        public OrdType OrdType { get; } = ordType;

        public TimeInForce TimeInForce { get; } = timeInForce;

        public long? Price { get; } = price;

        public long? StopPrice { get; } = stopPrice;

        public long Qty { get; } = qty;

        /// <summary>Trailing stop: the trail as a price offset, fixed-point 10^-8.</summary>
        public long? TrailPrice { get; init; }

        /// <summary>Trailing stop: the trail in basis points of the best price since entry.</summary>
        public int? TrailBps { get; init; }

        public string? AlpacaId { get; set; }

        /// <summary>"new" was reported (or a fill, which implies it).</summary>
        public bool Acknowledged { get; set; }

        /// <summary>Quantity reported filled so far: a fill event at or below it is a repeat.</summary>
        public long ReportedCum { get; set; }

        /// <summary>Σ price × quantity of the fills reported (fixed-point price), to price fills that were missed.</summary>
        public decimal ReportedNotional { get; set; }
    }
}
