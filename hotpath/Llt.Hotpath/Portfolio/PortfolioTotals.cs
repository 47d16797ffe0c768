namespace Llt.Hotpath.Portfolio;

/// <summary>
/// Portfolio-wide figures, all money in 10^-8. Equity = realized (net of fees) + unrealized; daily P&amp;L is
/// equity minus equity at the last <see cref="PortfolioLedger.StartNewDay"/>; drawdown is high-water mark minus
/// equity. Exposures use each instrument's position netted across strategies.
/// </summary>
public readonly record struct PortfolioTotals(
    long RealizedPnl,
    long UnrealizedPnl,
    long Fees,
    long DailyPnl,
    long HighWaterMark,
    long Drawdown,
    long MaxDrawdown,
    long GrossExposure,
    long NetExposure)
{
    public long Equity => RealizedPnl + UnrealizedPnl;
}
