using System.Runtime.CompilerServices;
using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// Owns the configured strategy instances and dispatches events to them: for each instrument and event kind
/// (quotes, trades, books), a precomputed array of the enabled-or-not strategies subscribed to it that want that
/// kind (<see cref="Strategy.Events"/>), each entry holding the strategy and its context together, so a tick costs
/// one array walk and one virtual call per interested strategy. Disabled strategies stay subscribed but receive
/// nothing (enable/disable is a control command applied between ticks). All on the trading thread.
/// </summary>
public sealed class StrategyHost
{
    private readonly Strategy[] _strategies;
    private readonly StrategyContext[] _contexts;
    private readonly StrategySubscription[][] _quoteSubscribers;
    private readonly StrategySubscription[][] _tradeSubscribers;
    private readonly StrategySubscription[][] _bookSubscribers;

    public StrategyHost(
        IReadOnlyList<StrategyConfig> configs, StrategyRegistry registry, InstrumentTable instruments,
        OrderIntentBuffer intents, ClientOrderIds orderIds, INanoClock clock)
    {
        Intents = intents;
        _strategies = new Strategy[configs.Count];
        _contexts = new StrategyContext[configs.Count];
        var quotes = NewLists(instruments.Count);
        var trades = NewLists(instruments.Count);
        var books = NewLists(instruments.Count);
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
            }

            var context = new StrategyContext(s, config, ids, instruments, intents, orderIds, clock) { Enabled = config.Enabled };
            Strategy strategy = registry.Create(config, s);
            strategy.Attach(context);
            _contexts[s] = context;
            _strategies[s] = strategy;
            // after OnAttached: a strategy may choose its events from its parameters
            StrategyEvents events = strategy.Events;
            var subscription = new StrategySubscription(strategy, context);
            foreach (int id in ids)
            {
                AddIf(events, StrategyEvents.Quotes, quotes[id], subscription);
                AddIf(events, StrategyEvents.Trades, trades[id], subscription);
                AddIf(events, StrategyEvents.Books, books[id], subscription);
            }
        }

        _quoteSubscribers = ToArrays(quotes);
        _tradeSubscribers = ToArrays(trades);
        _bookSubscribers = ToArrays(books);
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

    public bool IsEnabled(int strategyId) => _contexts[strategyId].Enabled;

    /// <summary>Enables or disables a strategy; false when the id is not configured.</summary>
    public bool SetEnabled(int strategyId, bool enabled)
    {
        if ((uint)strategyId >= (uint)_strategies.Length)
        {
            return false;
        }

        _contexts[strategyId].Enabled = enabled;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnQuote(in QuoteTick quote)
    {
        StrategySubscription[] subscribers = _quoteSubscribers[quote.InstrumentId];
        for (int i = 0; i < subscribers.Length; i++)
        {
            StrategyContext context = subscribers[i].Context;
            if (context.Enabled)
            {
                context.CurrentReceiveTs = quote.ReceiveTs;
                subscribers[i].Strategy.OnQuote(quote);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnTrade(in TradeTick trade)
    {
        StrategySubscription[] subscribers = _tradeSubscribers[trade.InstrumentId];
        for (int i = 0; i < subscribers.Length; i++)
        {
            StrategyContext context = subscribers[i].Context;
            if (context.Enabled)
            {
                context.CurrentReceiveTs = trade.ReceiveTs;
                subscribers[i].Strategy.OnTrade(trade);
            }
        }
    }

    public void OnBook(int instrumentId, long receiveTs)
    {
        StrategySubscription[] subscribers = _bookSubscribers[instrumentId];
        for (int i = 0; i < subscribers.Length; i++)
        {
            StrategyContext context = subscribers[i].Context;
            if (context.Enabled)
            {
                context.CurrentReceiveTs = receiveTs;
                subscribers[i].Strategy.OnBook(instrumentId);
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

    public void OnOrderReplaced(int strategyId, long clOrdId, bool rejected) => _strategies[strategyId].OnOrderReplaced(clOrdId, rejected);

    public void OnTimer(long nowNs)
    {
        for (int s = 0; s < _strategies.Length; s++)
        {
            StrategyContext context = _contexts[s];
            if (context.Enabled)
            {
                // Timer-driven decisions have no causing tick: no receive time, no tick-to-decision sample.
                context.CurrentReceiveTs = 0;
                _strategies[s].OnTimer(nowNs);
            }
        }
    }

    private static List<StrategySubscription>[] NewLists(int count)
    {
        var lists = new List<StrategySubscription>[count];
        for (int i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }

        return lists;
    }

    private static void AddIf(StrategyEvents events, StrategyEvents kind, List<StrategySubscription> list, StrategySubscription subscription)
    {
        if ((events & kind) != 0)
        {
            list.Add(subscription);
        }
    }

    private static StrategySubscription[][] ToArrays(List<StrategySubscription>[] lists)
    {
        var arrays = new StrategySubscription[lists.Length][];
        for (int i = 0; i < lists.Length; i++)
        {
            arrays[i] = [.. lists[i]];
        }

        return arrays;
    }
}
