using System.Text.Json;
using Llt.Codecs.Otf;
using Llt.Codecs.Schema;
using Llt.Hotpath.Journal;

namespace Llt.Shell.Commands;

/// <summary>
/// Prints journal payloads as the SBE messages they are, decoded on the fly with the platform schema
/// (embedded in the CLI, so `llt journal` works anywhere). A payload the schema cannot decode is printed as
/// hex with the decoder's error: the journal is evidence, so nothing is hidden or guessed.
/// </summary>
internal sealed class SbeJournalPayloadFormatter : IJournalPayloadFormatter
{
    private readonly OtfDecoder _decoder;

    public SbeJournalPayloadFormatter(MessageSchema schema)
    {
        _decoder = new OtfDecoder(schema);
    }

    public static SbeJournalPayloadFormatter ForPlatformSchema() => new(PlatformSchema.Load());

    public void WritePayload(Utf8JsonWriter json, int type, ReadOnlySpan<byte> payload)
    {
        string decoded;
        try
        {
            decoded = _decoder.Decode(payload, 0, out _);
        }
        catch (OtfDecodeException e)
        {
            json.WriteString("decodeError", e.Message);
            json.WriteString("payloadHex", Convert.ToHexStringLower(payload));
            return;
        }

        json.WritePropertyName("message");
        json.WriteRawValue(decoded, skipInputValidation: true);
    }
}
