using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// The AVX2 batch kernels behind <see cref="IndicatorKernels"/> (x86-64-v3; check <see cref="IsSupported"/> before
/// calling them directly). Same outputs as <see cref="ScalarIndicatorKernels"/> within its documented tolerance.
/// </summary>
/// <remarks>
/// A rolling window sum is a running sum of the per-index change d[i] = f(x[i]) − f(x[i − n]). The changes of four
/// consecutive indices are computed in one vector, turned into their prefix sums inside the register (two
/// shift-and-add steps), and offset by a carry holding the sum before the block. The carry is advanced by the
/// block total, which is computed off the carry's dependency chain, so the only serial work is one vector add per
/// four outputs. Chunking and anchors are those of the scalar kernels (<see cref="WindowChunking"/>).
/// </remarks>
public static class VectorIndicatorKernels
{
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    public static void Sma(ReadOnlySpan<double> input, int window, Span<double> output)
    {
        CheckSupported();
        IndicatorThrowHelper.CheckWindow(window);
        IndicatorThrowHelper.CheckOutput(input.Length, output.Length, nameof(output));
        var sink = new SmaSink(output);
        Moments(input, window, VarianceKind.Population, ref sink);
    }

    public static void RollingVariance(ReadOnlySpan<double> input, int window, VarianceKind kind, Span<double> output)
    {
        CheckSupported();
        IndicatorThrowHelper.CheckVarianceWindow(window, kind);
        IndicatorThrowHelper.CheckOutput(input.Length, output.Length, nameof(output));
        var sink = new VarianceSink(output);
        Moments(input, window, kind, ref sink);
    }

    public static void RollingStdDev(ReadOnlySpan<double> input, int window, VarianceKind kind, Span<double> output)
    {
        CheckSupported();
        IndicatorThrowHelper.CheckVarianceWindow(window, kind);
        IndicatorThrowHelper.CheckOutput(input.Length, output.Length, nameof(output));
        var sink = new StdDevSink(output);
        Moments(input, window, kind, ref sink);
    }

    public static void ZScore(ReadOnlySpan<double> input, int window, VarianceKind kind, Span<double> output, double minStdDev = 0.0)
    {
        CheckSupported();
        IndicatorThrowHelper.CheckVarianceWindow(window, kind);
        IndicatorThrowHelper.CheckOutput(input.Length, output.Length, nameof(output));
        var sink = new ZScoreSink(output, minStdDev * minStdDev);
        Moments(input, window, kind, ref sink);
    }

    public static void BollingerBands(
        ReadOnlySpan<double> input, int window, double width, VarianceKind kind, Span<double> middle, Span<double> upper, Span<double> lower)
    {
        CheckSupported();
        IndicatorThrowHelper.CheckVarianceWindow(window, kind);
        IndicatorThrowHelper.CheckOutput(input.Length, middle.Length, nameof(middle));
        IndicatorThrowHelper.CheckOutput(input.Length, upper.Length, nameof(upper));
        IndicatorThrowHelper.CheckOutput(input.Length, lower.Length, nameof(lower));
        var sink = new BollingerSink(middle, upper, lower, width);
        Moments(input, window, kind, ref sink);
    }

    public static void Vwap(ReadOnlySpan<double> price, ReadOnlySpan<double> volume, int window, Span<double> output)
    {
        CheckSupported();
        IndicatorThrowHelper.CheckWindow(window);
        IndicatorThrowHelper.CheckOutput(price.Length, volume.Length, nameof(volume));
        IndicatorThrowHelper.CheckOutput(price.Length, output.Length, nameof(output));
        int length = price.Length;
        int ready = Math.Min(window - 1, length);
        output[..ready].Fill(double.NaN);

        ref double p = ref MemoryMarshal.GetReference(price);
        ref double v = ref MemoryMarshal.GetReference(volume);
        ref double o = ref MemoryMarshal.GetReference(output);
        Vector256<double> nan = Vector256.Create(double.NaN);
        int chunkLength = WindowChunking.ChunkLength(window);
        for (int start = window - 1; start < length; start += chunkLength)
        {
            int end = (int)Math.Min((long)start + chunkLength, length);
            double anchor = price[start];
            Vector256<double> anchors = Vector256.Create(anchor);

            // exact sums of the first window of the chunk, four lanes at a time
            Vector256<double> notionalLanes = Vector256<double>.Zero;
            Vector256<double> volumeLanes = Vector256<double>.Zero;
            int j = start - window + 1;
            for (; j + 4 <= start + 1; j += 4)
            {
                Vector256<double> vj = Vector256.LoadUnsafe(ref v, (nuint)j);
                notionalLanes += (Vector256.LoadUnsafe(ref p, (nuint)j) - anchors) * vj;
                volumeLanes += vj;
            }

            double notional = Vector256.Sum(notionalLanes);
            double traded = Vector256.Sum(volumeLanes);
            for (; j <= start; j++)
            {
                notional += (price[j] - anchor) * volume[j];
                traded += volume[j];
            }

            output[start] = ScalarIndicatorKernels.VwapOf(anchor, notional, traded);

            Vector256<double> notionalCarry = Vector256.Create(notional);
            Vector256<double> volumeCarry = Vector256.Create(traded);
            int i = start + 1;
            for (; i + 4 <= end; i += 4)
            {
                nuint entering = (nuint)i;
                nuint leaving = (nuint)(i - window);
                Vector256<double> enteringVolume = Vector256.LoadUnsafe(ref v, entering);
                Vector256<double> leavingVolume = Vector256.LoadUnsafe(ref v, leaving);
                Vector256<double> notionalDelta =
                    (Vector256.LoadUnsafe(ref p, entering) - anchors) * enteringVolume
                    - (Vector256.LoadUnsafe(ref p, leaving) - anchors) * leavingVolume;
                Vector256<double> notionalPrefix = InclusivePrefixSum(notionalDelta);
                Vector256<double> volumePrefix = InclusivePrefixSum(enteringVolume - leavingVolume);
                Vector256<double> notionals = notionalCarry + notionalPrefix;
                Vector256<double> volumes = volumeCarry + volumePrefix;
                notionalCarry += BroadcastLast(notionalPrefix);
                volumeCarry += BroadcastLast(volumePrefix);

                Vector256<double> vwap = anchors + notionals / volumes;
                Vector256.ConditionalSelect(Vector256.GreaterThan(volumes, Vector256<double>.Zero), vwap, nan)
                    .StoreUnsafe(ref o, entering);
            }

            notional = notionalCarry.ToScalar();
            traded = volumeCarry.ToScalar();
            for (; i < end; i++)
            {
                int leaving = i - window;
                notional += (price[i] - anchor) * volume[i] - (price[leaving] - anchor) * volume[leaving];
                traded += volume[i] - volume[leaving];
                output[i] = ScalarIndicatorKernels.VwapOf(anchor, notional, traded);
            }
        }
    }

    /// <summary>
    /// EMA of each column of a row-major [rows × columns] matrix (one instrument per column), four columns per
    /// vector: the recurrence is serial in time but independent across instruments.
    /// </summary>
    public static void EmaColumns(ReadOnlySpan<double> input, int columns, int period, Span<double> output)
    {
        CheckSupported();
        IndicatorKernels.CheckColumns(input.Length, columns, period, output.Length);
        int rows = input.Length / columns;
        if (rows < period)
        {
            output[..input.Length].Fill(double.NaN);
            return;
        }

        ref double x = ref MemoryMarshal.GetReference(input);
        ref double o = ref MemoryMarshal.GetReference(output);
        int seedOffset = (period - 1) * columns;
        int vectorColumns = columns & ~3;

        // seed row: the mean of the first n rows, accumulated in place in output row n - 1
        output.Slice(seedOffset, columns).Clear();
        for (int row = 0; row < period; row++)
        {
            int rowOffset = row * columns;
            int column = 0;
            for (; column < vectorColumns; column += 4)
            {
                nuint seedIndex = (nuint)(seedOffset + column);
                (Vector256.LoadUnsafe(ref o, seedIndex) + Vector256.LoadUnsafe(ref x, (nuint)(rowOffset + column)))
                    .StoreUnsafe(ref o, seedIndex);
            }

            for (; column < columns; column++)
            {
                output[seedOffset + column] += input[rowOffset + column];
            }
        }

        for (int column = 0; column < columns; column++)
        {
            output[seedOffset + column] /= period;
        }

        output[..seedOffset].Fill(double.NaN);

        double alpha = 2.0 / (period + 1);
        Vector256<double> alphas = Vector256.Create(alpha);
        for (int row = period; row < rows; row++)
        {
            int rowOffset = row * columns;
            int previousOffset = rowOffset - columns;
            int column = 0;
            for (; column < vectorColumns; column += 4)
            {
                Vector256<double> previous = Vector256.LoadUnsafe(ref o, (nuint)(previousOffset + column));
                Vector256<double> value = Vector256.LoadUnsafe(ref x, (nuint)(rowOffset + column));
                (previous + alphas * (value - previous)).StoreUnsafe(ref o, (nuint)(rowOffset + column));
            }

            for (; column < columns; column++)
            {
                double previous = output[previousOffset + column];
                output[rowOffset + column] = previous + alpha * (input[rowOffset + column] - previous);
            }
        }
    }

    /// <summary>The vector form of <see cref="ScalarIndicatorKernels.Moments"/>.</summary>
    internal static void Moments<TSink>(ReadOnlySpan<double> input, int window, VarianceKind kind, ref TSink sink)
        where TSink : IWindowMomentsSink, allows ref struct
    {
        int length = input.Length;
        int ready = Math.Min(window - 1, length);
        for (int k = 0; k < ready; k++)
        {
            sink.WriteNotReady(k);
        }

        ref double x = ref MemoryMarshal.GetReference(input);
        double inverseWindow = 1.0 / window;
        double inverseDenominator = 1.0 / (kind == VarianceKind.Sample ? window - 1 : window);
        Vector256<double> inverseWindows = Vector256.Create(inverseWindow);
        Vector256<double> inverseDenominators = Vector256.Create(inverseDenominator);
        int chunkLength = WindowChunking.ChunkLength(window);
        for (int start = window - 1; start < length; start += chunkLength)
        {
            int end = (int)Math.Min((long)start + chunkLength, length);
            double anchor = input[start];
            Vector256<double> anchors = Vector256.Create(anchor);

            // exact sums of the first window of the chunk, four lanes at a time
            Vector256<double> sumLanes = Vector256<double>.Zero;
            Vector256<double> sumSquaresLanes = Vector256<double>.Zero;
            int j = start - window + 1;
            for (; j + 4 <= start + 1; j += 4)
            {
                Vector256<double> deviation = Vector256.LoadUnsafe(ref x, (nuint)j) - anchors;
                sumLanes += deviation;
                if (TSink.NeedsVariance)
                {
                    sumSquaresLanes += deviation * deviation;
                }
            }

            double sum = Vector256.Sum(sumLanes);
            double sumSquares = TSink.NeedsVariance ? Vector256.Sum(sumSquaresLanes) : 0.0;
            for (; j <= start; j++)
            {
                double deviation = input[j] - anchor;
                sum += deviation;
                if (TSink.NeedsVariance)
                {
                    sumSquares += deviation * deviation;
                }
            }

            ScalarIndicatorKernels.Emit(ref sink, start, input[start], anchor, sum, sumSquares, inverseWindow, inverseDenominator);

            Vector256<double> sumCarry = Vector256.Create(sum);
            Vector256<double> sumSquaresCarry = Vector256.Create(sumSquares);
            int i = start + 1;
            for (; i + 4 <= end; i += 4)
            {
                Vector256<double> value = Vector256.LoadUnsafe(ref x, (nuint)i);
                Vector256<double> entering = value - anchors;
                Vector256<double> leaving = Vector256.LoadUnsafe(ref x, (nuint)(i - window)) - anchors;
                Vector256<double> delta = entering - leaving;
                Vector256<double> sumPrefix = InclusivePrefixSum(delta);
                Vector256<double> sums = sumCarry + sumPrefix;
                sumCarry += BroadcastLast(sumPrefix);
                Vector256<double> meanDeviations = sums * inverseWindows;
                Vector256<double> variances = Vector256<double>.Zero;
                if (TSink.NeedsVariance)
                {
                    Vector256<double> sumSquaresPrefix = InclusivePrefixSum(delta * (entering + leaving));
                    Vector256<double> sumsSquares = sumSquaresCarry + sumSquaresPrefix;
                    sumSquaresCarry += BroadcastLast(sumSquaresPrefix);
                    variances = Vector256.Max(sumsSquares - meanDeviations * sums, Vector256<double>.Zero) * inverseDenominators;
                }

                sink.Write(i, value, anchors + meanDeviations, variances);
            }

            sum = sumCarry.ToScalar();
            sumSquares = sumSquaresCarry.ToScalar();
            for (; i < end; i++)
            {
                double entering = input[i] - anchor;
                double leaving = input[i - window] - anchor;
                double delta = entering - leaving;
                sum += delta;
                if (TSink.NeedsVariance)
                {
                    sumSquares += delta * (entering + leaving);
                }

                ScalarIndicatorKernels.Emit(ref sink, i, input[i], anchor, sum, sumSquares, inverseWindow, inverseDenominator);
            }
        }
    }

    /// <summary>[a, b, c, d] → [a, a+b, a+b+c, a+b+c+d] in two shift-and-add steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> InclusivePrefixSum(Vector256<double> value)
    {
        // shift up one lane: [d, a, b, c] with lane 0 zeroed → [0, a, b, c]
        Vector256<double> shiftedOne = Avx.Blend(Avx2.Permute4x64(value, 0b10_01_00_11), Vector256<double>.Zero, 0b0001);
        Vector256<double> pairs = value + shiftedOne;
        // shift up two lanes: low 128 bits zeroed, high 128 bits = old low → [0, 0, a, a+b]
        Vector256<double> shiftedTwo = Avx.Permute2x128(pairs, pairs, 0x08);
        return pairs + shiftedTwo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> BroadcastLast(Vector256<double> value) => Avx2.Permute4x64(value, 0b11_11_11_11);

    private static void CheckSupported()
    {
        if (!IsSupported)
        {
            IndicatorThrowHelper.ThrowPlatformNotSupported();
        }
    }
}
