using System.Runtime.CompilerServices;
using Llt.Sbe;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// What a strategy asks for. <see cref="Price"/> is fixed-point 10^-8 and ignored for market, stop and trailing-stop
/// orders (use <see cref="NoPrice"/>). Quantity in whole units, a multiple of the instrument's lot size.
/// <para>
/// Stop orders (docs/VENUES.md, "Stop and trailing-stop orders") wait at the venue untriggered: a
/// <see cref="OrdType.Stop"/> becomes a market order and a <see cref="OrdType.StopLimit"/> a limit order at
/// <see cref="Price"/> once the market trades at or through <see cref="StopPrice"/> (up for a buy, down for a sell).
/// A <see cref="OrdType.TrailingStop"/> has no fixed stop: it follows the best price since entry (highest for a
/// sell, lowest for a buy) at a distance of <see cref="TrailPrice"/> (a price offset) or <see cref="TrailBps"/>
/// (basis points of that price) — exactly one of the two, the other 0.
/// </para>
/// </summary>
public readonly record struct OrderRequest(
    int InstrumentId, Side Side, long Qty, long Price, OrdType OrdType = OrdType.Limit,
    TimeInForce TimeInForce = TimeInForce.Day, ExecInst ExecInst = ExecInst.None,
    long StopPrice = OrderRequest.NoPrice, long TrailPrice = 0, int TrailBps = 0)
{
    public const long NoPrice = long.MinValue;

    /// <summary>Basis points in 100%: a trail in basis points is below this.</summary>
    public const int BpsPerUnit = 10_000;

    /// <summary>True for the order types that wait for a trigger (stop, stop-limit, trailing stop).</summary>
    public bool IsContingent
    {
        // Native AOT has no profile to tell it this one-compare getter is hot
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => OrdType is OrdType.Stop or OrdType.StopLimit or OrdType.TrailingStop;
    }

    public static OrderRequest Market(int instrumentId, Side side, long qty) =>
        new(instrumentId, side, qty, NoPrice, OrdType.Market, TimeInForce.ImmediateOrCancel);

    public static OrderRequest Limit(int instrumentId, Side side, long qty, long price, TimeInForce timeInForce = TimeInForce.Day) =>
        new(instrumentId, side, qty, price, OrdType.Limit, timeInForce);

    /// <summary>A market order once the market trades at or through <paramref name="stopPrice"/> (a buy: at or above; a sell: at or below).</summary>
    public static OrderRequest Stop(int instrumentId, Side side, long qty, long stopPrice, TimeInForce timeInForce = TimeInForce.Day) =>
        new(instrumentId, side, qty, NoPrice, OrdType.Stop, timeInForce, ExecInst.None, stopPrice);

    /// <summary>A limit order at <paramref name="limitPrice"/> once the market trades at or through <paramref name="stopPrice"/>.</summary>
    public static OrderRequest StopLimit(int instrumentId, Side side, long qty, long stopPrice, long limitPrice, TimeInForce timeInForce = TimeInForce.Day) =>
        new(instrumentId, side, qty, limitPrice, OrdType.StopLimit, timeInForce, ExecInst.None, stopPrice);

    /// <summary>
    /// A stop that trails the best price since entry by <paramref name="trailPrice"/> (fixed-point 10^-8): a sell
    /// triggers at high-water − trail, a buy at low-water + trail; then it is a market order.
    /// </summary>
    public static OrderRequest TrailingStop(int instrumentId, Side side, long qty, long trailPrice, TimeInForce timeInForce = TimeInForce.Day) =>
        new(instrumentId, side, qty, NoPrice, OrdType.TrailingStop, timeInForce, ExecInst.None, NoPrice, trailPrice);

    /// <summary>A trailing stop whose trail is <paramref name="trailBps"/> basis points of the best price since entry (100 = 1%).</summary>
    public static OrderRequest TrailingStopBps(int instrumentId, Side side, long qty, int trailBps, TimeInForce timeInForce = TimeInForce.Day) =>
        new(instrumentId, side, qty, NoPrice, OrdType.TrailingStop, timeInForce, ExecInst.None, NoPrice, 0, trailBps);
}
