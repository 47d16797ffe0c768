using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class RollingHighLowTests
{
    public static IEnumerable<object[]> Cases() => IndicatorTolerance.SeriesAndWindows();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_MatchesMaxAndMinOfRawWindowExactly(string series, int window)
    {
        double[] values = TestSeries.Create(series, IndicatorTolerance.SeriesLength);
        var highLow = new RollingHighLow(window);
        var highs = new double[values.Length];
        var lows = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            highLow.Update(values[i]);
            highs[i] = highLow.High;
            lows[i] = highLow.Low;
        }

        SeriesAssert.Close(ReferenceIndicators.RollingMax(values, window), highs, 0.0, series + "/high");
        SeriesAssert.Close(ReferenceIndicators.RollingMin(values, window), lows, 0.0, series + "/low");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(13)]
    public void Bars_TrackHighsAndLowsSeparately(int window)
    {
        double[] mid = TestSeries.Random(500, seed: 11, center: 100, scale: 5);
        double[] highs = mid.Select((m, i) => m + 0.1 * (i % 7)).ToArray();
        double[] lows = mid.Select((m, i) => m - 0.1 * (i % 5)).ToArray();
        var highLow = new RollingHighLow(window);
        double[] expectedHigh = ReferenceIndicators.RollingMax(highs, window);
        double[] expectedLow = ReferenceIndicators.RollingMin(lows, window);
        for (int i = 0; i < mid.Length; i++)
        {
            highLow.Update(highs[i], lows[i]);
            SeriesAssert.Close(expectedHigh[i], highLow.High, 0.0, "high", i);
            SeriesAssert.Close(expectedLow[i], highLow.Low, 0.0, "low", i);
        }
    }

    [Fact]
    public void DescendingThenJump_PopsTheWholeDeque()
    {
        // a long descending run fills the high deque; one big value must replace all of it
        var highLow = new RollingHighLow(16);
        for (int i = 0; i < 16; i++)
        {
            highLow.Update(100 - i);
        }

        Assert.Equal(100.0, highLow.High);
        highLow.Update(1000);
        Assert.Equal(1000.0, highLow.High);
        Assert.Equal(85.0, highLow.Low);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData((1 << 29) + 1)]
    public void Window_OutOfRange_IsRefusedBeforeAllocating(int window)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHighLow(window));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingExtremes(window));
    }
}
