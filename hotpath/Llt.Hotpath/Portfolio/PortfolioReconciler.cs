namespace Llt.Hotpath.Portfolio;

/// <summary>
/// Rebuilds positions from a list of fills alone (as after a restart from the journal) and compares them,
/// position by position, with a live ledger: quantity, exact cost basis, realized P&amp;L, fees and fill count.
/// Marks are not part of fills, so unrealized P&amp;L is not compared. Allocates a scratch ledger: not for the
/// hot path.
/// </summary>
public static class PortfolioReconciler
{
    public static ReconciliationResult Reconcile(PortfolioLedger ledger, ReadOnlySpan<FillRecord> fills)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        using var rebuilt = new PortfolioLedger(ledger.StrategyCount, ledger.InstrumentCount);
        int rejected = rebuilt.ApplyFills(fills);
        int mismatches = 0;
        int firstStrategy = -1;
        int firstInstrument = -1;
        for (int i = 0; i < ledger.InstrumentCount; i++)
        {
            for (int s = 0; s < ledger.StrategyCount; s++)
            {
                ref readonly PositionSlot live = ref ledger.Slot(s, i);
                ref readonly PositionSlot expected = ref rebuilt.Slot(s, i);
                bool same = live.Quantity == expected.Quantity
                    && live.CostBasis == expected.CostBasis
                    && live.RealizedPnl == expected.RealizedPnl
                    && live.Fees == expected.Fees
                    && live.FillCount == expected.FillCount;
                if (!same)
                {
                    if (mismatches == 0)
                    {
                        firstStrategy = s;
                        firstInstrument = i;
                    }

                    mismatches++;
                }
            }
        }

        return new ReconciliationResult(mismatches, firstStrategy, firstInstrument, rejected);
    }
}
