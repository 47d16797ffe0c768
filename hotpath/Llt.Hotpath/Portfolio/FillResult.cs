namespace Llt.Hotpath.Portfolio;

/// <summary>Outcome of <see cref="PortfolioLedger.OnFill"/>: a code, not an exception (STYLE.md §3).</summary>
public enum FillResult
{
    Applied = 0,
    UnknownStrategy = 1,
    UnknownInstrument = 2,
    InvalidQuantity = 3,
    InvalidSide = 4,
}
