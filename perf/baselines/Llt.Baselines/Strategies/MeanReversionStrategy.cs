using Llt.Baselines.Messages;

namespace Llt.Baselines.Strategies;

/// <summary>
/// The engine's mean reversion, written plainly: per instrument a <see cref="Queue{T}"/> of the last
/// <see cref="Lookback"/> quote mids, mean and population σ by LINQ, z ≤ −2 buys and z ≥ +2 sells at the touch,
/// exits on the mean crossing, a 2 % stop loss or a 1 % take profit. One working order per instrument.
/// </summary>
public sealed class MeanReversionStrategy : ITradingStrategy
{
    public const int Lookback = 20;
    public const double Threshold = 2.0;
    public const long OrderSize = 100;
    public const long MaxPosition = 1_000;
    public const decimal StopLoss = 0.02m;
    public const decimal TakeProfit = 0.01m;

    // a tenth of a 0.01 tick: below that σ is rounding, not volatility
    private const double MinSigma = 0.001;

    private readonly Dictionary<int, Queue<decimal>> _mids = new();
    private readonly Dictionary<int, long> _positions = new();
    private readonly Dictionary<int, decimal> _entryPrices = new();
    private readonly HashSet<int> _working = new();

    public string Name => "mean_reversion";

    public OrderRequest? OnQuote(QuoteMessage quote)
    {
        if (quote.BidPrice <= 0 || quote.AskPrice < quote.BidPrice)
        {
            return null;
        }

        int id = quote.InstrumentId;
        if (!_mids.TryGetValue(id, out Queue<decimal>? window))
        {
            window = new Queue<decimal>(Lookback + 1);
            _mids.Add(id, window);
        }

        decimal mid = quote.Mid;
        window.Enqueue(mid);
        if (window.Count > Lookback)
        {
            window.Dequeue();
        }

        if (window.Count < Lookback || _working.Contains(id))
        {
            return null;
        }

        decimal mean = window.Average();
        double sigma = Math.Sqrt(window.Select(m => (double)(m - mean)).Select(d => d * d).Average());
        if (sigma < MinSigma)
        {
            return null;
        }

        double z = (double)(mid - mean) / sigma;
        long position = _positions.GetValueOrDefault(id);
        if (position != 0)
        {
            decimal entry = _entryPrices[id];
            bool exit = position > 0
                ? mid <= entry * (1 - StopLoss) || mid >= entry * (1 + TakeProfit) || z >= 0
                : mid >= entry * (1 + StopLoss) || mid <= entry * (1 - TakeProfit) || z <= 0;
            if (exit)
            {
                OrderSide side = position > 0 ? OrderSide.Sell : OrderSide.Buy;
                return Submit(quote, side, Math.Abs(position), isExit: true);
            }
        }

        if (z <= -Threshold)
        {
            long quantity = Math.Min(OrderSize, MaxPosition - position);
            return quantity > 0 ? Submit(quote, OrderSide.Buy, quantity, isExit: false) : null;
        }

        if (z >= Threshold)
        {
            long quantity = Math.Min(OrderSize, MaxPosition + position);
            return quantity > 0 ? Submit(quote, OrderSide.Sell, quantity, isExit: false) : null;
        }

        return null;
    }

    public OrderRequest? OnTrade(TradeMessage trade, QuoteMessage? lastQuote) => null;

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
            _entryPrices.Remove(id);
        }
        else if (before == 0 || Math.Sign(before) != Math.Sign(after))
        {
            _entryPrices[id] = report.Price;
        }
        else if (Math.Abs(after) > Math.Abs(before))
        {
            _entryPrices[id] = ((_entryPrices[id] * Math.Abs(before)) + (report.Price * report.FilledQuantity)) / Math.Abs(after);
        }
    }

    private OrderRequest Submit(QuoteMessage quote, OrderSide side, long quantity, bool isExit)
    {
        _working.Add(quote.InstrumentId);
        decimal price = side == OrderSide.Buy ? quote.AskPrice : quote.BidPrice;
        return new OrderRequest(Name, quote.InstrumentId, side, quantity, price, isExit, quote.ReceivedTimestamp);
    }
}
