using System.Diagnostics;
using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

/// <summary>
/// Rolling variance over long runs of values near 10^6 with σ ≈ 10^-3 (sum/sum² would cancel ~18 digits), checked
/// against the exact variance of the last window. The default run does 10^7 updates (~0.35 s in Debug); the
/// 10^8 run (~3.3 s in Debug) is a <see cref="StabilityFactAttribute"/> with Category=Stability.
/// </summary>
public sealed class RollingVarianceStabilityTests
{
    private const int Window = 100;
    private const double Level = 1_000_000.0;

    /// <summary>Values lie in [2^19, 2^20), where the spacing of doubles is 2^-33: (value − Level)·2^33 is an integer.</summary>
    private const double UnitsPerOne = 8_589_934_592.0;

    [Fact]
    public void TenToTheSevenUpdates_MatchExactVarianceOfLastWindow() => AssertStable(10_000_000);

    [StabilityFact]
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
            // uniform in [-1, 1) · 2e-3 around a level that wanders up by 0.37 every 2^20 updates
            double noise = ((long)(state >> 11) * (1.0 / (1L << 52)) - 1.0) * 2e-3;
            double value = Level + (i >> 20) * 0.37 + noise;
            variance.Update(value);
            last[i % Window] = value;
        }

        stopwatch.Stop();
        double exact = ExactSampleVariance(last);
        double relativeError = Math.Abs(variance.Value - exact) / exact;
        Assert.True(
            relativeError < 1e-9,
            $"after {updates} updates: variance {variance.Value:R}, exact {exact:R}, relative error {relativeError:E3} ({stopwatch.ElapsedMilliseconds} ms)");
    }

    /// <summary>
    /// Exact: each value is Level + k·2^-33 with integer k (the subtraction is exact), so the variance is computed on
    /// the integers k in decimal (28 digits, no overflow: k &lt; 2^39) and scaled back once at the end.
    /// </summary>
    private static double ExactSampleVariance(double[] values)
    {
        decimal sum = 0;
        var units = new decimal[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double offset = values[i] - Level;
            double scaled = offset * UnitsPerOne;
            Assert.Equal(Math.Round(scaled), scaled);
            units[i] = (long)scaled;
            sum += units[i];
        }

        decimal mean = sum / values.Length;
        decimal squares = 0;
        foreach (decimal unit in units)
        {
            squares += (unit - mean) * (unit - mean);
        }

        return (double)(squares / (values.Length - 1)) / UnitsPerOne / UnitsPerOne;
    }
}
