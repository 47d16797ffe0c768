using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class RollingZScoreTests
{
    public static IEnumerable<object[]> Cases() => IndicatorTolerance.SeriesAndWindows(minimumWindow: 2);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_MatchesRawWindowZScore(string series, int window)
    {
        double[] values = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        // σ below 1e-6 is rounding noise for these series (their steps are ≥ 0.37): the documented minStdDev use
        const double minStdDev = 1e-6;
        var z = new RollingZScore(window, VarianceKind.Population, minStdDev);
        var actual = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            z.Update(values[i]);
            actual[i] = z.Value;
        }

        AssertZScores(values, window, VarianceKind.Population, minStdDev, actual, series);
    }

    [Fact]
    public void ConstantWindow_IsZeroWithDefaultFloor()
    {
        var z = new RollingZScore(5, VarianceKind.Sample);
        for (int i = 0; i < 50; i++)
        {
            z.Update(987654.321);
            if (z.IsReady)
            {
                Assert.Equal(0.0, z.Value);
            }
        }
    }

    [Fact]
    public void NotReady_IsNaN()
    {
        var z = new RollingZScore(3, VarianceKind.Population);
        z.Update(1);
        Assert.True(double.IsNaN(z.Value));
    }

    /// <summary>
    /// z is compared where the window is well conditioned (reference variance far above the variance tolerance),
    /// within 1e-6·(1 + |z|). Where the reference σ is exactly 0 the z-score must be 0 up to rounding: σ is then
    /// rounding residue of order sqrt(ε)·|x − anchor| while x − mean is of order ε·|x − anchor|, so |z| ≲ 1e-7.
    /// </summary>
    internal static void AssertZScores(double[] values, int window, VarianceKind kind, double minStdDev, double[] actual, string label)
    {
        double[] expected = ReferenceIndicators.ZScore(values, window, kind, minStdDev);
        double[] referenceVariance = ReferenceIndicators.Variance(values, window, kind);
        double varianceTolerance = IndicatorTolerance.Variance(values, window);
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"{label}[{i}] should be NaN");
            }
            else if (referenceVariance[i] == 0.0)
            {
                Assert.True(Math.Abs(actual[i]) <= 1e-6, $"{label}[{i}]: flat window gave {actual[i]}");
            }
            else if (referenceVariance[i] > 1e6 * varianceTolerance)
            {
                SeriesAssert.Close(expected[i], actual[i], 1e-6 * (1.0 + Math.Abs(expected[i])), label, i);
            }
        }
    }
}
