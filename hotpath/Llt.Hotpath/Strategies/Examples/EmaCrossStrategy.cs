using Llt.Hotpath.Indicators;
using Llt.Sbe;

namespace Llt.Hotpath.Strategies.Examples;

/// <summary>
/// The worked example of docs/STRATEGY_GUIDE.md: per instrument, a fast and a slow EMA of the quote mid.
/// When the fast one crosses above the slow one the strategy goes long <c>order_size</c>, when it crosses
/// below it goes short (in whole lots, capped at MaxPosition), with an immediate-or-cancel limit at the touch.
/// </summary>
public sealed class EmaCrossStrategy : Strategy
{
    public const string TypeName = "ema-cross";

    // all per-instrument state lives in arrays indexed by instrument id, allocated once in OnStart
    private ExponentialMovingAverage[] _fast = [];
    private ExponentialMovingAverage[] _slow = [];
    private int[] _trend = [];  // +1 fast above slow, -1 below, 0 not known yet
    private PendingOrderTracker _pending = null!;  // the order in flight per instrument: never two at once
    private PositionSizer _sizer = null!;
    private int _fastPeriod;
    private int _slowPeriod;

    // the hooks below are quotes only: trades and book changes need not reach this strategy at all
    public override StrategyEvents Events => StrategyEvents.Quotes;

    // as the engine is built: a bad parameter refuses to start it, naming the key
    protected override void OnAttached()
    {
        var parameters = new StrategyParameterReader(Context.Config, Context.StrategyId);
        double fast = parameters.Value("fast_period", 10);
        double slow = parameters.Value("slow_period", 30);
        double size = parameters.Value("order_size", 100);
        parameters.Check(fast >= 1 && fast == Math.Floor(fast), "fast_period", fast, "a whole number ≥ 1");
        parameters.Check(slow > fast && slow <= 100_000 && slow == Math.Floor(slow), "slow_period", slow, "a whole number above fast_period, ≤ 100000");
        parameters.Check(size >= 1 && size <= 1e12 && size == Math.Floor(size), "order_size", size, "a whole number from 1 to 10^12");
        (_fastPeriod, _slowPeriod) = ((int)fast, (int)slow);
        _sizer = new PositionSizer(Context, (long)size);
    }

    public override void OnStart()
    {
        _fast = new ExponentialMovingAverage[Context.InstrumentCount];
        _slow = new ExponentialMovingAverage[Context.InstrumentCount];
        _trend = new int[Context.InstrumentCount];
        // no timeout: the order waits for its fill or close
        _pending = new PendingOrderTracker(Context, PendingOrderTracker.NoTimeout);
        foreach (int id in Context.InstrumentIds)
        {
            _fast[id] = new ExponentialMovingAverage(_fastPeriod);
            _slow[id] = new ExponentialMovingAverage(_slowPeriod);
        }
    }

    public override void OnQuote(in QuoteTick quote)
    {
        int id = quote.InstrumentId;
        double mid = IndicatorInput.FromRaw(quote.Mid);
        // EMAs are mutable structs: update the array elements in place, never a copy
        _fast[id].Update(mid);
        _slow[id].Update(mid);
        if (!_slow[id].IsReady || _pending.IsPending(id) || quote.BidPrice <= 0 || quote.AskPrice <= 0)
        {
            return; // warming up, waiting for our order, or no touch to trade at: act on a later tick
        }

        int previous = _trend[id];
        int trend = _fast[id].Value > _slow[id].Value ? 1 : _fast[id].Value < _slow[id].Value ? -1 : previous;
        _trend[id] = trend;
        // the position the trend asks for: order_size in whole lots, capped at MaxPosition
        long qty = _sizer.TargetPosition(id, trend) - Context.Position(id);
        if (previous == 0 || trend == previous || qty == 0)
        {
            return; // no cross, or already where the cross says to be
        }

        // a marketable limit at the touch, immediate-or-cancel: take what is shown, never rest;
        // -1 from a full tick's slots tracks nothing: try on the next cross
        Side side = qty > 0 ? Side.Buy : Side.Sell;
        _pending.Submit(MarketableOrder.AtTouch(id, side, Math.Abs(qty), quote.BidPrice, quote.AskPrice), quote.ReceiveTs);
    }

    // an IOC order is done after its fill or its close; partial fills leave the rest to the next cross
    public override void OnFill(in Fill fill) => _pending.Release(fill.InstrumentId);

    public override void OnOrderClosed(long clOrdId, bool rejected) => _pending.OnOrderClosed(clOrdId);
}
