using Llt.Hotpath.Config;
using Llt.Hotpath.Indicators;
using Llt.Sbe;

namespace Llt.Hotpath.Strategies.MeanReversion;

/// <summary>
/// Fades stretched prices: per instrument, the z-score of the quote mid against its rolling mean over
/// <c>lookback_period</c> mids (population σ, the current mid included, <see cref="RollingZScore"/>).
/// z ≤ −threshold buys, z ≥ +threshold sells, <c>order_size</c> rounded down to the lot and capped so the
/// position stays within the strategy's <see cref="StrategyConfig.MaxPosition"/>. A position is flattened
/// when the mid reaches the stop loss or take profit (fractions of the average entry price) or, with
/// <c>exit_on_mean</c>, when z reaches or crosses 0 against it.
/// </summary>
/// <remarks>
/// <para>Only quotes feed the z-score: the mid is the price the strategy can act on at the touch, and
/// mixing trade prints into the same window would count one move twice and make the window's length
/// depend on the trade rate. Trades are ignored.</para>
/// <para>Orders are marketable limits at the touch (buy at the ask, sell at the bid), immediate-or-cancel:
/// they take what is displayed and never rest, so a signal that has passed cannot fill later. Exits carry
/// <see cref="ExecInst.ReduceOnly"/>. One working order per instrument: while it is unanswered the strategy
/// neither enters nor exits on that instrument. It is forgotten on its last fill, on
/// <see cref="Strategy.OnOrderClosed"/>, or after <c>pending_timeout_ms</c> (checked on the next quote's
/// receive time and on the timer), when a cancel is sent for it.</para>
/// </remarks>
public sealed class MeanReversionStrategy : Strategy
{
    public const string TypeName = "mean-reversion";

    private MeanReversionParameters _parameters = null!;
    private RollingZScore[] _zScores = [];
    private MeanReversionSlot[] _slots = [];
    private long _pendingTimeoutNs;
    private double _threshold;
    private bool _exitOnMean;

    public MeanReversionParameters Parameters => _parameters;

    /// <summary>Validates the parameters as the engine is built, so a bad one refuses to start it.</summary>
    protected override void OnAttached()
    {
        StrategyContext context = Context;
        _parameters = MeanReversionParameters.Read(context.Config, context.StrategyId);
        _threshold = _parameters.Threshold;
        _exitOnMean = _parameters.ExitOnMean;
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
        _zScores = new RollingZScore[context.InstrumentCount];
        _slots = new MeanReversionSlot[context.InstrumentCount];
        foreach (int id in context.InstrumentIds)
        {
            ref readonly var instrument = ref context.Instrument(id);
            // σ below a tenth of a tick is rounding left by a jump that has left the window, not volatility
            _zScores[id] = new RollingZScore(_parameters.LookbackPeriod, VarianceKind.Population, IndicatorInput.FromRaw(instrument.TickSize) / 10);
            long lot = Math.Max(1, instrument.LotSize);
            _slots[id].OrderQty = _parameters.OrderSize - _parameters.OrderSize % lot;
        }
    }

    public override void OnQuote(in QuoteTick quote)
    {
        if (quote.BidPrice <= 0 || quote.AskPrice < quote.BidPrice)
        {
            return; // one-sided or crossed: no mid to measure, no touch to trade at
        }

        int id = quote.InstrumentId;
        long mid = quote.Mid;
        RollingZScore zScore = _zScores[id];
        zScore.Update(IndicatorInput.FromRaw(mid));
        ref MeanReversionSlot slot = ref _slots[id];
        if (slot.PendingClOrdId != 0)
        {
            if (quote.ReceiveTs - slot.PendingSinceNs < _pendingTimeoutNs)
            {
                return;
            }

            Expire(ref slot, id);
        }

        if (!zScore.IsReady)
        {
            return;
        }

        double z = zScore.Value;
        long position = Context.Position(id);
        if (position != 0)
        {
            bool exit = mid <= slot.ExitAtOrBelow || mid >= slot.ExitAtOrAbove
                || (_exitOnMean && (position > 0 ? z >= 0 : z <= 0));
            if (exit)
            {
                Flatten(ref slot, id, position, quote);
                return;
            }
        }

        if (z <= -_threshold)
        {
            Enter(ref slot, id, Side.Buy, Context.Config.MaxPosition - position, quote.AskPrice, quote.ReceiveTs);
        }
        else if (z >= _threshold)
        {
            Enter(ref slot, id, Side.Sell, Context.Config.MaxPosition + position, quote.BidPrice, quote.ReceiveTs);
        }
    }

    public override void OnFill(in Fill fill)
    {
        ref MeanReversionSlot slot = ref _slots[fill.InstrumentId];
        if (fill.ClOrdId == slot.PendingClOrdId)
        {
            slot.PendingQty -= fill.Qty;
            if (slot.PendingQty <= 0)
            {
                slot.PendingClOrdId = 0;
            }
        }

        // fills of timed-out orders land here too: the position is the engine's, the average must follow it
        long after = Context.Position(fill.InstrumentId);
        long before = after - (fill.Side == Side.Buy ? fill.Qty : -fill.Qty);
        slot.AverageEntryPrice = AverageEntryPrice(slot.AverageEntryPrice, before, after, fill.Price);
        SetExitLevels(ref slot, after);
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
            ref MeanReversionSlot slot = ref _slots[id];
            if (slot.PendingClOrdId != 0 && nowNs - slot.PendingSinceNs >= _pendingTimeoutNs)
            {
                Expire(ref slot, id);
            }
        }
    }

    /// <summary>
    /// The average entry price after a fill took the position from <paramref name="before"/> to
    /// <paramref name="after"/>: entries re-weight it, reductions keep it, a flip starts again at the fill.
    /// </summary>
    private static long AverageEntryPrice(long average, long before, long after, long price)
    {
        if (after == 0)
        {
            return 0;
        }

        if (before == 0 || (before > 0) != (after > 0))
        {
            return price;
        }

        long held = Math.Abs(before);
        long now = Math.Abs(after);
        if (now <= held)
        {
            return average;
        }

        // Int128: price × quantity overflows a long beyond ~9·10^10 money units
        Int128 notional = (Int128)average * held + (Int128)price * (now - held);
        return (long)((notional + now / 2) / now);
    }

    private void SetExitLevels(ref MeanReversionSlot slot, long position)
    {
        double average = slot.AverageEntryPrice;
        double stopLoss = _parameters.StopLoss;
        double takeProfit = _parameters.TakeProfit;
        // rounded to the raw unit so a level of exactly 98.00 is 98.00, not 97.99999999 from 0.98's binary form
        long below = long.MinValue;
        long above = long.MaxValue;
        if (position > 0)
        {
            below = stopLoss > 0 ? (long)Math.Round(average * (1 - stopLoss)) : long.MinValue;
            above = takeProfit > 0 ? (long)Math.Round(average * (1 + takeProfit)) : long.MaxValue;
        }
        else if (position < 0)
        {
            below = takeProfit > 0 ? (long)Math.Round(average * (1 - takeProfit)) : long.MinValue;
            above = stopLoss > 0 ? (long)Math.Round(average * (1 + stopLoss)) : long.MaxValue;
        }

        slot.ExitAtOrBelow = below;
        slot.ExitAtOrAbove = above;
    }

    private void Enter(ref MeanReversionSlot slot, int id, Side side, long room, long price, long nowNs)
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

    private void Flatten(ref MeanReversionSlot slot, int id, long position, in QuoteTick quote)
    {
        Side side = position > 0 ? Side.Sell : Side.Buy;
        long price = position > 0 ? quote.BidPrice : quote.AskPrice;
        long qty = Math.Abs(position);
        var request = new OrderRequest(id, side, qty, price, OrdType.Limit, TimeInForce.ImmediateOrCancel, ExecInst.ReduceOnly);
        Track(ref slot, Context.Submit(request), qty, quote.ReceiveTs);
    }

    private static void Track(ref MeanReversionSlot slot, long clOrdId, long qty, long nowNs)
    {
        if (clOrdId < 0)
        {
            return; // this tick's intent slots are full (counted by the context): try again next tick
        }

        slot.PendingClOrdId = clOrdId;
        slot.PendingQty = qty;
        slot.PendingSinceNs = nowNs;
    }

    private void Expire(ref MeanReversionSlot slot, int id)
    {
        // an IOC order unanswered this long is a lost response, not a resting order: ask once, move on
        Context.Cancel(slot.PendingClOrdId, id);
        slot.PendingClOrdId = 0;
    }
}
