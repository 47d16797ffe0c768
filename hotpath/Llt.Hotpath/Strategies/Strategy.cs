namespace Llt.Hotpath.Strategies;

/// <summary>
/// Base of every strategy. The engine calls the <c>On*</c> hooks on its trading thread, one event at a
/// time, for the instruments the strategy subscribed to in config; a strategy acts only through its
/// <see cref="Context"/> (read books, indicators' inputs and positions; submit and cancel orders). Hooks
/// must not block, allocate or throw on the hot path: allocate in <see cref="OnStart"/>.
/// </summary>
/// <example>
/// <code>
/// public sealed class CrossingStrategy : Strategy
/// {
///     public override void OnQuote(in QuoteTick quote)
///     {
///         if (Context.Position(quote.InstrumentId) == 0 &amp;&amp; quote.Spread &lt;= Context.Instrument(quote.InstrumentId).TickSize)
///         {
///             Context.Submit(OrderRequest.Limit(quote.InstrumentId, Side.Buy, 100, quote.BidPrice));
///         }
///     }
/// }
/// </code>
/// </example>
public abstract class Strategy
{
    private StrategyContext? _context;

    /// <summary>Set by the engine before <see cref="OnStart"/>.</summary>
    public StrategyContext Context => _context ?? throw new InvalidOperationException("strategy not attached to an engine");

    public string Name => Context.Config.Name;

    internal void Attach(StrategyContext context)
    {
        _context = context;
        OnAttached();
    }

    /// <summary>
    /// Once, as the engine is built (the host's constructor), with <see cref="Context"/> set: validate
    /// parameters here, throwing <see cref="Config.ConfigException"/> naming <c>strategies[i].parameters.&lt;name&gt;</c>,
    /// so a bad config refuses to start the engine instead of failing later on the trading thread.
    /// </summary>
    protected virtual void OnAttached()
    {
    }

    /// <summary>Once, before any event: read parameters, allocate state (indicators per instrument).</summary>
    public virtual void OnStart()
    {
    }

    /// <summary>
    /// The market data hooks the engine calls for this strategy; read once, as the engine is built (after
    /// <see cref="OnAttached"/>). Default: all of them. Narrow it to the hooks you override and a tick of another
    /// kind costs your strategy nothing (not even the empty virtual call).
    /// </summary>
    public virtual StrategyEvents Events => StrategyEvents.All;

    public virtual void OnQuote(in QuoteTick quote)
    {
    }

    public virtual void OnTrade(in TradeTick trade)
    {
    }

    /// <summary>The instrument's order book changed (L2/L3 feeds).</summary>
    public virtual void OnBook(int instrumentId)
    {
    }

    /// <summary>One of this strategy's orders (partly) filled; positions already include it.</summary>
    public virtual void OnFill(in Fill fill)
    {
    }

    /// <summary>One of this strategy's orders was rejected or cancelled without a fill.</summary>
    public virtual void OnOrderClosed(long clOrdId, bool rejected)
    {
    }

    /// <summary>
    /// The answer to <see cref="StrategyContext.Replace"/> for order <paramref name="clOrdId"/>: applied (the order works
    /// at its new terms, under the same id) or rejected (by risk or the venue; the order works on at its old terms,
    /// unless it closed meanwhile, which <see cref="OnOrderClosed"/> or the fills say).
    /// </summary>
    public virtual void OnOrderReplaced(long clOrdId, bool rejected)
    {
    }

    /// <summary>Periodic timer (the engine's timer interval), engine monotonic ns.</summary>
    public virtual void OnTimer(long nowNs)
    {
    }

    public virtual void OnStop()
    {
    }
}
