using System.Globalization;
using System.Text.Json;

namespace Llt.Shell.Alpaca;

/// <summary>An order as Alpaca reports it (REST responses and trade updates); quantities whole units, prices fixed-point 10^-8.</summary>
public sealed record AlpacaOrder(
    string Id, string? ClientOrderId, string Symbol, string Side, string Type, string Status, long Qty, long FilledQty, long? FilledAvgPrice)
{
    /// <summary>A replaced order: the id of the order that replaced it.</summary>
    public string? ReplacedBy { get; init; }

    public static AlpacaOrder Parse(ReadOnlySpan<byte> json)
    {
        using JsonDocument document = JsonDocument.Parse(json.ToArray());
        return From(document.RootElement);
    }

    public static AlpacaOrder From(JsonElement order)
    {
        if (order.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("an order must be a JSON object");
        }

        return new AlpacaOrder(
            Text(order, "id") ?? throw new JsonException("order without id"),
            Text(order, "client_order_id"),
            Text(order, "symbol") ?? "",
            Text(order, "side") ?? "",
            Text(order, "type") ?? Text(order, "order_type") ?? "",
            Text(order, "status") ?? "",
            Units(order, "qty") ?? 0,
            Units(order, "filled_qty") ?? 0,
            FixedPoint(order, "filled_avg_price"))
        {
            ReplacedBy = Text(order, "replaced_by"),
        };
    }

    internal static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Alpaca sends numbers as strings ("100", "179.08"); either form is read.</summary>
    internal static decimal? Number(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out decimal d) => d,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d) => d,
            _ => null,
        };
    }

    internal static long? Units(JsonElement parent, string name) => Number(parent, name) is decimal d ? (long)decimal.Truncate(d) : null;

    internal static long? FixedPoint(JsonElement parent, string name) =>
        Number(parent, name) is decimal d ? (long)decimal.Round(d * 100_000_000m) : null;
}
