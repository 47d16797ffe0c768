using Llt.Sbe;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// What a strategy asks for. <see cref="Price"/> is fixed-point 10^-8 and ignored for market orders
/// (use <see cref="NoPrice"/>). Quantity in whole units, a multiple of the instrument's lot size.
/// </summary>
public readonly record struct OrderRequest(
    int InstrumentId, Side Side, long Qty, long Price, OrdType OrdType = OrdType.Limit,
    TimeInForce TimeInForce = TimeInForce.Day, ExecInst ExecInst = ExecInst.None)
{
    public const long NoPrice = long.MinValue;

    public static OrderRequest Market(int instrumentId, Side side, long qty) =>
        new(instrumentId, side, qty, NoPrice, OrdType.Market, TimeInForce.ImmediateOrCancel);

    public static OrderRequest Limit(int instrumentId, Side side, long qty, long price, TimeInForce timeInForce = TimeInForce.Day) =>
        new(instrumentId, side, qty, price, OrdType.Limit, timeInForce);
}
