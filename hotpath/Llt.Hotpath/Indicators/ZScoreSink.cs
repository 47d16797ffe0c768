using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Llt.Hotpath.Indicators;

/// <summary>Stores (x − mean) / σ, or 0 where the variance is at or below the floor (see <see cref="RollingZScore"/>).</summary>
internal ref struct ZScoreSink : IWindowMomentsSink
{
    private readonly Span<double> _output;
    private readonly double _minVariance;

    public ZScoreSink(Span<double> output, double minVariance)
    {
        _output = output;
        _minVariance = minVariance;
    }

    public static bool NeedsVariance => true;

    public readonly void WriteNotReady(int index) => _output[index] = double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int index, double value, double mean, double variance) =>
        _output[index] = variance <= _minVariance ? 0.0 : (value - mean) / Math.Sqrt(variance);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int index, Vector256<double> value, Vector256<double> mean, Vector256<double> variance)
    {
        // divide everywhere, then blend 0 into the flat lanes: a branch per lane would cost more than the divide
        Vector256<double> flat = Vector256.LessThanOrEqual(variance, Vector256.Create(_minVariance));
        Vector256<double> z = (value - mean) / Vector256.Sqrt(variance);
        Vector256.ConditionalSelect(flat, Vector256<double>.Zero, z)
            .StoreUnsafe(ref MemoryMarshal.GetReference(_output), (nuint)index);
    }
}
