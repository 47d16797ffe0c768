using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Llt.Hotpath.Risk;

/// <summary>
/// Scenario P&amp;L for historical simulation: pnl[s] = Σ_i exposure[i] × returns[s × stride + i], i.e. today's
/// exposures revalued under each historical day's instrument returns. <see cref="ComputeVector256"/> and
/// <see cref="ComputeScalar"/> sum in the same order (4 lane accumulators, then (l0 + l1) + (l2 + l3), then the
/// tail, no FMA) so their results are bit-identical, which the tests pin.
/// </summary>
public static class ScenarioPnlKernel
{
    /// <summary>Vector path when the hardware has it, else the scalar one.</summary>
    public static void Compute(ReadOnlySpan<double> exposures, ReadOnlySpan<double> returns, int stride, Span<double> pnl)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            ComputeVector256(exposures, returns, stride, pnl);
        }
        else
        {
            ComputeScalar(exposures, returns, stride, pnl);
        }
    }

    public static void ComputeVector256(ReadOnlySpan<double> exposures, ReadOnlySpan<double> returns, int stride, Span<double> pnl)
    {
        CheckShape(exposures, returns, stride, pnl);
        int n = exposures.Length;
        int vectorEnd = n - (n % Vector256<double>.Count);
        ref double e = ref MemoryMarshal.GetReference(exposures);
        for (int s = 0; s < pnl.Length; s++)
        {
            ref double r = ref Unsafe.Add(ref MemoryMarshal.GetReference(returns), s * stride);
            Vector256<double> acc = Vector256<double>.Zero;
            for (int i = 0; i < vectorEnd; i += Vector256<double>.Count)
            {
                // multiply then add (not FMA) to match the scalar path's rounding exactly
                acc += Vector256.LoadUnsafe(ref e, (nuint)i) * Vector256.LoadUnsafe(ref r, (nuint)i);
            }

            double sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
            for (int i = vectorEnd; i < n; i++)
            {
                sum += Unsafe.Add(ref e, i) * Unsafe.Add(ref r, i);
            }

            pnl[s] = sum;
        }
    }

    public static void ComputeScalar(ReadOnlySpan<double> exposures, ReadOnlySpan<double> returns, int stride, Span<double> pnl)
    {
        CheckShape(exposures, returns, stride, pnl);
        int n = exposures.Length;
        int vectorEnd = n - (n % 4);
        for (int s = 0; s < pnl.Length; s++)
        {
            ReadOnlySpan<double> row = returns.Slice(s * stride, n);
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int i = 0; i < vectorEnd; i += 4)
            {
                a0 += exposures[i] * row[i];
                a1 += exposures[i + 1] * row[i + 1];
                a2 += exposures[i + 2] * row[i + 2];
                a3 += exposures[i + 3] * row[i + 3];
            }

            double sum = (a0 + a1) + (a2 + a3);
            for (int i = vectorEnd; i < n; i++)
            {
                sum += exposures[i] * row[i];
            }

            pnl[s] = sum;
        }
    }

    private static void CheckShape(ReadOnlySpan<double> exposures, ReadOnlySpan<double> returns, int stride, Span<double> pnl)
    {
        if (stride < exposures.Length || (pnl.Length > 0 && returns.Length < ((pnl.Length - 1) * stride) + exposures.Length))
        {
            ThrowShape();
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowShape() => throw new ArgumentException("returns must hold pnl.Length rows of stride ≥ exposures.Length");
}
