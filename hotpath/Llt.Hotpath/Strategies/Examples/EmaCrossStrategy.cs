using Llt.Hotpath.Config;
using Llt.Hotpath.Indicators;
using Llt.Sbe;

namespace Llt.Hotpath.Strategies.Examples;

/// <summary>
/// The worked example of docs/STRATEGY_GUIDE.md: per instrument, a fast and a slow EMA of the quote mid.
/// When the fast one crosses above the slow one the strategy goes long <c>order_size</c>, when it crosses
/// below it goes short (capped at MaxPosition), with an immediate-or-cancel limit at the touch.
/// </summary>
public sealed class EmaCrossStrategy : Strategy
{
    public const string TypeName = "ema-cross";

    // all per-instrument state lives in arrays indexed by instrument id, allocated once in OnStart
    private ExponentialMovingAverage[] _fast = [];
    private ExponentialMovingAverage[] _slow = [];
    private int[] _trend = [];     // +1 fast above slow, -1 below, 0 not known yet
    private long[] _working = [];  // the order in flight, 0 when none: never two at once
    private int _fastPeriod;
    private int _slowPeriod;
    private long _orderSize;

    // as the engine is built: a bad parameter refuses to start it, naming the key
    protected override void OnAttached()
    {
        double fast = Context.Parameter("fast_period", 10);
        double slow = Context.Parameter("slow_period", 30);
        double size = Context.Parameter("order_size", 100);
        string prefix = $"strategies[{Context.StrategyId}].parameters.";
        if (fast < 1 || fast != Math.Floor(fast) || slow <= fast || slow > 100_000 || slow != Math.Floor(slow))
        {
            string key = fast < 1 || fast != Math.Floor(fast) ? "fast_period" : "slow_period";
            throw new ConfigException(prefix + key, $"need whole numbers 1 ≤ fast_period < slow_period ≤ 100000, found {fast} and {slow}");
        }

        foreach (int id in Context.InstrumentIds)
        {
            if (size < 1 || size > 1e12 || size % Context.Instrument(id).LotSize != 0)
            {
                throw new ConfigException(prefix + "order_size", $"must be a positive multiple of the lot size of {Context.Symbol(id)}");
            }
        }

        (_fastPeriod, _slowPeriod, _orderSize) = ((int)fast, (int)slow, (long)size);
    }

    public override void OnStart()
    {
        _fast = new ExponentialMovingAverage[Context.InstrumentCount];
        _slow = new ExponentialMovingAverage[Context.InstrumentCount];
        _trend = new int[Context.InstrumentCount];
        _working = new long[Context.InstrumentCount];
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
        if (!_slow[id].IsReady || _working[id] != 0 || quote.BidPrice <= 0 || quote.AskPrice <= 0)
        {
            return; // warming up, waiting for our order, or no touch to trade at: act on a later tick
        }

        int previous = _trend[id];
        int trend = _fast[id].Value > _slow[id].Value ? 1 : _fast[id].Value < _slow[id].Value ? -1 : previous;
        _trend[id] = trend;
        if (previous == 0 || trend == previous)
        {
            return;
        }

        long target = trend * Math.Min(_orderSize, Context.Config.MaxPosition);
        long qty = target - Context.Position(id);
        if (qty != 0)
        {
            // a marketable limit at the touch, immediate-or-cancel: take what is shown, never rest
            var order = qty > 0
                ? OrderRequest.Limit(id, Side.Buy, qty, quote.AskPrice, TimeInForce.ImmediateOrCancel)
                : OrderRequest.Limit(id, Side.Sell, -qty, quote.BidPrice, TimeInForce.ImmediateOrCancel);
            long clOrdId = Context.Submit(order);
            _working[id] = clOrdId > 0 ? clOrdId : 0; // -1: this tick's slots were full, try on the next cross
        }
    }

    // an IOC order is done after its fill or its close; partial fills leave the rest to the next cross
    public override void OnFill(in Fill fill) => _working[fill.InstrumentId] = 0;

    public override void OnOrderClosed(long clOrdId, bool rejected)
    {
        foreach (int id in Context.InstrumentIds)
        {
            if (_working[id] == clOrdId)
            {
                _working[id] = 0;
            }
        }
    }
}
