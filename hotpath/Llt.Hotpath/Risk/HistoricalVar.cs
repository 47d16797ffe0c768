namespace Llt.Hotpath.Risk;

/// <summary>
/// Historical-simulation VaR and drawdown over P&amp;L samples. VaR at confidence c is the loss L = −pnl such that
/// at least c of the samples lose no more than L: sort losses ascending and take index ⌈c × n⌉ − 1. Reported as a
/// loss (positive = money at risk; negative when even that quantile is a gain).
/// </summary>
public static class HistoricalVar
{
    /// <summary>Index of the <paramref name="confidence"/> quantile in <paramref name="count"/> ascending losses.</summary>
    public static int QuantileIndex(int count, double confidence)
    {
        int k = (int)Math.Ceiling((confidence * count) - 1e-9) - 1;
        return Math.Clamp(k, 0, count - 1);
    }

    /// <summary>
    /// Turns <paramref name="pnlInLossesOut"/> (P&amp;L samples) into sorted losses in place and returns the VaR at
    /// both confidences. NaN for an empty window.
    /// </summary>
    public static (double Var95, double Var99) Compute(Span<double> pnlInLossesOut)
    {
        int n = pnlInLossesOut.Length;
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        for (int i = 0; i < n; i++)
        {
            pnlInLossesOut[i] = -pnlInLossesOut[i];
        }

        pnlInLossesOut.Sort();
        return (pnlInLossesOut[QuantileIndex(n, 0.95)], pnlInLossesOut[QuantileIndex(n, 0.99)]);
    }

    /// <summary>Largest peak-to-trough fall of the cumulative P&amp;L path (starting at 0); 0 when it never falls.</summary>
    public static double MaxDrawdown(ReadOnlySpan<double> pnlChanges)
    {
        double cumulative = 0;
        double peak = 0;
        double worst = 0;
        foreach (double change in pnlChanges)
        {
            cumulative += change;
            peak = Math.Max(peak, cumulative);
            worst = Math.Max(worst, peak - cumulative);
        }

        return worst;
    }
}
