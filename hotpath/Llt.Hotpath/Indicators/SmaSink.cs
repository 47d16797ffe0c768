using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Llt.Hotpath.Indicators;

/// <summary>Stores the rolling mean.</summary>
internal ref struct SmaSink : IWindowMomentsSink
{
    private readonly Span<double> _output;

    public SmaSink(Span<double> output)
    {
        _output = output;
    }

    public static bool NeedsVariance => false;

    public readonly void WriteNotReady(int index) => _output[index] = double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int index, double value, double mean, double variance) => _output[index] = mean;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int index, Vector256<double> value, Vector256<double> mean, Vector256<double> variance) =>
        mean.StoreUnsafe(ref MemoryMarshal.GetReference(_output), (nuint)index);
}
