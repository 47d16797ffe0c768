using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Llt.Hotpath.MarketData.Simulation;

namespace Llt.Latency;

/// <summary>
/// <c>baseline [--ticks N] [--json]</c>: generates warm-up + N simulated events once (100 instruments, seed 42),
/// runs them through the llt engine (<see cref="EngineReplayRun"/>) and through the ordinary-service baseline
/// (<see cref="BaselinePipelineRun"/>), and prints both and the baseline/llt ratios.
/// </summary>
internal static class BaselineComparison
{
    public const int Instruments = 100;
    public const ulong Seed = 42;

    public static int Run(string[] args)
    {
        long ticks = 1_000_000;
        bool json = false;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--ticks" when i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ticks) && ticks is > 0 and <= 100_000_000:
                    i++;
                    break;
                case "--json":
                    json = true;
                    break;
                default:
                    Console.Error.WriteLine($"baseline: bad argument '{args[i]}'");
                    Console.Error.WriteLine("usage: Llt.Latency baseline [--ticks N (1..100000000, default 1000000)] [--json]");
                    return 2;
            }
        }

        // as llt-engine bench: a tenth of the run, at most 200k, warms JIT tiers, caches and indicator windows
        int warmup = (int)Math.Min(200_000, ticks / 10);
        SimulatorConfig simulator = SimulatorConfig.CreateDefault(Instruments, Seed);
        var events = new SimulatedEvent[warmup + ticks];
        new MarketSimulator(simulator).Generate(events);

        PipelineFigures llt = EngineReplayRun.Run(simulator, events, warmup);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        PipelineFigures baseline = BaselinePipelineRun.Run(events, warmup);

        double throughputRatio = baseline.TicksPerSecond / llt.TicksPerSecond;
        double p50Ratio = llt.P50Ns == 0 ? double.NaN : baseline.P50Ns / (double)llt.P50Ns;
        double p99Ratio = llt.P99Ns == 0 ? double.NaN : baseline.P99Ns / (double)llt.P99Ns;
        if (json)
        {
            using Stream stream = Console.OpenStandardOutput();
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteNumber("ticksRequested", ticks);
            w.WriteNumber("warmupTicks", warmup);
            w.WriteNumber("instruments", Instruments);
            w.WriteNumber("seed", Seed);
            w.WriteNumber("processors", Environment.ProcessorCount);
            w.WriteBoolean("serverGc", GCSettings.IsServerGC);
            llt.WriteJson(w, "llt");
            baseline.WriteJson(w, "baseline");
            w.WriteStartObject("ratioBaselineOverLlt");
            w.WriteNumber("ticksPerSecond", throughputRatio);
            WriteNumberOrNull(w, "p50", p50Ratio);
            WriteNumberOrNull(w, "p99", p99Ratio);
            w.WriteEndObject();
            w.WriteEndObject();
            return 0;
        }

        Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "baseline comparison: {0:N0} ticks (+{1:N0} warm-up), {2} instruments, seed {3}, both built-in strategies on each, {4} CPUs, {5} GC",
            ticks, warmup, Instruments, Seed, Environment.ProcessorCount, GCSettings.IsServerGC ? "server" : "workstation"));
        llt.Print(Console.Out);
        baseline.Print(Console.Out);
        Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "baseline / llt: ticks/s x{0:F3}  tick-to-order p50 x{1:F1}  p99 x{2:F1}", throughputRatio, p50Ratio, p99Ratio));
        return 0;
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
