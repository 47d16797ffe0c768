using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Engine;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.Publishing;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Journal;
using Llt.Hotpath.MarketData.Simulation;
using Llt.Hotpath.Runtime;

namespace Llt.Engine;

/// <summary>
/// <c>llt-engine bench</c>: pushes simulated ticks through the real engine path on one thread — simulator →
/// SBE into md.ring → checked decode → validation → books → strategies (both built-ins on every
/// instrument) → risk → OMS → simulated venue, decisions and execution reports journaled — and reports throughput, latency percentiles and what the run
/// allocated. Two phases: throughput (the feed publishes 256 ticks per duty cycle) and latency (one tick
/// per duty cycle, so a tick's receive-to-processed time is not inflated by its batch).
/// </summary>
internal static class EngineBench
{
    /// <summary>Simulated venues the bench routes over (--venues): the default pair, or one (no routing).</summary>
    private static int s_venues = 2;

    public static int Run(string[] args)
    {
        long ticks = 10_000_000;
        int instruments = 100;
        bool json = false;
        bool journalTicks = false;
        bool strategiesOn = true;
        string phases = "all";
        string mode = "one-thread";
        long rate = 200_000;
        string[] cpus = ["", "", ""];
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--ticks" when i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ticks) && ticks > 0:
                    i++;
                    break;
                case "--instruments" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out instruments) && instruments is > 0 and <= 10_000:
                    i++;
                    break;
                case "--json":
                    json = true;
                    break;
                case "--journal-ticks":
                    journalTicks = true;
                    break;
                case "--no-strategies":
                    strategiesOn = false;
                    break;
                case "--mode" when i + 1 < args.Length && args[i + 1] is "one-thread" or "pipelined":
                    mode = args[++i];
                    break;
                case "--rate" when i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out rate) && rate > 0:
                    i++;
                    break;
                case "--cpus" when i + 1 < args.Length && args[i + 1].Split('/') is { Length: 3 } cpuLists:
                    cpus = cpuLists;
                    i++;
                    break;
                case "--venues" when i + 1 < args.Length && args[i + 1] is "1" or "2":
                    s_venues = args[++i][0] - '0';
                    break;
                case "--phase" when i + 1 < args.Length && args[i + 1] is "all" or "core" or "throughput" or "latency" or "replay" or "itch":
                    phases = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"llt-engine bench: bad argument '{args[i]}'");
                    Console.Error.WriteLine("usage: llt-engine bench [--mode one-thread|pipelined] [--ticks N] [--instruments N] [--phase all|core|throughput|latency|replay|itch] [--rate EVENTS_PER_S] [--venues 1|2] [--cpus FEED/TRADER/GATEWAY] [--journal-ticks] [--no-strategies] [--json]");
                    return 2;
            }
        }

        if (mode == "pipelined")
        {
            PhaseResult pipelined = RunPipelined(ticks, instruments, journalTicks, strategiesOn, rate, cpus);
            if (json)
            {
                WriteJson(ticks, instruments, journalTicks, null, null, null, pipelined);
            }
            else
            {
                Console.Out.WriteLine($"llt-engine bench --mode pipelined: {instruments} instruments, {(strategiesOn ? "both built-in strategies on each" : "no strategies")}, journalTicks={journalTicks}, {Environment.ProcessorCount} CPUs");
                Console.Out.WriteLine($"  threads: feed [{cpus[0]}] / trader (market-data, control, conductor) [{cpus[1]}] / gateway [{cpus[2]}], backoff idle; feed paced at {rate:N0} events/s");
                Print("pipelined", pipelined);
            }

            return 0;
        }

        bool all = phases == "all";
        PhaseResult? core = all || phases == "core" ? RunCore(ticks, instruments, journalTicks, strategiesOn) : null;
        PhaseResult? throughput = all || phases == "throughput" ? RunPhase(ticks, instruments, journalTicks, strategiesOn, batch: 256) : null;
        PhaseResult? latency = all || phases == "latency" ? RunPhase(all ? Math.Min(ticks, 2_000_000) : ticks, instruments, journalTicks, strategiesOn, batch: 1) : null;
        PhaseResult? replay = all || phases == "replay" ? RunPhase(all ? Math.Min(ticks, 4_000_000) : ticks, instruments, journalTicks, strategiesOn, batch: 256, source: "replay") : null;
        PhaseResult? itch = all || phases == "itch" ? RunPhase(all ? Math.Min(ticks, 2_000_000) : ticks, instruments, journalTicks, strategiesOn, batch: 1, source: "itch") : null;
        if (json)
        {
            WriteJson(ticks, instruments, journalTicks, throughput, latency, replay, itch: itch, core: core);
        }
        else
        {
            Console.Out.WriteLine($"llt-engine bench: {instruments} instruments, {(strategiesOn ? "both built-in strategies on each" : "no strategies")}, journalTicks={journalTicks}, venues={s_venues}, {Environment.ProcessorCount} CPUs");
            Print("core (simulator -> books -> indicators -> strategies, decisions journaled, no execution; batch 256)", core);
            Print("throughput (batch 256)", throughput);
            Print("latency (batch 1)", latency);
            Print("replay (pre-generated, batch 256)", replay);
            Print("itch (ITCH 5.0 L3 messages -> SBE -> L3 book -> top-of-book quote, 1 message per duty cycle)", itch);
        }

        return 0;
    }

    /// <param name="source">
    /// "simulator": the simulator in the loop; "replay": pre-generated ticks published into md.ring from the bench
    /// loop (the engine's own cost without the simulator's model); "itch": the same market as ITCH 5.0 order-level
    /// messages through the ITCH handler, L3 books and top-of-book quotes (feed-to-order for an ITCH tick).
    /// </param>
    private static PhaseResult RunPhase(long ticks, int instrumentCount, bool journalTicks, bool strategiesOn, int batch, string source = "simulator")
    {
        string root = Path.Combine(Path.GetTempPath(), "llt-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + batch.ToString(CultureInfo.InvariantCulture));
        EngineConfig config = BenchConfig(root, instrumentCount, journalTicks, strategiesOn, new FeedConfig { Type = source == "simulator" ? "simulator" : "none", Mode = "max", Seed = 42, Batch = batch });
        if (source == "itch")
        {
            // order-level books: two resting orders per instrument at a time, with room for churn
            config = config with { L3OrderCapacity = 1 << 12 };
        }


        using TradingEngine engine = TradingEngine.Create(config);
        using AgentInvoker invoker = engine.CreateInvoker();
        invoker.Start();
        Counter accepted = engine.Counters.MdAccepted;
        long generated = ticks + Math.Min(200_000, ticks / 10) + 1024;
        IBenchSource? feed = source switch
        {
            "replay" => new ReplaySource(config, generated),
            "itch" => new ItchSource(config, generated),
            _ => null,
        };

        // warm-up: JIT tiers, caches, indicator windows
        long warmUp = Math.Min(200_000, ticks / 10);
        while (accepted.Get() < warmUp)
        {
            feed?.Publish(engine.MdRing, batch);
            invoker.Invoke();
        }

        // a pre-generated source holds only the ticks it was made for; the simulator runs on while the JIT settles
        double settleSeconds = feed is null ? WarmUntilJitSettles(invoker) : 0;
        WaitForNextSegment(engine.Journal.Writer);

        engine.CountersManager.CreateReader();
        long startTicks = accepted.Get();
        long startDecisions = engine.OrderEntry.Decisions.Get();
        long startSent = engine.Execution.OrdersSent.Get();
        long startFills = engine.Execution.Fills.Get();
        ResetHistograms(engine);
        var result = new PhaseResult();
        var window = MeasuredWindow.Start();
        long target = startTicks + ticks;
        while (accepted.Get() < target && (feed is null || feed.Remaining > 0))
        {
            feed?.Publish(engine.MdRing, batch);
            invoker.Invoke();
        }

        window.Stop(result);
        result.WarmUpTicks = startTicks;
        result.JitSettleSeconds = settleSeconds;
        result.Ticks = accepted.Get() - startTicks;
        result.Decisions = engine.OrderEntry.Decisions.Get() - startDecisions;
        result.Rejected = engine.Counters.MdRejected.Get();
        result.Errors = engine.Errors.ErrorCount;

        using (CountersReader reader = engine.CountersManager.CreateReader())
        {
            HistogramSnapshot snapshot = reader.CreateSnapshot();
            result.TickToDecision = Percentiles(reader, snapshot, engine.OrderEntry.TickToDecision.Id);
            result.TickProcessed = Percentiles(reader, snapshot, engine.Counters.MdRingLatency.Id);
            result.TickToOrder = Percentiles(reader, snapshot, engine.Execution.TickToOrder.Id);
            result.OrdersSent = engine.Execution.OrdersSent.Get() - startSent;
            result.Fills = engine.Execution.Fills.Get() - startFills;
            result.Routed = engine.Execution.Routed.Get();
            result.JournalRolls = engine.Journal.Writer.Rolls;
            result.JournalRollStalls = engine.Journal.Writer.RollStalls;
            result.Splits = engine.Execution.Splits.Get();
        }

        invoker.Close();
        engine.Dispose();
        Directory.Delete(root, recursive: true);
        Directory.Delete(config.EngineShmDirectory, recursive: true);
        return result;
    }

    /// <summary>
    /// Issue "Engine core"'s path on one thread (<see cref="EngineCoreBench"/>): the simulator publishing 256 ticks a
    /// duty cycle, the market-data agent taking them through validation, books, indicators and both strategies, whose
    /// decisions are journaled but not executed.
    /// </summary>
    private static PhaseResult RunCore(long ticks, int instrumentCount, bool journalTicks, bool strategiesOn)
    {
        string root = Path.Combine(Path.GetTempPath(), "llt-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-core");
        EngineConfig config = BenchConfig(root, instrumentCount, journalTicks, strategiesOn, new FeedConfig { Type = "simulator", Mode = "max", Seed = 42, Batch = 256 });
        using var core = new EngineCoreBench(config, root);
        core.Start();
        core.RunFor(Math.Min(200_000, ticks / 10));
        double settleSeconds = WarmUntilJitSettles(() => core.DoWork());
        WaitForNextSegment(core.JournalWriter);
        long startTicks = core.Accepted.Get();
        long startDecisions = core.Decisions.Get();
        core.TickToDecision.Reset();
        core.TickProcessed.Reset();
        var result = new PhaseResult();
        var window = MeasuredWindow.Start();
        core.RunFor(ticks);
        window.Stop(result);
        result.WarmUpTicks = startTicks;
        result.JitSettleSeconds = settleSeconds;
        result.Ticks = core.Accepted.Get() - startTicks;
        result.Decisions = core.Decisions.Get() - startDecisions;
        result.Rejected = core.Rejected.Get();
        result.JournalRolls = core.JournalRolls;
        result.JournalRollStalls = core.JournalRollStalls;

        using CountersReader reader = core.Counters.CreateReader();
        HistogramSnapshot snapshot = reader.CreateSnapshot();
        result.TickToDecision = Percentiles(reader, snapshot, core.TickToDecision.Id);
        result.TickProcessed = Percentiles(reader, snapshot, core.TickProcessed.Id);
        result.TickToOrder = [0, 0, 0, 0, 0, 0, 0]; // nothing is sent: there is no execution behind the core
        return result;
    }

    /// <summary>
    /// Feed, trader and gateway on their own threads (backoff idle, pinned when <paramref name="cpus"/> say so),
    /// the feed paced at <paramref name="rate"/> events/s so the latency is the path's and not a queue's. The
    /// bench thread only watches the counters. Allocation is counted over the whole process.
    /// </summary>
    private static PhaseResult RunPipelined(long ticks, int instrumentCount, bool journalTicks, bool strategiesOn, long rate, string[] cpus)
    {
        string root = Path.Combine(Path.GetTempPath(), "llt-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-pipelined");
        EngineConfig config = BenchConfig(root, instrumentCount, journalTicks, strategiesOn, new FeedConfig { Type = "simulator", Mode = "paced", Rate = rate, Seed = 42, Batch = 16 }) with
        {
            Threads =
            [
                AgentThreadConfig.Parse("feed", cpus[0], "backoff", EngineAgentNames.Feed),
                AgentThreadConfig.Parse("trader", cpus[1], "backoff", EngineAgentNames.MarketData, EngineAgentNames.Control, EngineAgentNames.Conductor),
                AgentThreadConfig.Parse("gateway", cpus[2], "backoff", EngineAgentNames.Gateway),
            ],
        };

        using TradingEngine engine = TradingEngine.Create(config);
        Counter accepted = engine.Counters.MdAccepted;
        engine.Start();
        long warmUp = Math.Min(rate, ticks / 10);
        WaitFor(accepted, warmUp);
        double settleSeconds = WarmUntilJitSettles((Action?)null);
        WaitForNextSegment(engine.Journal.Writer);
        long startTicks = accepted.Get();
        long startDecisions = engine.OrderEntry.Decisions.Get();
        long startSent = engine.Execution.OrdersSent.Get();
        long startFills = engine.Execution.Fills.Get();
        // settle the heap outside the window (as BenchmarkDotNet does), so a GC seen inside it is the engine's
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int gen0 = GC.CollectionCount(0);
        int gen1 = GC.CollectionCount(1);
        int gen2 = GC.CollectionCount(2);
        // the histograms are written by the trader thread: resetting them from here would race its records, so
        // the snapshot taken at the start is subtracted instead (all snapshots allocated before the window)
        using CountersReader reader = engine.CountersManager.CreateReader();
        HistogramSnapshot toOrderBefore = reader.CreateSnapshot();
        HistogramSnapshot toDecisionBefore = reader.CreateSnapshot();
        HistogramSnapshot processedBefore = reader.CreateSnapshot();
        HistogramSnapshot toOrderAfter = reader.CreateSnapshot();
        HistogramSnapshot toDecisionAfter = reader.CreateSnapshot();
        HistogramSnapshot processedAfter = reader.CreateSnapshot();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        reader.TryReadHistogram(engine.Execution.TickToOrder.Id, toOrderBefore);
        reader.TryReadHistogram(engine.OrderEntry.TickToDecision.Id, toDecisionBefore);
        reader.TryReadHistogram(engine.Counters.MdRingLatency.Id, processedBefore);
        long start = Stopwatch.GetTimestamp();
        WaitFor(accepted, startTicks + ticks);
        long elapsed = Stopwatch.GetTimestamp() - start;
        long allocatedInWindow = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var result = new PhaseResult
        {
            WarmUpTicks = startTicks,
            JitSettleSeconds = settleSeconds,
            Ticks = accepted.Get() - startTicks,
            Decisions = engine.OrderEntry.Decisions.Get() - startDecisions,
            Seconds = elapsed / (double)Stopwatch.Frequency,
            AllocatedBytes = allocatedInWindow,
            Gc0 = GC.CollectionCount(0) - gen0,
            Gc1 = GC.CollectionCount(1) - gen1,
            Gc2 = GC.CollectionCount(2) - gen2,
            Rejected = engine.Counters.MdRejected.Get(),
            Errors = engine.Errors.ErrorCount,
            OrdersSent = engine.Execution.OrdersSent.Get() - startSent,
            Fills = engine.Execution.Fills.Get() - startFills,
        };

        result.TickToOrder = Since(reader, engine.Execution.TickToOrder.Id, toOrderBefore, toOrderAfter);
        result.TickToDecision = Since(reader, engine.OrderEntry.TickToDecision.Id, toDecisionBefore, toDecisionAfter);
        result.TickProcessed = Since(reader, engine.Counters.MdRingLatency.Id, processedBefore, processedAfter);
        engine.Dispose();
        Directory.Delete(root, recursive: true);
        Directory.Delete(config.EngineShmDirectory, recursive: true);
        return result;
    }

    /// <summary>
    /// Waits (at most a minute) until the journal's background thread has the next segment ready. The bench's
    /// segments are 1 GiB so the window sees no roll; zeroing the next one takes seconds of the other core, which on
    /// a 2-core box would otherwise run inside the measured window.
    /// </summary>
    private static void WaitForNextSegment(ExclusiveJournalWriter writer)
    {
        long deadline = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        while (!writer.NextSegmentReady && Stopwatch.GetTimestamp() < deadline)
        {
            Thread.Sleep(10);
        }
    }

    /// <summary>
    /// Keeps the engine running (one duty cycle after another through <paramref name="invoker"/>, or on its own
    /// threads when null) until the JIT has compiled nothing new for half a second, at most 10 s; returns how long
    /// that took. Tiered compilation moves a method to its optimized, profile-guided code in the background some time
    /// after its 30th call, and restarts that delay whenever a method runs for the first time: a warm-up counted in
    /// ticks alone ended a fraction of a second in, with part of the order path still in tier-0 code, which showed as
    /// a second mode near 1 µs in every JIT latency run. Native AOT compiles nothing at run time: returns at once.
    /// </summary>
    private static double WarmUntilJitSettles(AgentInvoker? invoker) =>
        WarmUntilJitSettles(invoker is null ? null : () => invoker.Invoke());

    private static double WarmUntilJitSettles(Action? dutyCycle)
    {
        // (RuntimeFeature.IsDynamicCodeCompiled is no test: PublishAot turns that switch off for JIT runs too)
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        if (compiled == 0)
        {
            return 0;
        }

        long start = Stopwatch.GetTimestamp();
        long lastChange = start;
        while (true)
        {
            if (dutyCycle is null)
            {
                Thread.Sleep(20);
            }
            else
            {
                for (int i = 0; i < 4096; i++)
                {
                    dutyCycle();
                }
            }

            long now = Stopwatch.GetTimestamp();
            long count = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (count != compiled)
            {
                compiled = count;
                lastChange = now;
            }

            if (Stopwatch.GetElapsedTime(lastChange, now).TotalMilliseconds >= 500 || Stopwatch.GetElapsedTime(start, now).TotalSeconds >= 10)
            {
                return Stopwatch.GetElapsedTime(start, now).TotalSeconds;
            }
        }
    }

    private static void WaitFor(Counter counter, long target)
    {
        while (counter.Get() < target)
        {
            // the bench thread must not compete with the engine's threads for the cores
            Thread.Sleep(5);
        }
    }

    /// <summary>Percentiles of what a histogram recorded after <paramref name="before"/> was taken.</summary>
    private static long[] Since(CountersReader reader, int id, HistogramSnapshot before, HistogramSnapshot now)
    {
        if (!reader.TryReadHistogram(id, now))
        {
            return [0, 0, 0, 0, 0, 0, 0];
        }

        now.Subtract(before);
        if (now.Count == 0)
        {
            return [0, 0, 0, 0, 0, 0, 0];
        }

        return
        [
            now.Count,
            now.ValueAtPercentile(50), now.ValueAtPercentile(90), now.ValueAtPercentile(99),
            now.ValueAtPercentile(99.9), now.ValueAtPercentile(99.99), now.MaxNs,
        ];
    }

    private static EngineConfig BenchConfig(string root, int instrumentCount, bool journalTicks, bool strategiesOn, FeedConfig feed)
    {
        var instruments = new InstrumentConfig[instrumentCount];
        var symbols = new string[instrumentCount];
        for (int i = 0; i < instrumentCount; i++)
        {
            symbols[i] = "SIM" + i.ToString("D4", CultureInfo.InvariantCulture);
            instruments[i] = new InstrumentConfig { Symbol = symbols[i], StartPrice = (20 + (i * 37 % 200)) * FixedPoint.Scale };
        }

        StrategyConfig[] strategies = strategiesOn ? [.. EngineConfig.DefaultStrategies().Select(s => s with { Instruments = symbols })] : [];
        return new EngineConfig
        {
            Name = "bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            Instruments = instruments,
            Strategies = strategies,
            Feed = feed,
            Venues = [.. EngineConfig.DefaultVenues().Take(s_venues)],
            L3OrderCapacity = 0,
            Journal = new JournalConfig { Directory = Path.Combine(root, "journal"), SegmentLength = 1L << 30, JournalTicks = journalTicks },
        };
    }

    private static void ResetHistograms(TradingEngine engine)
    {
        engine.OrderEntry.TickToDecision.Reset();
        engine.Counters.MdRingLatency.Reset();
        engine.Execution.TickToOrder.Reset();
    }

    private static long[] Percentiles(CountersReader reader, HistogramSnapshot snapshot, int id)
    {
        if (!reader.TryReadHistogram(id, snapshot) || snapshot.Count == 0)
        {
            return [0, 0, 0, 0, 0, 0, 0];
        }

        return
        [
            snapshot.Count,
            snapshot.ValueAtPercentile(50), snapshot.ValueAtPercentile(90), snapshot.ValueAtPercentile(99),
            snapshot.ValueAtPercentile(99.9), snapshot.ValueAtPercentile(99.99), snapshot.MaxNs,
        ];
    }

    private static void Print(string phase, PhaseResult? r)
    {
        if (r is null)
        {
            return;
        }

        Console.Out.WriteLine($"  {phase}: {r.Ticks:N0} ticks in {r.Seconds:F3} s = {r.Ticks / r.Seconds / 1e6:F2} M ticks/s; {r.Decisions:N0} decisions ({r.Decisions / r.Seconds:N0}/s); rejected {r.Rejected}; agent errors {r.Errors}");
        if (r.CpuNs > 0)
        {
            // the thread's own CPU time: what a tick costs, without the time a shared box kept the thread waiting
            Console.Out.WriteLine($"    thread CPU {r.CpuNs / 1e9:F3} s = {(double)r.CpuNs / r.Ticks:F1} ns a tick ({r.Ticks / (r.CpuNs / 1e9) / 1e6:F2} M ticks per CPU-second)");
        }

        Console.Out.WriteLine($"    allocated {r.AllocatedBytes} B, GCs gen0/1/2 = {r.Gc0}/{r.Gc1}/{r.Gc2}; journal segment rolls {r.JournalRolls}, of which stalled {r.JournalRollStalls} (whole run)");
        Console.Out.WriteLine($"    warm-up {r.WarmUpTicks:N0} ticks" + (r.JitSettleSeconds > 0 ? $", of which {r.JitSettleSeconds:F1} s until the JIT settled" : ""));
        PrintLatency("tick receive -> processed", r.TickProcessed);
        PrintLatency("tick-to-decision", r.TickToDecision);
        PrintLatency("tick-to-order", r.TickToOrder);
        Console.Out.WriteLine($"    orders sent {r.OrdersSent:N0} ({r.OrdersSent / r.Seconds:N0}/s), fills {r.Fills:N0}; routed {r.Routed:N0} of which split {r.Splits:N0} (whole run)");
    }

    private static void PrintLatency(string label, long[] p) =>
        Console.Out.WriteLine($"    {label,-26} n={p[0]:N0} p50={p[1]} p90={p[2]} p99={p[3]} p99.9={p[4]} p99.99={p[5]} max={p[6]} ns");

    private static void WriteJson(long ticks, int instruments, bool journalTicks, PhaseResult? throughput, PhaseResult? latency, PhaseResult? replay, PhaseResult? pipelined = null, PhaseResult? itch = null, PhaseResult? core = null)
    {
        using var stream = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("ticksRequested", ticks);
        w.WriteNumber("instruments", instruments);
        w.WriteBoolean("journalTicks", journalTicks);
        w.WriteNumber("processors", Environment.ProcessorCount);
        WritePhase(w, "core", core);
        WritePhase(w, "throughput", throughput);
        WritePhase(w, "latency", latency);
        WritePhase(w, "replay", replay);
        WritePhase(w, "pipelined", pipelined);
        WritePhase(w, "itch", itch);
        w.WriteEndObject();
    }

    private static void WritePhase(Utf8JsonWriter w, string name, PhaseResult? r)
    {
        if (r is null)
        {
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("ticks", r.Ticks);
        w.WriteNumber("seconds", r.Seconds);
        w.WriteNumber("ticksPerSecond", r.Ticks / r.Seconds);
        if (r.CpuNs > 0)
        {
            w.WriteNumber("threadCpuSeconds", r.CpuNs / 1e9);
            w.WriteNumber("cpuNsPerTick", (double)r.CpuNs / r.Ticks);
        }

        w.WriteNumber("decisions", r.Decisions);
        w.WriteNumber("rejected", r.Rejected);
        w.WriteNumber("allocatedBytes", r.AllocatedBytes);
        w.WriteNumber("gc0", r.Gc0);
        w.WriteNumber("gc1", r.Gc1);
        w.WriteNumber("gc2", r.Gc2);
        w.WriteNumber("warmUpTicks", r.WarmUpTicks);
        w.WriteNumber("jitSettleSeconds", r.JitSettleSeconds);
        WriteLatency(w, "tickProcessedNs", r.TickProcessed);
        WriteLatency(w, "tickToDecisionNs", r.TickToDecision);
        WriteLatency(w, "tickToOrderNs", r.TickToOrder);
        w.WriteNumber("ordersSent", r.OrdersSent);
        w.WriteNumber("fills", r.Fills);
        w.WriteNumber("routed", r.Routed);
        w.WriteNumber("splits", r.Splits);
        w.WriteEndObject();
    }

    private static void WriteLatency(Utf8JsonWriter w, string name, long[] p)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", p[0]);
        w.WriteNumber("p50", p[1]);
        w.WriteNumber("p90", p[2]);
        w.WriteNumber("p99", p[3]);
        w.WriteNumber("p999", p[4]);
        w.WriteNumber("p9999", p[5]);
        w.WriteNumber("max", p[6]);
        w.WriteEndObject();
    }

    private interface IBenchSource
    {
        long Remaining { get; }

        void Publish(RingBuffer ring, int batch);
    }

    /// <summary>
    /// The simulator's market as NASDAQ would send it: per instrument a stock directory, then each quote as ITCH
    /// 'A' add (first) or 'U' replace of the resting bid/ask order, each trade as a 'P' trade, generated before the
    /// run as raw ITCH and published through the ITCH handler (<see cref="ItchSbePublisher"/>) into md.ring.
    /// </summary>
    private sealed class ItchSource : IBenchSource
    {
        private readonly byte[] _messages;
        private readonly int[] _offsets;
        private int _next;
        private ItchSbePublisher _publisher;
        private readonly ItchLocateIndex _map;

        public ItchSource(EngineConfig config, long count)
        {
            var instruments = new SimulatedInstrumentConfig[config.Instruments.Count];
            var symbols = new string[instruments.Length];
            for (int i = 0; i < instruments.Length; i++)
            {
                InstrumentConfig instrument = config.Instruments[i];
                symbols[i] = instrument.Symbol;
                instruments[i] = new SimulatedInstrumentConfig
                {
                    Symbol = instrument.Symbol, TickSize = instrument.TickSize, LotSize = instrument.LotSize, StartPrice = instrument.StartPrice,
                };
            }

            _map = ItchInstrumentMap.For(symbols);
            var simulator = new MarketSimulator(new SimulatorConfig { Seed = config.Feed.Seed, Instruments = instruments });
            var events = new SimulatedEvent[count / 2 + instruments.Length];
            simulator.Generate(events);
            var writer = new ItchWriter(checked((int)count));
            for (int i = 0; i < instruments.Length; i++)
            {
                writer.Directory((ushort)(i + 1), symbols[i]);
            }

            var bidOrder = new long[instruments.Length];
            var askOrder = new long[instruments.Length];
            long nextOrderId = 1;
            foreach (ref readonly SimulatedEvent e in events.AsSpan())
            {
                if (writer.Count >= count)
                {
                    break;
                }

                ushort locate = (ushort)(e.InstrumentId + 1);
                if (e.Kind == SimulatedEventKind.Quote)
                {
                    bidOrder[e.InstrumentId] = writer.AddOrReplace(locate, symbols[e.InstrumentId], bidOrder[e.InstrumentId], nextOrderId++, 'B', e.BidSize, e.BidPrice);
                    askOrder[e.InstrumentId] = writer.AddOrReplace(locate, symbols[e.InstrumentId], askOrder[e.InstrumentId], nextOrderId++, 'S', e.AskSize, e.AskPrice);
                }
                else
                {
                    writer.Trade(locate, symbols[e.InstrumentId], e.TradeSize, e.TradePrice);
                }
            }

            (_messages, _offsets) = writer.ToArrays();
            _publisher = default;
        }

        public long Remaining => _offsets.Length - 1 - _next;

        public void Publish(RingBuffer ring, int batch)
        {
            if (_publisher.Published == 0 && _next == 0)
            {
                _publisher = new ItchSbePublisher(ring, _map, feedId: 0, sessionDateEpochNs: 0);
            }

            _publisher.ReceiveTs = SystemNanoClock.Now();
            for (int i = 0; i < batch && _next < _offsets.Length - 1; i++)
            {
                if (ring.Capacity - ring.Size < 512)
                {
                    return;
                }

                ItchParser.Parse(_messages.AsSpan(_offsets[_next], _offsets[_next + 1] - _offsets[_next]), ref _publisher);
                _next++;
            }
        }
    }

    /// <summary>Simulated events generated before the run and published into md.ring on demand.</summary>
    private sealed class ReplaySource : IBenchSource
    {
        private readonly SimulatedEvent[] _events;
        private int _next;

        public ReplaySource(EngineConfig config, long count)
        {
            var instruments = new SimulatedInstrumentConfig[config.Instruments.Count];
            for (int i = 0; i < instruments.Length; i++)
            {
                InstrumentConfig instrument = config.Instruments[i];
                instruments[i] = new SimulatedInstrumentConfig
                {
                    Symbol = instrument.Symbol, TickSize = instrument.TickSize, LotSize = instrument.LotSize, StartPrice = instrument.StartPrice,
                };
            }

            var simulator = new MarketSimulator(new SimulatorConfig { Seed = config.Feed.Seed, Instruments = instruments });
            _events = new SimulatedEvent[count];
            simulator.Generate(_events);
        }

        public long Remaining => _events.Length - _next;

        public void Publish(RingBuffer ring, int batch)
        {
            long nowNs = SystemNanoClock.Now();
            for (int i = 0; i < batch && _next < _events.Length; i++)
            {
                ref readonly SimulatedEvent e = ref _events[_next];
                int length = SimulatedEventEncoder.EncodedLength(e.Kind);
                int index = ring.TryClaim((int)e.Kind, length);
                if (index == RingBuffer.InsufficientCapacity)
                {
                    return;
                }

                SimulatedEventEncoder.Encode(in e, ring.Buffer.AsSpan(index, length), 0, nowNs);
                ring.Commit(index);
                _next++;
            }
        }
    }

    /// <summary>
    /// A one-thread measured window: the heap settled before it (as BenchmarkDotNet does, so a GC seen inside it is
    /// the engine's), then its wall clock, this thread's CPU time, its allocation and the GCs across it.
    /// </summary>
    private readonly struct MeasuredWindow
    {
        private readonly long _start;
        private readonly long _cpuStart;
        private readonly long _allocated;
        private readonly int _gen0;
        private readonly int _gen1;
        private readonly int _gen2;

        private MeasuredWindow(long start, long cpuStart, long allocated, int gen0, int gen1, int gen2)
        {
            _start = start;
            _cpuStart = cpuStart;
            _allocated = allocated;
            _gen0 = gen0;
            _gen1 = gen1;
            _gen2 = gen2;
        }

        public static MeasuredWindow Start()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            int gen0 = GC.CollectionCount(0);
            int gen1 = GC.CollectionCount(1);
            int gen2 = GC.CollectionCount(2);
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            return new MeasuredWindow(Stopwatch.GetTimestamp(), ThreadCpuClock.NowNs(), allocated, gen0, gen1, gen2);
        }

        /// <summary>Ends the window into <paramref name="result"/> (created before it: its allocation is the bench's, not the engine's).</summary>
        public void Stop(PhaseResult result)
        {
            long elapsed = Stopwatch.GetTimestamp() - _start;
            result.CpuNs = ThreadCpuClock.NowNs() - _cpuStart;
            result.AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - _allocated;
            result.Seconds = elapsed / (double)Stopwatch.Frequency;
            result.Gc0 = GC.CollectionCount(0) - _gen0;
            result.Gc1 = GC.CollectionCount(1) - _gen1;
            result.Gc2 = GC.CollectionCount(2) - _gen2;
        }
    }

    private sealed class PhaseResult
    {
        public long Ticks;
        // thread CPU time across the window (one-thread phases; 0 for the pipelined mode, whose work spans threads)
        public long CpuNs;
        public long Decisions;
        public double Seconds;
        public long AllocatedBytes;
        public int Gc0;
        public int Gc1;
        public int Gc2;
        public long Rejected;
        public long Errors;
        public long[] TickToDecision = [];
        public long[] TickProcessed = [];
        public long[] TickToOrder = [];
        public long OrdersSent;
        public long Fills;
        public long Routed;
        public long Splits;
        public long JournalRolls;
        public long JournalRollStalls;
        public long WarmUpTicks;
        public double JitSettleSeconds;
    }
}
