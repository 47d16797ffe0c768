using System.Net;
using System.Text.Json;
using Llt.Shell.Tests.Cli;

namespace Llt.Shell.Tests.Health;

/// <summary>/health over real HTTP when the engine cannot stay up: degraded (503), and the platform keeps running and retrying.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public void Health_WhileTheEngineKeepsFailing_Answers503_NamingTheEngine()
    {
        using var site = new EngineTestSite();
        string config = site.WriteConfig();
        string failingEngine = Path.Combine(site.Root, "failing-engine");
        File.WriteAllText(failingEngine, "#!/bin/sh\necho 'llt-engine: cannot start: simulated failure' >&2\nexit 3\n");
        File.SetUnixFileMode(failingEngine, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        int port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["LLT_ENGINE"] = failingEngine,
            ["HEALTH_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LLT_RESTART_MIN_DELAY"] = "100ms",
            ["LLT_RESTART_MAX_DELAY"] = "300ms",
        };
        using ShellProcess run = ShellProcess.Start(site.Root, environment, "run", "--config", config, "--interval", "1s");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        HttpResponseMessage? response = null;
        string body = "";
        bool degraded = SpinWait.SpinUntil(() =>
        {
            try
            {
                response?.Dispose();
                response = http.GetAsync($"http://127.0.0.1:{port}/health").GetAwaiter().GetResult();
                body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                return response.StatusCode == HttpStatusCode.ServiceUnavailable && body.Contains("restarts 2", StringComparison.Ordinal);
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(100);
                return false;
            }
        }, EngineProcess.Timeout);
        Assert.True(degraded, $"/health: {response?.StatusCode} {body}\n{run}");
        using (JsonDocument health = JsonDocument.Parse(body))
        {
            Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
            Assert.False(health.RootElement.GetProperty("checks").GetProperty("engine").GetProperty("healthy").GetBoolean());
        }

        response?.Dispose();
        Assert.False(run.HasExited);
        Assert.Contains("simulated failure", run.Stdout);
        Assert.Contains("exited unexpectedly with code 3", run.Stdout);
        run.Signal("TERM");
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Health_WithAnUnreachableSinkStore_Answers503_NamingTheSink_WhileTheEngineTrades()
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
              "feed": { "type": "simulator", "rate": 1000 }
            }
            """);
        int port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["LLT_ENGINE"] = EngineProcess.EngineDll,
            ["HEALTH_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // nothing listens here: the Redis sink cannot connect
            ["REDIS_HOST"] = "127.0.0.1",
            ["REDIS_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using ShellProcess run = ShellProcess.Start(site.Root, environment, "run", "--config", config, "--interval", "1s");
        run.WaitForOutput("engine ready, pid");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        string body = "";
        HttpStatusCode status = 0;
        bool sinkDown = SpinWait.SpinUntil(() =>
        {
            try
            {
                using HttpResponseMessage response = http.GetAsync($"http://127.0.0.1:{port}/health").GetAwaiter().GetResult();
                status = response.StatusCode;
                body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                using JsonDocument document = JsonDocument.Parse(body);
                JsonElement checks = document.RootElement.GetProperty("checks");
                // once the engine is up and ticking, only the sink keeps /health degraded
                return checks.TryGetProperty("sink:redis", out _)
                    && checks.GetProperty("engine").GetProperty("healthy").GetBoolean()
                    && checks.TryGetProperty("feed", out JsonElement feed) && feed.GetProperty("healthy").GetBoolean();
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(100);
                return false;
            }
        }, EngineProcess.Timeout);
        Assert.True(sinkDown, $"/health: {status} {body}\n{run}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        using (JsonDocument health = JsonDocument.Parse(body))
        {
            JsonElement checks = health.RootElement.GetProperty("checks");
            Assert.False(checks.GetProperty("sink:redis").GetProperty("healthy").GetBoolean());
            Assert.True(checks.GetProperty("engine").GetProperty("healthy").GetBoolean());
        }

        string metrics;
        using (HttpResponseMessage response = http.Send(new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/metrics")))
        using (var reader = new StreamReader(response.Content.ReadAsStream()))
        {
            metrics = reader.ReadToEnd();
        }

        Assert.Contains("llt_sink_connected{sink=\"redis\"} 0\n", metrics);
        Assert.Contains("llt_engine_up 1\n", metrics);
        run.Signal("INT");
        Assert.Equal(0, run.WaitForExit());
    }
}
