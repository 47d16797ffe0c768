using Llt.Hotpath.Config;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class PositionSizerTests
{
    [Theory]
    [InlineData(Side.Buy, 0, 100)]
    [InlineData(Side.Buy, 100, 50)]   // room 50
    [InlineData(Side.Buy, 130, 0)]    // room 20: less than a lot
    [InlineData(Side.Buy, 150, 0)]    // at the cap
    [InlineData(Side.Buy, -150, 100)] // covering a short: room 300
    [InlineData(Side.Sell, 0, 100)]
    [InlineData(Side.Sell, -100, 50)]
    [InlineData(Side.Sell, 150, 100)]
    public void EntryQty_IsTheOrderSize_CutToTheRoomUnderTheCap_InWholeLots(Side side, long position, long expected)
    {
        using var fixture = new StrategyBuildingBlockFixture(maxPosition: 150, lotSize: 25);
        var sizer = new PositionSizer(fixture.Context, orderSize: 110);
        Assert.Equal(expected, Math.Max(0, sizer.EntryQty(0, side, position)));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(-1, -100)]
    [InlineData(0, 0)]
    public void TargetPosition_IsOneEntryFromFlat_InTheDirection(int direction, long expected)
    {
        using var fixture = new StrategyBuildingBlockFixture(maxPosition: 150, lotSize: 25);
        var sizer = new PositionSizer(fixture.Context, orderSize: 110);
        Assert.Equal(expected, sizer.TargetPosition(1, direction));
    }

    [Fact]
    public void TargetPosition_IsCappedAtTheMaxPosition()
    {
        using var fixture = new StrategyBuildingBlockFixture(maxPosition: 60, lotSize: 25);
        Assert.Equal(50, new PositionSizer(fixture.Context, orderSize: 110).TargetPosition(0, 1));
    }

    [Fact]
    public void CheckOrderSizeCoversLots_BelowALot_ThrowsNamingOrderSize()
    {
        using var fixture = new StrategyBuildingBlockFixture(lotSize: 100);
        new PositionSizer(fixture.Context, orderSize: 100).CheckOrderSizeCoversLots();
        ConfigException e = Assert.Throws<ConfigException>(() => new PositionSizer(fixture.Context, orderSize: 99).CheckOrderSizeCoversLots());
        Assert.Equal("strategies[0].parameters.order_size", e.Key);
        Assert.Equal("99 is below the lot size 100 of SYM0", e.Problem);
    }
}
