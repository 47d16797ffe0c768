using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Llt.Sbe;

namespace Llt.Shell.Sinks.Kafka;

/// <summary>
/// The shared headers of a record (schema id and version; the content type for JSON), built once per schema and
/// reused: librdkafka copies header values when a record is produced, so sharing the arrays is safe. Kept to the
/// few a consumer needs: Confluent.Kafka marshals each header separately, and with six per record the headers
/// cost as much CPU as the rest of the record's path (perf/results/sinks.md).
/// </summary>
public sealed class KafkaHeaderValues
{
    private readonly Dictionary<(int Schema, int Version), Header[]> _sbe = [];
    private Header[]? _json;

    /// <summary>Headers for an SBE value, read from its message header (so they describe exactly the bytes sent).</summary>
    public Header[] Sbe(ReadOnlySpan<byte> value)
    {
        if (value.Length < KafkaHeaders.SbeHeaderLength)
        {
            return [];
        }

        int schema = BinaryPrimitives.ReadUInt16LittleEndian(value[KafkaHeaders.SbeSchemaIdOffset..]);
        int version = BinaryPrimitives.ReadUInt16LittleEndian(value[KafkaHeaders.SbeVersionOffset..]);
        if (!_sbe.TryGetValue((schema, version), out Header[]? headers))
        {
            headers = [new Header(KafkaHeaders.SchemaId, Ascii(schema)), new Header(KafkaHeaders.SchemaVersion, Ascii(version))];
            _sbe[(schema, version)] = headers;
        }

        return headers;
    }

    /// <summary>Headers for a JSON value: the schema the event was decoded with, and the content type.</summary>
    public Header[] Json() => _json ??=
    [
        new Header(KafkaHeaders.SchemaId, Ascii(QuoteDecoder.SchemaId)),
        new Header(KafkaHeaders.SchemaVersion, Ascii(QuoteDecoder.SchemaVersion)),
        new Header(KafkaHeaders.ContentType, Encoding.ASCII.GetBytes(KafkaHeaders.JsonContentType)),
    ];

    private static byte[] Ascii(int value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));
}
