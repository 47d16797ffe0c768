using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class ExponentialMovingAverageTests
{
    public static IEnumerable<object[]> Cases() => IndicatorTolerance.SeriesAndWindows();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_MatchesSmaSeededTextbookEma(string series, int period)
    {
        double[] values = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        var ema = new ExponentialMovingAverage(period);
        var actual = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            ema.Update(values[i]);
            actual[i] = ema.Value;
            Assert.Equal(i >= period - 1, ema.IsReady);
        }

        SeriesAssert.Close(ReferenceIndicators.Ema(values, period), actual, IndicatorTolerance.Recurrence(values), series);
    }

    [Fact]
    public void Alpha_IsTwoOverPeriodPlusOne()
    {
        Assert.Equal(2.0 / 11.0, new ExponentialMovingAverage(10).Alpha);
    }

    [Fact]
    public void Reset_StartsOver()
    {
        var ema = new ExponentialMovingAverage(2);
        ema.Update(10);
        ema.Update(20);
        ema.Reset();
        Assert.False(ema.IsReady);
        ema.Update(1);
        ema.Update(3);
        Assert.Equal(2.0, ema.Value);
    }
}
