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

        SortAscending(pnlInLossesOut);
        return (pnlInLossesOut[QuantileIndex(n, 0.95)], pnlInLossesOut[QuantileIndex(n, 0.99)]);
    }

    /// <summary>
    /// In-place heapsort, NaN first (as Array.Sort orders doubles). Not Span.Sort: under Native AOT that creates a
    /// comparison delegate on every call (96 B per risk timer, the only allocation the AOT engine made in a measured
    /// run); heapsort needs no recursion and no scratch, and the windows are a few hundred samples.
    /// </summary>
    public static void SortAscending(Span<double> values)
    {
        int n = values.Length;
        for (int start = (n / 2) - 1; start >= 0; start--)
        {
            SiftDown(values, start, n);
        }

        for (int end = n - 1; end > 0; end--)
        {
            (values[0], values[end]) = (values[end], values[0]);
            SiftDown(values, 0, end);
        }
    }

    private static void SiftDown(Span<double> heap, int root, int count)
    {
        while (true)
        {
            int child = (2 * root) + 1;
            if (child >= count)
            {
                return;
            }

            if (child + 1 < count && Less(heap[child], heap[child + 1]))
            {
                child++;
            }

            if (!Less(heap[root], heap[child]))
            {
                return;
            }

            (heap[root], heap[child]) = (heap[child], heap[root]);
            root = child;
        }
    }

    // a total order: NaN below every number, as in Array.Sort
    private static bool Less(double a, double b) => a < b || (double.IsNaN(a) && !double.IsNaN(b));

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
