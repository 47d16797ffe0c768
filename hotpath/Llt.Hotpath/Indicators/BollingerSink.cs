using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Llt.Hotpath.Indicators;

/// <summary>Stores middle = mean and upper/lower = mean ± k·σ.</summary>
internal ref struct BollingerSink : IWindowMomentsSink
{
    private readonly Span<double> _middle;
    private readonly Span<double> _upper;
    private readonly Span<double> _lower;
    private readonly double _width;

    public BollingerSink(Span<double> middle, Span<double> upper, Span<double> lower, double width)
    {
        _middle = middle;
        _upper = upper;
        _lower = lower;
        _width = width;
    }

    public static bool NeedsVariance => true;

    public readonly void WriteNotReady(int index)
    {
        _middle[index] = double.NaN;
        _upper[index] = double.NaN;
        _lower[index] = double.NaN;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int index, double value, double mean, double variance)
    {
        double halfWidth = _width * Math.Sqrt(variance);
        _middle[index] = mean;
        _upper[index] = mean + halfWidth;
        _lower[index] = mean - halfWidth;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int index, Vector256<double> value, Vector256<double> mean, Vector256<double> variance)
    {
        Vector256<double> halfWidth = Vector256.Create(_width) * Vector256.Sqrt(variance);
        mean.StoreUnsafe(ref MemoryMarshal.GetReference(_middle), (nuint)index);
        (mean + halfWidth).StoreUnsafe(ref MemoryMarshal.GetReference(_upper), (nuint)index);
        (mean - halfWidth).StoreUnsafe(ref MemoryMarshal.GetReference(_lower), (nuint)index);
    }
}
