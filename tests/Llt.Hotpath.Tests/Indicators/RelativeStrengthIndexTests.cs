using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class RelativeStrengthIndexTests
{
    public static IEnumerable<object[]> Cases() => IndicatorTolerance.SeriesAndWindows();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_MatchesTextbookWilderRsi(string series, int period)
    {
        double[] values = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        var rsi = new RelativeStrengthIndex(period);
        var actual = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            rsi.Update(values[i]);
            actual[i] = rsi.Value;
            Assert.Equal(i >= period, rsi.IsReady);
        }

        // RSI is bounded 0..100; relative error of the averages carries over at most 100×
        SeriesAssert.Close(ReferenceIndicators.Rsi(values, period), actual, 1e-7, series);
    }

    [Fact]
    public void OnlyGains_Is100_OnlyLosses_Is0_Flat_Is50()
    {
        var up = new RelativeStrengthIndex(3);
        var down = new RelativeStrengthIndex(3);
        var flat = new RelativeStrengthIndex(3);
        for (int i = 0; i < 10; i++)
        {
            up.Update(i);
            down.Update(-i);
            flat.Update(7);
        }

        Assert.Equal(100.0, up.Value);
        Assert.Equal(0.0, down.Value);
        Assert.Equal(50.0, flat.Value);
    }
}
