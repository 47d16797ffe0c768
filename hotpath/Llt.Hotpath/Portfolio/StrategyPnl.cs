namespace Llt.Hotpath.Portfolio;

/// <summary>One strategy's P&amp;L over all instruments, money in 10^-8; realized is net of fees.</summary>
public readonly record struct StrategyPnl(int StrategyId, long RealizedPnl, long UnrealizedPnl, long Fees, long DailyPnl)
{
    public long Equity => RealizedPnl + UnrealizedPnl;
}
