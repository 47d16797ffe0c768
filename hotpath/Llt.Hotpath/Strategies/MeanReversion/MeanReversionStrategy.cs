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
/// <see cref="ExecInst.ReduceOnly"/> (<see cref="MarketableOrder"/>). One working order per instrument
/// (<see cref="PendingOrderTracker"/>): while it is unanswered the strategy neither enters nor exits on that
/// instrument. It is forgotten on its last fill, on <see cref="Strategy.OnOrderClosed"/>, or after
/// <c>pending_timeout_ms</c> (checked on the next quote's receive time and on the timer), when a cancel is sent
/// for it.</para>
/// </remarks>
public sealed class MeanReversionStrategy : Strategy
{
    public const string TypeName = "mean-reversion";

    private MeanReversionParameters _parameters = null!;
    private PositionSizer _sizer = null!;
    private PendingOrderTracker _pending = null!;
    private MeanReversionSlot[] _slots = [];
    private long[] _positions = [];
    private double _threshold;
    // (1 − 10^-9)·threshold²: see OnQuote
    private double _entryBound;
    private bool _exitOnMean;

    public MeanReversionParameters Parameters => _parameters;

    /// <summary>Only quotes: trades are ignored (see the remarks).</summary>
    public override StrategyEvents Events => StrategyEvents.Quotes;

    /// <summary>Validates the parameters as the engine is built, so a bad one refuses to start it.</summary>
    protected override void OnAttached()
    {
        StrategyContext context = Context;
        _parameters = MeanReversionParameters.Read(context.Config, context.StrategyId);
        _threshold = _parameters.Threshold;
        _entryBound = _threshold * _threshold * (1 - 1e-9);
        _exitOnMean = _parameters.ExitOnMean;
        _sizer = new PositionSizer(context, _parameters.OrderSize);
        _sizer.CheckOrderSizeCoversLots();
    }

    public override void OnStart()
    {
        StrategyContext context = Context;
        _pending = new PendingOrderTracker(context, _parameters.PendingTimeoutMs * 1_000_000);
        _positions = context.Positions;
        // indexed by instrument id, indicator inline: one bounds-checked load per tick reaches all of the
        // instrument's state, and a second its window of mids
        _slots = new MeanReversionSlot[context.InstrumentCount];
        foreach (int id in context.InstrumentIds)
        {
            ref MeanReversionSlot slot = ref _slots[id];
            slot.Mids = new RollingMoments(_parameters.LookbackPeriod, VarianceKind.Population);
            // σ below a tenth of a tick is rounding left by a jump that has left the window, not volatility
            double minStdDev = IndicatorInput.FromRaw(context.Instrument(id).TickSize) / 10;
            slot.MinVariance = minStdDev * minStdDev;
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
        ref MeanReversionSlot slot = ref _slots[id];
        double price = IndicatorInput.FromRaw(mid);
        slot.Mids.Update(price);
        if (_pending.IsPending(id, quote.ReceiveTs) || !slot.Mids.IsReady)
        {
            return;
        }

        long position = _positions[id];
        if (position != 0)
        {
            bool exit = mid <= slot.ExitAtOrBelow || mid >= slot.ExitAtOrAbove
                || (_exitOnMean && (position > 0
                    ? RollingZScore.Of(price, in slot.Mids, slot.MinVariance) >= 0
                    : RollingZScore.Of(price, in slot.Mids, slot.MinVariance) <= 0));
            if (exit)
            {
                _pending.Submit(MarketableOrder.Flatten(id, position, quote.BidPrice, quote.AskPrice), quote.ReceiveTs);
                return;
            }
        }

        // Entries need |z| ≥ threshold. A deviation whose square is below (1 − 10^-9)·threshold²·variance is a
        // |z| below the threshold however z's square root and division round (each within 2^-53), so most quotes
        // skip both; the rest compute z exactly as RollingZScore does. A flat window (z = 0) never enters.
        double variance = slot.Mids.RawVariance;
        double deviation = price - slot.Mids.RawMean;
        if (variance <= slot.MinVariance || deviation * deviation < _entryBound * variance)
        {
            return;
        }

        double z = deviation / Math.Sqrt(variance);
        if (z <= -_threshold)
        {
            Enter(id, Side.Buy, position, quote);
        }
        else if (z >= _threshold)
        {
            Enter(id, Side.Sell, position, quote);
        }
    }

    public override void OnFill(in Fill fill)
    {
        _pending.OnFill(fill);
        // fills of timed-out orders land here too: the position is the engine's, the average must follow it
        var change = PositionChange.Of(fill, Context.Position(fill.InstrumentId));
        ref MeanReversionSlot slot = ref _slots[fill.InstrumentId];
        slot.AverageEntryPrice = AverageEntryPrice.AfterFill(slot.AverageEntryPrice, change, fill.Price);
        SetExitLevels(ref slot, change.After);
    }

    public override void OnOrderClosed(long clOrdId, bool rejected) => _pending.OnOrderClosed(clOrdId);

    public override void OnTimer(long nowNs) => _pending.OnTimer(nowNs);

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

    private void Enter(int id, Side side, long position, in QuoteTick quote)
    {
        long qty = _sizer.EntryQty(id, side, position);
        if (qty > 0)
        {
            _pending.Submit(MarketableOrder.AtTouch(id, side, qty, quote.BidPrice, quote.AskPrice), quote.ReceiveTs);
        }
    }
}
