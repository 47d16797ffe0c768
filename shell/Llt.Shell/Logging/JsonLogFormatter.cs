using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Llt.Shell.Logging;

/// <summary>
/// LOG_FORMAT=json: one JSON object per line with ts, level, category, eventId, event, message, the message's
/// structured fields, the merged scope (component, symbol, orderId, ...) and the exception. Secrets are scrubbed
/// from the finished line.
/// </summary>
public sealed class JsonLogFormatter : ConsoleFormatter
{
    public const string FormatterName = "llt-json";

    private readonly SecretScrubber _scrubber;

    public JsonLogFormatter(SecretScrubber scrubber)
        : base(FormatterName)
    {
        _scrubber = scrubber;
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        string message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && string.IsNullOrEmpty(message))
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("ts", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteNumber("eventId", logEntry.EventId.Id);
            if (!string.IsNullOrEmpty(logEntry.EventId.Name))
            {
                json.WriteString("event", logEntry.EventId.Name);
            }

            json.WriteString("message", message);
            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> fields && fields.Count > 1)
            {
                json.WriteStartObject("fields");
                foreach (KeyValuePair<string, object?> field in fields)
                {
                    if (field.Key != "{OriginalFormat}")
                    {
                        WriteValue(json, field.Key, field.Value);
                    }
                }

                json.WriteEndObject();
            }

            if (scopeProvider is not null)
            {
                var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
                var texts = new List<string>();
                scopeProvider.ForEachScope((value, state) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (KeyValuePair<string, object?> pair in pairs)
                        {
                            if (pair.Key != "{OriginalFormat}")
                            {
                                state.scope[pair.Key] = pair.Value;
                            }
                        }
                    }
                    else if (value is not null)
                    {
                        state.texts.Add(value.ToString() ?? "");
                    }
                }, (scope, texts));
                if (scope.Count > 0 || texts.Count > 0)
                {
                    json.WriteStartObject("scope");
                    foreach ((string key, object? value) in scope)
                    {
                        WriteValue(json, key, value);
                    }

                    if (texts.Count > 0)
                    {
                        json.WriteString("text", string.Join(" => ", texts));
                    }

                    json.WriteEndObject();
                }
            }

            if (logEntry.Exception is not null)
            {
                json.WriteString("exception", logEntry.Exception.ToString());
            }

            json.WriteEndObject();
        }

        textWriter.Write(_scrubber.Scrub(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
        textWriter.Write('\n');
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ushort or sbyte:
                json.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumber(key, u);
                break;
            case double or float or decimal:
                json.WriteNumber(key, Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
