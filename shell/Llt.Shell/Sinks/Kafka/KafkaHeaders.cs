namespace Llt.Shell.Sinks.Kafka;

/// <summary>
/// Record headers the Kafka sink sets (values are ASCII text, so kcat -f '%h' shows them as they are): a consumer
/// picks the decoder by schema id/version without parsing the value, and can dedupe on the journal sequence if
/// it reads read_uncommitted. The SBE value's own message header names the template (message type).
/// </summary>
public static class KafkaHeaders
{
    public const string SchemaId = "llt-schema-id";
    public const string SchemaVersion = "llt-schema-version";
    public const string Sequence = "llt-seq";

    /// <summary>JSON values only (an SBE value is recognised by the schema headers).</summary>
    public const string ContentType = "content-type";

    public const string JsonContentType = "application/json";

    /// <summary>SBE message header layout (blockLength u16, templateId u16, schemaId u16, version u16; little-endian).</summary>
    public const int SbeTemplateIdOffset = 2;
    public const int SbeSchemaIdOffset = 4;
    public const int SbeVersionOffset = 6;
    public const int SbeHeaderLength = 8;
}
