using System.Text.Json;
using Llt.Codecs.Runtime;
using Llt.Sbe;

namespace Llt.Shell.Tests.Cli;

/// <summary>
/// The ops CLI (`status`, `positions`, `orders`, `pnl`, `risk`, `limits`, `strategies`, `venue`) against a real
/// llt-engine process: reads must agree with what the engine journaled, control commands must be confirmed by the
/// engine's journal, and every failure must have its exit code.
/// </summary>
public sealed class OpsCommandsTests
{
    private const string Ready = "ready;";

    private static CliResult Llt(EngineTestSite site, params string[] args) =>
        CliProcess.Run(site.Root, null, [.. args, "--config", site.ConfigPath]);

    private static JsonDocument Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout);
    }

    /// <summary>The test site's config with the embedded simulator feeding the default instruments and strategies (so they trade).</summary>
    private static string WriteTradingConfig(EngineTestSite site) => site.WriteConfig($$"""
        {
          "engine": {
            "name": "{{site.Name}}",
            "mdRingCapacity": 65536,
            "cmdRingCapacity": 65536,
            "heartbeatInterval": "100ms",
            "journal": { "dir": "{{site.JournalDirectory}}", "segmentSize": 4194304 }
          },
          "feed": { "type": "simulator", "rate": 4000 }
        }
        """);

    /// <summary>Signed filled quantity per (strategy id, instrument id), from the journal's ExecutionReport fills.</summary>
    private static Dictionary<(int Strategy, int Instrument), long> FilledPositions(List<(long Sequence, int Type, byte[] Payload)> frames)
    {
        var positions = new Dictionary<(int, int), long>();
        foreach (var frame in frames)
        {
            if (frame.Type != ExecutionReportDecoder.TemplateId
                || ExecutionReportDecoder.TryDecode(frame.Payload, 0, out ExecutionReportDecoder report, out _) != SbeDecodeStatus.Ok)
            {
                continue;
            }

            int strategy = report.StrategyId;
            int instrument = report.InstrumentId;
            long sign = report.Side == Side.Buy ? 1 : -1;
            var fills = report.Fills();
            while (fills.HasNext)
            {
                fills.Next();
                positions[(strategy, instrument)] = positions.GetValueOrDefault((strategy, instrument)) + (sign * fills.LastQty);
            }
        }

        return positions;
    }

    private static int FillCount(List<(long Sequence, int Type, byte[] Payload)> frames)
    {
        int count = 0;
        foreach (var frame in frames)
        {
            if (frame.Type == ExecutionReportDecoder.TemplateId
                && ExecutionReportDecoder.TryDecode(frame.Payload, 0, out ExecutionReportDecoder report, out _) == SbeDecodeStatus.Ok)
            {
                count += report.Fills().Count;
            }
        }

        return count;
    }

    [Fact]
    public void ReadCommands_OnATradingEngine_AgreeWithItsJournal()
    {
        using var site = new EngineTestSite();
        using EngineProcess engine = EngineProcess.Start("--config", WriteTradingConfig(site));
        engine.WaitForOutput(Ready);
        site.WaitForJournal(f => FillCount(f) >= 5 && f.Exists(x => x.Type == PnlSnapshotDecoder.TemplateId), "five fills and a P&L snapshot");

        // freeze the book: the kill switch refuses new orders and cancels working ones
        CliResult kill = CliProcess.Run(site.Root, null, "kill", "--reason", "ops test", "--config", site.ConfigPath);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        // cancels of working orders follow the kill switch within the engine's duty cycles: two heartbeats after
        // the kill switch state, every report of those cancels is in the journal
        var frames = site.WaitForJournal(
            f => f.FindIndex(x => x.Type == KillSwitchStateDecoder.TemplateId) is int at && at >= 0
                && f.Skip(at).Count(x => x.Type == HeartbeatDecoder.TemplateId) >= 2,
            "the kill switch state and two heartbeats after it");
        Dictionary<(int Strategy, int Instrument), long> expected = FilledPositions(frames);
        string[] strategies = ["mean_reversion", "momentum_breakout"];
        string[] symbols = ["AAPL", "MSFT", "GOOGL", "AMZN"];

        using (JsonDocument status = Json(Llt(site, "status", "--json")))
        {
            JsonElement root = status.RootElement;
            Assert.True(root.GetProperty("running").GetBoolean());
            Assert.Equal(engine.Id, root.GetProperty("pid").GetInt64());
            Assert.True(root.GetProperty("killSwitchEngaged").GetBoolean());
            Assert.True(root.GetProperty("fills").GetInt64() >= FillCount(frames));
            Assert.Equal(0, root.GetProperty("openOrders").GetInt64());
        }

        using (JsonDocument positions = Json(Llt(site, "positions", "--json")))
        {
            var shown = new Dictionary<(int, int), long>();
            foreach (JsonElement row in positions.RootElement.EnumerateArray())
            {
                int s = Array.IndexOf(strategies, row.GetProperty("strategy").GetString());
                int i = Array.IndexOf(symbols, row.GetProperty("symbol").GetString());
                Assert.True(s >= 0 && i >= 0, row.ToString());
                shown[(s, i)] = row.GetProperty("quantity").GetInt64();
            }

            var nonFlat = expected.Where(p => p.Value != 0).ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal(nonFlat.OrderBy(p => p.Key), shown.OrderBy(p => p.Key));
        }

        using (JsonDocument open = Json(Llt(site, "orders", "--open", "--json")))
        {
            Assert.Equal(0, open.RootElement.GetArrayLength());
        }

        using (JsonDocument orders = Json(Llt(site, "orders", "--json", "--limit", "100000")))
        {
            long filledInOrders = orders.RootElement.EnumerateArray().Sum(o => o.GetProperty("cumQty").GetInt64());
            long filledInJournal = 0;
            foreach (var frame in frames)
            {
                if (frame.Type == ExecutionReportDecoder.TemplateId && ExecutionReportDecoder.TryDecode(frame.Payload, 0, out ExecutionReportDecoder r, out _) == SbeDecodeStatus.Ok)
                {
                    var fills = r.Fills();
                    while (fills.HasNext)
                    {
                        fills.Next();
                        filledInJournal += fills.LastQty;
                    }
                }
            }

            Assert.Equal(filledInJournal, filledInOrders);
            Assert.All(orders.RootElement.EnumerateArray(), o => Assert.False(o.GetProperty("open").GetBoolean()));
        }

        using (JsonDocument pnl = Json(Llt(site, "pnl", "--json")))
        {
            JsonElement snapshot = pnl.RootElement.GetProperty("snapshot");
            Assert.Equal(2, snapshot.GetProperty("strategies").GetArrayLength());
            Assert.True(pnl.RootElement.GetProperty("replayed").GetProperty("fills").GetInt64() >= 5);
        }

        using (JsonDocument risk = Json(Llt(site, "risk", "--json")))
        {
            Assert.True(risk.RootElement.GetProperty("killSwitch").GetProperty("engaged").GetBoolean());
            Assert.Equal("ops test", risk.RootElement.GetProperty("killSwitch").GetProperty("reason").GetString());
            JsonElement aapl = risk.RootElement.GetProperty("limits").EnumerateArray()
                .Single(l => l.GetProperty("kind").GetString() == "position" && l.GetProperty("target").GetString() == "AAPL");
            Assert.Equal(10_000, aapl.GetProperty("value").GetDecimal());
            Assert.Equal("llt.json", aapl.GetProperty("source").GetString());
        }

        CliResult text = Llt(site, "positions");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(0, engine.Terminate());
    }

    [Fact]
    public void LimitsSet_EachKindTheBriefNames_IsConfirmedByTheEngine_AndShownByLimitsGet()
    {
        using var site = new EngineTestSite();
        using EngineProcess engine = EngineProcess.Start("--config", site.WriteConfig());
        engine.WaitForOutput(Ready);

        (string Kind, string Value, string Scope, string? Target, decimal Expected)[] sets =
        [
            ("position", "5000", "symbol", "AAPL", 5000m),
            ("position", "700", "strategy", "momentum_breakout", 700m),
            ("volatility", "0.02", "symbol", "MSFT", 0.02m),
            ("liquidity", "0.1", "symbol", "GOOGL", 0.1m),
            ("order-rate", "250", "portfolio", null, 250m),
            ("order-rate", "40", "strategy", "mean_reversion", 40m),
            ("daily-loss", "12500.50", "portfolio", null, 12500.50m),
        ];
        foreach (var set in sets)
        {
            string[] args = set.Target is null
                ? ["limits", "set", set.Kind, set.Value, "--scope", set.Scope]
                : ["limits", "set", set.Kind, set.Value, "--scope", set.Scope, "--target", set.Target];
            CliResult result = Llt(site, args);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("applied (journal seq", result.Stdout);
        }

        Assert.Equal(sets.Length, site.ReadJournal().Count(f => f.Type == SetLimitDecoder.TemplateId));
        using JsonDocument limits = Json(Llt(site, "limits", "get", "--json"));
        foreach (var set in sets)
        {
            JsonElement row = limits.RootElement.GetProperty("limits").EnumerateArray().Single(l =>
                l.GetProperty("kind").GetString() == set.Kind && l.GetProperty("scope").GetString() == set.Scope
                && l.GetProperty("target").GetString() == set.Target);
            Assert.Equal(set.Expected, row.GetProperty("value").GetDecimal());
            Assert.StartsWith("cli:", row.GetProperty("source").GetString());
            Assert.True(row.GetProperty("sequence").GetInt64() > 0);
        }

        using JsonDocument onlyAapl = Json(Llt(site, "limits", "get", "--kind", "position", "--target", "AAPL", "--json"));
        Assert.Equal(5000m, onlyAapl.RootElement.GetProperty("limits").EnumerateArray().Single().GetProperty("value").GetDecimal());
        Assert.Equal(0, engine.Terminate());
    }

    [Theory]
    [InlineData("daily-loss 100 --scope symbol --target AAPL", "a daily-loss limit is enforced per portfolio, not per symbol")]
    [InlineData("position 1.5 --scope symbol --target AAPL", "is not a whole number of shares")]
    [InlineData("position 10 --scope symbol --target NOPE", "'NOPE' is not a configured symbol")]
    [InlineData("position 10 --scope symbol", "--target SYMBOL is required")]
    [InlineData("speed 10 --scope portfolio", "unknown limit kind 'speed'")]
    [InlineData("position ten --scope symbol --target AAPL", "'ten' is not a number")]
    public void LimitsSet_BadArguments_ExitTwo_WithTheReason_AndSendNothing(string arguments, string message)
    {
        using var site = new EngineTestSite();
        site.WriteConfig();

        CliResult result = Llt(site, ["limits", "set", .. arguments.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.False(Directory.Exists(site.JournalDirectory));
    }

    [Fact]
    public void MalformedCommandLines_ExitTwo_WithSystemCommandLinesMessage()
    {
        using var site = new EngineTestSite();
        site.WriteConfig();

        CliResult noScope = Llt(site, "limits", "set", "position", "10");
        Assert.Equal(2, noScope.ExitCode);
        Assert.Contains("--scope", noScope.Stderr);
        Assert.Equal(2, Llt(site, "orders", "--limit", "-1").ExitCode);
        Assert.Equal(2, Llt(site, "venue", "sideways", "SIM-A").ExitCode);
        Assert.Equal(2, Llt(site, "positions", "--bogus").ExitCode);
    }

    [Fact]
    public void StrategiesAndVenues_SwitchedFromTheCli_AreJournaledAndListed()
    {
        using var site = new EngineTestSite();
        using EngineProcess engine = EngineProcess.Start("--config", site.WriteConfig());
        engine.WaitForOutput(Ready);

        CliResult disable = Llt(site, "strategies", "disable", "momentum_breakout");
        Assert.True(disable.ExitCode == 0, disable.ToString());
        using (JsonDocument list = Json(Llt(site, "strategies", "list", "--json")))
        {
            JsonElement[] rows = [.. list.RootElement.EnumerateArray()];
            Assert.True(rows.Single(r => r.GetProperty("name").GetString() == "mean_reversion").GetProperty("enabled").GetBoolean());
            Assert.False(rows.Single(r => r.GetProperty("name").GetString() == "momentum_breakout").GetProperty("enabled").GetBoolean());
        }

        Assert.True(Llt(site, "strategies", "enable", "momentum_breakout").ExitCode == 0);
        using (JsonDocument list = Json(Llt(site, "strategies", "list", "--json")))
        {
            Assert.All(list.RootElement.EnumerateArray(), r => Assert.True(r.GetProperty("enabled").GetBoolean()));
        }

        CliResult unknown = Llt(site, "strategies", "disable", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'nope' is not a configured strategy", unknown.Stderr);

        CliResult down = Llt(site, "venue", "down", "SIM-B");
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Contains("SIM-B down", down.Stdout);
        Assert.Contains(site.ReadJournal(), f => f.Type == VenueControlDecoder.TemplateId);
        using (JsonDocument venues = Json(Llt(site, "venue", "list", "--json")))
        {
            JsonElement[] rows = [.. venues.RootElement.EnumerateArray()];
            Assert.True(rows.Single(r => r.GetProperty("name").GetString() == "SIM-A").GetProperty("up").GetBoolean());
            Assert.False(rows.Single(r => r.GetProperty("name").GetString() == "SIM-B").GetProperty("up").GetBoolean());
        }

        using (JsonDocument status = Json(Llt(site, "status", "--json")))
        {
            Assert.False(status.RootElement.GetProperty("venues").GetProperty("SIM-B").GetBoolean());
        }

        Assert.True(Llt(site, "venue", "up", "sim-b").ExitCode == 0);
        CliResult badVenue = Llt(site, "venue", "down", "NYSE");
        Assert.Equal(2, badVenue.ExitCode);
        Assert.Contains("'NYSE' is not a configured venue (SIM-A, SIM-B)", badVenue.Stderr);
        Assert.Equal(0, engine.Terminate());
    }

    [Fact]
    public void Commands_WithoutARunningEngine_ExitThree_AndStatusStillShowsTheJournal()
    {
        using var site = new EngineTestSite();
        site.WriteConfig();

        Assert.Equal(3, Llt(site, "status").ExitCode);
        CliResult positions = Llt(site, "positions");
        Assert.Equal(3, positions.ExitCode);
        Assert.Contains("no journal at", positions.Stderr);
        CliResult set = Llt(site, "limits", "set", "position", "10", "--scope", "symbol", "--target", "AAPL");
        Assert.Equal(3, set.ExitCode);
        Assert.Contains("is not running", set.Stderr);
        Assert.Equal(3, Llt(site, "strategies", "disable", "mean_reversion").ExitCode);

        using (EngineProcess engine = EngineProcess.Start("--config", site.ConfigPath))
        {
            engine.WaitForOutput(Ready);
            Assert.True(Llt(site, "strategies", "disable", "mean_reversion").ExitCode == 0);
            Assert.Equal(0, engine.Terminate());
        }

        CliResult status = Llt(site, "status");
        Assert.Equal(3, status.ExitCode);
        Assert.Contains("NOT RUNNING", status.Stdout);
        Assert.Contains("last heartbeat Stopping", status.Stdout);
        Assert.Contains("mean_reversion OFF", status.Stdout);
    }
}
