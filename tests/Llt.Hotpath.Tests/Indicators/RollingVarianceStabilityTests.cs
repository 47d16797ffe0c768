using System.Diagnostics;
using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

/// <summary>
/// Rolling variance over long runs of values near 10^6 with σ ≈ 10^-3 (12 digits of cancellation for sum/sum²),
/// checked against the exact variance of the last window (decimal arithmetic). The default run does 10^7 updates
/// (~0.1 s optimised, a few seconds in Debug); the 10^8 run is marked Category=Stability:
/// <c>dotnet test tests/Llt.Hotpath.Tests --filter "Category=Stability"</c>.
/// </summary>
public sealed class RollingVarianceStabilityTests
{
    private const int Window = 100;

    [Fact]
    public void TenToTheSevenUpdates_MatchExactVarianceOfLastWindow() => AssertStable(10_000_000);

    [Fact]
    [Trait("Category", "Stability")]
    public void TenToTheEightUpdates_MatchExactVarianceOfLastWindow() => AssertStable(100_000_000);

    private static void AssertStable(long updates)
    {
        var variance = new RollingVariance(Window, VarianceKind.Sample);
        var last = new double[Window];
        // xorshift64: System.Random would dominate the run time
        ulong state = 0x9E3779B97F4A7C15UL;
        var stopwatch = Stopwatch.StartNew();
        for (long i = 0; i < updates; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // uniform in [-1, 1) · 2e-3 around a slowly wandering level near 10^6
            double noise = ((long)(state >> 11) * (1.0 / (1L << 52)) - 1.0) * 2e-3;
            double value = 1_000_000.0 + (i >> 20) * 0.37 + noise;
            variance.Update(value);
            last[i % Window] = value;
        }

        stopwatch.Stop();
        decimal mean = last.Sum(v => (decimal)v) / Window;
        decimal squares = last.Sum(v => ((decimal)v - mean) * ((decimal)v - mean));
        double exact = (double)(squares / (Window - 1));
        double relativeError = Math.Abs(variance.Value - exact) / exact;
        Assert.True(
            relativeError < 1e-9,
            $"after {updates} updates: variance {variance.Value:R}, exact {exact:R}, relative error {relativeError:E3} ({stopwatch.ElapsedMilliseconds} ms)");
    }
}
