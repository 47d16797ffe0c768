using System.Text.Json;

namespace Llt.Hotpath.Journal;

/// <summary>
/// Turns a frame's payload into JSON properties for the journal tools. The journal treats payloads as opaque
/// bytes; a formatter that knows the SBE schemas decodes them by <c>type</c> (the templateId).
/// </summary>
/// <example>
/// <code>
/// sealed class SbeJsonFormatter : IJournalPayloadFormatter
/// {
///     public void WritePayload(Utf8JsonWriter json, int type, ReadOnlySpan&lt;byte&gt; payload)
///     {
///         json.WritePropertyName("payload");
///         decoder.WriteJson(json, templateId: type, payload);
///     }
/// }
/// </code>
/// </example>
public interface IJournalPayloadFormatter
{
    /// <summary>Writes one or more properties into the frame's JSON object, which is already open.</summary>
    void WritePayload(Utf8JsonWriter json, int type, ReadOnlySpan<byte> payload);
}
