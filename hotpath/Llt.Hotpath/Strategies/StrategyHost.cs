using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// Owns the configured strategy instances and dispatches events to them: for each instrument, a
/// precomputed array of the strategies subscribed to it, so a tick costs one array walk and a virtual call
/// per interested strategy. Disabled strategies stay subscribed but receive nothing (enable/disable is a
/// control command applied between ticks). All on the trading thread.
/// </summary>
public sealed class StrategyHost
{
    private readonly Strategy[] _strategies;
    private readonly StrategyContext[] _contexts;
    private readonly bool[] _enabled;
    private readonly int[][] _byInstrument;

    public StrategyHost(
        IReadOnlyList<StrategyConfig> configs, StrategyRegistry registry, InstrumentTable instruments,
        OrderIntentBuffer intents, ClientOrderIds orderIds, INanoClock clock)
    {
        Intents = intents;
        _strategies = new Strategy[configs.Count];
        _contexts = new StrategyContext[configs.Count];
        _enabled = new bool[configs.Count];
        var subscribers = new List<int>[instruments.Count];
        for (int i = 0; i < subscribers.Length; i++)
        {
            subscribers[i] = [];
        }

        for (int s = 0; s < configs.Count; s++)
        {
            StrategyConfig config = configs[s];
            var ids = new int[config.Instruments.Count];
            for (int k = 0; k < ids.Length; k++)
            {
                if (!instruments.TryGetId(config.Instruments[k], out ids[k]))
                {
                    throw new ConfigException($"strategies[{s}].instruments[{k}]", $"'{config.Instruments[k]}' is not a configured instrument");
                }

                subscribers[ids[k]].Add(s);
            }

            _contexts[s] = new StrategyContext(s, config, ids, instruments, intents, orderIds, clock);
            _strategies[s] = registry.Create(config, s);
            _strategies[s].Attach(_contexts[s]);
            _enabled[s] = config.Enabled;
        }

        _byInstrument = new int[instruments.Count][];
        for (int i = 0; i < subscribers.Length; i++)
        {
            _byInstrument[i] = [.. subscribers[i]];
        }
    }

    public int Count => _strategies.Length;

    /// <summary>The instruments' order books, shared with every strategy's context (set by the engine).</summary>
    public MarketBooks? Books
    {
        get => _contexts.Length > 0 ? _contexts[0].Books : null;
        set
        {
            foreach (StrategyContext context in _contexts)
            {
                context.Books = value;
            }
        }
    }

    public OrderIntentBuffer Intents { get; }

    public Strategy this[int strategyId] => _strategies[strategyId];

    public StrategyContext Context(int strategyId) => _contexts[strategyId];

    public bool IsEnabled(int strategyId) => _enabled[strategyId];

    /// <summary>Enables or disables a strategy; false when the id is not configured.</summary>
    public bool SetEnabled(int strategyId, bool enabled)
    {
        if ((uint)strategyId >= (uint)_strategies.Length)
        {
            return false;
        }

        _enabled[strategyId] = enabled;
        return true;
    }

    public void Start()
    {
        foreach (Strategy strategy in _strategies)
        {
            strategy.OnStart();
        }
    }

    public void Stop()
    {
        foreach (Strategy strategy in _strategies)
        {
            strategy.OnStop();
        }
    }

    public void OnQuote(in QuoteTick quote)
    {
        int[] subscribers = _byInstrument[quote.InstrumentId];
        for (int i = 0; i < subscribers.Length; i++)
        {
            int s = subscribers[i];
            if (_enabled[s])
            {
                _contexts[s].CurrentReceiveTs = quote.ReceiveTs;
                _strategies[s].OnQuote(quote);
            }
        }
    }

    public void OnTrade(in TradeTick trade)
    {
        int[] subscribers = _byInstrument[trade.InstrumentId];
        for (int i = 0; i < subscribers.Length; i++)
        {
            int s = subscribers[i];
            if (_enabled[s])
            {
                _contexts[s].CurrentReceiveTs = trade.ReceiveTs;
                _strategies[s].OnTrade(trade);
            }
        }
    }

    public void OnBook(int instrumentId, long receiveTs)
    {
        int[] subscribers = _byInstrument[instrumentId];
        for (int i = 0; i < subscribers.Length; i++)
        {
            int s = subscribers[i];
            if (_enabled[s])
            {
                _contexts[s].CurrentReceiveTs = receiveTs;
                _strategies[s].OnBook(instrumentId);
            }
        }
    }

    /// <summary>Applies the fill to the strategy's position, then tells the strategy (even when disabled: positions must stay true).</summary>
    public void OnFill(int strategyId, in Fill fill)
    {
        _contexts[strategyId].ApplyFill(fill);
        _strategies[strategyId].OnFill(fill);
    }

    public void OnOrderClosed(int strategyId, long clOrdId, bool rejected) => _strategies[strategyId].OnOrderClosed(clOrdId, rejected);

    public void OnTimer(long nowNs)
    {
        for (int s = 0; s < _strategies.Length; s++)
        {
            if (_enabled[s])
            {
                // Timer-driven decisions have no causing tick: no receive time, no tick-to-decision sample.
                _contexts[s].CurrentReceiveTs = 0;
                _strategies[s].OnTimer(nowNs);
            }
        }
    }
}
