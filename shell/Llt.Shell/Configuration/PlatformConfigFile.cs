using System.Globalization;
using System.Text;
using System.Text.Json;
using Llt.Hotpath.Config;

namespace Llt.Shell.Configuration;

/// <summary>
/// llt.json as the whole platform reads it. The engine's loader is strict about its sections (engine, feed, venue,
/// instruments, strategies); the shell owns three more top-level sections and hands the engine the file without
/// them:
/// <list type="bullet">
/// <item><c>shell</c>: settings by their environment names (<c>{ "LOG_FORMAT": "json", "HEALTH_PORT": 9100 }</c>);
/// .env and the environment override them.</item>
/// <item><c>risk</c>: <c>{ "limits": [ { "kind": "position", "scope": "symbol", "target": "AAPL", "value": 5000 } ] }</c>,
/// applied to the engine with SetLimit after it starts.</item>
/// <item><c>sinks</c>: free-form settings for the journal sinks, exposed to them as configuration keys <c>sinks:…</c>.</item>
/// </list>
/// </summary>
public sealed class PlatformConfigFile
{
    public const string DefaultFileName = "llt.json";

    private static readonly string[] ShellSections = ["shell", "risk", "sinks"];

    private PlatformConfigFile(string? path, EngineConfig engine, string? engineJson, Dictionary<string, string> shell,
        List<LimitSpec> limits, Dictionary<string, string?> sinks)
    {
        Path = path;
        Engine = engine;
        EngineJson = engineJson;
        ShellValues = shell;
        Limits = limits;
        SinkValues = sinks;
    }

    /// <summary>The file read, or null for the embedded defaults.</summary>
    public string? Path { get; }

    public EngineConfig Engine { get; }

    /// <summary>The file without the shell's sections (what the engine is given); null when the file has none, so the engine can read the original.</summary>
    public string? EngineJson { get; }

    public IReadOnlyDictionary<string, string> ShellValues { get; }

    public IReadOnlyList<LimitSpec> Limits { get; }

    /// <summary><c>sinks</c> flattened to configuration keys (<c>sinks:kafka:format</c>).</summary>
    public IReadOnlyDictionary<string, string?> SinkValues { get; }

    /// <summary><paramref name="path"/> when given, else ./llt.json when present, else null (embedded defaults).</summary>
    public static string? ResolvePath(string? path) => path ?? (File.Exists(DefaultFileName) ? DefaultFileName : null);

    /// <summary>Reads and validates the file (or the embedded defaults); throws <see cref="ConfigException"/> naming the key.</summary>
    public static PlatformConfigFile Load(string? path)
    {
        if (path is null)
        {
            return new PlatformConfigFile(null, EngineConfigLoader.Validate(new EngineConfig()), null,
                new Dictionary<string, string>(StringComparer.Ordinal), [], new Dictionary<string, string?>(StringComparer.Ordinal));
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException("(file)", $"cannot read {path}: {e.Message}");
        }

        return Parse(text, path);
    }

    public static PlatformConfigFile Parse(string json, string? path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ConfigException("(file)", $"not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                // the engine's loader names the problem
                return new PlatformConfigFile(path, EngineConfigLoader.Parse(json), null, new Dictionary<string, string>(StringComparer.Ordinal), [], new Dictionary<string, string?>(StringComparer.Ordinal));
            }

            bool hasShellSections = ShellSections.Any(s => root.TryGetProperty(s, out _));
            string engineJson = hasShellSections ? WithoutShellSections(root) : json;
            EngineConfig engine = EngineConfigLoader.Parse(engineJson);
            var shell = root.TryGetProperty("shell", out JsonElement shellSection) ? ReadShell(shellSection) : new Dictionary<string, string>(StringComparer.Ordinal);
            List<LimitSpec> limits = root.TryGetProperty("risk", out JsonElement risk) ? ReadRisk(risk) : [];
            var sinks = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("sinks", out JsonElement sinkSection))
            {
                Flatten(sinkSection, "sinks", sinks);
            }

            return new PlatformConfigFile(path, engine, hasShellSections ? engineJson : null, shell, limits, sinks);
        }
    }

    private static string WithoutShellSections(JsonElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (Array.IndexOf(ShellSections, property.Name) < 0)
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Dictionary<string, string> ReadShell(JsonElement section)
    {
        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigException("shell", "must be an object of settings by their environment names, e.g. { \"LOG_FORMAT\": \"json\" }");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty property in section.EnumerateObject())
        {
            if (SettingCatalog.Find(property.Name) is null)
            {
                throw new ConfigException($"shell.{property.Name}", $"unknown setting; expected one of: {string.Join(", ", SettingCatalog.All.Select(d => d.Key))}");
            }

            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => "",
                _ => throw new ConfigException($"shell.{property.Name}", "must be a string, number or boolean"),
            };
        }

        return values;
    }

    private static List<LimitSpec> ReadRisk(JsonElement risk)
    {
        if (risk.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigException("risk", "must be an object: { \"limits\": [ ... ] }");
        }

        var limits = new List<LimitSpec>();
        foreach (JsonProperty property in risk.EnumerateObject())
        {
            if (property.Name != "limits")
            {
                throw new ConfigException($"risk.{property.Name}", "unknown key; expected one of: limits");
            }

            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                throw new ConfigException("risk.limits", "must be an array of { kind, scope, target, value }");
            }

            int index = 0;
            foreach (JsonElement item in property.Value.EnumerateArray())
            {
                string key = $"risk.limits[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new ConfigException(key, "must be an object { kind, scope, target, value }");
                }

                string? kind = null;
                string? scope = null;
                string? target = null;
                decimal? value = null;
                foreach (JsonProperty field in item.EnumerateObject())
                {
                    switch (field.Name)
                    {
                        case "kind" when field.Value.ValueKind == JsonValueKind.String:
                            kind = field.Value.GetString();
                            break;
                        case "scope" when field.Value.ValueKind == JsonValueKind.String:
                            scope = field.Value.GetString();
                            break;
                        case "target" when field.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                            target = field.Value.ValueKind == JsonValueKind.Null ? null : field.Value.GetString();
                            break;
                        case "value" when field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetDecimal(out decimal number):
                            value = number;
                            break;
                        case "kind" or "scope" or "target" or "value":
                            throw new ConfigException($"{key}.{field.Name}", $"has the wrong type ({field.Value.ValueKind})");
                        default:
                            throw new ConfigException($"{key}.{field.Name}", "unknown key; expected one of: kind, scope, target, value");
                    }
                }

                if (kind is null || scope is null || value is null)
                {
                    throw new ConfigException(key, "needs kind, scope and value (and target for symbol and strategy scopes)");
                }

                limits.Add(new LimitSpec(key, kind, scope, target, value.Value));
            }
        }

        return limits;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index.ToString(CultureInfo.InvariantCulture)}", values);
                    index++;
                }

                break;
            case JsonValueKind.String:
                values[prefix] = element.GetString();
                break;
            case JsonValueKind.Null:
                values[prefix] = null;
                break;
            default:
                values[prefix] = element.GetRawText();
                break;
        }
    }
}
