using Llt.Hotpath.Config;
using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class IndicatorInputTests
{
    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(100_000_000L, 1.0)]
    [InlineData(-12_345_678_901L, -123.45678901)]
    [InlineData(1L, 1e-8)]
    [InlineData(10_000_000_000_000_000L, 100_000_000.0)]
    public void FromRaw_IsTheNearestDoubleToTheDecimalPrice(long raw, double expected)
    {
        Assert.Equal(expected, IndicatorInput.FromRaw(raw));
        Assert.Equal(FixedPoint.ToDouble(raw), IndicatorInput.FromRaw(raw));
    }

    [Fact]
    public void FromRaw_Span_MatchesScalar()
    {
        long[] raw = [1, -1, 123_456_789_012, long.MaxValue / 1000, 99_999_999];
        var output = new double[raw.Length];
        IndicatorInput.FromRaw(raw, output);
        for (int i = 0; i < raw.Length; i++)
        {
            Assert.Equal(IndicatorInput.FromRaw(raw[i]), output[i]);
        }
    }
}
