using System.Text.Json;

namespace Llt.Hotpath.Journal;

/// <summary>Writes the payload as <c>"payloadHex": "0a1b..."</c>: no interpretation, nothing invented.</summary>
public sealed class HexJournalPayloadFormatter : IJournalPayloadFormatter
{
    public static readonly HexJournalPayloadFormatter Instance = new();

    public void WritePayload(Utf8JsonWriter json, int type, ReadOnlySpan<byte> payload) =>
        json.WriteString("payloadHex", Convert.ToHexStringLower(payload));
}
