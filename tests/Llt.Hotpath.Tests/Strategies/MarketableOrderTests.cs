using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class MarketableOrderTests
{
    [Theory]
    [InlineData(Side.Buy, 102)]
    [InlineData(Side.Sell, 101)]
    public void AtTouch_TakesTheFarSide_ImmediateOrCancel(Side side, long price)
    {
        OrderRequest order = MarketableOrder.AtTouch(3, side, 50, bidPrice: 101, askPrice: 102);
        Assert.Equal(new OrderRequest(3, side, 50, price, OrdType.Limit, TimeInForce.ImmediateOrCancel), order);
    }

    [Theory]
    [InlineData(70, Side.Sell, 101)]
    [InlineData(-70, Side.Buy, 102)]
    public void Flatten_SendsThePositionTheOtherWay_ReduceOnly(long position, Side side, long price)
    {
        OrderRequest order = MarketableOrder.Flatten(3, position, bidPrice: 101, askPrice: 102);
        Assert.Equal(new OrderRequest(3, side, 70, price, OrdType.Limit, TimeInForce.ImmediateOrCancel, ExecInst.ReduceOnly), order);
    }
}
