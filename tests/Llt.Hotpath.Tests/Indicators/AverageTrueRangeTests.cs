using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class AverageTrueRangeTests
{
    public static IEnumerable<object[]> Cases() => IndicatorTolerance.SeriesAndWindows();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_MatchesWilderAtrOfBars(string series, int period)
    {
        double[] closes = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        double[] highs = closes.Select((c, i) => c + 0.5 * (i % 3)).ToArray();
        double[] lows = closes.Select((c, i) => c - 0.25 * (i % 4)).ToArray();
        var atr = new AverageTrueRange(period);
        var actual = new double[closes.Length];
        for (int i = 0; i < closes.Length; i++)
        {
            atr.Update(highs[i], lows[i], closes[i]);
            actual[i] = atr.Value;
            Assert.Equal(i >= period - 1, atr.IsReady);
        }

        SeriesAssert.Close(ReferenceIndicators.Atr(highs, lows, closes, period), actual, IndicatorTolerance.Recurrence(closes), series);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void UpdateClose_TreatsEachTickAsABar(string series, int period)
    {
        double[] closes = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        var atr = new AverageTrueRange(period);
        var actual = new double[closes.Length];
        for (int i = 0; i < closes.Length; i++)
        {
            atr.UpdateClose(closes[i]);
            actual[i] = atr.Value;
        }

        SeriesAssert.Close(ReferenceIndicators.Atr(closes, closes, closes, period), actual, IndicatorTolerance.Recurrence(closes), series);
    }

    [Fact]
    public void TrueRange_UsesPreviousCloseGap()
    {
        var atr = new AverageTrueRange(1);
        atr.Update(high: 11, low: 9, close: 10);
        Assert.Equal(2.0, atr.TrueRange);
        // gap up: the range from the previous close to the high counts
        atr.Update(high: 15, low: 14, close: 14.5);
        Assert.Equal(5.0, atr.TrueRange);
        Assert.Equal(5.0, atr.Value);
    }
}
