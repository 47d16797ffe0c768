using System.Text.Json;
using System.Text.Json.Serialization;
using Llt.Shell.Sinks.Events;

namespace Llt.Shell.Sinks.Kafka;

/// <summary>
/// The JSON value format: the decoded event record as one object (its fields as named in Sinks/Events, plus
/// <c>Kind</c> and <c>Symbol</c>), enums by name, prices and money as the journal's fixed-point 10^-8 integers
/// so no consumer sees a rounded price.
/// </summary>
public static class KafkaJsonValue
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static byte[] Encode(JournalEvent journalEvent, string? symbol)
    {
        JsonElement body = JsonSerializer.SerializeToElement(journalEvent, journalEvent.GetType(), Options);
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Kind", journalEvent.Kind);
            writer.WriteString("Symbol", symbol);
            foreach (JsonProperty property in body.EnumerateObject())
            {
                if (property.NameEquals("Kind"))
                {
                    continue;
                }

                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
