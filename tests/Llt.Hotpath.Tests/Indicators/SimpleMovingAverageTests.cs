using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class SimpleMovingAverageTests
{
    public static IEnumerable<object[]> Cases() => IndicatorTolerance.SeriesAndWindows();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_MatchesMeanOfRawWindow(string series, int window)
    {
        double[] values = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        var sma = new SimpleMovingAverage(window);
        var actual = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            sma.Update(values[i]);
            actual[i] = sma.Value;
            Assert.Equal(i >= window - 1, sma.IsReady);
        }

        SeriesAssert.Close(ReferenceIndicators.Sma(values, window), actual, IndicatorTolerance.Mean(values), series);
    }

    [Fact]
    public void Reset_StartsOver()
    {
        var sma = new SimpleMovingAverage(3);
        sma.Update(100);
        sma.Update(200);
        sma.Update(300);
        sma.Reset();
        Assert.False(sma.IsReady);
        Assert.True(double.IsNaN(sma.Value));
        sma.Update(1);
        sma.Update(2);
        sma.Update(3);
        Assert.Equal(2.0, sma.Value);
    }

    [Fact]
    public void Constructor_WhenWindowIsZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleMovingAverage(0));
    }
}
