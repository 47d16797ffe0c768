using BenchmarkDotNet.Running;

namespace Llt.Benchmarks;

internal static class Program
{
    // `make bench` (or: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*')
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
