using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

/// <summary>
/// The struct forms strategies embed per instrument (<see cref="RollingMoments"/>, <see cref="RollingMean"/>,
/// <see cref="RollingExtremes"/>, <see cref="WindowRing"/>), kept as elements of one array and updated in place
/// with several instruments' series interleaved, as a strategy's slot array holds them: each must track its own
/// series against the reference, and agree bit for bit with its class form fed the same series alone.
/// </summary>
public sealed class IndicatorStructFormsTests
{
    private const int Instruments = 3;
    private const int Length = 2_000;

    public static IEnumerable<object[]> Windows() => [[1], [2], [5], [20], [64]];

    [Theory]
    [MemberData(nameof(Windows))]
    public void RollingMoments_InAnArray_MatchReferenceAndClassForms(int window)
    {
        double[][] series = Series();
        var slots = new RollingMoments[Instruments];
        var classes = new RollingVariance[Instruments];
        var zScores = new RollingZScore[Instruments];
        for (int k = 0; k < Instruments; k++)
        {
            slots[k] = new RollingMoments(window, VarianceKind.Population);
            classes[k] = new RollingVariance(window, VarianceKind.Population);
            zScores[k] = new RollingZScore(window, VarianceKind.Population, minStdDev: 0.01);
        }

        var variances = new double[Instruments][];
        var means = new double[Instruments][];
        for (int k = 0; k < Instruments; k++)
        {
            variances[k] = new double[Length];
            means[k] = new double[Length];
        }

        for (int i = 0; i < Length; i++)
        {
            for (int k = 0; k < Instruments; k++)
            {
                double x = series[k][i];
                slots[k].Update(x);
                classes[k].Update(x);
                zScores[k].Update(x);
                variances[k][i] = slots[k].Variance;
                means[k][i] = slots[k].Mean;
                Assert.Equal(classes[k].Variance, slots[k].Variance);
                Assert.Equal(classes[k].Mean, slots[k].Mean);
                Assert.Equal(classes[k].Last, slots[k].Last);
                double expectedZ = zScores[k].Value;
                double z = slots[k].IsReady ? RollingZScore.Of(x, in slots[k], 0.01 * 0.01) : double.NaN;
                Assert.Equal(expectedZ, z);
            }
        }

        for (int k = 0; k < Instruments; k++)
        {
            SeriesAssert.Close(ReferenceIndicators.Variance(series[k], window, VarianceKind.Population), variances[k], IndicatorTolerance.Variance(series[k], window), "variance " + k);
            SeriesAssert.Close(ReferenceIndicators.Sma(series[k], window), means[k], IndicatorTolerance.Mean(series[k]), "mean " + k);
        }
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void RollingMean_InAnArray_MatchesReferenceAndClassForm(int window)
    {
        double[][] series = Series();
        var slots = new RollingMean[Instruments];
        var classes = new SimpleMovingAverage[Instruments];
        var values = new double[Instruments][];
        for (int k = 0; k < Instruments; k++)
        {
            slots[k] = new RollingMean(window);
            classes[k] = new SimpleMovingAverage(window);
            values[k] = new double[Length];
        }

        for (int i = 0; i < Length; i++)
        {
            for (int k = 0; k < Instruments; k++)
            {
                slots[k].Update(series[k][i]);
                classes[k].Update(series[k][i]);
                values[k][i] = slots[k].Value;
                Assert.Equal(classes[k].Value, slots[k].Value);
                Assert.Equal(classes[k].Sum, slots[k].Sum);
            }
        }

        for (int k = 0; k < Instruments; k++)
        {
            SeriesAssert.Close(ReferenceIndicators.Sma(series[k], window), values[k], IndicatorTolerance.Mean(series[k]), "mean " + k);
        }
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void RollingExtremes_InAnArray_MatchReferenceExactly(int window)
    {
        double[][] series = Series();
        var slots = new RollingExtremes[Instruments];
        var highs = new double[Instruments][];
        var lows = new double[Instruments][];
        for (int k = 0; k < Instruments; k++)
        {
            slots[k] = new RollingExtremes(window);
            highs[k] = new double[Length];
            lows[k] = new double[Length];
        }

        for (int i = 0; i < Length; i++)
        {
            for (int k = 0; k < Instruments; k++)
            {
                slots[k].Update(series[k][i]);
                highs[k][i] = slots[k].High;
                lows[k][i] = slots[k].Low;
            }
        }

        for (int k = 0; k < Instruments; k++)
        {
            SeriesAssert.Close(ReferenceIndicators.RollingMax(series[k], window), highs[k], 0.0, "high " + k);
            SeriesAssert.Close(ReferenceIndicators.RollingMin(series[k], window), lows[k], 0.0, "low " + k);
        }
    }

    [Fact]
    public void Reset_InPlace_StartsEachStructFormAfresh()
    {
        double[] values = TestSeries.Random(200, seed: 5, center: 50, scale: 3);
        var moments = new[] { new RollingMoments(7, VarianceKind.Sample) };
        var mean = new[] { new RollingMean(7) };
        var extremes = new[] { new RollingExtremes(7) };
        var ring = new[] { new WindowRing(7) };
        foreach (double x in values)
        {
            moments[0].Update(x + 1_000);
            mean[0].Update(x + 1_000);
            extremes[0].Update(x + 1_000);
            ring[0].Push(x + 1_000, out _);
        }

        moments[0].Reset();
        mean[0].Reset();
        extremes[0].Reset();
        ring[0].Reset();
        Assert.False(moments[0].IsReady);
        Assert.False(mean[0].IsReady);
        Assert.False(extremes[0].IsReady);
        Assert.Equal(0, ring[0].Count);

        var variance = new RollingVariance(7, VarianceKind.Sample);
        var sma = new SimpleMovingAverage(7);
        var highLow = new RollingHighLow(7);
        foreach (double x in values)
        {
            moments[0].Update(x);
            mean[0].Update(x);
            extremes[0].Update(x);
            ring[0].Push(x, out _);
            variance.Update(x);
            sma.Update(x);
            highLow.Update(x);
            Assert.Equal(variance.Variance, moments[0].Variance);
            Assert.Equal(sma.Value, mean[0].Value);
            Assert.Equal(highLow.High, extremes[0].High);
            Assert.Equal(highLow.Low, extremes[0].Low);
            Assert.Equal(x, ring[0].Newest);
        }
    }

    private static double[][] Series() =>
    [
        TestSeries.Random(Length, seed: 1, center: 100, scale: 1),
        TestSeries.Steps(Length),
        TestSeries.Random(Length, seed: 2, center: 1e6, scale: 50),
    ];
}
