using System.Globalization;
using System.Text.Json;

namespace Llt.Shell.Alpaca;

/// <summary>
/// POST /v2/orders. <see cref="Type"/>: market, limit, stop, stop_limit, trailing_stop; <see cref="TimeInForce"/>:
/// day, gtc, opg, cls, ioc, fok. Prices are fixed-point 10^-8 and go out as exact decimals.
/// </summary>
public sealed record AlpacaOrderRequest
{
    public required string Symbol { get; init; }

    public required long Qty { get; init; }

    /// <summary>"buy" or "sell".</summary>
    public required string Side { get; init; }

    public string Type { get; init; } = "market";

    public string TimeInForce { get; init; } = "day";

    public long? LimitPrice { get; init; }

    public long? StopPrice { get; init; }

    public long? TrailPrice { get; init; }

    /// <summary>Percent (not fixed-point): 1.5 = 1.5%.</summary>
    public decimal? TrailPercent { get; init; }

    public bool ExtendedHours { get; init; }

    /// <summary>Up to 48 characters; the engine uses its client order id (unique across restarts).</summary>
    public string? ClientOrderId { get; init; }

    public byte[] ToJson()
    {
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("symbol", Symbol);
            w.WriteString("qty", Qty.ToString(CultureInfo.InvariantCulture));
            w.WriteString("side", Side);
            w.WriteString("type", Type);
            w.WriteString("time_in_force", TimeInForce);
            if (LimitPrice is not null)
            {
                w.WriteString("limit_price", Decimal(LimitPrice.Value));
            }

            if (StopPrice is not null)
            {
                w.WriteString("stop_price", Decimal(StopPrice.Value));
            }

            if (TrailPrice is not null)
            {
                w.WriteString("trail_price", Decimal(TrailPrice.Value));
            }

            if (TrailPercent is not null)
            {
                w.WriteString("trail_percent", TrailPercent.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (ExtendedHours)
            {
                w.WriteBoolean("extended_hours", true);
            }

            if (ClientOrderId is not null)
            {
                w.WriteString("client_order_id", ClientOrderId);
            }

            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Fixed-point 10^-8 as a plain decimal string without trailing zeros ("190.01").</summary>
    public static string Decimal(long fixedPoint) =>
        (fixedPoint / 100_000_000m).ToString("0.########", CultureInfo.InvariantCulture);
}
