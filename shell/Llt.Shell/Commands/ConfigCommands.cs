using System.CommandLine;
using System.Text.Json;
using Llt.Hotpath.Config;
using Llt.Shell.Configuration;

namespace Llt.Shell.Commands;

/// <summary>
/// `llt config check`: loads the configuration exactly as `llt run` does (llt.json + .env + environment), prints
/// every setting's effective value with its source (secrets redacted) and the limits applied at start, and exits
/// 2 naming each bad key when anything is invalid.
/// </summary>
internal static class ConfigCommands
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "llt.json (default: ./llt.json if present, else embedded defaults)" };
        var envFile = new Option<string>("--env-file") { Description = "The .env file (default: ./.env if present)" };
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var check = new Command("check", "Print the effective configuration (llt.json + .env + environment) with each value's source; secrets redacted; exit 2 if invalid")
        {
            config, envFile, json,
        };
        check.SetAction(parseResult =>
        {
            PlatformConfiguration loaded = PlatformConfigurationLoader.Load(
                parseResult.GetValue(config), parseResult.GetValue(envFile), LayeredSettings.ProcessEnvironment());
            if (parseResult.GetValue(json))
            {
                WriteJson(loaded);
            }
            else
            {
                WriteText(loaded, Console.Out);
            }

            foreach (SettingProblem problem in loaded.Problems)
            {
                Console.Error.WriteLine($"llt config: {problem}");
            }

            return loaded.IsValid ? ExitCodes.Ok : ExitCodes.BadUsage;
        });

        return new Command("config", "Inspect the platform's configuration") { check };
    }

    private static void WriteText(PlatformConfiguration loaded, TextWriter output)
    {
        output.WriteLine($"config file: {loaded.File?.Path ?? "(embedded defaults)"}");
        output.WriteLine($"env file:    {loaded.DotEnvPath ?? "(none)"}");
        if (loaded.File is not null)
        {
            var engine = loaded.File.Engine;
            output.WriteLine($"engine:      {engine.Name}; journal {Path.GetFullPath(engine.Journal.Directory)}; {engine.Instruments.Count} instruments; {engine.Strategies.Count} strategies; {engine.Venues.Count} venues; feed {engine.Feed.Type}");
            output.WriteLine($"feed:        {engine.Feed.Describe()}");
            foreach (FeedLineConfig line in engine.Feeds)
            {
                string session = line.Session is { } hours
                    ? "; market hours " + hours.Describe()
                    : "; no market hours (silence counts at any hour)";
                output.WriteLine($"  feeds[{line.Name}]: id {line.Id}, stale after {line.StaleAfterNs / 1_000_000} ms{session}");
            }
        }

        output.WriteLine();
        int width = SettingCatalog.All.Max(d => d.Key.Length);
        foreach ((string key, string value, SettingSource source) in Rows(loaded))
        {
            output.WriteLine($"{key.PadRight(width)}  {(value.Length == 0 ? "(not set)" : value),-40}  {SourceName(source)}");
        }

        if (loaded.StartupLimits.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("limits applied when the engine starts:");
            foreach (LimitRequest limit in loaded.StartupLimits)
            {
                output.WriteLine($"  {limit}");
            }
        }

        if (loaded.Typed is PlatformSettings typed)
        {
            output.WriteLine();
            output.WriteLine($"sinks: postgres {OnOff(typed.Postgres.Enabled)}, redis {OnOff(typed.Redis.Enabled)}, mongo {OnOff(typed.Mongo.Enabled)}, kafka {OnOff(typed.Kafka.Enabled)}; journal always");
        }

        output.WriteLine();
        output.WriteLine(loaded.IsValid ? "configuration OK" : $"configuration INVALID: {loaded.Problems.Count} problem(s)");
    }

    private static void WriteJson(PlatformConfiguration loaded)
    {
        using Stream stdout = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteBoolean("valid", loaded.IsValid);
        json.WriteString("configFile", loaded.File?.Path);
        json.WriteString("envFile", loaded.DotEnvPath);
        json.WriteStartArray("settings");
        foreach ((string key, string value, SettingSource source) in Rows(loaded))
        {
            json.WriteStartObject();
            json.WriteString("key", key);
            json.WriteString("value", value);
            json.WriteString("source", SourceName(source));
            json.WriteBoolean("secret", SecretRedactor.KindOf(key) != SecretKind.None);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("startupLimits");
        foreach (LimitRequest limit in loaded.StartupLimits)
        {
            json.WriteStringValue(limit.ToString());
        }

        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (SettingProblem problem in loaded.Problems)
        {
            json.WriteStartObject();
            json.WriteString("key", problem.Key);
            json.WriteString("message", problem.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Catalog settings in catalog order, then any other key llt.json or .env set; values redacted.</summary>
    private static IEnumerable<(string Key, string Value, SettingSource Source)> Rows(PlatformConfiguration loaded)
    {
        LayeredSettings settings = loaded.Settings;
        foreach (SettingDefinition definition in SettingCatalog.All)
        {
            yield return (definition.Key, SecretRedactor.Redact(definition.Key, settings[definition.Key]), settings.SourceOf(definition.Key));
        }

        foreach ((string key, SettingValue value) in settings.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (SettingCatalog.Find(key) is null)
            {
                yield return (key, SecretRedactor.Redact(key, value.Value), value.Source);
            }
        }
    }

    private static string SourceName(SettingSource source) => source switch
    {
        SettingSource.ConfigFile => "llt.json",
        SettingSource.DotEnv => ".env",
        SettingSource.Environment => "environment",
        _ => "default",
    };

    private static string OnOff(bool on) => on ? "on" : "off";
}
