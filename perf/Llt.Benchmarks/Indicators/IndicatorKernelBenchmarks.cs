using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Indicators;

namespace Llt.Benchmarks.Indicators;

/// <summary>
/// Batch kernels over 1M values (8 MB in, 8 MB out: beyond L2, so memory bandwidth is part of the figure),
/// AVX2 vs the scalar fallback called explicitly. Results are per value (OperationsPerInvoke = 1M): values/s =
/// 1e9 / Mean[ns]. Window 20 and 1000 (the re-anchoring pass costs n reads per max(8n, 4096) outputs).
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*IndicatorKernelBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class IndicatorKernelBenchmarks
{
    public const int Length = 1_000_000;

    private readonly double[] _prices = new double[Length];
    private readonly double[] _volumes = new double[Length];
    private readonly double[] _output = new double[Length];

    [Params(20, 1000)]
    public int Window { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        double price = 1_000_000.0;
        for (int i = 0; i < Length; i++)
        {
            price += random.NextDouble() - 0.5;
            _prices[i] = price;
            _volumes[i] = random.Next(1, 1000);
        }
    }

    [Benchmark(OperationsPerInvoke = Length)]
    public void SmaVector() => VectorIndicatorKernels.Sma(_prices, Window, _output);

    [Benchmark(OperationsPerInvoke = Length)]
    public void SmaScalar() => ScalarIndicatorKernels.Sma(_prices, Window, _output);

    [Benchmark(OperationsPerInvoke = Length)]
    public void VarianceVector() => VectorIndicatorKernels.RollingVariance(_prices, Window, VarianceKind.Sample, _output);

    [Benchmark(OperationsPerInvoke = Length)]
    public void VarianceScalar() => ScalarIndicatorKernels.RollingVariance(_prices, Window, VarianceKind.Sample, _output);

    [Benchmark(OperationsPerInvoke = Length)]
    public void StdDevVector() => VectorIndicatorKernels.RollingStdDev(_prices, Window, VarianceKind.Sample, _output);

    [Benchmark(OperationsPerInvoke = Length)]
    public void ZScoreVector() => VectorIndicatorKernels.ZScore(_prices, Window, VarianceKind.Sample, _output);

    [Benchmark(OperationsPerInvoke = Length)]
    public void VwapVector() => VectorIndicatorKernels.Vwap(_prices, _volumes, Window, _output);

    [Benchmark(OperationsPerInvoke = Length)]
    public void VwapScalar() => ScalarIndicatorKernels.Vwap(_prices, _volumes, Window, _output);

    [Benchmark(OperationsPerInvoke = Length)]
    public void RollingMax() => IndicatorKernels.RollingMax(_prices, Window, _output);

    [Benchmark(OperationsPerInvoke = Length)]
    public void Ema() => IndicatorKernels.Ema(_prices, Window, _output);

    /// <summary>1M values as 8 instruments × 125k rows: the same EMA vectorised across instruments.</summary>
    [Benchmark(OperationsPerInvoke = Length)]
    public void EmaColumns8() => IndicatorKernels.EmaColumns(_prices, 8, Window, _output);
}
