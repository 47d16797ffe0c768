using Llt.Hotpath.Risk;

namespace Llt.Hotpath.Tests.Risk;

public sealed class HistoricalVarTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(250)]
    [InlineData(1001)]
    public void SortAscending_OrdersLikeArraySort_WithDuplicatesNegativesInfinitiesAndNaN(int count)
    {
        var random = new Random(count + 17);
        for (int round = 0; round < 20; round++)
        {
            double[] values = new double[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = random.Next(12) switch
                {
                    0 => double.NaN,
                    1 => double.NegativeInfinity,
                    2 => double.PositiveInfinity,
                    3 => 0.0,
                    4 => -0.0,
                    5 => 42.5, // duplicates
                    _ => (random.NextDouble() - 0.5) * 1e6,
                };
            }

            double[] expected = (double[])values.Clone();
            Array.Sort(expected);

            HistoricalVar.SortAscending(values);

            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits).Select(b => b == BitConverter.DoubleToInt64Bits(-0.0) ? 0 : b), values.Select(BitConverter.DoubleToInt64Bits).Select(b => b == BitConverter.DoubleToInt64Bits(-0.0) ? 0 : b));
        }
    }

    [Fact]
    public void Compute_ReturnsTheLossAtEachQuantile_OfTheSortedLosses()
    {
        // P&L -1..-100: losses 1..100; the 95% quantile of 100 ascending losses is the 95th, the 99% the 99th
        double[] pnl = Enumerable.Range(1, 100).Select(i => (double)-i).Reverse().ToArray();
        new Random(3).Shuffle(pnl);

        (double var95, double var99) = HistoricalVar.Compute(pnl);

        Assert.Equal((95.0, 99.0), (var95, var99));
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (double)i), pnl);
    }
}
