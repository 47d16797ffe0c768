namespace Llt.Hotpath.Strategies;

/// <summary>
/// One entry of the host's per-instrument dispatch lists: the strategy and its context side by side, so a tick
/// reaches both (enabled flag, receive stamp, hook) from one array element instead of three arrays by strategy id.
/// </summary>
internal readonly struct StrategySubscription(Strategy strategy, StrategyContext context)
{
    public readonly Strategy Strategy = strategy;
    public readonly StrategyContext Context = context;
}
