using BenchmarkDotNet.Attributes;
using Llt.Hotpath.MarketData.Simulation;

namespace Llt.Benchmarks.Simulation;

/// <summary>
/// Per-variate cost of the simulator's samplers (ziggurat normal and exponential, the per-block draws, the
/// tabulated lot sizes) and of the portable
/// <see cref="DeterministicMath"/> Exp/Log, against libm's Math.Exp/Math.Log for scale. The samplers are summed
/// (throughput: only the generator's state chains the draws); each Exp/Log call feeds the next (latency, which
/// is how the model's dependent chains use them).
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*SamplerBenchmarks*' --job short --inProcess
/// </summary>
[MinColumn]
[MedianColumn]
public class SamplerBenchmarks
{
    private const int OperationsPerInvoke = 1 << 16;

    private SimulationRandom _random = new(42);
    private EventDrawBlock? _block;
    private LotSizeDistribution? _quoteSizes;

    [GlobalSetup]
    public void Setup()
    {
        var seeder = new SplitMix64(42);
        _block = new EventDrawBlock(new Xoshiro256StarStarX8(ref seeder));
        _quoteSizes = new LotSizeDistribution(Math.Log(5), 0.8, 1.0);
    }

    /// <summary>One block: 64 events' raw draws and their four ziggurat variates each; per event.</summary>
    [Benchmark(OperationsPerInvoke = 64 * 1024)]
    public double EventDrawBlock_RefillPerEvent()
    {
        EventDrawBlock block = _block!;
        double sum = 0;
        for (int i = 0; i < 1024; i++)
        {
            block.Refill(ref _random);
            sum += block.Variates[3];
        }

        return sum;
    }

    /// <summary>A quote size (median 5 lots, σ 0.8) from the alias table, draws from the generator.</summary>
    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public long LotSize_AliasTable()
    {
        LotSizeDistribution sizes = _quoteSizes!;
        long sum = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            sum += sizes.Sample(_random.NextUInt64(), ref _random);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public double NextNormal_Ziggurat()
    {
        double sum = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            sum += _random.NextNormal();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public double NextStandardExponential_Ziggurat()
    {
        double sum = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            sum += _random.NextStandardExponential();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public double DeterministicExp()
    {
        double x = 0.5;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            x = DeterministicMath.Exp(-x);
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public double LibmExp()
    {
        double x = 0.5;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            x = Math.Exp(-x);
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public double DeterministicLog()
    {
        double x = 2.5;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            x = 2.0 + DeterministicMath.Log(x);
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public double LibmLog()
    {
        double x = 2.5;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            x = 2.0 + Math.Log(x);
        }

        return x;
    }
}
