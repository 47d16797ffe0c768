using System.Text.Json;
using Llt.Shell.Configuration;
using Llt.Shell.Tests.Cli;

namespace Llt.Shell.Tests.Config;

/// <summary>`llt config check` run as a process in a directory holding llt.json and .env, with a chosen environment.</summary>
public sealed class ConfigCheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("llt-config-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Dictionary<string, JsonElement> SettingsByKey(JsonElement root)
    {
        var settings = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonElement setting in root.GetProperty("settings").EnumerateArray())
        {
            settings[setting.GetProperty("key").GetString()!] = setting.Clone();
        }

        return settings;
    }

    [Fact]
    public void Check_ShowsEachValueWithItsSource_EnvironmentOverDotEnvOverLltJson_AndHidesSecrets()
    {
        File.WriteAllText(Path.Combine(_dir, "llt.json"), """
            { "shell": { "LOG_FORMAT": "json", "REDIS_PORT": 6380, "HEALTH_PORT": 9100 } }
            """);
        File.WriteAllText(Path.Combine(_dir, ".env"), """
            # local secrets
            POSTGRES_HOST=db.internal
            POSTGRES_PASSWORD="pg-Secret-value-1"
            REDIS_PORT=6381
            ALERT_WEBHOOK_URL=https://hooks.example.com/services/T000/tok-en-42
            """);
        var environment = new Dictionary<string, string> { ["REDIS_PORT"] = "6382", ["ALPACA_SECRET_KEY"] = "alpaca-Secret-value-2" };

        CliResult text = CliProcess.Run(_dir, environment, "config", "check");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.DoesNotContain("pg-Secret-value-1", text.Stdout + text.Stderr);
        Assert.DoesNotContain("alpaca-Secret-value-2", text.Stdout + text.Stderr);
        Assert.DoesNotContain("tok-en-42", text.Stdout + text.Stderr);
        Assert.Contains("configuration OK", text.Stdout);
        Assert.Matches(@"REDIS_PORT\s+6382\s+environment", text.Stdout);
        Assert.Matches(@"POSTGRES_HOST\s+db\.internal\s+\.env", text.Stdout);
        Assert.Matches(@"LOG_FORMAT\s+json\s+llt\.json", text.Stdout);
        Assert.Matches(@"REDIS_HOST\s+\(not set\)\s+default", text.Stdout);
        Assert.Contains("sinks: postgres on, redis off, mongo off, kafka off", text.Stdout);

        CliResult json = CliProcess.Run(_dir, environment, "config", "check", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        Assert.True(document.RootElement.GetProperty("valid").GetBoolean());
        Dictionary<string, JsonElement> settings = SettingsByKey(document.RootElement);
        Assert.Equal("***", settings["POSTGRES_PASSWORD"].GetProperty("value").GetString());
        Assert.Equal(".env", settings["POSTGRES_PASSWORD"].GetProperty("source").GetString());
        Assert.Equal("***", settings["ALPACA_SECRET_KEY"].GetProperty("value").GetString());
        Assert.Equal("https://hooks.example.com/***", settings["ALERT_WEBHOOK_URL"].GetProperty("value").GetString());
        Assert.Equal("9100", settings["HEALTH_PORT"].GetProperty("value").GetString());
        Assert.Equal("llt.json", settings["HEALTH_PORT"].GetProperty("source").GetString());
        Assert.Equal("6382", settings["REDIS_PORT"].GetProperty("value").GetString());
        Assert.Equal("environment", settings["REDIS_PORT"].GetProperty("source").GetString());
    }

    [Fact]
    public void Check_ShowsWhereTheLiveFeedListens_AndEachFeedsMarketHours()
    {
        File.WriteAllText(Path.Combine(_dir, "llt.json"), """
            {
              "feed": { "type": "itch-udp", "feedId": 3, "lineA": "233.54.12.111:26477", "lineB": "233.49.196.111:26477" },
              "feeds": [
                { "name": "nasdaq", "id": 3, "staleAfter": "2s",
                  "session": { "open": "04:00", "close": "20:00", "timeZone": "America/New_York", "days": "Mon-Fri" } },
                { "name": "backup", "id": 9, "staleAfter": "2s" }
              ]
            }
            """);

        CliResult result = CliProcess.Run(_dir, null, "config", "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("feed:        itch-udp line A 233.54.12.111:26477, line B 233.49.196.111:26477", result.Stdout);
        Assert.Contains("feeds[nasdaq]: id 3, stale after 2000 ms; market hours 04:00-20:00 America/New_York", result.Stdout);
        Assert.Contains("feeds[backup]: id 9, stale after 2000 ms; no market hours", result.Stdout);
    }

    [Fact]
    public void Check_InvalidValues_ExitsTwo_NamingEachKey_WithoutEchoingSecrets()
    {
        var environment = new Dictionary<string, string>
        {
            ["REDIS_PORT"] = "not-a-port",
            ["LOG_FORMAT"] = "xml",
            ["MAX_DAILY_LOSS"] = "-5",
            ["ALERT_WEBHOOK_URL"] = "ftp://user:hunter2-pass@example.com/x",
        };

        CliResult result = CliProcess.Run(_dir, environment, "config", "check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("configuration INVALID: 4 problem(s)", result.Stdout);
        Assert.Contains("REDIS_PORT: 'not-a-port' is not a port number", result.Stderr);
        Assert.Contains("LOG_FORMAT: 'xml' is not one of text, json", result.Stderr);
        Assert.Contains("MAX_DAILY_LOSS:", result.Stderr);
        Assert.Contains("ALERT_WEBHOOK_URL:", result.Stderr);
        Assert.DoesNotContain("hunter2-pass", result.Stdout + result.Stderr);
    }

    [Fact]
    public void Check_BadLltJson_NamesTheKeyInTheFile()
    {
        File.WriteAllText(Path.Combine(_dir, "llt.json"), """
            { "risk": { "limits": [ { "kind": "position", "scope": "symbol", "target": "NOPE", "value": 10 } ] } }
            """);

        CliResult result = CliProcess.Run(_dir, null, "config", "check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("risk.limits[0]", result.Stderr);
        Assert.Contains("'NOPE' is not a configured symbol", result.Stderr);
    }

    [Fact]
    public void Check_RiskVariables_BecomeStartupLimits()
    {
        var environment = new Dictionary<string, string> { ["MAX_POSITION_SIZE"] = "5000", ["MAX_ORDERS_PER_SECOND"] = "200" };

        CliResult result = CliProcess.Run(_dir, environment, "config", "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("position limit for symbol AAPL = 5000 (shares)", result.Stdout);
        Assert.Contains("position limit for symbol AMZN = 5000 (shares)", result.Stdout);
        Assert.Contains("order-rate limit for portfolio = 200 (orders per second)", result.Stdout);
    }

    [Fact]
    public void EnvExample_ListsEverySettingTheShellReads_AndParsesAsAValidConfiguration()
    {
        string root = SbeTestSupport.RepositoryRoot();
        string example = Path.Combine(root, ".env.example");
        DotEnvContents contents = DotEnvFile.Load(example);

        Assert.Empty(contents.Problems);
        foreach (SettingDefinition definition in SettingCatalog.All)
        {
            Assert.True(contents.Values.ContainsKey(definition.Key), $".env.example does not list {definition.Key}");
        }

        CliResult result = CliProcess.Run(_dir, null, "config", "check", "--env-file", example);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("your-alpaca-secret-key", result.Stdout);
    }
}
