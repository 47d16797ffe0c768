using System.Text.Json;
using Llt.Shell.Tests.Cli;

namespace Llt.Shell.Tests.Logging;

/// <summary>
/// All log output of a real `llt run` with secrets set in the environment and in .env, at Debug with JSON logs:
/// every line is one JSON object, components are in scope, alerts fire (and their webhook fails, which is logged),
/// and no secret value appears anywhere in what the process printed.
/// </summary>
public sealed class RunLogOutputTests
{
    [Fact]
    public void JsonLogs_OfARunWithSecretsSet_AreStructured_AndContainNoSecret()
    {
        using var site = new EngineTestSite();
        string config = site.WriteConfig($$"""
            {
              "engine": {
                "name": "{{site.Name}}",
                "mdRingCapacity": 65536,
                "cmdRingCapacity": 65536,
                "heartbeatInterval": "100ms",
                "journal": { "dir": "{{site.JournalDirectory}}", "segmentSize": 4194304 }
              },
              "feed": { "type": "simulator", "rate": 2000 }
            }
            """);
        string[] secrets =
        [
            "pg-Pass-7f3a9c", "AKXQ-alpaca-key-51d2", "alpaca-Secret-0c6e88", "hook-token-2b9d41", "dotenv-Token-93aa17",
        ];
        File.WriteAllText(Path.Combine(site.Root, ".env"), $"""
            POSTGRES_PASSWORD={secrets[0]}
            SLACK_TOKEN={secrets[4]}
            """);
        int closedPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["LLT_ENGINE"] = EngineProcess.EngineDll,
            ["HEALTH_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LOG_FORMAT"] = "json",
            ["LOG_LEVEL"] = "Debug",
            ["ALPACA_API_KEY"] = secrets[1],
            ["ALPACA_SECRET_KEY"] = secrets[2],
            ["ALERT_WEBHOOK_URL"] = $"http://127.0.0.1:{closedPort}/hooks/{secrets[3]}?token={secrets[3]}",
            // a daily-loss limit of one cent: the simulated strategies breach it at once, so alerts fire
            ["MAX_DAILY_LOSS"] = "0.01",
        };

        CliResult result = CliProcess.Run(site.Root, environment, "run", "--config", config, "--duration", "5s");

        Assert.True(result.ExitCode == 0, result.ToString());
        string everything = result.Stdout + result.Stderr;
        foreach (string secret in secrets)
        {
            Assert.DoesNotContain(secret, everything);
        }

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 10, result.ToString());
        var components = new HashSet<string>();
        var events = new HashSet<string>();
        foreach (string line in lines)
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            Assert.True(root.TryGetProperty("ts", out _), line);
            Assert.True(root.TryGetProperty("level", out _), line);
            Assert.True(root.TryGetProperty("category", out _), line);
            Assert.True(root.TryGetProperty("message", out _), line);
            if (root.TryGetProperty("scope", out JsonElement scope) && scope.TryGetProperty("component", out JsonElement component))
            {
                components.Add(component.GetString()!);
            }

            if (root.TryGetProperty("event", out JsonElement name))
            {
                events.Add(name.GetString()!);
            }
        }

        Assert.Superset(new HashSet<string> { "run", "supervisor", "engine", "alerts", "view", "monitor" }, components);
        // the settings dump at Debug names the secret keys with their values masked
        Assert.Contains(lines, l => l.Contains("\"setting POSTGRES_PASSWORD = *** (DotEnv)\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"setting SLACK_TOKEN = *** (DotEnv)\"", StringComparison.Ordinal));
        Assert.Contains("Alert", events);
        // once the kill switch is latched, orders are rejected: each is logged at Debug with its symbol and order id in scope
        Assert.Contains(lines, l =>
        {
            using JsonDocument document = JsonDocument.Parse(l);
            return document.RootElement.TryGetProperty("event", out JsonElement e) && e.GetString() == "OrderRejected"
                && document.RootElement.GetProperty("scope").TryGetProperty("symbol", out JsonElement symbol) && symbol.GetString()!.Length > 0
                && document.RootElement.GetProperty("scope").GetProperty("orderId").GetInt64() > 0
                && document.RootElement.GetProperty("scope").GetProperty("component").GetString() == "monitor";
        });
        Assert.Contains(lines, l => l.Contains("ALERT kill-switch", StringComparison.Ordinal) || l.Contains("ALERT risk-breach", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("alert webhook http://127.0.0.1:" + closedPort + "/***", StringComparison.Ordinal));
    }
}
