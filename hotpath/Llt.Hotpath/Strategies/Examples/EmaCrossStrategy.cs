using Llt.Hotpath.Config;
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
        Check(fast >= 1 && fast == Math.Floor(fast), "fast_period", fast, "a whole number ≥ 1");
        Check(slow > fast && slow <= 100_000 && slow == Math.Floor(slow), "slow_period", slow, "a whole number above fast_period, ≤ 100000");
        Check(size >= 1 && size <= 1e12 && size == Math.Floor(size), "order_size", size, "a whole number from 1 to 10^12");
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
        long lot = Context.Instrument(id).LotSize;
        long qty = trend * (Math.Min(_orderSize, Context.Config.MaxPosition) / lot * lot) - Context.Position(id);
        if (previous == 0 || trend == previous || qty == 0)
        {
            return; // no cross, or already where the cross says to be
        }

        // a marketable limit at the touch, immediate-or-cancel: take what is shown, never rest
        var order = qty > 0
            ? OrderRequest.Limit(id, Side.Buy, qty, quote.AskPrice, TimeInForce.ImmediateOrCancel)
            : OrderRequest.Limit(id, Side.Sell, -qty, quote.BidPrice, TimeInForce.ImmediateOrCancel);
        _working[id] = Math.Max(0, Context.Submit(order)); // -1: this tick's slots were full, try on the next cross
    }

    // an IOC order is done after its fill or its close; partial fills leave the rest to the next cross
    public override void OnFill(in Fill fill) => _working[fill.InstrumentId] = 0;

    public override void OnOrderClosed(long clOrdId, bool rejected)
    {
        int id = _working.AsSpan().IndexOf(clOrdId); // vectorised search, no allocation
        if (id >= 0)
        {
            _working[id] = 0;
        }
    }

    private void Check(bool valid, string name, double value, string rule)
    {
        if (!valid)
        {
            throw new ConfigException($"strategies[{Context.StrategyId}].parameters.{name}", $"must be {rule}, found {value}");
        }
    }
}
