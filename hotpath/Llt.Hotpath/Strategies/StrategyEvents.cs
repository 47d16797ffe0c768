namespace Llt.Hotpath.Strategies;

/// <summary>
/// The market data hooks a strategy wants called (<see cref="Strategy.Events"/>). The host builds its per-instrument
/// dispatch lists from them once, so a tick costs nothing for strategies that ignore its kind. Fills, order closes
/// and timers always reach every strategy.
/// </summary>
[Flags]
public enum StrategyEvents
{
    None = 0,

    /// <summary><see cref="Strategy.OnQuote"/>: quotes, and the top of book a book feed derives.</summary>
    Quotes = 1,

    /// <summary><see cref="Strategy.OnTrade"/>.</summary>
    Trades = 2,

    /// <summary><see cref="Strategy.OnBook"/>: L2/L3 book changes.</summary>
    Books = 4,

    All = Quotes | Trades | Books,
}
