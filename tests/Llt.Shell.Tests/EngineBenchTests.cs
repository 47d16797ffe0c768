using System.Text.Json;

namespace Llt.Shell.Tests;

/// <summary>
/// <c>llt-engine bench</c>, the latency harness perf/README documents, run as an operator runs it with <c>--json</c>:
/// each phase must push the ticks it was asked for through its path, decide, and do it without allocating or
/// collecting in the measured window. Speeds are not asserted (they are benchmarks, recorded in perf/results).
/// </summary>
public sealed class EngineBenchTests
{
    private static readonly TimeSpan BenchTimeout = TimeSpan.FromSeconds(90);

    private static JsonElement RunBench(params string[] args)
    {
        using EngineProcess bench = EngineProcess.Start(["bench", .. args, "--json"]);
        Assert.True(bench.WaitForExit(BenchTimeout), $"llt-engine bench did not finish within {BenchTimeout.TotalSeconds}s\nstdout:\n{bench.Stdout}\nstderr:\n{bench.Stderr}");
        Assert.True(bench.ExitCode == 0, $"exit {bench.ExitCode}\nstderr:\n{bench.Stderr}");
        using JsonDocument document = JsonDocument.Parse(bench.Stdout);
        return document.RootElement.Clone();
    }

    private static void AssertMeasuredWindowClean(JsonElement phase, long ticks)
    {
        Assert.True(phase.GetProperty("ticks").GetInt64() >= ticks, $"ticks {phase.GetProperty("ticks")} < {ticks}");
        Assert.True(phase.GetProperty("decisions").GetInt64() > 0, "no strategy decided anything");
        Assert.Equal(0, phase.GetProperty("allocatedBytes").GetInt64());
        Assert.Equal(0, phase.GetProperty("gc0").GetInt32());
        Assert.Equal(0, phase.GetProperty("gc1").GetInt32());
        Assert.Equal(0, phase.GetProperty("gc2").GetInt32());
    }

    private static void AssertPercentilesOrdered(JsonElement latency)
    {
        long previous = 0;
        foreach (string name in (string[])["p50", "p90", "p99", "p999", "p9999", "max"])
        {
            long value = latency.GetProperty(name).GetInt64();
            Assert.True(value >= previous, $"{name} {value} below the percentile before it ({previous})");
            previous = value;
        }

        Assert.True(latency.GetProperty("p50").GetInt64() > 0, "p50 of 0 ns");
    }

    [Fact]
    public void CorePhase_RunsTheSimulatorThroughBooksAndStrategies_WithoutAllocating()
    {
        JsonElement result = RunBench("--phase", "core", "--ticks", "300000", "--instruments", "20");

        JsonElement core = result.GetProperty("core");
        AssertMeasuredWindowClean(core, 300_000);
        // nothing behind the core sends: the decisions are journaled, not executed
        Assert.Equal(0, core.GetProperty("ordersSent").GetInt64());
        Assert.Equal(0, core.GetProperty("tickToOrderNs").GetProperty("count").GetInt64());
        AssertPercentilesOrdered(core.GetProperty("tickToDecisionNs"));
        Assert.False(result.TryGetProperty("throughput", out _), "--phase core ran other phases too");
    }

    [Fact]
    public void LatencyPhase_SendsOrdersTickByTick_WithoutAllocating()
    {
        JsonElement result = RunBench("--phase", "latency", "--ticks", "200000", "--instruments", "20");

        JsonElement latency = result.GetProperty("latency");
        AssertMeasuredWindowClean(latency, 200_000);
        Assert.True(latency.GetProperty("ordersSent").GetInt64() > 0, "no order reached the gateway");
        Assert.True(latency.GetProperty("fills").GetInt64() > 0, "no order filled");
        AssertPercentilesOrdered(latency.GetProperty("tickToOrderNs"));
        AssertPercentilesOrdered(latency.GetProperty("tickToDecisionNs"));
        // an order leaves after its decision: the distributions cannot be the other way round
        Assert.True(latency.GetProperty("tickToOrderNs").GetProperty("p50").GetInt64() >= latency.GetProperty("tickToDecisionNs").GetProperty("p50").GetInt64());
    }
}
