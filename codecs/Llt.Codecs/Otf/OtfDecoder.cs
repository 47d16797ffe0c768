using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Llt.Codecs.Schema;

namespace Llt.Codecs.Otf;

/// <summary>
/// On-the-fly decoder: turns SBE messages of any <see cref="MessageSchema"/> into JSON without generated code, for
/// tools and operators (not the hot path: it allocates). Each message becomes one object,
/// <c>{"$header":{"message":"Quote","templateId":1,"schemaId":1,"version":1,"blockLength":48}, ...fields, ...groups, ...data}</c>,
/// walked with the acting version and blockLength from its header. The JSON shape is described in docs/SBE-OTF.md;
/// <see cref="OtfEncoder"/> accepts the same shape back. An instance reuses one scratch buffer: use it from one
/// thread at a time.
/// </summary>
/// <example>
/// <code>
/// var decoder = new OtfDecoder(SchemaParser.ParseFile("schemas/llt.xml"));
/// for (int offset = 0; offset &lt; bytes.Length;)
/// {
///     string json = decoder.Decode(bytes, offset, out int length);
///     offset += length;
/// }
/// </code>
/// </example>
public sealed class OtfDecoder
{
    private readonly ArrayBufferWriter<byte> _scratch = new ArrayBufferWriter<byte>(1024);
    private readonly Utf8JsonWriter _scratchWriter;

    public OtfDecoder(MessageSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        // Operators read this output: keep non-ASCII text readable instead of \u-escaping it. It is never embedded in HTML.
        _scratchWriter = new Utf8JsonWriter(_scratch, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public MessageSchema Schema { get; }

    /// <summary>
    /// Decodes the message starting at <paramref name="offset"/> and writes it to <paramref name="writer"/> as one
    /// JSON object; returns the message's length in bytes (header included), so the next message starts at
    /// offset + length. On malformed input throws <see cref="OtfDecodeException"/> with the absolute offset and
    /// writes nothing: the object is rendered aside and copied only once the whole message has been read.
    /// </summary>
    public int Decode(ReadOnlySpan<byte> buffer, int offset, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int length = Render(buffer, offset);
        writer.WriteRawValue(_scratch.WrittenSpan, skipInputValidation: true);
        return length;
    }

    /// <summary>Decodes the message starting at <paramref name="offset"/> to a compact JSON string.</summary>
    public string Decode(ReadOnlySpan<byte> buffer, int offset, out int length)
    {
        length = Render(buffer, offset);
        return Encoding.UTF8.GetString(_scratch.WrittenSpan);
    }

    /// <summary>
    /// Decodes consecutive messages filling <paramref name="buffer"/>, one JSON string each. Throws on the first
    /// malformed message. Messages must be delimited by their own contents: a message of a newer version with
    /// groups or var data this schema does not know cannot be delimited without external framing.
    /// </summary>
    public IReadOnlyList<string> DecodeAll(ReadOnlySpan<byte> buffer)
    {
        var messages = new List<string>();
        int offset = 0;
        while (offset < buffer.Length)
        {
            messages.Add(Decode(buffer, offset, out int length));
            offset += length;
        }

        return messages;
    }

    private int Render(ReadOnlySpan<byte> buffer, int offset)
    {
        if (offset < 0 || offset > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be within the buffer");
        }

        _scratch.ResetWrittenCount();
        _scratchWriter.Reset();
        var walker = new OtfDecodeWalker(buffer, _scratchWriter, Schema);
        int end = walker.WriteMessage(offset);
        _scratchWriter.Flush();
        return end - offset;
    }
}
