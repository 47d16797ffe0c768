using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class BollingerBandsTests
{
    public static IEnumerable<object[]> Cases() => IndicatorTolerance.SeriesAndWindows();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_MatchesMeanPlusMinusKSigma(string series, int window)
    {
        double[] values = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        const double width = 2.5;
        var bands = new BollingerBands(window, width);
        double[] mean = ReferenceIndicators.Sma(values, window);
        double[] sigma = ReferenceIndicators.StdDev(values, window, VarianceKind.Population);
        double tolerance = IndicatorTolerance.Mean(values) + width * IndicatorTolerance.StdDev(values, window);
        for (int i = 0; i < values.Length; i++)
        {
            bands.Update(values[i]);
            SeriesAssert.Close(mean[i], bands.Middle, IndicatorTolerance.Mean(values), series + "/middle", i);
            SeriesAssert.Close(mean[i] + width * sigma[i], bands.Upper, tolerance, series + "/upper", i);
            SeriesAssert.Close(mean[i] - width * sigma[i], bands.Lower, tolerance, series + "/lower", i);
        }
    }
}
