using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("0ns", 0L)]
    [InlineData("250ns", 250L)]
    [InlineData("1us", 1_000L)]
    [InlineData("3µs", 3_000L)]
    [InlineData("5ms", 5_000_000L)]
    [InlineData(" 2 s ", 2_000_000_000L)]
    [InlineData("9223372036s", 9_223_372_036_000_000_000L)]
    public void TryParseNanos_Good(string text, long expectedNs)
    {
        Assert.True(DurationText.TryParseNanos(text, out long ns, out string? error), error);
        Assert.Equal(expectedNs, ns);
    }

    [Theory]
    [InlineData("", "whole number")]
    [InlineData("ms", "whole number")]
    [InlineData("10", "needs a unit")]
    [InlineData("10 min", "unknown unit \"min\"")]
    [InlineData("9223372037s", "too large")]
    public void TryParseNanos_Bad_SaysWhy(string text, string reason)
    {
        Assert.False(DurationText.TryParseNanos(text, out _, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, "0ns")]
    [InlineData(1_500L, "1500ns")]
    [InlineData(2_000L, "2us")]
    [InlineData(1_000_000L, "1ms")]
    [InlineData(60_000_000_000L, "60s")]
    public void FormatNanos_UsesTheLargestExactUnit(long ns, string expected)
    {
        Assert.Equal(expected, DurationText.FormatNanos(ns));
    }
}
