using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class RollingVwapTests
{
    public static IEnumerable<object[]> Cases() => IndicatorTolerance.SeriesAndWindows();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_MatchesRawWindowVwap(string series, int window)
    {
        double[] prices = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        double[] volumes = TestSeries.Volumes(prices.Length, seed: 5);
        var vwap = new RollingVwap(window);
        var actual = new double[prices.Length];
        for (int i = 0; i < prices.Length; i++)
        {
            vwap.Update(prices[i], volumes[i]);
            actual[i] = vwap.Value;
        }

        SeriesAssert.Close(ReferenceIndicators.Vwap(prices, volumes, window), actual, IndicatorTolerance.Recurrence(prices), series);
    }

    [Fact]
    public void ZeroVolumeWindow_IsNaN()
    {
        var vwap = new RollingVwap(2);
        vwap.Update(10, 5);
        vwap.Update(11, 0);
        Assert.Equal(10.0, vwap.Value);
        vwap.Update(12, 0);
        Assert.True(vwap.IsReady);
        Assert.True(double.IsNaN(vwap.Value));
    }
}
