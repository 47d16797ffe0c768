using System.Globalization;
using CsCheck;
using Llt.Shell.Alpaca;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// <see cref="AlpacaNumbers"/>: a price that arrives as a binary float must become the fixed-point value of the
/// decimal a JSON encoder would have printed for it (its shortest round-trip text), fast path or not.
/// </summary>
public sealed class AlpacaNumbersTests
{
    private static long? ViaShortestText(double value) =>
        decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
            ? AlpacaNumbers.FixedPoint(exact)
            : null;

    [Fact]
    public void EveryPriceWithAtMost8Decimals_ComesBackExactly()
    {
        Gen.Long[-100_000_000_000_000_000, 100_000_000_000_000_000].Sample(raw =>
        {
            double value = double.Parse((raw / 100_000_000m).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

            Assert.Equal(ViaShortestText(value), AlpacaNumbers.FixedPoint(value));
            if (Math.Abs(raw) < 1_000_000_000_000_000)
            {
                Assert.Equal(raw, AlpacaNumbers.FixedPoint(value)); // 15 significant digits or fewer survive a double
            }
        });
    }

    [Fact]
    public void AnyDouble_AgreesWithItsShortestText()
    {
        Gen.Double.Sample(value => Assert.Equal(ViaShortestText(value), AlpacaNumbers.FixedPoint(value)));
        Gen.Double[-20_000_000, 20_000_000].Sample(value => Assert.Equal(ViaShortestText(value), AlpacaNumbers.FixedPoint(value)));
    }

    [Theory]
    [InlineData(126.55, 12_655_000_000L)]
    [InlineData(0.00000001, 1L)]
    [InlineData(-0.00000001, -1L)]
    [InlineData(12345678.12345678, 1_234_567_812_345_678L)]
    [InlineData(1.123456789, null)]
    [InlineData(1e27, null)]
    [InlineData(double.NaN, null)]
    [InlineData(double.PositiveInfinity, null)]
    public void Examples(double value, long? expected)
    {
        Assert.Equal(expected, AlpacaNumbers.FixedPoint(value));
    }

    [Theory]
    [InlineData("92233720368.54775807", 9_223_372_036_854_775_807L)]
    [InlineData("-92233720368.54775807", -9_223_372_036_854_775_807L)]
    [InlineData("92233720368.54775808", null)]
    [InlineData("79228162514264337593543950335", null)] // decimal.MaxValue: range is checked before scaling, nothing throws
    [InlineData("0.000000001", null)]
    public void Decimals_AreExactOrNull_NeverAnOverflow(string text, long? expected)
    {
        Assert.Equal(expected, AlpacaNumbers.FixedPoint(decimal.Parse(text, CultureInfo.InvariantCulture)));
    }
}
