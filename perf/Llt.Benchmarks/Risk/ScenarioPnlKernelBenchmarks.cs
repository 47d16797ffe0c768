using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Risk;

namespace Llt.Benchmarks.Risk;

/// <summary>
/// Historical-simulation scenario P&amp;L (500 scenarios × 64 instruments), Vector256 vs the scalar fallback, and a full
/// <see cref="RiskMetricsCalculator.Compute"/> (kernel + two sorts of 500). Off the critical path; timer-driven.
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*ScenarioPnlKernelBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class ScenarioPnlKernelBenchmarks
{
    private const int Instruments = 64;
    private const int Scenarios = 500;

    private readonly double[] _exposures = new double[Instruments];
    private readonly double[] _returns = new double[Instruments * Scenarios];
    private readonly double[] _pnl = new double[Scenarios];
    private RiskMetricsCalculator _calculator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (int i = 0; i < Instruments; i++)
        {
            _exposures[i] = (random.NextDouble() - 0.5) * 1e6;
        }

        for (int i = 0; i < _returns.Length; i++)
        {
            _returns[i] = (random.NextDouble() - 0.5) * 0.04;
        }

        _calculator = new RiskMetricsCalculator(Instruments, Scenarios);
        for (int s = 0; s < Scenarios; s++)
        {
            _calculator.OnPnlChange((random.NextDouble() - 0.5) * 1e4);
            _calculator.OnInstrumentReturns(_returns.AsSpan(s * Instruments, Instruments));
        }
    }

    [Benchmark(Baseline = true)]
    public void KernelScalar() => ScenarioPnlKernel.ComputeScalar(_exposures, _returns, Instruments, _pnl);

    [Benchmark]
    public void KernelVector256() => ScenarioPnlKernel.ComputeVector256(_exposures, _returns, Instruments, _pnl);

    [Benchmark]
    public RiskMetrics MetricsCompute() => _calculator.Compute(_exposures);
}
