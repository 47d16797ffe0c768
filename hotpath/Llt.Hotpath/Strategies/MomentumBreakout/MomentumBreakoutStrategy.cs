using Llt.Hotpath.Indicators;
using Llt.Hotpath.MarketData;
using Llt.Sbe;

namespace Llt.Hotpath.Strategies.MomentumBreakout;

/// <summary>
/// Follows range breaks confirmed by volume, on trades: a trade above the high of the previous
/// <c>lookback_period</c> trades buys, one below their low sells (the range is read before the trade joins
/// it), but only when the average trade size over the last <c>volume_window</c> trades (this one included;
/// default: the lookback) is at least <c>volume_factor</c> × the average over the last <c>volume_lookback</c>
/// trades. A position is flattened when a trade retraces <c>trailing_stop</c> (a fraction) from the best
/// trade price since entry. Sizing (<see cref="PositionSizer"/>), order style (<see cref="MarketableOrder"/>) and
/// the one-working-order rule (<see cref="PendingOrderTracker"/>) are those of
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
    private PositionSizer _sizer = null!;
    private PendingOrderTracker _pending = null!;
    private MomentumBreakoutSlot[] _slots = [];
    private long[] _positions = [];
    private InstrumentTable _instruments = null!;
    private double _volumeFactor;
    private double _trailingStop;

    public MomentumBreakoutParameters Parameters => _parameters;

    /// <summary>Only trades: quotes are read from the instrument's top of book when an order is priced.</summary>
    public override StrategyEvents Events => StrategyEvents.Trades;

    /// <summary>Validates the parameters as the engine is built, so a bad one refuses to start it.</summary>
    protected override void OnAttached()
    {
        StrategyContext context = Context;
        _parameters = MomentumBreakoutParameters.Read(context.Config, context.StrategyId);
        _volumeFactor = _parameters.VolumeFactor;
        _trailingStop = _parameters.TrailingStop;
        _sizer = new PositionSizer(context, _parameters.OrderSize);
        _sizer.CheckOrderSizeCoversLots();
    }

    public override void OnStart()
    {
        StrategyContext context = Context;
        _pending = new PendingOrderTracker(context, _parameters.PendingTimeoutMs * 1_000_000);
        _positions = context.Positions;
        _instruments = context.Instruments;
        // indexed by instrument id, indicators inline: one bounds-checked load per tick reaches all of the
        // instrument's state, and one more each indicator's values
        _slots = new MomentumBreakoutSlot[context.InstrumentCount];
        foreach (int id in context.InstrumentIds)
        {
            ref MomentumBreakoutSlot slot = ref _slots[id];
            slot.Range = new RollingExtremes(_parameters.LookbackPeriod);
            slot.RecentVolume = new RollingMean(_parameters.VolumeWindow);
            slot.BaselineVolume = new RollingMean(_parameters.VolumeLookback);
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

        long position = _positions[id];
        if (position != 0)
        {
            Trail(ref slot, position, trade.Price);
        }

        if (_pending.IsPending(id, trade.ReceiveTs))
        {
            return;
        }

        // the touch orders are priced at; the trade price when that side of the book is empty
        ref readonly var instrument = ref _instruments[id];
        long bid = instrument.BidPrice > 0 ? instrument.BidPrice : trade.Price;
        long ask = instrument.AskPrice > 0 ? instrument.AskPrice : trade.Price;
        if (position != 0 && (position > 0 ? trade.Price <= slot.StopPrice : trade.Price >= slot.StopPrice))
        {
            _pending.Submit(MarketableOrder.Flatten(id, position, bid, ask), trade.ReceiveTs);
            return;
        }

        // the break first: most trades stay inside the range, and then the volumes need not be read
        bool up = price > priorHigh;
        if (!rangeReady || !(up || price < priorLow) || !slot.BaselineVolume.IsReady || !slot.RecentVolume.IsReady
            || slot.RecentVolume.Value < _volumeFactor * slot.BaselineVolume.Value)
        {
            return;
        }

        Enter(id, up ? Side.Buy : Side.Sell, position, bid, ask, trade.ReceiveTs);
    }

    public override void OnFill(in Fill fill)
    {
        _pending.OnFill(fill);
        var change = PositionChange.Of(fill, Context.Position(fill.InstrumentId));
        ref MomentumBreakoutSlot slot = ref _slots[fill.InstrumentId];
        if (change.IsClosed)
        {
            slot.BestPrice = 0;
        }
        else if (change.IsOpened)
        {
            // a new position (or a flip): the trail starts from where it was entered
            slot.BestPrice = fill.Price;
            SetStop(ref slot, change.After);
        }
        else
        {
            Trail(ref slot, change.After, fill.Price);
        }
    }

    public override void OnOrderClosed(long clOrdId, bool rejected) => _pending.OnOrderClosed(clOrdId);

    public override void OnTimer(long nowNs) => _pending.OnTimer(nowNs);

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

    private void Enter(int id, Side side, long position, long bid, long ask, long nowNs)
    {
        long qty = _sizer.EntryQty(id, side, position);
        if (qty > 0)
        {
            _pending.Submit(MarketableOrder.AtTouch(id, side, qty, bid, ask), nowNs);
        }
    }
}
