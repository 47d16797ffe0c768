using System.Runtime.InteropServices;
using Llt.Hotpath.Config;
using Llt.Hotpath.Engine;
using Llt.Hotpath.Runtime;

namespace Llt.Engine;

/// <summary>
/// <c>llt-engine [--config FILE] [--duration DURATION] [--check-config]</c>: runs the engine until SIGINT /
/// SIGTERM (or for DURATION), then shuts down cleanly. Exit codes: 0 ok, 2 bad usage or config, 1 failure.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: llt-engine [--config FILE] [--duration DURATION] [--check-config]
               llt-engine bench [--phase all|core|throughput|latency|replay|itch] [--ticks N] [--instruments N] [--venues 1|2]
                                [--mode one-thread|pipelined] [--journal-ticks] [--no-strategies] [--json]   (perf/README.md)
          --config FILE      engine configuration (llt.json); embedded defaults when absent
          --duration D       run for D (e.g. 30s, 5m) then stop; default: until SIGINT/SIGTERM
          --check-config     validate the configuration, print it, and exit
        """;

    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "bench")
        {
            return EngineBench.Run(args);
        }

        string? configPath = null;
        long durationNs = 0;
        bool checkOnly = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--config" when i + 1 < args.Length:
                    configPath = args[++i];
                    break;
                case "--duration" when i + 1 < args.Length:
                    if (!DurationText.TryParseNanos(args[++i], out durationNs, out string? durationError) || durationNs <= 0)
                    {
                        Console.Error.WriteLine($"llt-engine: --duration: {durationError ?? "must be positive"}");
                        return 2;
                    }

                    break;
                case "--check-config":
                    checkOnly = true;
                    break;
                case "-h" or "--help":
                    Console.Out.WriteLine(Usage);
                    return 0;
                default:
                    Console.Error.WriteLine($"llt-engine: unknown or incomplete argument '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        EngineConfig config;
        try
        {
            config = configPath is null ? EngineConfigLoader.Validate(new EngineConfig()) : EngineConfigLoader.LoadFile(configPath);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"llt-engine: refusing to start: {e.Message}");
            return 2;
        }

        PrintConfig(config, configPath);
        if (checkOnly)
        {
            return 0;
        }

        return Run(config, durationNs);
    }

    private static int Run(EngineConfig config, long durationNs)
    {
        using var stop = new ManualResetEventSlim(false);
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.Set();
        });
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Set();
        });

        TradingEngine engine;
        try
        {
            engine = TradingEngine.Create(config);
        }
        // InvalidOperationException: another live engine already writes this engine name's counters file.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ConfigException or InvalidOperationException)
        {
            Console.Error.WriteLine($"llt-engine: cannot start: {e.Message}");
            return 1;
        }

        using (engine)
        {
            var recovery = engine.Recovery;
            Console.Out.WriteLine($"llt-engine: journal {config.Journal.Directory}: {recovery}; {engine.RecoveredFills} fills replayed into positions; {engine.RecoveredControls.Applied} runtime control changes restored ({engine.RecoveredControls.Skipped} no longer applicable){(engine.RecoveredControls.KillSwitchEngaged ? "; KILL SWITCH STILL ENGAGED: llt resume releases it" : "")}");
            if (engine.History is { IsComplete: false } history)
            {
                // positions are rebuilt from fills: segments that are gone took theirs with them
                Console.Error.WriteLine($"llt-engine: WARNING: the journal's history starts at segment {history.FirstSegment} (retention deleted the older ones and engine.journal.archiveDir does not hold them): positions and P&L rebuilt without their fills");
            }
            engine.Start();
            foreach (AgentRunner runner in engine.Runners)
            {
                // the runner pins itself on its own thread: report what it did, not the state before it ran
                runner.WaitUntilPlaced(TimeSpan.FromSeconds(2));
                Console.Out.WriteLine($"llt-engine: thread {runner.ThreadName} running [{runner.Agent.RoleName}] cpus=[{runner.Cpus}] pinned={runner.IsPinned}");
            }

            Console.Out.WriteLine($"llt-engine: pid {Environment.ProcessId} ready; md.ring {config.MdRingPath}, cmd.ring {config.CmdRingPath}, counters {config.CountersPath}");
            Console.Out.Flush();
            if (durationNs > 0)
            {
                stop.Wait(TimeSpan.FromTicks(durationNs / 100));
            }
            else
            {
                stop.Wait();
            }

            Console.Out.WriteLine("llt-engine: stopping");
        }

        Console.Out.WriteLine("llt-engine: stopped");
        return 0;
    }

    private static void PrintConfig(EngineConfig config, string? path)
    {
        Console.Out.WriteLine($"llt-engine: config {(path ?? "(embedded defaults)")}");
        Console.Out.WriteLine($"  engine.name        {config.Name}");
        Console.Out.WriteLine($"  engine.shmDir      {config.EngineShmDirectory}");
        Console.Out.WriteLine($"  engine.rings       md {config.MdRingCapacity} B, cmd {config.CmdRingCapacity} B");
        Console.Out.WriteLine($"  engine.journal     {config.Journal.Directory} segment {config.Journal.SegmentLength} B fsync {config.Journal.Fsync} ticks {config.Journal.JournalTicks}");
        for (int i = 0; i < config.Threads.Count; i++)
        {
            Console.Out.WriteLine($"  engine.threads[{i}]  {config.Threads[i]}");
        }

        Console.Out.WriteLine($"  feed               {config.Feed.Describe()}");
        for (int i = 0; i < config.Feeds.Count; i++)
        {
            FeedLineConfig line = config.Feeds[i];
            string hours = line.Session is { } session ? "market hours " + session.Describe() : "no market hours";
            Console.Out.WriteLine($"  feeds[{i}]           {line.Name} id {line.Id}, stale after {line.StaleAfterNs / 1_000_000} ms, {hours}");
        }

        Console.Out.WriteLine($"  instruments        {config.Instruments.Count}; strategies {config.Strategies.Count}; venues {string.Join(", ", config.Venues.Select(v => v.IsExternal ? v.Name + " (external)" : v.Name))}");
    }

}
