using System.Text.Json;
using Llt.Codecs.Runtime;
using Llt.Sbe;

namespace Llt.Shell.Tests;

/// <summary>
/// The engine as an operator runs it: <c>llt-engine --config llt.json</c> in its own process, fed through
/// its shared-memory rings from this process, inspected with the <c>llt</c> CLI, stopped with signals.
/// </summary>
public sealed class EngineProcessTests
{
    private const string Ready = "ready;";

    private static bool IsCommandResult(byte[] payload, long correlationId, CommandStatus status) =>
        CommandResultDecoder.TryDecode(payload, 0, out CommandResultDecoder result, out _) == SbeDecodeStatus.Ok
        && result.CorrelationId == correlationId
        && result.Status == status;

    private static EngineState HeartbeatState(byte[] payload)
    {
        Assert.Equal(SbeDecodeStatus.Ok, HeartbeatDecoder.TryDecode(payload, 0, out HeartbeatDecoder heartbeat, out _));
        return heartbeat.State;
    }

    private static long CounterValue(JsonElement stat, string label)
    {
        foreach (JsonElement counter in stat.GetProperty("counters").EnumerateArray())
        {
            if (counter.GetProperty("label").GetString() == label)
            {
                return counter.GetProperty("value").GetInt64();
            }
        }

        Assert.Fail($"llt stat has no counter '{label}'");
        return 0;
    }

    [Fact]
    public void Engine_ConsumesRingsJournalsAndIsVisibleToTheCli_ThenStopsCleanlyOnSigterm()
    {
        using var site = new EngineTestSite();
        using EngineProcess engine = EngineProcess.Start("--config", site.WriteConfig());
        engine.WaitForOutput(Ready);

        byte[] quote = EngineTestMessages.Quote(exchangeTs: 1);
        EngineTestMessages.Offer(site.MdRingPath, QuoteEncoder.TemplateId, quote);
        EngineTestMessages.Offer(site.CmdRingPath, KillSwitchCommandEncoder.TemplateId, EngineTestMessages.KillSwitch(4711, KillSwitchAction.Engage));
        var frames = site.WaitForJournal(
            f => f.Exists(x => x.Type == QuoteEncoder.TemplateId)
                && f.Exists(x => x.Type == CommandResultDecoder.TemplateId && IsCommandResult(x.Payload, 4711, CommandStatus.Applied))
                && f.FindAll(x => x.Type == HeartbeatDecoder.TemplateId).Count >= 2,
            "the quote, the applied kill switch command and two heartbeats");
        Assert.Equal(quote, frames.Find(x => x.Type == QuoteEncoder.TemplateId).Payload);
        Assert.Contains(frames, x => x.Type == KillSwitchStateDecoder.TemplateId);

        var stat = EngineProcess.RunCli("stat", "--engine", site.Name, "--json");
        Assert.True(stat.ExitCode == 0, stat.Stderr);
        using (JsonDocument document = JsonDocument.Parse(stat.Stdout))
        {
            JsonElement root = document.RootElement;
            Assert.Equal(engine.Id, root.GetProperty("writerPid").GetInt64());
            Assert.True(root.GetProperty("writerRunning").GetBoolean());
            Assert.False(root.GetProperty("stale").GetBoolean());
            Assert.Equal(1, CounterValue(root, "md: messages accepted"));
            Assert.Equal(1, CounterValue(root, "cmd: commands applied"));
            Assert.Equal(1, CounterValue(root, "risk: kill switch engaged (1/0)"));
        }

        var ring = EngineProcess.RunCli("ring", "inspect", site.MdRingPath, "--json");
        Assert.True(ring.ExitCode == 0, ring.Stderr);
        using (JsonDocument document = JsonDocument.Parse(ring.Stdout))
        {
            JsonElement root = document.RootElement;
            long tail = root.GetProperty("tail").GetInt64();
            Assert.True(tail > 0, "the quote was written to md.ring");
            Assert.Equal(tail, root.GetProperty("head").GetInt64());
            JsonElement heartbeatAge = root.GetProperty("consumerHeartbeatAgeMs");
            Assert.Equal(JsonValueKind.Number, heartbeatAge.ValueKind);
            Assert.InRange(heartbeatAge.GetInt64(), -1_000, 5_000);
        }

        var dump = EngineProcess.RunCli("journal", "dump", site.JournalDirectory, "--json");
        Assert.True(dump.ExitCode == 0, dump.Stderr);
        string[] lines = dump.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= frames.Count, $"dump printed {lines.Length} line(s) for at least {frames.Count} frame(s)");
        for (int i = 0; i < frames.Count; i++)
        {
            using JsonDocument line = JsonDocument.Parse(lines[i]);
            Assert.Equal(frames[i].Sequence, line.RootElement.GetProperty("sequence").GetInt64());
            Assert.Equal(frames[i].Type, line.RootElement.GetProperty("type").GetInt32());
            if (frames[i].Type == QuoteEncoder.TemplateId)
            {
                // the dump shows the quote decoded with the platform schema
                JsonElement message = line.RootElement.GetProperty("message");
                Assert.Equal(189_99000000, message.GetProperty("bidPrice").GetInt64());
                Assert.Equal(190_01000000, message.GetProperty("askPrice").GetInt64());
            }
        }

        Assert.Equal(0, engine.Terminate());
        Assert.Contains("llt-engine: stopped", engine.Stdout, StringComparison.Ordinal);
        var last = site.ReadJournal()[^1];
        Assert.Equal(HeartbeatDecoder.TemplateId, last.Type);
        Assert.Equal(EngineState.Stopping, HeartbeatState(last.Payload));
    }

    [Fact]
    public void Engine_WithBadConfig_ExitsWith2NamingTheKey()
    {
        using var site = new EngineTestSite();
        string config = site.WriteConfig($$"""{ "engine": { "name": "{{site.Name}}", "mdRingCapacity": 1000 } }""");

        using EngineProcess engine = EngineProcess.Start("--config", config);

        Assert.Equal(2, engine.WaitForExit());
        Assert.Contains("refusing to start: config: engine.mdRingCapacity:", engine.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.ShmDirectory), "a refused config must not create shared-memory files");
    }

    [Fact]
    public void SecondEngine_WithTheSameName_RefusesToStart_AndTheRunningOneKeepsItsRings()
    {
        using var site = new EngineTestSite();
        string config = site.WriteConfig();
        using EngineProcess first = EngineProcess.Start("--config", config);
        first.WaitForOutput(Ready);
        EngineTestMessages.Offer(site.MdRingPath, QuoteEncoder.TemplateId, EngineTestMessages.Quote(exchangeTs: 1));
        site.WaitForJournal(f => f.Exists(x => x.Type == QuoteEncoder.TemplateId), "the first quote");
        long tailBefore = RingTail(site.MdRingPath);

        using (EngineProcess second = EngineProcess.Start("--config", config))
        {
            Assert.Equal(1, second.WaitForExit());
            Assert.Contains("llt-engine: cannot start:", second.Stderr, StringComparison.Ordinal);
            Assert.Contains($"pid {first.Id}", second.Stderr, StringComparison.Ordinal);
        }

        // the refused engine must not have replaced the running engine's ring files
        Assert.Equal(tailBefore, RingTail(site.MdRingPath));
        EngineTestMessages.Offer(site.MdRingPath, QuoteEncoder.TemplateId, EngineTestMessages.Quote(exchangeTs: 2, ticksUp: 1));
        site.WaitForJournal(f => f.FindAll(x => x.Type == QuoteEncoder.TemplateId).Count == 2, "the second quote");
        Assert.False(first.HasExited);
        Assert.Equal(0, first.Terminate());
    }

    private static long RingTail(string ringPath)
    {
        var inspect = EngineProcess.RunCli("ring", "inspect", ringPath, "--json");
        Assert.True(inspect.ExitCode == 0, inspect.Stderr);
        using JsonDocument document = JsonDocument.Parse(inspect.Stdout);
        return document.RootElement.GetProperty("tail").GetInt64();
    }

    [Fact]
    public void Engine_KilledMidRun_RestartsOnTheSameJournalAndContinuesTheSequence()
    {
        using var site = new EngineTestSite();
        string config = site.WriteConfig();
        byte[] first = EngineTestMessages.Quote(exchangeTs: 1);
        byte[] second = EngineTestMessages.Quote(exchangeTs: 2, ticksUp: 1);
        long framesBeforeCrash;
        using (EngineProcess engine = EngineProcess.Start("--config", config))
        {
            engine.WaitForOutput(Ready);
            EngineTestMessages.Offer(site.MdRingPath, QuoteEncoder.TemplateId, first);
            var frames = site.WaitForJournal(
                f => f.Exists(x => x.Type == QuoteEncoder.TemplateId) && f.FindAll(x => x.Type == HeartbeatDecoder.TemplateId).Count >= 2,
                "the first quote and two heartbeats");
            framesBeforeCrash = frames.Count;
            engine.Crash();
        }

        using (EngineProcess engine = EngineProcess.Start("--config", config))
        {
            engine.WaitForOutput(Ready);
            Assert.DoesNotContain("created a new journal", engine.Stdout, StringComparison.Ordinal);
            EngineTestMessages.Offer(site.MdRingPath, QuoteEncoder.TemplateId, second);
            var frames = site.WaitForJournal(f => f.FindAll(x => x.Type == QuoteEncoder.TemplateId).Count == 2, "the second quote");

            Assert.True(frames.Count > framesBeforeCrash);
            for (int i = 0; i < frames.Count; i++)
            {
                Assert.Equal(i + 1, frames[i].Sequence);
            }

            var quotes = frames.FindAll(x => x.Type == QuoteEncoder.TemplateId);
            Assert.Equal(first, quotes[0].Payload);
            Assert.Equal(second, quotes[1].Payload);
            Assert.Equal(0, engine.Terminate());
        }
    }
}
