using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

/// <summary>
/// Obviously-correct definitions: every value recomputed from the raw window with LINQ, two-pass variance, the
/// textbook form of each recurrence. Slow on purpose; NaN where the indicator is not ready.
/// </summary>
internal static class ReferenceIndicators
{
    public static double[] Window(double[] values, int index, int window) =>
        values.Skip(index - window + 1).Take(window).ToArray();

    public static double[] Sma(double[] values, int window) =>
        PerWindow(values, window, w => w.Average());

    public static double[] Variance(double[] values, int window, VarianceKind kind) =>
        PerWindow(values, window, w => VarianceOf(w, kind));

    public static double[] StdDev(double[] values, int window, VarianceKind kind) =>
        PerWindow(values, window, w => Math.Sqrt(VarianceOf(w, kind)));

    public static double[] ZScore(double[] values, int window, VarianceKind kind, double minStdDev = 0.0) =>
        PerWindow(values, window, w =>
        {
            double sigma = Math.Sqrt(VarianceOf(w, kind));
            return sigma <= minStdDev ? 0.0 : (w[^1] - w.Average()) / sigma;
        });

    public static double[] RollingMax(double[] values, int window) => PerWindow(values, window, w => w.Max());

    public static double[] RollingMin(double[] values, int window) => PerWindow(values, window, w => w.Min());

    public static double VarianceOf(double[] window, VarianceKind kind)
    {
        double mean = window.Average();
        double squares = window.Sum(x => (x - mean) * (x - mean));
        return squares / (kind == VarianceKind.Sample ? window.Length - 1 : window.Length);
    }

    public static double[] Vwap(double[] prices, double[] volumes, int window)
    {
        var result = new double[prices.Length];
        for (int i = 0; i < prices.Length; i++)
        {
            if (i < window - 1)
            {
                result[i] = double.NaN;
                continue;
            }

            double[] p = Window(prices, i, window);
            double[] v = Window(volumes, i, window);
            double volume = v.Sum();
            result[i] = volume > 0 ? p.Zip(v, (a, b) => a * b).Sum() / volume : double.NaN;
        }

        return result;
    }

    public static double[] SessionVwap(double[] prices, double[] volumes)
    {
        var result = new double[prices.Length];
        for (int i = 0; i < prices.Length; i++)
        {
            double volume = volumes.Take(i + 1).Sum();
            double notional = prices.Take(i + 1).Zip(volumes, (a, b) => a * b).Sum();
            result[i] = volume > 0 ? notional / volume : double.NaN;
        }

        return result;
    }

    /// <summary>SMA-seeded EMA in the textbook form ema = α·x + (1 − α)·ema.</summary>
    public static double[] Ema(double[] values, int period)
    {
        var result = new double[values.Length];
        double alpha = 2.0 / (period + 1);
        double ema = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (i < period - 1)
            {
                result[i] = double.NaN;
                continue;
            }

            ema = i == period - 1 ? values.Take(period).Average() : alpha * values[i] + (1 - alpha) * ema;
            result[i] = ema;
        }

        return result;
    }

    /// <summary>Wilder: first ATR = mean of the first n true ranges, then (atr·(n − 1) + tr) / n.</summary>
    public static double[] Atr(double[] highs, double[] lows, double[] closes, int period)
    {
        double[] trueRanges = highs.Select((h, i) => i == 0
            ? h - lows[i]
            : new[] { h - lows[i], Math.Abs(h - closes[i - 1]), Math.Abs(lows[i] - closes[i - 1]) }.Max()).ToArray();
        var result = new double[highs.Length];
        double atr = 0;
        for (int i = 0; i < highs.Length; i++)
        {
            if (i < period - 1)
            {
                result[i] = double.NaN;
                continue;
            }

            atr = i == period - 1 ? trueRanges.Take(period).Average() : (atr * (period - 1) + trueRanges[i]) / period;
            result[i] = atr;
        }

        return result;
    }

    /// <summary>Wilder RSI, textbook 100 − 100 / (1 + RS); 100 when there are no losses, 50 when nothing moved.</summary>
    public static double[] Rsi(double[] values, int period)
    {
        var result = new double[values.Length];
        double averageGain = 0;
        double averageLoss = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (i < period)
            {
                result[i] = double.NaN;
                continue;
            }

            if (i == period)
            {
                double[] changes = Enumerable.Range(1, period).Select(k => values[k] - values[k - 1]).ToArray();
                averageGain = changes.Select(c => Math.Max(c, 0)).Average();
                averageLoss = changes.Select(c => Math.Max(-c, 0)).Average();
            }
            else
            {
                double change = values[i] - values[i - 1];
                averageGain = (averageGain * (period - 1) + Math.Max(change, 0)) / period;
                averageLoss = (averageLoss * (period - 1) + Math.Max(-change, 0)) / period;
            }

            result[i] = averageLoss == 0
                ? (averageGain == 0 ? 50.0 : 100.0)
                : 100.0 - 100.0 / (1.0 + averageGain / averageLoss);
        }

        return result;
    }

    private static double[] PerWindow(double[] values, int window, Func<double[], double> indicator)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = i < window - 1 ? double.NaN : indicator(Window(values, i, window));
        }

        return result;
    }
}
