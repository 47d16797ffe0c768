using Llt.Sbe;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// Marketable limit orders at the touch, immediate-or-cancel: a buy at the ask, a sell at the bid. They take what
/// is displayed and never rest, so a signal that has passed cannot fill later.
/// </summary>
public static class MarketableOrder
{
    /// <summary><paramref name="qty"/> to <paramref name="side"/> at the far touch.</summary>
    public static OrderRequest AtTouch(int instrumentId, Side side, long qty, long bidPrice, long askPrice) =>
        OrderRequest.Limit(instrumentId, side, qty, side == Side.Buy ? askPrice : bidPrice, TimeInForce.ImmediateOrCancel);

    /// <summary>The whole of <paramref name="position"/> (non-zero) the other way at the touch, <see cref="ExecInst.ReduceOnly"/>.</summary>
    public static OrderRequest Flatten(int instrumentId, long position, long bidPrice, long askPrice)
    {
        Side side = position > 0 ? Side.Sell : Side.Buy;
        long price = position > 0 ? bidPrice : askPrice;
        return new OrderRequest(instrumentId, side, Math.Abs(position), price, OrdType.Limit, TimeInForce.ImmediateOrCancel, ExecInst.ReduceOnly);
    }
}
