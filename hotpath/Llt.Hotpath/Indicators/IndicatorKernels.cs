namespace Llt.Hotpath.Indicators;

/// <summary>
/// Batch indicators over arrays (backtests, recomputing windows): output[i] is the indicator's value after
/// input[i], the same value the streaming type reports after the same updates, and NaN where the streaming type is
/// not ready (i &lt; n − 1 for windows). Output spans must be at least as long as the input. Dispatches to
/// <see cref="VectorIndicatorKernels"/> (AVX2) when <see cref="IsVectorized"/>, else to
/// <see cref="ScalarIndicatorKernels"/>; the two agree to the tolerance documented there.
/// </summary>
/// <remarks>
/// Numerics: window sums are kept around an anchor (a nearby input) and recomputed from scratch every
/// max(8n, 4096) outputs, so the error never depends on the array length (see <see cref="RollingVariance"/> for
/// why). Nothing allocates; EMA of one series is serial (one dependent multiply-add per value) and stays scalar, so
/// <see cref="EmaColumns"/> vectorises across instruments instead. Rolling max/min use van Herk/Gil-Werman
/// (three comparisons per value, no data-dependent worst case, no scratch memory).
/// </remarks>
public static class IndicatorKernels
{
    public static bool IsVectorized => VectorIndicatorKernels.IsSupported;

    public static void Sma(ReadOnlySpan<double> input, int window, Span<double> output)
    {
        if (IsVectorized)
        {
            VectorIndicatorKernels.Sma(input, window, output);
        }
        else
        {
            ScalarIndicatorKernels.Sma(input, window, output);
        }
    }

    public static void RollingVariance(ReadOnlySpan<double> input, int window, VarianceKind kind, Span<double> output)
    {
        if (IsVectorized)
        {
            VectorIndicatorKernels.RollingVariance(input, window, kind, output);
        }
        else
        {
            ScalarIndicatorKernels.RollingVariance(input, window, kind, output);
        }
    }

    public static void RollingStdDev(ReadOnlySpan<double> input, int window, VarianceKind kind, Span<double> output)
    {
        if (IsVectorized)
        {
            VectorIndicatorKernels.RollingStdDev(input, window, kind, output);
        }
        else
        {
            ScalarIndicatorKernels.RollingStdDev(input, window, kind, output);
        }
    }

    /// <summary>(x[i] − mean) / σ over the window ending at i; 0 where σ ≤ <paramref name="minStdDev"/> (see <see cref="RollingZScore"/>).</summary>
    public static void ZScore(ReadOnlySpan<double> input, int window, VarianceKind kind, Span<double> output, double minStdDev = 0.0)
    {
        if (IsVectorized)
        {
            VectorIndicatorKernels.ZScore(input, window, kind, output, minStdDev);
        }
        else
        {
            ScalarIndicatorKernels.ZScore(input, window, kind, output, minStdDev);
        }
    }

    public static void BollingerBands(
        ReadOnlySpan<double> input, int window, double width, VarianceKind kind, Span<double> middle, Span<double> upper, Span<double> lower)
    {
        if (IsVectorized)
        {
            VectorIndicatorKernels.BollingerBands(input, window, width, kind, middle, upper, lower);
        }
        else
        {
            ScalarIndicatorKernels.BollingerBands(input, window, width, kind, middle, upper, lower);
        }
    }

    /// <summary>Rolling VWAP over the last n trades; NaN before n trades and where the window's volume is not positive.</summary>
    public static void Vwap(ReadOnlySpan<double> price, ReadOnlySpan<double> volume, int window, Span<double> output)
    {
        if (IsVectorized)
        {
            VectorIndicatorKernels.Vwap(price, volume, window, output);
        }
        else
        {
            ScalarIndicatorKernels.Vwap(price, volume, window, output);
        }
    }

    /// <summary>EMA per column of a row-major [rows × columns] matrix (one instrument per column).</summary>
    public static void EmaColumns(ReadOnlySpan<double> input, int columns, int period, Span<double> output)
    {
        if (IsVectorized)
        {
            VectorIndicatorKernels.EmaColumns(input, columns, period, output);
        }
        else
        {
            ScalarIndicatorKernels.EmaColumns(input, columns, period, output);
        }
    }

    /// <summary>EMA of one series, as <see cref="ExponentialMovingAverage"/>: NaN for i &lt; n − 1, then SMA-seeded.</summary>
    public static void Ema(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        IndicatorThrowHelper.CheckWindow(period);
        IndicatorThrowHelper.CheckOutput(input.Length, output.Length, nameof(output));
        int ready = Math.Min(period - 1, input.Length);
        output[..ready].Fill(double.NaN);
        if (input.Length < period)
        {
            return;
        }

        double ema = 0.0;
        for (int i = 0; i < period; i++)
        {
            ema += input[i];
        }

        ema /= period;
        output[period - 1] = ema;
        double alpha = 2.0 / (period + 1);
        double decay = 1.0 - alpha;
        for (int i = period; i < input.Length; i++)
        {
            // the streaming form, so batch and streaming agree bit for bit
            ema = Math.FusedMultiplyAdd(ema, decay, alpha * input[i]);
            output[i] = ema;
        }
    }

    /// <summary>Cumulative VWAP from index 0 (a session); NaN until some volume has traded.</summary>
    public static void SessionVwap(ReadOnlySpan<double> price, ReadOnlySpan<double> volume, Span<double> output)
    {
        IndicatorThrowHelper.CheckOutput(price.Length, volume.Length, nameof(volume));
        IndicatorThrowHelper.CheckOutput(price.Length, output.Length, nameof(output));
        double notional = 0.0;
        double traded = 0.0;
        for (int i = 0; i < price.Length; i++)
        {
            notional += price[i] * volume[i];
            traded += volume[i];
            output[i] = traded > 0.0 ? notional / traded : double.NaN;
        }
    }

    /// <summary>Highest value of the window ending at each index (NaN before it fills); exact, as <see cref="RollingHighLow.High"/>.</summary>
    public static void RollingMax(ReadOnlySpan<double> input, int window, Span<double> output) =>
        RollingExtreme<MaxSelector>(input, window, output);

    /// <summary>Lowest value of the window ending at each index (NaN before it fills); exact, as <see cref="RollingHighLow.Low"/>.</summary>
    public static void RollingMin(ReadOnlySpan<double> input, int window, Span<double> output) =>
        RollingExtreme<MinSelector>(input, window, output);

    internal static void CheckColumns(int inputLength, int columns, int period, int outputLength)
    {
        IndicatorThrowHelper.CheckWindow(period);
        if (columns < 1 || inputLength % columns != 0)
        {
            IndicatorThrowHelper.ThrowArgumentOutOfRange(nameof(columns), columns, "columns must be positive and divide the input length");
        }

        IndicatorThrowHelper.CheckOutput(inputLength, outputLength, "output");
    }

    /// <summary>
    /// van Herk/Gil-Werman: cut the input into blocks of n; the window ending at i spans the tail of one block
    /// (suffix extreme from i − n + 1) and the head of the next (prefix extreme up to i). Pass 1 writes the suffix
    /// extremes into output shifted by n − 1, so pass 2 reads output[i] before overwriting it: no scratch buffer.
    /// </summary>
    private static void RollingExtreme<TSelector>(ReadOnlySpan<double> input, int window, Span<double> output)
        where TSelector : struct, IExtremeSelector
    {
        IndicatorThrowHelper.CheckWindow(window);
        IndicatorThrowHelper.CheckOutput(input.Length, output.Length, nameof(output));
        int length = input.Length;
        int ready = Math.Min(window - 1, length);
        output[..ready].Fill(double.NaN);
        if (length < window)
        {
            return;
        }

        int shift = window - 1;
        // pass 1, backwards: output[j + n - 1] = extreme of input[j .. end of j's block], for j ≤ length - n
        int last = length - window;
        for (int blockStart = last - last % window; blockStart >= 0; blockStart -= window)
        {
            int blockEnd = Math.Min(blockStart + window, length) - 1;
            double suffix = input[blockEnd];
            int j = blockEnd;
            for (; j > last; j--)
            {
                suffix = TSelector.Select(input[j], suffix);
            }

            for (; j >= blockStart; j--)
            {
                suffix = TSelector.Select(input[j], suffix);
                output[j + shift] = suffix;
            }
        }

        // pass 2, forwards: prefix extreme of i's block, combined with the suffix extreme stored at output[i];
        // a countdown marks block starts (a modulo per value would cost a 20-40 cycle divide)
        double prefix = 0.0;
        int untilBlockStart = 0;
        for (int i = 0; i < length; i++)
        {
            double value = input[i];
            if (untilBlockStart == 0)
            {
                prefix = value;
                untilBlockStart = window;
            }
            else
            {
                prefix = TSelector.Select(value, prefix);
            }

            untilBlockStart--;
            if (i >= shift)
            {
                output[i] = TSelector.Select(output[i], prefix);
            }
        }
    }
}
