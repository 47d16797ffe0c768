using System.Buffers;
using System.Text.Json;
using Llt.Codecs.Schema;

namespace Llt.Codecs.Otf;

/// <summary>
/// On-the-fly encoder, the inverse of <see cref="OtfDecoder"/>: JSON of the same shape to SBE bytes in the schema's
/// byte order, with the schema's current version and blockLength in the header. "$header" is optional on input;
/// the message is the one named by the caller or by $header.message (or $header.templateId). Every value is
/// validated; a problem is an <see cref="OtfEncodeException"/> naming the JSON path, and nothing is written. An
/// instance reuses one scratch buffer: use it from one thread at a time.
/// </summary>
/// <example>
/// <code>
/// var encoder = new OtfEncoder(schema);
/// byte[] bytes = encoder.Encode("{\"instrumentId\":7, ...}", "Quote");
/// </code>
/// </example>
public sealed class OtfEncoder
{
    private readonly ArrayBufferWriter<byte> _scratch = new ArrayBufferWriter<byte>(256);

    public OtfEncoder(MessageSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
    }

    public MessageSchema Schema { get; }

    /// <summary>Encodes one message and appends it to <paramref name="output"/>; returns its length in bytes.</summary>
    /// <param name="message">A JSON object: fields, groups and var data by schema name, optionally "$header".</param>
    /// <param name="messageName">The message to encode, or null to take it from $header.</param>
    /// <param name="output">Receives the bytes only when the whole message is valid.</param>
    public int Encode(JsonElement message, string? messageName, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _scratch.ResetWrittenCount();
        new OtfEncodeWalker(Schema, _scratch).WriteMessage(message, messageName);
        output.Write(_scratch.WrittenSpan);
        return _scratch.WrittenCount;
    }

    /// <summary>Encodes one message to a new array.</summary>
    public byte[] Encode(JsonElement message, string? messageName = null)
    {
        var output = new ArrayBufferWriter<byte>(256);
        Encode(message, messageName, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Encodes one message given as JSON text; text that is not JSON is an <see cref="OtfEncodeException"/> at "$".</summary>
    public byte[] Encode(string json, string? messageName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new OtfEncodeException(OtfJson.RootPath, "invalid JSON: " + e.Message);
        }

        using (document)
        {
            return Encode(document.RootElement, messageName);
        }
    }
}
