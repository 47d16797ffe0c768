namespace Llt.Hotpath.Tests.Indicators;

/// <summary>
/// The stated tolerances. Means: 1e-12 of the largest magnitude (the reference's own LINQ sum is no better).
/// Variances: 1e-12 · n · spread², the bound of a rolling sum of squared deviations that has seen the whole
/// spread pass through it since its last rebuild; σ: the square root of that. Recurrences (EMA, ATR, RSI): 1e-9
/// of the value scale.
/// </summary>
internal static class IndicatorTolerance
{
    public static double Mean(double[] values) => 1e-12 * Math.Max(TestSeries.MaxAbs(values), 1.0);

    public static double Variance(double[] values, int window)
    {
        double spread = Math.Max(TestSeries.Spread(values), 1e-3);
        return 1e-12 * window * spread * spread;
    }

    public static double StdDev(double[] values, int window) => Math.Sqrt(Variance(values, window));

    public static double Recurrence(double[] values) => 1e-9 * Math.Max(TestSeries.MaxAbs(values), 1.0);

    public static readonly int[] Windows = [1, 2, 3, 5, 17, 64];

    public static IEnumerable<object[]> SeriesAndWindows(int minimumWindow = 1)
    {
        foreach (string name in TestSeries.Names)
        {
            foreach (int window in Windows)
            {
                if (window >= minimumWindow)
                {
                    yield return [name, window];
                }
            }

            // window = length
            yield return [name, SeriesLength];
        }
    }

    public const int SeriesLength = 300;
}
