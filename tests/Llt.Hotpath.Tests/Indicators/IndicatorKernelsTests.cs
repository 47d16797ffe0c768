using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

/// <summary>Every batch kernel, through the dispatching entry point, against the raw-window reference.</summary>
public sealed class IndicatorKernelsTests
{
    /// <summary>
    /// Short series with every window including window = length, and a series longer than two recomputation chunks
    /// (4096 outputs for small windows) so the chunk boundaries and the vector tails are crossed.
    /// </summary>
    public static IEnumerable<object[]> Cases()
    {
        foreach (object[] shortCase in IndicatorTolerance.SeriesAndWindows())
        {
            yield return [shortCase[0], shortCase[1], IndicatorTolerance.SeriesLength];
        }

        foreach (string name in TestSeries.Names)
        {
            yield return [name, 3, 9_001];
            yield return [name, 64, 9_001];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sma_MatchesReference(string series, int window, int length)
    {
        double[] values = TestSeries.Create(series, length);
        var output = new double[length];
        IndicatorKernels.Sma(values, window, output);
        SeriesAssert.Close(ReferenceIndicators.Sma(values, window), output, IndicatorTolerance.Mean(values), series);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RollingVarianceAndStdDev_MatchReference(string series, int window, int length)
    {
        double[] values = TestSeries.Create(series, length);
        var output = new double[length];
        foreach (VarianceKind kind in new[] { VarianceKind.Population, VarianceKind.Sample })
        {
            if (kind == VarianceKind.Sample && window == 1)
            {
                continue;
            }

            IndicatorKernels.RollingVariance(values, window, kind, output);
            SeriesAssert.Close(ReferenceIndicators.Variance(values, window, kind), output, IndicatorTolerance.Variance(values, window), $"{series}/{kind}");
            IndicatorKernels.RollingStdDev(values, window, kind, output);
            SeriesAssert.Close(ReferenceIndicators.StdDev(values, window, kind), output, IndicatorTolerance.StdDev(values, window), $"{series}/{kind}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ZScore_MatchesReference(string series, int window, int length)
    {
        if (window == 1)
        {
            return;
        }

        double[] values = TestSeries.Create(series, length);
        var output = new double[length];
        IndicatorKernels.ZScore(values, window, VarianceKind.Sample, output, minStdDev: 1e-6);
        RollingZScoreTests.AssertZScores(values, window, VarianceKind.Sample, 1e-6, output, series);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BollingerBands_MatchReference(string series, int window, int length)
    {
        double[] values = TestSeries.Create(series, length);
        var middle = new double[length];
        var upper = new double[length];
        var lower = new double[length];
        IndicatorKernels.BollingerBands(values, window, 2.0, VarianceKind.Population, middle, upper, lower);
        double[] mean = ReferenceIndicators.Sma(values, window);
        double[] sigma = ReferenceIndicators.StdDev(values, window, VarianceKind.Population);
        double tolerance = IndicatorTolerance.Mean(values) + 2.0 * IndicatorTolerance.StdDev(values, window);
        SeriesAssert.Close(mean, middle, IndicatorTolerance.Mean(values), series + "/middle");
        SeriesAssert.Close(mean.Zip(sigma, (m, s) => m + 2.0 * s).ToArray(), upper, tolerance, series + "/upper");
        SeriesAssert.Close(mean.Zip(sigma, (m, s) => m - 2.0 * s).ToArray(), lower, tolerance, series + "/lower");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RollingMaxAndMin_MatchReferenceExactly(string series, int window, int length)
    {
        double[] values = TestSeries.Create(series, length);
        var output = new double[length];
        IndicatorKernels.RollingMax(values, window, output);
        SeriesAssert.Close(ReferenceIndicators.RollingMax(values, window), output, 0.0, series + "/max");
        IndicatorKernels.RollingMin(values, window, output);
        SeriesAssert.Close(ReferenceIndicators.RollingMin(values, window), output, 0.0, series + "/min");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vwap_MatchesReference(string series, int window, int length)
    {
        double[] prices = TestSeries.Create(series, length);
        double[] volumes = TestSeries.Volumes(length, seed: 5);
        var output = new double[length];
        IndicatorKernels.Vwap(prices, volumes, window, output);
        SeriesAssert.Close(ReferenceIndicators.Vwap(prices, volumes, window), output, IndicatorTolerance.Recurrence(prices), series);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ema_MatchesReference(string series, int period, int length)
    {
        double[] values = TestSeries.Create(series, length);
        var output = new double[length];
        IndicatorKernels.Ema(values, period, output);
        SeriesAssert.Close(ReferenceIndicators.Ema(values, period), output, IndicatorTolerance.Recurrence(values), series);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 5)]
    [InlineData(7, 3)]
    [InlineData(13, 20)]
    [InlineData(8, 400)]
    public void EmaColumns_MatchesEmaOfEachColumn(int columns, int period)
    {
        const int rows = 300;
        double[] matrix = TestSeries.Random(rows * columns, seed: 12, center: 100, scale: 30);
        var output = new double[matrix.Length];
        IndicatorKernels.EmaColumns(matrix, columns, period, output);
        for (int column = 0; column < columns; column++)
        {
            double[] series = Enumerable.Range(0, rows).Select(r => matrix[r * columns + column]).ToArray();
            double[] actual = Enumerable.Range(0, rows).Select(r => output[r * columns + column]).ToArray();
            SeriesAssert.Close(ReferenceIndicators.Ema(series, period), actual, IndicatorTolerance.Recurrence(series), $"column {column}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SessionVwap_MatchesReference(string series)
    {
        double[] prices = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        double[] volumes = TestSeries.Volumes(prices.Length, seed: 6);
        var output = new double[prices.Length];
        IndicatorKernels.SessionVwap(prices, volumes, output);
        SeriesAssert.Close(ReferenceIndicators.SessionVwap(prices, volumes), output, IndicatorTolerance.Recurrence(prices), series);
    }

    public static IEnumerable<object[]> Names() => TestSeries.Names.Select(n => new object[] { n });

    [Fact]
    public void WindowLongerThanInput_IsAllNaN()
    {
        double[] values = [1, 2, 3];
        var output = new double[3];
        IndicatorKernels.Sma(values, 4, output);
        Assert.All(output, v => Assert.True(double.IsNaN(v)));
        IndicatorKernels.RollingMax(values, 4, output);
        Assert.All(output, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void ShortOutput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => IndicatorKernels.Sma(new double[4], 2, new double[3]));
    }

    [Fact]
    public void Kernels_AgreeWithStreamingIndicators()
    {
        double[] values = TestSeries.Create("random", 5000);
        var batch = new double[values.Length];
        IndicatorKernels.RollingVariance(values, 20, VarianceKind.Sample, batch);
        var streaming = new RollingVariance(20, VarianceKind.Sample);
        for (int i = 0; i < values.Length; i++)
        {
            streaming.Update(values[i]);
            SeriesAssert.Close(streaming.Value, batch[i], IndicatorTolerance.Variance(values, 20), "variance", i);
        }
    }
}
