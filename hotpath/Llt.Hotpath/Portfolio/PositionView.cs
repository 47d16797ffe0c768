namespace Llt.Hotpath.Portfolio;

/// <summary>
/// A copy of one position (of a strategy in an instrument, or the instrument aggregate over all strategies).
/// Money and prices in 10^-8. <see cref="AveragePrice"/> is derived from the exact <see cref="CostBasis"/>,
/// rounded half away from zero, and 0 when flat (<see cref="IsFlat"/>).
/// </summary>
public readonly record struct PositionView(
    long Quantity,
    Int128 CostBasis,
    long AveragePrice,
    long RealizedPnl,
    long UnrealizedPnl,
    long Fees,
    long Mark)
{
    public bool IsFlat => Quantity == 0;
}
