using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class AverageEntryPriceTests
{
    [Theory]
    [InlineData(Side.Buy, 30, 130, 100, false, false)] // adding to a long
    [InlineData(Side.Sell, 30, 70, 100, false, false)] // reducing it
    [InlineData(Side.Sell, 100, 0, 100, true, false)]  // closing it
    [InlineData(Side.Buy, 100, 100, 0, false, true)]   // opening from flat
    [InlineData(Side.Sell, 150, -50, 100, false, true)] // flipping through zero
    public void PositionChange_Of_ReconstructsTheBefore_AndClassifies(Side side, long qty, long after, long before, bool closed, bool opened)
    {
        var change = PositionChange.Of(new Fill(1, 0, side, 100, qty, 0, 0), after);
        Assert.Equal(before, change.Before);
        Assert.Equal(after, change.After);
        Assert.Equal(closed, change.IsClosed);
        Assert.Equal(opened, change.IsOpened);
    }

    [Theory]
    [InlineData(0, 0, 100, 100, 100)]     // opened: the fill price
    [InlineData(100, 100, 200, 102, 101)] // added: re-weighted
    [InlineData(100, 100, 300, 101, 101)] // 100 × 1 + 101 × 2 = 302 / 3 = 100.67 → rounds to 101
    [InlineData(100, 200, 50, 90, 100)]   // reduced: kept
    [InlineData(100, 100, -40, 90, 90)]   // flipped: the fill price
    [InlineData(100, 100, 0, 90, 0)]      // closed: 0
    [InlineData(100, -100, -200, 98, 99)] // added to a short
    public void AfterFill_ReweightsEntries_KeepsOnReductions_RestartsOnOpenOrFlip(long average, long before, long after, long price, long expected)
    {
        Assert.Equal(expected, AverageEntryPrice.AfterFill(average, new PositionChange(before, after), price));
    }

    [Fact]
    public void AfterFill_DoesNotOverflow_OnLargeNotionals()
    {
        long price = 1_000_000 * 100_000_000L; // 1,000,000.00000000
        Assert.Equal(price, AverageEntryPrice.AfterFill(price, new PositionChange(1_000_000, 2_000_000), price));
    }
}
