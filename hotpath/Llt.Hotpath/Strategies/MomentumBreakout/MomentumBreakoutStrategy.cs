using Llt.Hotpath.Config;
using Llt.Hotpath.Indicators;
using Llt.Sbe;

namespace Llt.Hotpath.Strategies.MomentumBreakout;

/// <summary>
/// Follows range breaks confirmed by volume, on trades: a trade above the high of the previous
/// <c>lookback_period</c> trades buys, one below their low sells (the range is read before the trade joins
/// it), but only when the average trade size over the last <c>volume_window</c> trades (this one included;
/// default: the lookback) is at least <c>volume_factor</c> × the average over the last <c>volume_lookback</c>
/// trades. A position is flattened when a trade retraces <c>trailing_stop</c> (a fraction) from the best
/// trade price since entry. Sizing, order style and the one-working-order rule are those of
/// <see cref="MeanReversion.MeanReversionStrategy"/>.
/// </summary>
/// <remarks>
/// <para>The unit is trades, not quotes or time: a breakout is a price that changed hands, and volume comes
/// only with trades. Quotes only supply the touch the orders are priced at (buy at the ask, sell at the bid,
/// immediate-or-cancel; the trade price when that side of the book is empty).</para>
/// </remarks>
public sealed class MomentumBreakoutStrategy : Strategy
{
    public const string TypeName = "momentum-breakout";

    private MomentumBreakoutParameters _parameters = null!;
    private MomentumBreakoutSlot[] _slots = [];
    private long _pendingTimeoutNs;
    private double _volumeFactor;
    private double _trailingStop;

    public MomentumBreakoutParameters Parameters => _parameters;

    /// <summary>Validates the parameters as the engine is built, so a bad one refuses to start it.</summary>
    protected override void OnAttached()
    {
        StrategyContext context = Context;
        _parameters = MomentumBreakoutParameters.Read(context.Config, context.StrategyId);
        _volumeFactor = _parameters.VolumeFactor;
        _trailingStop = _parameters.TrailingStop;
        _pendingTimeoutNs = _parameters.PendingTimeoutMs * 1_000_000;
        foreach (int id in context.InstrumentIds)
        {
            long lot = Math.Max(1, context.Instrument(id).LotSize);
            if (_parameters.OrderSize < lot)
            {
                throw new ConfigException($"strategies[{context.StrategyId}].parameters.order_size",
                    $"{_parameters.OrderSize} is below the lot size {lot} of {context.Symbol(id)}");
            }
        }
    }

    public override void OnStart()
    {
        StrategyContext context = Context;
        // indexed by instrument id: one bounds-checked load per tick, no id → slot map
        _slots = new MomentumBreakoutSlot[context.InstrumentCount];
        foreach (int id in context.InstrumentIds)
        {
            ref MomentumBreakoutSlot slot = ref _slots[id];
            slot.Range = new RollingHighLow(_parameters.LookbackPeriod);
            slot.RecentVolume = new RollingVolumeAverage(_parameters.VolumeWindow);
            slot.BaselineVolume = new RollingVolumeAverage(_parameters.VolumeLookback);
            long lot = Math.Max(1, context.Instrument(id).LotSize);
            slot.OrderQty = _parameters.OrderSize - _parameters.OrderSize % lot;
        }
    }

    public override void OnTrade(in TradeTick trade)
    {
        int id = trade.InstrumentId;
        ref MomentumBreakoutSlot slot = ref _slots[id];
        double price = IndicatorInput.FromRaw(trade.Price);
        // the range before this trade joins it: a break of the prior N trades, not of a window holding itself
        bool rangeReady = slot.Range.IsReady;
        double priorHigh = slot.Range.High;
        double priorLow = slot.Range.Low;
        slot.Range.Update(price);
        slot.RecentVolume.Update(trade.Size);
        slot.BaselineVolume.Update(trade.Size);

        long position = Context.Position(id);
        if (position != 0)
        {
            Trail(ref slot, position, trade.Price);
        }

        if (slot.PendingClOrdId != 0)
        {
            if (trade.ReceiveTs - slot.PendingSinceNs < _pendingTimeoutNs)
            {
                return;
            }

            Expire(ref slot, id);
        }

        if (position != 0 && (position > 0 ? trade.Price <= slot.StopPrice : trade.Price >= slot.StopPrice))
        {
            Flatten(ref slot, id, position, trade);
            return;
        }

        if (!rangeReady || !slot.BaselineVolume.IsReady || !slot.RecentVolume.IsReady
            || slot.RecentVolume.Value < _volumeFactor * slot.BaselineVolume.Value)
        {
            return;
        }

        ref readonly var instrument = ref Context.Instrument(id);
        if (price > priorHigh)
        {
            long ask = instrument.AskPrice > 0 ? instrument.AskPrice : trade.Price;
            Enter(ref slot, id, Side.Buy, Context.Config.MaxPosition - position, ask, trade.ReceiveTs);
        }
        else if (price < priorLow)
        {
            long bid = instrument.BidPrice > 0 ? instrument.BidPrice : trade.Price;
            Enter(ref slot, id, Side.Sell, Context.Config.MaxPosition + position, bid, trade.ReceiveTs);
        }
    }

    public override void OnFill(in Fill fill)
    {
        ref MomentumBreakoutSlot slot = ref _slots[fill.InstrumentId];
        if (fill.ClOrdId == slot.PendingClOrdId)
        {
            slot.PendingQty -= fill.Qty;
            if (slot.PendingQty <= 0)
            {
                slot.PendingClOrdId = 0;
            }
        }

        long after = Context.Position(fill.InstrumentId);
        long before = after - (fill.Side == Side.Buy ? fill.Qty : -fill.Qty);
        if (after == 0)
        {
            slot.BestPrice = 0;
        }
        else if (before == 0 || (before > 0) != (after > 0))
        {
            // a new position (or a flip): the trail starts from where it was entered
            slot.BestPrice = fill.Price;
            SetStop(ref slot, after);
        }
        else
        {
            Trail(ref slot, after, fill.Price);
        }
    }

    public override void OnOrderClosed(long clOrdId, bool rejected)
    {
        foreach (int id in Context.InstrumentIds)
        {
            if (_slots[id].PendingClOrdId == clOrdId)
            {
                _slots[id].PendingClOrdId = 0;
                return;
            }
        }
    }

    public override void OnTimer(long nowNs)
    {
        foreach (int id in Context.InstrumentIds)
        {
            ref MomentumBreakoutSlot slot = ref _slots[id];
            if (slot.PendingClOrdId != 0 && nowNs - slot.PendingSinceNs >= _pendingTimeoutNs)
            {
                Expire(ref slot, id);
            }
        }
    }

    private void Trail(ref MomentumBreakoutSlot slot, long position, long price)
    {
        if (position > 0 ? price > slot.BestPrice : price < slot.BestPrice)
        {
            slot.BestPrice = price;
            SetStop(ref slot, position);
        }
    }

    private void SetStop(ref MomentumBreakoutSlot slot, long position)
    {
        if (_trailingStop == 0)
        {
            slot.StopPrice = position > 0 ? long.MinValue : long.MaxValue;
            return;
        }

        // rounded to the raw unit so 1% off 110.00 is exactly 108.90, not 108.89999999 from 0.99's binary form
        double factor = position > 0 ? 1 - _trailingStop : 1 + _trailingStop;
        slot.StopPrice = (long)Math.Round(slot.BestPrice * factor);
    }

    private void Enter(ref MomentumBreakoutSlot slot, int id, Side side, long room, long price, long nowNs)
    {
        long lot = Math.Max(1, Context.Instrument(id).LotSize);
        long qty = Math.Min(slot.OrderQty, room);
        qty -= qty % lot;
        if (qty <= 0)
        {
            return; // at the cap
        }

        Track(ref slot, Context.Submit(OrderRequest.Limit(id, side, qty, price, TimeInForce.ImmediateOrCancel)), qty, nowNs);
    }

    private void Flatten(ref MomentumBreakoutSlot slot, int id, long position, in TradeTick trade)
    {
        ref readonly var instrument = ref Context.Instrument(id);
        Side side = position > 0 ? Side.Sell : Side.Buy;
        long touch = position > 0 ? instrument.BidPrice : instrument.AskPrice;
        long price = touch > 0 ? touch : trade.Price;
        long qty = Math.Abs(position);
        var request = new OrderRequest(id, side, qty, price, OrdType.Limit, TimeInForce.ImmediateOrCancel, ExecInst.ReduceOnly);
        Track(ref slot, Context.Submit(request), qty, trade.ReceiveTs);
    }

    private static void Track(ref MomentumBreakoutSlot slot, long clOrdId, long qty, long nowNs)
    {
        if (clOrdId < 0)
        {
            return; // this tick's intent slots are full (counted by the context): try again next tick
        }

        slot.PendingClOrdId = clOrdId;
        slot.PendingQty = qty;
        slot.PendingSinceNs = nowNs;
    }

    private void Expire(ref MomentumBreakoutSlot slot, int id)
    {
        // an IOC order unanswered this long is a lost response, not a resting order: ask once, move on
        Context.Cancel(slot.PendingClOrdId, id);
        slot.PendingClOrdId = 0;
    }
}
