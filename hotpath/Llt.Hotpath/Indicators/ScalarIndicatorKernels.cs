namespace Llt.Hotpath.Indicators;

/// <summary>
/// The scalar batch kernels: the fallback of <see cref="IndicatorKernels"/> when AVX2/FMA are missing, and the
/// reference the vector kernels are tested against. Same chunking, anchors and per-element formulas as
/// <see cref="VectorIndicatorKernels"/>; only the order of the additions inside a running sum differs, so results
/// agree to a few ulps of the window sums (tests use a relative tolerance of 1e-9 on the spread of the window).
/// </summary>
public static class ScalarIndicatorKernels
{
    public static void Sma(ReadOnlySpan<double> input, int window, Span<double> output)
    {
        IndicatorThrowHelper.CheckWindow(window);
        IndicatorThrowHelper.CheckOutput(input.Length, output.Length, nameof(output));
        var sink = new SmaSink(output);
        Moments(input, window, VarianceKind.Population, ref sink);
    }

    public static void RollingVariance(ReadOnlySpan<double> input, int window, VarianceKind kind, Span<double> output)
    {
        IndicatorThrowHelper.CheckVarianceWindow(window, kind);
        IndicatorThrowHelper.CheckOutput(input.Length, output.Length, nameof(output));
        var sink = new VarianceSink(output);
        Moments(input, window, kind, ref sink);
    }

    public static void RollingStdDev(ReadOnlySpan<double> input, int window, VarianceKind kind, Span<double> output)
    {
        IndicatorThrowHelper.CheckVarianceWindow(window, kind);
        IndicatorThrowHelper.CheckOutput(input.Length, output.Length, nameof(output));
        var sink = new StdDevSink(output);
        Moments(input, window, kind, ref sink);
    }

    public static void ZScore(ReadOnlySpan<double> input, int window, VarianceKind kind, Span<double> output, double minStdDev = 0.0)
    {
        IndicatorThrowHelper.CheckVarianceWindow(window, kind);
        IndicatorThrowHelper.CheckOutput(input.Length, output.Length, nameof(output));
        var sink = new ZScoreSink(output, minStdDev * minStdDev);
        Moments(input, window, kind, ref sink);
    }

    public static void BollingerBands(
        ReadOnlySpan<double> input, int window, double width, VarianceKind kind, Span<double> middle, Span<double> upper, Span<double> lower)
    {
        IndicatorThrowHelper.CheckVarianceWindow(window, kind);
        IndicatorThrowHelper.CheckOutput(input.Length, middle.Length, nameof(middle));
        IndicatorThrowHelper.CheckOutput(input.Length, upper.Length, nameof(upper));
        IndicatorThrowHelper.CheckOutput(input.Length, lower.Length, nameof(lower));
        var sink = new BollingerSink(middle, upper, lower, width);
        Moments(input, window, kind, ref sink);
    }

    public static void Vwap(ReadOnlySpan<double> price, ReadOnlySpan<double> volume, int window, Span<double> output)
    {
        IndicatorThrowHelper.CheckWindow(window);
        IndicatorThrowHelper.CheckOutput(price.Length, volume.Length, nameof(volume));
        IndicatorThrowHelper.CheckOutput(price.Length, output.Length, nameof(output));
        int length = price.Length;
        int ready = Math.Min(window - 1, length);
        output[..ready].Fill(double.NaN);

        int chunkLength = WindowChunking.ChunkLength(window);
        for (int start = window - 1; start < length; start += chunkLength)
        {
            int end = (int)Math.Min((long)start + chunkLength, length);
            double anchor = price[start];
            double notional = 0.0;
            double traded = 0.0;
            for (int j = start - window + 1; j <= start; j++)
            {
                notional += (price[j] - anchor) * volume[j];
                traded += volume[j];
            }

            output[start] = VwapOf(anchor, notional, traded);
            for (int i = start + 1; i < end; i++)
            {
                int leaving = i - window;
                notional += (price[i] - anchor) * volume[i] - (price[leaving] - anchor) * volume[leaving];
                traded += volume[i] - volume[leaving];
                output[i] = VwapOf(anchor, notional, traded);
            }
        }
    }

    public static void EmaColumns(ReadOnlySpan<double> input, int columns, int period, Span<double> output)
    {
        IndicatorKernels.CheckColumns(input.Length, columns, period, output.Length);
        int rows = input.Length / columns;
        if (rows < period)
        {
            output[..input.Length].Fill(double.NaN);
            return;
        }

        double alpha = 2.0 / (period + 1);
        Span<double> seedRow = output.Slice((period - 1) * columns, columns);
        seedRow.Clear();
        for (int row = 0; row < period; row++)
        {
            ReadOnlySpan<double> inputRow = input.Slice(row * columns, columns);
            for (int column = 0; column < columns; column++)
            {
                seedRow[column] += inputRow[column];
            }
        }

        for (int column = 0; column < columns; column++)
        {
            seedRow[column] /= period;
        }

        output[..((period - 1) * columns)].Fill(double.NaN);
        for (int row = period; row < rows; row++)
        {
            ReadOnlySpan<double> inputRow = input.Slice(row * columns, columns);
            ReadOnlySpan<double> previous = output.Slice((row - 1) * columns, columns);
            Span<double> current = output.Slice(row * columns, columns);
            for (int column = 0; column < columns; column++)
            {
                current[column] = previous[column] + alpha * (inputRow[column] - previous[column]);
            }
        }
    }

    internal static double VwapOf(double anchor, double notionalFromAnchor, double volume) =>
        volume > 0.0 ? anchor + notionalFromAnchor / volume : double.NaN;

    /// <summary>
    /// Rolling S1 = Σ(x − K), S2 = Σ(x − K)² over each window, K re-anchored and sums recomputed every chunk
    /// (<see cref="WindowChunking"/>); mean = K + S1/n, variance = max(S2 − S1²/n, 0) / (n or n − 1).
    /// </summary>
    internal static void Moments<TSink>(ReadOnlySpan<double> input, int window, VarianceKind kind, ref TSink sink)
        where TSink : IWindowMomentsSink, allows ref struct
    {
        int length = input.Length;
        int ready = Math.Min(window - 1, length);
        for (int i = 0; i < ready; i++)
        {
            sink.WriteNotReady(i);
        }

        double inverseWindow = 1.0 / window;
        double inverseDenominator = 1.0 / (kind == VarianceKind.Sample ? window - 1 : window);
        int chunkLength = WindowChunking.ChunkLength(window);
        for (int start = window - 1; start < length; start += chunkLength)
        {
            int end = (int)Math.Min((long)start + chunkLength, length);
            double anchor = input[start];
            double sum = 0.0;
            double sumSquares = 0.0;
            for (int j = start - window + 1; j <= start; j++)
            {
                double deviation = input[j] - anchor;
                sum += deviation;
                if (TSink.NeedsVariance)
                {
                    sumSquares += deviation * deviation;
                }
            }

            Emit(ref sink, start, input[start], anchor, sum, sumSquares, inverseWindow, inverseDenominator);
            for (int i = start + 1; i < end; i++)
            {
                double entering = input[i] - anchor;
                double leaving = input[i - window] - anchor;
                double delta = entering - leaving;
                sum += delta;
                if (TSink.NeedsVariance)
                {
                    sumSquares += delta * (entering + leaving);
                }

                Emit(ref sink, i, input[i], anchor, sum, sumSquares, inverseWindow, inverseDenominator);
            }
        }
    }

    internal static void Emit<TSink>(
        ref TSink sink, int index, double value, double anchor, double sum, double sumSquares, double inverseWindow, double inverseDenominator)
        where TSink : IWindowMomentsSink, allows ref struct
    {
        double meanDeviation = sum * inverseWindow;
        double variance = TSink.NeedsVariance ? Math.Max(sumSquares - meanDeviation * sum, 0.0) * inverseDenominator : 0.0;
        sink.Write(index, value, anchor + meanDeviation, variance);
    }
}
