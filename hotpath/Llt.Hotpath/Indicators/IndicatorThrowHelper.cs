using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>Throw sites of the indicators, kept out of line so constructors and kernels stay small.</summary>
internal static class IndicatorThrowHelper
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgumentOutOfRange(string paramName, long value, string message) =>
        throw new ArgumentOutOfRangeException(paramName, value, message);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgument(string paramName, string message) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowPlatformNotSupported() =>
        throw new PlatformNotSupportedException("The vector indicator kernels need AVX2 and FMA (x86-64-v3).");

    /// <summary>Boundary check shared by every constructor and kernel that takes a window length.</summary>
    public static void CheckWindow(int window, int minimum = 1)
    {
        if (window < minimum)
        {
            ThrowArgumentOutOfRange(nameof(window), window, $"window must be at least {minimum}");
        }
    }

    /// <summary>Boundary check of a kernel's output span against its input.</summary>
    public static void CheckOutput(int inputLength, int outputLength, string paramName)
    {
        if (outputLength < inputLength)
        {
            ThrowArgument(paramName, $"output length {outputLength} is shorter than input length {inputLength}");
        }
    }

    /// <summary>Minimum window of a variance of <paramref name="kind"/>: the sample estimator divides by n - 1.</summary>
    public static void CheckVarianceWindow(int window, VarianceKind kind) =>
        CheckWindow(window, kind == VarianceKind.Sample ? 2 : 1);
}
