using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Llt.Hotpath.Counters;
using Llt.Sbe;

namespace Llt.Shell.Tests.Cli;

/// <summary>
/// `llt run` as an operator runs it: a real llt-engine supervised by a real llt process, /health and /metrics over
/// real HTTP, a local webhook for alerts, crashes by SIGKILL, stops by duration and by Ctrl-C (SIGINT).
/// </summary>
public sealed class RunCommandTests
{
    private static string WriteTradingConfig(EngineTestSite site, string extra = "") => site.WriteConfig($$"""
        {
          "engine": {
            "name": "{{site.Name}}",
            "mdRingCapacity": 65536,
            "cmdRingCapacity": 65536,
            "heartbeatInterval": "100ms",
            "journal": { "dir": "{{site.JournalDirectory}}", "segmentSize": 4194304 }
          },
          "feed": { "type": "simulator", "rate": 2000 }{{extra}}
        }
        """);

    private static Dictionary<string, string> Environment(int healthPort, params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["LLT_ENGINE"] = EngineProcess.EngineDll,
            ["HEALTH_PORT"] = healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LLT_RESTART_MIN_DELAY"] = "200ms",
            ["LLT_RESTART_MAX_DELAY"] = "2s",
        };
        foreach ((string key, string value) in more)
        {
            environment[key] = value;
        }

        return environment;
    }

    private static (HttpStatusCode Status, string Body) Get(HttpClient http, string url, HttpMethod? method = null, string? body = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (body is not null)
        {
            request.Content = new StringContent(body);
        }

        using HttpResponseMessage response = http.Send(request);
        return (response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }

    private static (HttpStatusCode Status, string Body) WaitForHealth(HttpClient http, int port, HttpStatusCode wanted)
    {
        (HttpStatusCode, string) last = default;
        bool met = SpinWait.SpinUntil(() =>
        {
            try
            {
                last = Get(http, $"http://127.0.0.1:{port}/health");
                if (last.Item1 == wanted)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            Thread.Sleep(100);
            return false;
        }, EngineProcess.Timeout);
        Assert.True(met, $"/health never answered {wanted}; last: {last.Item1} {last.Item2}");
        return last;
    }

    private static long EnginePid(EngineTestSite site)
    {
        if (!CountersReader.TryOpen(Path.Combine(site.ShmDirectory, "counters.dat"), out CountersReader? reader, out _))
        {
            return 0;
        }

        using (reader)
        {
            return CountersReader.IsProcessRunning(reader.WriterPid) ? reader.WriterPid : 0;
        }
    }

    [Fact]
    public void Run_WithDuration_SupervisesTheEngine_ServesHealthAndMetrics_AndStopsCleanly()
    {
        using var site = new EngineTestSite();
        string config = WriteTradingConfig(site);
        int port = FreePort.Next();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using ShellProcess run = ShellProcess.Start(site.Root, Environment(port), "run", "--config", config, "--duration", "15s", "--interval", "1s");

        var (status, body) = WaitForHealth(http, port, HttpStatusCode.OK);
        using (JsonDocument health = JsonDocument.Parse(body))
        {
            Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
            Assert.True(health.RootElement.GetProperty("checks").GetProperty("engine").GetProperty("healthy").GetBoolean());
            Assert.True(health.RootElement.GetProperty("checks").GetProperty("feed").GetProperty("healthy").GetBoolean());
        }

        // on a loaded 2-core CI box the first fill can take a few seconds after the first healthy answer
        Assert.True(SpinWait.SpinUntil(() => Get(http, $"http://127.0.0.1:{port}/metrics").Body.Contains("llt_fills_total 0\n", StringComparison.Ordinal) is false, TimeSpan.FromSeconds(10)),
            "no fill within 10 s of the first healthy answer\n" + run);
        var metrics = Get(http, $"http://127.0.0.1:{port}/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.Contains("llt_engine_up 1\n", metrics.Body);
        Assert.Matches(@"\nllt_fills_total [1-9]\d*\n", metrics.Body);
        Assert.Matches(@"\nllt_latency_seconds\{histogram=""tick_to_order"",quantile=""0\.99""\} [0-9.eE-]+\n", metrics.Body);
        Assert.Contains("# TYPE llt_position gauge", metrics.Body);
        Assert.Contains("llt_engine_counter{id=", metrics.Body);
        foreach (string line in metrics.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // every line is a comment or "name{labels} value" (exposition format 0.0.4)
            Assert.Matches(@"^(# (HELP|TYPE) [a-z_][a-z0-9_]* .+|[a-z_][a-z0-9_]*(\{[a-z_]+=""([^""\\]|\\.)*""(,[a-z_]+=""([^""\\]|\\.)*"")*\})? (NaN|[+-]Inf|-?[0-9.]+([eE][+-]?[0-9]+)?))$", line);
        }

        // bad requests get 4xx and the server keeps serving
        Assert.Equal(HttpStatusCode.NotFound, Get(http, $"http://127.0.0.1:{port}/nope").Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, Get(http, $"http://127.0.0.1:{port}/health", HttpMethod.Post, "{}").Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, Get(http, $"http://127.0.0.1:{port}/metrics", HttpMethod.Delete).Status);
        var head = Get(http, $"http://127.0.0.1:{port}/health", HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.Status);
        Assert.Equal("", head.Body);
        using (var raw = new TcpClient())
        {
            raw.Connect(IPAddress.Loopback, port);
            NetworkStream stream = raw.GetStream();
            stream.Write(Encoding.ASCII.GetBytes("THIS IS NOT HTTP\r\n\r\n"));
            stream.ReadTimeout = 10_000;
            var buffer = new byte[256];
            int n = stream.Read(buffer);
            Assert.StartsWith("HTTP/1.1 400", Encoding.ASCII.GetString(buffer, 0, n));
        }

        Assert.Equal(HttpStatusCode.OK, Get(http, $"http://127.0.0.1:{port}/health").Status);

        Assert.Equal(0, run.WaitForExit());
        Assert.Contains("engine ready, pid", run.Stdout);
        Assert.Contains("run duration 15.0s elapsed: stopping", run.Stdout);
        Assert.Matches(@"\[\d\d:\d\d:\d\d\] engine running pid \d+ restarts 0 \| pnl realized", run.Stdout);
        Assert.Contains("stopped with code 0", run.Stdout);
        Assert.Equal(0, EnginePid(site));
        Assert.Equal(HeartbeatDecoder.TemplateId, site.ReadJournal()[^1].Type);
        Assert.Throws<HttpRequestException>(() => Get(http, $"http://127.0.0.1:{port}/health"));
    }

    [Fact]
    public void Run_EngineKilled_IsLoggedAlertedAndRestarted_WithTheSessionsChangesReapplied_ThenCtrlCStopsAll()
    {
        using var site = new EngineTestSite();
        string config = WriteTradingConfig(site);
        int port = FreePort.Next();
        using var webhook = new WebhookReceiver();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using ShellProcess run = ShellProcess.Start(site.Root, Environment(port, ("ALERT_WEBHOOK_URL", webhook.Url("/hooks/llt"))), "run", "--config", config, "--interval", "1s");
        run.WaitForOutput("engine ready, pid");
        WaitForHealth(http, port, HttpStatusCode.OK);

        CliResult limit = CliProcess.Run(site.Root, null, "limits", "set", "position", "300", "--scope", "symbol", "--target", "AAPL", "--config", config);
        Assert.True(limit.ExitCode == 0, limit.ToString());
        CliResult disable = CliProcess.Run(site.Root, null, "strategies", "disable", "momentum_breakout", "--config", config);
        Assert.True(disable.ExitCode == 0, disable.ToString());

        long firstPid = EnginePid(site);
        Assert.NotEqual(0, firstPid);
        using (System.Diagnostics.Process kill = System.Diagnostics.Process.Start("kill", ["-KILL", firstPid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit(EngineProcess.Timeout);
        }

        JsonElement restart = webhook.WaitFor("engine-restart");
        Assert.Equal("critical", restart.GetProperty("severity").GetString());
        Assert.Equal(site.Name, restart.GetProperty("engine").GetString());
        Assert.Equal("137", restart.GetProperty("fields").GetProperty("exitCode").GetString());
        run.WaitForOutput("engine ready, pid", TimeSpan.FromSeconds(1));
        Assert.True(SpinWait.SpinUntil(() => EnginePid(site) is long pid && pid != 0 && pid != firstPid, EngineProcess.Timeout), "no new engine after the crash\n" + run);
        run.WaitForOutput("re-apply strategy momentum_breakout disable: applied");
        Assert.Contains($"engine pid {firstPid} exited unexpectedly with code 137", run.Stdout);
        Assert.Contains("restarting the engine in 200ms (restart #1)", run.Stdout);
        // the restarted engine rebuilt its positions from the journal's fills
        Assert.Matches(@"llt-engine: journal .*; [1-9]\d* fills replayed into positions", run.Stdout);
        Assert.Contains("re-apply position limit for symbol AAPL = 300 (shares): applied", run.Stdout);

        // the journal now shows the operator's changes re-sent after the restart, on the operator's behalf
        var reapplied = new List<(long Value, string Source)>();
        foreach (var frame in site.ReadJournal().Where(f => f.Type == SetLimitDecoder.TemplateId))
        {
            SetLimitDecoder setLimit = SetLimitDecoder.WrapWithHeader(frame.Payload, 0);
            reapplied.Add((setLimit.Value, setLimit.GetSourceAsString()));
        }

        Assert.Contains(reapplied, l => l.Value == 300 && l.Source.StartsWith("restart:cli:", StringComparison.Ordinal));
        using (JsonDocument strategies = JsonDocument.Parse(CliProcess.Run(site.Root, null, "strategies", "list", "--json", "--config", config).Stdout))
        {
            Assert.False(strategies.RootElement.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "momentum_breakout").GetProperty("enabled").GetBoolean());
        }

        // /health serves the monitor's latest snapshot: it shows the restart within a snapshot interval
        string healthBody = "";
        Assert.True(SpinWait.SpinUntil(() => (healthBody = WaitForHealth(http, port, HttpStatusCode.OK).Body).Contains("restarts 1", StringComparison.Ordinal), EngineProcess.Timeout), healthBody);
        Assert.Contains("llt_engine_restarts_total 1\n", Get(http, $"http://127.0.0.1:{port}/metrics").Body);

        CliResult kill2 = CliProcess.Run(site.Root, null, "kill", "--reason", "drill", "--config", config);
        Assert.True(kill2.ExitCode == 0, kill2.ToString());
        JsonElement killAlert = webhook.WaitFor("kill-switch");
        Assert.Contains("kill switch ENGAGED", killAlert.GetProperty("text").GetString());
        Assert.Equal("drill", killAlert.GetProperty("fields").GetProperty("reason").GetString());

        // a kill switch latched before a crash is latched again after the restart (the engine starts released)
        long secondPid = EnginePid(site);
        using (System.Diagnostics.Process kill = System.Diagnostics.Process.Start("kill", ["-KILL", secondPid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit(EngineProcess.Timeout);
        }

        run.WaitForOutput("re-engage the kill switch: applied");
        Assert.True(SpinWait.SpinUntil(() => EnginePid(site) is long pid && pid != 0 && pid != secondPid, EngineProcess.Timeout), "no engine after the second crash\n" + run);
        using (JsonDocument status = JsonDocument.Parse(CliProcess.Run(site.Root, null, "status", "--json", "--config", config).Stdout))
        {
            Assert.True(status.RootElement.GetProperty("killSwitchEngaged").GetBoolean());
        }

        long thirdPid = EnginePid(site);
        run.Signal("INT");
        Assert.Equal(0, run.WaitForExit());
        Assert.Contains($"engine pid {thirdPid} stopped with code 0", run.Stdout);
        Assert.Equal(0, EnginePid(site));
        Assert.Equal(2, webhook.Bodies.Count(b => b.GetProperty("kind").GetString() == "engine-restart"));
    }

    [Fact]
    public void Run_InvalidConfiguration_ExitsTwo_NamingTheKey_AndStartsNoEngine()
    {
        using var site = new EngineTestSite();
        string config = WriteTradingConfig(site);

        CliResult result = CliProcess.Run(site.Root, Environment(FreePort.Next(), ("HEALTH_HEARTBEAT_TIMEOUT", "soon")), "run", "--config", config, "--duration", "5s");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("HEALTH_HEARTBEAT_TIMEOUT: 'soon' is not a positive duration", result.Stderr);
        Assert.False(Directory.Exists(site.ShmDirectory));

        CliResult noEngine = CliProcess.Run(site.Root, Environment(FreePort.Next(), ("LLT_ENGINE", "/nonexistent/llt-engine")), "run", "--config", config, "--duration", "5s");
        Assert.Equal(2, noEngine.ExitCode);
        Assert.Contains("LLT_ENGINE: /nonexistent/llt-engine does not exist", noEngine.Stderr);

        CliResult badDuration = CliProcess.Run(site.Root, Environment(FreePort.Next()), "run", "--config", config, "--duration", "forever");
        Assert.Equal(2, badDuration.ExitCode);
        Assert.Contains("--duration", badDuration.Stderr);
    }

    [Fact]
    public void Run_WithShellSectionsInLltJson_GivesTheEngineOnlyItsOwnSections_AndAppliesRiskLimitsAtStart()
    {
        using var site = new EngineTestSite();
        string config = WriteTradingConfig(site, """
            ,
              "shell": { "LOG_LEVEL": "Information" },
              "risk": { "limits": [ { "kind": "daily-loss", "scope": "portfolio", "value": 25000 } ] }
            """);

        CliResult result = CliProcess.Run(site.Root, Environment(FreePort.Next(), ("MAX_ORDERS_PER_SECOND", "800")), "run", "--config", config, "--duration", "3s", "--interval", "1s");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("daily-loss limit for portfolio = 25000 (currency): applied", result.Stdout);
        Assert.Contains("order-rate limit for portfolio = 800 (orders per second): applied", result.Stdout);
        Assert.True(File.Exists(config), "llt run must never remove the operator's llt.json");
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $"llt-run-{site.Name}-*.json"));
    }

    [Fact]
    public void Run_RiskBreach_IsAlertedToTheWebhook_WithTheKillSwitchItTrips()
    {
        using var site = new EngineTestSite();
        string config = WriteTradingConfig(site);
        using var webhook = new WebhookReceiver();

        // a daily-loss limit of one cent: the simulated strategies breach it within moments
        CliResult result = CliProcess.Run(site.Root,
            Environment(FreePort.Next(), ("ALERT_WEBHOOK_URL", webhook.Url("/alerts")), ("MAX_DAILY_LOSS", "0.01")),
            "run", "--config", config, "--duration", "5s", "--interval", "1s");

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement breach = webhook.WaitFor("risk-breach");
        Assert.Equal("DailyLoss", breach.GetProperty("fields").GetProperty("breach").GetString());
        Assert.True(long.Parse(breach.GetProperty("fields").GetProperty("journalSequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        JsonElement kill = webhook.WaitFor("kill-switch");
        Assert.Equal("true", kill.GetProperty("fields").GetProperty("engaged").GetString());
        Assert.Contains("ALERT risk-breach: DailyLoss", result.Stdout);
        Assert.Contains("ALERT kill-switch: kill switch ENGAGED", result.Stdout);
        Assert.DoesNotContain(webhook.Bodies, b => b.GetProperty("kind").GetString() == "engine-restart");
    }
}
