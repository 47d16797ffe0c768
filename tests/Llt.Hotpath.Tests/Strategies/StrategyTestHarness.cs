using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Strategies;

/// <summary>
/// A real <see cref="StrategyHost"/> over instruments SYM0..SYMn-1, driven by crafted ticks: each tick moves
/// the receive time on by <see cref="TickIntervalNs"/>, quotes update the instrument's touch the way the
/// engine's validator does, and the intents left by a tick are read with <see cref="Drain"/>.
/// </summary>
internal sealed class StrategyTestHarness : IDisposable
{
    public const long TickIntervalNs = 1_000;

    private readonly List<OrderIntent> _drained = new(64);
    private long _fillTs;

    public StrategyTestHarness(IReadOnlyList<StrategyConfig> strategies, int instrumentCount = 1, long lotSize = 1)
    {
        var instruments = new List<InstrumentConfig>(instrumentCount);
        for (int i = 0; i < instrumentCount; i++)
        {
            instruments.Add(new InstrumentConfig { Symbol = $"SYM{i}", LotSize = lotSize });
        }

        Instruments = new InstrumentTable(instruments);
        Intents = new OrderIntentBuffer(256);
        Clock = new ManualNanoClock(1_000_000_000);
        try
        {
            Host = new StrategyHost(strategies, BuiltInStrategies.CreateRegistry(), Instruments, Intents, new ClientOrderIds(1_700_000_000_000), Clock);
            Host.Start();
        }
        catch
        {
            // the parameter tests expect the host to throw: free the unmanaged table before passing it on
            Instruments.Dispose();
            throw;
        }
    }

    public InstrumentTable Instruments { get; }

    public OrderIntentBuffer Intents { get; }

    public ManualNanoClock Clock { get; }

    public StrategyHost Host { get; }

    public long NowNs => Clock.NanoTime();

    /// <summary>
    /// A strategy of <paramref name="type"/> on SYM0 with <paramref name="parameters"/>, a later entry overriding
    /// an earlier one of the same name (so a test class's defaults go first, the test's own values after).
    /// </summary>
    public static StrategyConfig SingleInstrumentConfig(
        string name, string type, long maxPosition, bool enabled, params (string Name, double Value)[] parameters)
    {
        var values = new Dictionary<string, double>();
        foreach ((string key, double value) in parameters)
        {
            values[key] = value;
        }

        return new StrategyConfig
        {
            Name = name,
            Type = type,
            Enabled = enabled,
            Instruments = ["SYM0"],
            MaxPosition = maxPosition,
            Parameters = values,
        };
    }

    /// <summary>Fixed-point 10^-8 from a decimal price.</summary>
    public static long Px(decimal price) => (long)(price * FixedPoint.Scale);

    public void Quote(int instrumentId, decimal bid, decimal ask)
    {
        Clock.Advance(TickIntervalNs);
        ref InstrumentState state = ref Instruments[instrumentId];
        state.BidPrice = Px(bid);
        state.AskPrice = Px(ask);
        Host.OnQuote(new QuoteTick(instrumentId, Px(bid), 100, Px(ask), 100, NowNs, NowNs));
    }

    /// <summary>A quote one cent either side of <paramref name="mid"/>, so the mid is exactly <paramref name="mid"/>.</summary>
    public void Mid(int instrumentId, decimal mid) => Quote(instrumentId, mid - 0.01m, mid + 0.01m);

    /// <summary><see cref="Mid"/> for each of <paramref name="mids"/> in turn.</summary>
    public void Mids(int instrumentId, params decimal[] mids)
    {
        foreach (decimal mid in mids)
        {
            Mid(instrumentId, mid);
        }
    }

    public void Trade(int instrumentId, decimal price, long size)
    {
        Clock.Advance(TickIntervalNs);
        ref InstrumentState state = ref Instruments[instrumentId];
        state.LastPrice = Px(price);
        state.LastSize = size;
        Host.OnTrade(new TradeTick(instrumentId, Px(price), size, AggressorSide.Unknown, NowNs, NowNs));
    }

    /// <summary>The intents left since the last drain, in order; clears the buffer as the trading loop would.</summary>
    public IReadOnlyList<OrderIntent> Drain()
    {
        _drained.Clear();
        for (int i = 0; i < Intents.Count; i++)
        {
            _drained.Add(Intents[i]);
        }

        Intents.Clear();
        return [.. _drained];
    }

    /// <summary>Fills <paramref name="order"/> completely at its limit price (or at <paramref name="price"/>).</summary>
    public void Fill(in OrderIntent order, decimal? price = null, long? qty = null)
    {
        long fillPrice = price is decimal p ? Px(p) : order.Request.Price;
        Host.OnFill(order.StrategyId, new Fill(order.ClOrdId, order.Request.InstrumentId, order.Request.Side, fillPrice, qty ?? order.Request.Qty, 0, ++_fillTs));
    }

    /// <summary>A fill for an order the test made up, to put the strategy in a position directly.</summary>
    public void Fill(int strategyId, int instrumentId, Side side, decimal price, long qty) =>
        Host.OnFill(strategyId, new Fill(999, instrumentId, side, Px(price), qty, 0, ++_fillTs));

    public void Dispose() => Instruments.Dispose();
}
