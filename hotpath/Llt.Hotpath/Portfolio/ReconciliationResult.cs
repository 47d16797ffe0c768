namespace Llt.Hotpath.Portfolio;

/// <summary>
/// Outcome of <see cref="PortfolioReconciler.Reconcile"/>: how many (strategy, instrument) positions differ in
/// quantity, cost basis, realized P&amp;L, fees or fill count, and the first one that does (-1 when none).
/// </summary>
public readonly record struct ReconciliationResult(int MismatchCount, int FirstStrategyId, int FirstInstrumentId, int RejectedFills)
{
    public bool IsMatch => MismatchCount == 0;
}
