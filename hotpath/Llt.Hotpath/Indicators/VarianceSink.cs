using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Llt.Hotpath.Indicators;

/// <summary>Stores the rolling variance.</summary>
internal ref struct VarianceSink : IWindowMomentsSink
{
    private readonly Span<double> _output;

    public VarianceSink(Span<double> output)
    {
        _output = output;
    }

    public static bool NeedsVariance => true;

    public readonly void WriteNotReady(int index) => _output[index] = double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int index, double value, double mean, double variance) => _output[index] = variance;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int index, Vector256<double> value, Vector256<double> mean, Vector256<double> variance) =>
        variance.StoreUnsafe(ref MemoryMarshal.GetReference(_output), (nuint)index);
}
