using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Runtime;
using Llt.Sbe;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// A strategy's window on the engine: its config and parameters, the instruments' state, its own
/// positions, and order entry into the engine's preallocated intent slots (risk and routing happen after
/// the hook returns). One per strategy instance; used only on the trading thread.
/// </summary>
public sealed class StrategyContext
{
    private readonly InstrumentTable _instruments;
    private readonly OrderIntentBuffer _intents;
    private readonly ClientOrderIds _orderIds;
    private readonly INanoClock _clock;
    private readonly long[] _positions;
    private readonly int[] _subscribed;

    public StrategyContext(
        int strategyId, StrategyConfig config, int[] instrumentIds, InstrumentTable instruments,
        OrderIntentBuffer intents, ClientOrderIds orderIds, INanoClock clock)
    {
        StrategyId = strategyId;
        Config = config;
        _subscribed = instrumentIds;
        _instruments = instruments;
        _intents = intents;
        _orderIds = orderIds;
        _clock = clock;
        _positions = new long[instruments.Count];
    }

    public int StrategyId { get; }

    public StrategyConfig Config { get; }

    /// <summary>Instrument ids this strategy trades (from config), in config order.</summary>
    public ReadOnlySpan<int> InstrumentIds => _subscribed;

    public int InstrumentCount => _instruments.Count;

    /// <summary>L2 and (when enabled) L3 books of every instrument; null when the host runs without books (tests).</summary>
    public MarketBooks? Books { get; internal set; }

    /// <summary>Receive time of the tick being dispatched; carried onto the orders it causes.</summary>
    public long CurrentReceiveTs { get; internal set; }

    /// <summary>Whether the host dispatches market data and timers to the strategy (a control command toggles it between ticks).</summary>
    internal bool Enabled { get; set; }

    /// <summary>This strategy's positions by instrument id, for the built-in strategies' per-tick reads (one load fewer than <see cref="Position"/>).</summary>
    internal long[] Positions => _positions;

    /// <summary>The instruments' state, for the built-in strategies' per-tick reads.</summary>
    internal InstrumentTable Instruments => _instruments;

    public long OrdersSubmitted { get; private set; }

    public long OrdersRefused { get; private set; }

    public ref readonly InstrumentState Instrument(int instrumentId) => ref _instruments[instrumentId];

    public string Symbol(int instrumentId) => _instruments.Symbol(instrumentId);

    /// <summary>Net position in whole units (positive long, negative short) from this strategy's fills.</summary>
    public long Position(int instrumentId) => _positions[instrumentId];

    /// <summary>A numeric parameter by the seed's name, or <paramref name="defaultValue"/>; for OnStart.</summary>
    public double Parameter(string name, double defaultValue) =>
        Config.Parameters.TryGetValue(name, out double value) ? value : defaultValue;

    /// <summary>
    /// Leaves an order for risk and routing; returns its client order id, or -1 when this tick's slots are
    /// full (counted). An order is not live until the engine accepts it; rejections come back through
    /// <see cref="Strategy.OnOrderClosed"/>.
    /// </summary>
    public long Submit(in OrderRequest request)
    {
        long clOrdId = _orderIds.Next();
        var intent = new OrderIntent
        {
            Kind = OrderIntentKind.New,
            StrategyId = StrategyId,
            ClOrdId = clOrdId,
            Request = request,
            ReceiveTs = CurrentReceiveTs,
            DecisionTs = _clock.NanoTime(),
        };
        if (!_intents.TryAdd(intent))
        {
            OrdersRefused++;
            return -1;
        }

        OrdersSubmitted++;
        return clOrdId;
    }

    /// <summary>Asks to cancel an open order; false when this tick's slots are full.</summary>
    public bool Cancel(long clOrdId, int instrumentId)
    {
        var intent = new OrderIntent
        {
            Kind = OrderIntentKind.Cancel,
            StrategyId = StrategyId,
            ClOrdId = _orderIds.Next(),
            OrigClOrdId = clOrdId,
            Request = new OrderRequest(instrumentId, Side.Buy, 0, OrderRequest.NoPrice),
            ReceiveTs = CurrentReceiveTs,
            DecisionTs = _clock.NanoTime(),
        };
        return _intents.TryAdd(intent);
    }

    /// <summary>
    /// Asks to amend an open order: <paramref name="price"/> its new limit (ignored for a market order) and
    /// <paramref name="qty"/> its new total quantity (what is already filled counts toward it). The order keeps
    /// <paramref name="clOrdId"/>: the answer comes back through <see cref="Strategy.OnOrderReplaced"/>, and fills
    /// keep arriving under the same id. Risk checks the amended order like a new one (its quantity change against
    /// the limits). False when this tick's slots are full (counted).
    /// </summary>
    public bool Replace(long clOrdId, int instrumentId, long price, long qty)
    {
        var intent = new OrderIntent
        {
            Kind = OrderIntentKind.Replace,
            StrategyId = StrategyId,
            ClOrdId = _orderIds.Next(),
            OrigClOrdId = clOrdId,
            Request = new OrderRequest(instrumentId, Side.Buy, qty, price),
            ReceiveTs = CurrentReceiveTs,
            DecisionTs = _clock.NanoTime(),
        };
        if (!_intents.TryAdd(intent))
        {
            OrdersRefused++;
            return false;
        }

        return true;
    }

    /// <summary>Applies a fill to this strategy's position (the engine calls this before OnFill).</summary>
    public void ApplyFill(in Fill fill)
    {
        _positions[fill.InstrumentId] += fill.Side == Side.Buy ? fill.Qty : -fill.Qty;
    }
}
