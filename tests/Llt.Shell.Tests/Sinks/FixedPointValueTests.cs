using Llt.Shell.Sinks;

namespace Llt.Shell.Tests.Sinks;

public sealed class FixedPointValueTests
{
    [Theory]
    [InlineData(19_001_000_000L, "190.01000000")]
    [InlineData(-1L, "-0.00000001")]
    [InlineData(0L, "0.00000000")]
    [InlineData(-25_000L, "-0.00025000")]
    [InlineData(long.MaxValue, "92233720368.54775807")]
    [InlineData(long.MinValue, "-92233720368.54775808")]
    public void Stores_see_the_exact_price_with_all_eight_digits(long raw, string text)
    {
        Assert.Equal(text, FixedPointValue.ToText(raw));
        Assert.Equal(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), FixedPointValue.ToDecimal(raw));
    }
}
