using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Llt.Hotpath.Indicators;

/// <summary>Stores the rolling standard deviation.</summary>
internal ref struct StdDevSink : IWindowMomentsSink
{
    private readonly Span<double> _output;

    public StdDevSink(Span<double> output)
    {
        _output = output;
    }

    public static bool NeedsVariance => true;

    public readonly void WriteNotReady(int index) => _output[index] = double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int index, double value, double mean, double variance) => _output[index] = Math.Sqrt(variance);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int index, Vector256<double> value, Vector256<double> mean, Vector256<double> variance) =>
        Vector256.Sqrt(variance).StoreUnsafe(ref MemoryMarshal.GetReference(_output), (nuint)index);
}
