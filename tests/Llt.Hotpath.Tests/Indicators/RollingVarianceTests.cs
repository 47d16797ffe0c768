using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class RollingVarianceTests
{
    public static IEnumerable<object[]> Cases() => IndicatorTolerance.SeriesAndWindows(minimumWindow: 2);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_MatchesTwoPassVarianceOfRawWindow(string series, int window)
    {
        double[] values = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        foreach (VarianceKind kind in new[] { VarianceKind.Population, VarianceKind.Sample })
        {
            var variance = new RollingVariance(window, kind);
            var actualVariance = new double[values.Length];
            var actualStdDev = new double[values.Length];
            var actualMean = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                variance.Update(values[i]);
                actualVariance[i] = variance.Value;
                actualStdDev[i] = variance.StdDev;
                actualMean[i] = variance.Mean;
            }

            string label = $"{series}/{kind}";
            SeriesAssert.Close(ReferenceIndicators.Variance(values, window, kind), actualVariance, IndicatorTolerance.Variance(values, window), label);
            SeriesAssert.Close(ReferenceIndicators.StdDev(values, window, kind), actualStdDev, IndicatorTolerance.StdDev(values, window), label);
            SeriesAssert.Close(ReferenceIndicators.Sma(values, window), actualMean, IndicatorTolerance.Mean(values), label);
        }
    }

    [Fact]
    public void PopulationWindowOfOne_IsZero()
    {
        var variance = new RollingVariance(1, VarianceKind.Population);
        variance.Update(5);
        variance.Update(-7);
        Assert.Equal(0.0, variance.Value);
        Assert.Equal(-7.0, variance.Mean);
    }

    [Fact]
    public void SampleWindowOfOne_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingVariance(1, VarianceKind.Sample));
    }

    [Fact]
    public void ConstantSeries_IsExactlyZero()
    {
        var variance = new RollingVariance(10, VarianceKind.Sample);
        for (int i = 0; i < 1000; i++)
        {
            variance.Update(1234567.891);
        }

        Assert.Equal(0.0, variance.Value);
    }

    [Fact]
    public void AfterSpikeLeavesWindow_ReturnsToExactVarianceWithinTwoWindows()
    {
        const int window = 8;
        var variance = new RollingVariance(window, VarianceKind.Population);
        variance.Update(1e9);
        for (int i = 0; i < 2 * window; i++)
        {
            variance.Update(1.0 + 0.125 * (i % 2));
        }

        // both fresh sums were adopted since the spike left: no residue of 1e18 in the squares
        Assert.Equal(0.125 * 0.125 / 4, variance.Value, 15);
    }
}
