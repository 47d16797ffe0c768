using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Llt.Shell.Alpaca;

/// <summary>
/// Alpaca trading API v2 over HTTPS: submit (market, limit, stop, stop-limit, trailing-stop; day, gtc, opg, cls,
/// ioc, fok; client order ids), cancel, replace and list orders. The base URL comes from ALPACA_BASE_URL (paper,
/// live or a test server), the keys from the environment, sent only as the APCA-API-KEY-ID / APCA-API-SECRET-KEY
/// headers. Every non-success answer becomes an <see cref="AlpacaApiException"/> carrying the HTTP status
/// (403 forbidden, 404 not found, 422 unprocessable, 429 rate limited with its Retry-After, 5xx) and Alpaca's
/// own code and message.
/// </summary>
public sealed class AlpacaTradingClient : IDisposable
{
    private readonly HttpClient _http;

    public AlpacaTradingClient(Uri baseUrl, string keyId, string secretKey, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = baseUrl;
        _http.Timeout = timeout ?? TimeSpan.FromSeconds(10);
        _http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", keyId);
        _http.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", secretKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async Task<AlpacaOrder> SubmitAsync(AlpacaOrderRequest request, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(request.ToJson());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = await _http.PostAsync("v2/orders", content, cancellationToken).ConfigureAwait(false);
        return AlpacaOrder.Parse(await ReadSuccessAsync(response, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Asks Alpaca to cancel; the outcome arrives as a trade update (canceled, or order_cancel_rejected).</summary>
    public async Task CancelAsync(string orderId, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _http.DeleteAsync($"v2/orders/{Uri.EscapeDataString(orderId)}", cancellationToken).ConfigureAwait(false);
        await ReadSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AlpacaOrder> ReplaceAsync(string orderId, long? qty, long? limitPrice, string? timeInForce, string? clientOrderId, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        using (var w = new Utf8JsonWriter(body))
        {
            w.WriteStartObject();
            if (qty is not null)
            {
                w.WriteString("qty", qty.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (limitPrice is not null)
            {
                w.WriteString("limit_price", AlpacaOrderRequest.Decimal(limitPrice.Value));
            }

            if (timeInForce is not null)
            {
                w.WriteString("time_in_force", timeInForce);
            }

            if (clientOrderId is not null)
            {
                w.WriteString("client_order_id", clientOrderId);
            }

            w.WriteEndObject();
        }

        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = await _http.PatchAsync($"v2/orders/{Uri.EscapeDataString(orderId)}", content, cancellationToken).ConfigureAwait(false);
        return AlpacaOrder.Parse(await ReadSuccessAsync(response, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The order placed under <paramref name="clientOrderId"/>, or null when Alpaca has none.</summary>
    public async Task<AlpacaOrder?> GetByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _http.GetAsync($"v2/orders:by_client_order_id?client_order_id={Uri.EscapeDataString(clientOrderId)}", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return AlpacaOrder.Parse(await ReadSuccessAsync(response, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Orders by status ("open", "closed", "all").</summary>
    public async Task<IReadOnlyList<AlpacaOrder>> ListOrdersAsync(string status, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _http.GetAsync($"v2/orders?status={Uri.EscapeDataString(status)}&limit=500", cancellationToken).ConfigureAwait(false);
        byte[] body = await ReadSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        using JsonDocument document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new AlpacaApiException(response.StatusCode, 0, "expected a JSON array of orders", null);
        }

        var orders = new List<AlpacaOrder>();
        foreach (JsonElement element in document.RootElement.EnumerateArray())
        {
            orders.Add(AlpacaOrder.From(element));
        }

        return orders;
    }

    private static async Task<byte[]> ReadSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        int code = 0;
        string message = Encoding.UTF8.GetString(body);
        try
        {
            using JsonDocument error = JsonDocument.Parse(body);
            if (error.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (error.RootElement.TryGetProperty("code", out JsonElement c) && c.TryGetInt32(out int parsed))
                {
                    code = parsed;
                }

                if (error.RootElement.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String)
                {
                    message = m.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
            // not JSON (a proxy's HTML page): the raw text is the message
        }

        TimeSpan? retryAfter = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is DateTimeOffset at ? at - DateTimeOffset.UtcNow : null);
        throw new AlpacaApiException(response.StatusCode, code, message.Length > 500 ? message[..500] : message, retryAfter);
    }

    public void Dispose() => _http.Dispose();
}
