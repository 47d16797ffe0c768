using Llt.Baselines.Messages;

namespace Llt.Baselines.Strategies;

/// <summary>
/// The engine's momentum breakout, written plainly: per instrument a <see cref="List{T}"/> of the last
/// <see cref="VolumeLookback"/> trades; a trade above the LINQ Max() of the previous <see cref="Lookback"/> trade
/// prices buys, one below their Min() sells, when the average size of the last <see cref="Lookback"/> trades is at
/// least <see cref="VolumeFactor"/> × the average over all <see cref="VolumeLookback"/>. 1 % trailing stop.
/// </summary>
public sealed class MomentumBreakoutStrategy : ITradingStrategy
{
    public const int Lookback = 50;
    public const int VolumeLookback = 200;
    public const double VolumeFactor = 2.0;
    public const decimal TrailingStop = 0.01m;
    public const long OrderSize = 100;
    public const long MaxPosition = 1_000;

    private readonly Dictionary<int, List<TradeMessage>> _trades = new();
    private readonly Dictionary<int, long> _positions = new();
    private readonly Dictionary<int, decimal> _bestPrices = new();
    private readonly HashSet<int> _working = new();

    public string Name => "momentum_breakout";

    public OrderRequest? OnQuote(QuoteMessage quote) => null;

    public OrderRequest? OnTrade(TradeMessage trade, QuoteMessage? lastQuote)
    {
        int id = trade.InstrumentId;
        if (!_trades.TryGetValue(id, out List<TradeMessage>? history))
        {
            history = new List<TradeMessage>(VolumeLookback + 1);
            _trades.Add(id, history);
        }

        // the range before this trade joins it
        bool rangeReady = history.Count >= Lookback;
        decimal priorHigh = rangeReady ? history.TakeLast(Lookback).Max(t => t.Price) : 0;
        decimal priorLow = rangeReady ? history.TakeLast(Lookback).Min(t => t.Price) : 0;
        history.Add(trade);
        if (history.Count > VolumeLookback)
        {
            history.RemoveAt(0);
        }

        long position = _positions.GetValueOrDefault(id);
        if (position != 0)
        {
            Trail(id, position, trade.Price);
        }

        if (_working.Contains(id))
        {
            return null;
        }

        decimal bid = lastQuote is { BidPrice: > 0 } ? lastQuote.BidPrice : trade.Price;
        decimal ask = lastQuote is { AskPrice: > 0 } ? lastQuote.AskPrice : trade.Price;
        if (position != 0)
        {
            decimal stop = position > 0 ? _bestPrices[id] * (1 - TrailingStop) : _bestPrices[id] * (1 + TrailingStop);
            if (position > 0 ? trade.Price <= stop : trade.Price >= stop)
            {
                return position > 0
                    ? Submit(trade, OrderSide.Sell, position, bid, isExit: true)
                    : Submit(trade, OrderSide.Buy, -position, ask, isExit: true);
            }
        }

        if (!rangeReady || history.Count < VolumeLookback)
        {
            return null;
        }

        double recentVolume = history.TakeLast(Lookback).Average(t => (double)t.Size);
        double baselineVolume = history.Average(t => (double)t.Size);
        if (recentVolume < VolumeFactor * baselineVolume)
        {
            return null;
        }

        if (trade.Price > priorHigh)
        {
            long quantity = Math.Min(OrderSize, MaxPosition - position);
            return quantity > 0 ? Submit(trade, OrderSide.Buy, quantity, ask, isExit: false) : null;
        }

        if (trade.Price < priorLow)
        {
            long quantity = Math.Min(OrderSize, MaxPosition + position);
            return quantity > 0 ? Submit(trade, OrderSide.Sell, quantity, bid, isExit: false) : null;
        }

        return null;
    }

    public void OnExecution(ExecutionReport report)
    {
        _working.Remove(report.InstrumentId);
        if (report.FilledQuantity == 0)
        {
            return;
        }

        int id = report.InstrumentId;
        long before = _positions.GetValueOrDefault(id);
        long after = before + (report.Side == OrderSide.Buy ? report.FilledQuantity : -report.FilledQuantity);
        _positions[id] = after;
        if (after == 0)
        {
            _bestPrices.Remove(id);
        }
        else if (before == 0 || Math.Sign(before) != Math.Sign(after))
        {
            _bestPrices[id] = report.Price;
        }
        else
        {
            Trail(id, after, report.Price);
        }
    }

    private void Trail(int id, long position, decimal price)
    {
        decimal best = _bestPrices[id];
        if (position > 0 ? price > best : price < best)
        {
            _bestPrices[id] = price;
        }
    }

    private OrderRequest Submit(TradeMessage trade, OrderSide side, long quantity, decimal price, bool isExit)
    {
        _working.Add(trade.InstrumentId);
        return new OrderRequest(Name, trade.InstrumentId, side, quantity, price, isExit, trade.ReceivedTimestamp);
    }
}
