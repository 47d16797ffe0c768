using System.Runtime.Intrinsics;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// What a batch kernel does with the rolling mean and variance at each index (store it, its square root, a
/// z-score, bands). The kernels are generic over the sink, so each use is compiled into its own loop and
/// <see cref="NeedsVariance"/> is a constant the JIT folds (the SMA skips the second sum entirely).
/// </summary>
internal interface IWindowMomentsSink
{
    static abstract bool NeedsVariance { get; }

    /// <summary>Index before the window has filled.</summary>
    void WriteNotReady(int index);

    void Write(int index, double value, double mean, double variance);

    /// <summary>Indices index .. index + 3.</summary>
    void Write(int index, Vector256<double> value, Vector256<double> mean, Vector256<double> variance);
}
