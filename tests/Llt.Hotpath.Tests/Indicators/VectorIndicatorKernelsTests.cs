using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

/// <summary>
/// The AVX2 kernels against the scalar fallback, both called explicitly. Same anchors and chunk boundaries, so the
/// only difference is the order of additions inside a running sum: means within 1e-13 of the largest magnitude,
/// variances within 1e-13·n·spread² (ten times tighter than the reference tolerance).
/// </summary>
public sealed class VectorIndicatorKernelsTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (string name in TestSeries.Names)
        {
            foreach (int window in new[] { 1, 2, 3, 4, 5, 17, 1000 })
            {
                yield return [name, window, 10_003];
            }

            yield return [name, 7, 7];
            yield return [name, 10, 13];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AllMomentKernels_MatchScalar(string series, int window, int length)
    {
        if (!VectorIndicatorKernels.IsSupported)
        {
            return; // nothing to compare against on a machine without AVX2
        }

        double[] values = TestSeries.Create(series, length);
        double meanTolerance = IndicatorTolerance.Mean(values) / 10;
        double varianceTolerance = IndicatorTolerance.Variance(values, window) / 10;
        var scalar = new double[length];
        var vector = new double[length];

        ScalarIndicatorKernels.Sma(values, window, scalar);
        VectorIndicatorKernels.Sma(values, window, vector);
        SeriesAssert.Close(scalar, vector, meanTolerance, series + "/sma");

        ScalarIndicatorKernels.RollingVariance(values, window, VarianceKind.Population, scalar);
        VectorIndicatorKernels.RollingVariance(values, window, VarianceKind.Population, vector);
        SeriesAssert.Close(scalar, vector, varianceTolerance, series + "/variance");

        ScalarIndicatorKernels.RollingStdDev(values, window, VarianceKind.Population, scalar);
        VectorIndicatorKernels.RollingStdDev(values, window, VarianceKind.Population, vector);
        SeriesAssert.Close(scalar, vector, Math.Sqrt(varianceTolerance), series + "/stddev");

        var scalarUpper = new double[length];
        var scalarLower = new double[length];
        var vectorUpper = new double[length];
        var vectorLower = new double[length];
        ScalarIndicatorKernels.BollingerBands(values, window, 2.0, VarianceKind.Population, scalar, scalarUpper, scalarLower);
        VectorIndicatorKernels.BollingerBands(values, window, 2.0, VarianceKind.Population, vector, vectorUpper, vectorLower);
        double bandTolerance = meanTolerance + 2.0 * Math.Sqrt(varianceTolerance);
        SeriesAssert.Close(scalar, vector, meanTolerance, series + "/middle");
        SeriesAssert.Close(scalarUpper, vectorUpper, bandTolerance, series + "/upper");
        SeriesAssert.Close(scalarLower, vectorLower, bandTolerance, series + "/lower");

        if (window > 1)
        {
            ScalarIndicatorKernels.ZScore(values, window, VarianceKind.Sample, scalar, minStdDev: 1e-6);
            VectorIndicatorKernels.ZScore(values, window, VarianceKind.Sample, vector, minStdDev: 1e-6);
            // z is ill-conditioned where σ is rounding residue, so each is held to the reference where it is not
            RollingZScoreTests.AssertZScores(values, window, VarianceKind.Sample, 1e-6, scalar, series + "/z scalar");
            RollingZScoreTests.AssertZScores(values, window, VarianceKind.Sample, 1e-6, vector, series + "/z vector");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vwap_MatchesScalar(string series, int window, int length)
    {
        if (!VectorIndicatorKernels.IsSupported)
        {
            return; // nothing to compare against on a machine without AVX2
        }

        double[] prices = TestSeries.Create(series, length);
        double[] volumes = TestSeries.Volumes(length, seed: 5);
        var scalar = new double[length];
        var vector = new double[length];
        ScalarIndicatorKernels.Vwap(prices, volumes, window, scalar);
        VectorIndicatorKernels.Vwap(prices, volumes, window, vector);
        SeriesAssert.Close(scalar, vector, IndicatorTolerance.Recurrence(prices) / 10, series);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(5, 10)]
    [InlineData(16, 14)]
    [InlineData(33, 50)]
    public void EmaColumns_MatchesScalarExactly(int columns, int period)
    {
        if (!VectorIndicatorKernels.IsSupported)
        {
            return; // nothing to compare against on a machine without AVX2
        }

        double[] matrix = TestSeries.Random(500 * columns, seed: 13, center: 100, scale: 30);
        var scalar = new double[matrix.Length];
        var vector = new double[matrix.Length];
        ScalarIndicatorKernels.EmaColumns(matrix, columns, period, scalar);
        VectorIndicatorKernels.EmaColumns(matrix, columns, period, vector);
        // same operations in the same order per column, no cross-lane sums: bit-identical
        Assert.Equal(scalar, vector);
    }

    [Fact]
    public void InclusivePrefixSum_OfFourLanes()
    {
        if (!VectorIndicatorKernels.IsSupported)
        {
            return; // nothing to compare against on a machine without AVX2
        }

        var scalar = new double[8];
        var vector = new double[8];
        double[] values = [1, 2, 4, 8, 16, 32, 64, 128];
        // a window of 1 over values[i] − values[i − 1] exercises the prefix sum on exact powers of two
        ScalarIndicatorKernels.Sma(values, 1, scalar);
        VectorIndicatorKernels.Sma(values, 1, vector);
        Assert.Equal(values, vector);
        Assert.Equal(scalar, vector);
    }
}
