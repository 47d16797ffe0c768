namespace Llt.Hotpath.Portfolio;

/// <summary>
/// Where an instrument's current mark came from, in order of authority: a quote mid (or an explicit
/// <see cref="PortfolioLedger.OnMark"/>) beats a last trade, which beats our own fill price.
/// </summary>
public enum MarkSource
{
    None = 0,
    Fill = 1,
    Trade = 2,
    Quote = 3,
}
