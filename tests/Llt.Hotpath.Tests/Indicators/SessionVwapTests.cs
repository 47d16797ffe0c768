using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class SessionVwapTests
{
    [Theory]
    [MemberData(nameof(Names))]
    public void Update_MatchesCumulativeVwap(string series)
    {
        double[] prices = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        double[] volumes = TestSeries.Volumes(prices.Length, seed: 6);
        double[] expected = ReferenceIndicators.SessionVwap(prices, volumes);
        var vwap = new SessionVwap();
        for (int i = 0; i < prices.Length; i++)
        {
            vwap.Update(prices[i], volumes[i]);
            SeriesAssert.Close(expected[i], vwap.Value, IndicatorTolerance.Recurrence(prices), series, i);
        }
    }

    public static IEnumerable<object[]> Names() => TestSeries.Names.Select(n => new object[] { n });

    [Fact]
    public void Reset_StartsANewSession()
    {
        var vwap = new SessionVwap();
        vwap.Update(100, 10);
        vwap.Reset();
        Assert.False(vwap.IsReady);
        Assert.True(double.IsNaN(vwap.Value));
        vwap.Update(50, 1);
        vwap.Update(80, 2);
        Assert.Equal(70.0, vwap.Value);
    }
}
