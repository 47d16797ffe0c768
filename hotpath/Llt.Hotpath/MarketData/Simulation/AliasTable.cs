using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// Vose's alias method over a finite distribution: column i keeps itself with probability threshold[i] and
/// otherwise yields alias[i], which together reproduce the weights exactly. A draw is one 64-bit number, one
/// multiply, two loads and one compare, whatever the number of outcomes. Built once; deterministic (stable
/// work-list order, IEEE basic operations only).
/// </summary>
public sealed class AliasTable
{
    // ⌈threshold·2^53⌉: a 53-bit fraction f keeps the column exactly when f < this, i.e. f·2^-53 < threshold
    private readonly ulong[] _threshold;
    private readonly int[] _alias;

    /// <param name="weights">Non-negative, finite, not all zero; need not sum to 1.</param>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        int n = weights.Length;
        if (n == 0)
        {
            SimulatorThrowHelper.ThrowArgument(nameof(weights), "at least one outcome is required");
        }

        double total = 0;
        foreach (double weight in weights)
        {
            if (!(weight >= 0) || double.IsPositiveInfinity(weight))
            {
                SimulatorThrowHelper.ThrowArgument(nameof(weights), $"weights must be finite and non-negative, was {weight}");
            }

            total += weight;
        }

        if (!(total > 0))
        {
            SimulatorThrowHelper.ThrowArgument(nameof(weights), "weights must not all be zero");
        }

        var threshold = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new Stack<int>(n);
        var large = new Stack<int>(n);
        for (int i = n - 1; i >= 0; i--)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            int less = small.Pop();
            int more = large.Pop();
            threshold[less] = scaled[less];
            _alias[less] = more;
            scaled[more] = (scaled[more] + scaled[less]) - 1.0;
            (scaled[more] < 1.0 ? small : large).Push(more);
        }

        // what is left is 1 up to rounding: those columns always keep themselves
        while (large.Count > 0)
        {
            int i = large.Pop();
            threshold[i] = 1.0;
            _alias[i] = i;
        }

        while (small.Count > 0)
        {
            int i = small.Pop();
            threshold[i] = 1.0;
            _alias[i] = i;
        }

        // scaling by 2^53 is exact, so the integer compare decides exactly as the floating-point one would
        _threshold = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            _threshold[i] = (ulong)Math.Ceiling(threshold[i] * (1UL << 53));
        }
    }

    /// <summary>Number of outcomes.</summary>
    public int Count => _alias.Length;

    /// <summary>An outcome in [0, Count) with probability weight/total, from one uniform 64-bit draw.</summary>
    /// <remarks>
    /// The high word of u·n is the column, the low word (the fraction u·n − column, uniform given the column)
    /// decides column or alias; the bias is below n/2^64.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Sample(ulong bits)
    {
        int[] alias = _alias;
        ulong high = Math.BigMul(bits, (ulong)alias.Length, out ulong low);
        // high < n by construction: no bounds check
        int column = (int)high;
        ulong threshold = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_threshold), column);
        // both loads first, then a select: column or alias is a coin the branch predictor cannot learn
        int aliasColumn = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(alias), column);
        return (low >> 11) < threshold ? column : aliasColumn;
    }
}
