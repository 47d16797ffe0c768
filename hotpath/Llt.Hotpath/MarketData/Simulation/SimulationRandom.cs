using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// The simulator's sampler: uniform, normal and exponential (256-layer ziggurats) and lognormal variates over
/// one <see cref="Xoshiro256StarStar"/> stream. Uses only <see cref="DeterministicMath"/>, Math.Sqrt and exact
/// integer/bit operations, so a seed gives the same variates on every machine. A mutable struct: keep it in a
/// field and call it in place.
/// </summary>
public struct SimulationRandom
{
    // 2^-53: a 53-bit integer times this is an exactly representable double in [0, 1)
    private const double UnitScale = 1.0 / (1UL << 53);

    private Xoshiro256StarStar _generator;

    public SimulationRandom(ulong seed)
    {
        _generator = new Xoshiro256StarStar(seed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => _generator.NextUInt64();

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (_generator.NextUInt64() >> 11) * UnitScale;

    /// <summary>Uniform in (0, 1]: safe to take the log of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((_generator.NextUInt64() >> 11) + 1) * UnitScale;

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NextBool(double probability) => NextDouble() < probability;

    /// <summary>Uniform integer in [0, <paramref name="bound"/>), unbiased (Lemire's multiply-and-reject).</summary>
    public int NextInt(int bound)
    {
        ulong range = (ulong)bound;
        ulong high = Math.BigMul(_generator.NextUInt64(), range, out ulong low);
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                high = Math.BigMul(_generator.NextUInt64(), range, out low);
            }
        }

        return (int)high;
    }

    /// <summary>Standard normal N(0, 1) by the ziggurat (<see cref="ZigguratTable"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextNormal() => Normal(_generator.NextUInt64());

    /// <summary>
    /// Standard normal N(0, 1) by the ziggurat (<see cref="ZigguratTable"/>) whose first attempt uses
    /// <paramref name="bits"/> (a uniform 64-bit draw the caller took from elsewhere, e.g. a block); the rare
    /// rejections draw from this stream.
    /// </summary>
    /// <remarks>
    /// Bits 0–7 pick the layer, bits 11–63 as a signed integer give the point across it (and the sign). ~99% of
    /// draws return after one compare; the rest test the wedge with one Exp or, from the base layer, sample the
    /// tail beyond r exactly (Marsaglia 1964) with two Logs.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Normal(ulong bits)
    {
        ZigguratTable table = ZigguratTable.Normal;
        int layer = (int)(bits & ZigguratTable.LayerMask);
        long j = (long)bits >> 11;
        if (Math.Abs(j) < At(table.Inner, layer))
        {
            return j * At(table.Width, layer);
        }

        return NormalOutsideInner(bits);
    }

    /// <summary>
    /// The rest of <see cref="Normal(ulong)"/> when its first compare failed for <paramref name="bits"/> (the
    /// draw block evaluates the first compare for many draws at once and calls this for the ~1% left).
    /// </summary>
    public double NormalOutsideInner(ulong bits)
    {
        ZigguratTable table = ZigguratTable.Normal;
        while (true)
        {
            int layer = (int)(bits & ZigguratTable.LayerMask);
            long j = (long)bits >> 11;
            double x = j * At(table.Width, layer);
            if (Math.Abs(j) < At(table.Inner, layer))
            {
                return x;
            }

            if (layer == 0)
            {
                double tail = NextNormalTail(table.TailStart);
                return j < 0 ? -tail : tail;
            }

            double y = At(table.LowDensity, layer) + NextDouble() * At(table.DensityStep, layer);
            if (y < DeterministicMath.Exp(-0.5 * x * x))
            {
                return x;
            }

            bits = _generator.NextUInt64();
        }
    }

    /// <summary>Standard exponential (mean 1) by the ziggurat; the tail beyond r is r + a fresh draw (memoryless).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextStandardExponential() => StandardExponential(_generator.NextUInt64());

    /// <summary>
    /// Standard exponential by the ziggurat whose first attempt uses <paramref name="bits"/> (see
    /// <see cref="Normal(ulong)"/>); rejections and the tail draw from this stream.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double StandardExponential(ulong bits)
    {
        ZigguratTable table = ZigguratTable.Exponential;
        int layer = (int)(bits & ZigguratTable.LayerMask);
        long j = (long)(bits >> 11);
        if (j < At(table.Inner, layer))
        {
            return j * At(table.Width, layer);
        }

        return StandardExponentialOutsideInner(bits);
    }

    /// <summary>The rest of <see cref="StandardExponential(ulong)"/> when its first compare failed (see <see cref="NormalOutsideInner"/>).</summary>
    public double StandardExponentialOutsideInner(ulong bits)
    {
        ZigguratTable table = ZigguratTable.Exponential;
        double offset = 0;
        while (true)
        {
            int layer = (int)(bits & ZigguratTable.LayerMask);
            long j = (long)(bits >> 11);
            double x = j * At(table.Width, layer);
            if (j < At(table.Inner, layer))
            {
                return offset + x;
            }

            if (layer == 0)
            {
                offset += table.TailStart;
            }
            else
            {
                double y = At(table.LowDensity, layer) + NextDouble() * At(table.DensityStep, layer);
                if (y < DeterministicMath.Exp(-x))
                {
                    return offset + x;
                }
            }

            bits = _generator.NextUInt64();
        }
    }

    /// <summary>
    /// A standard normal conditioned on exceeding <paramref name="r"/> &gt; 0, sampled exactly (Marsaglia 1964:
    /// r + x with x = −ln U₁ / r, accepted when 2·(−ln U₂) ≥ x²); efficient for r ≳ 1.
    /// </summary>
    public double NextNormalTail(double r)
    {
        double x;
        double y;
        do
        {
            x = -DeterministicMath.Log(NextOpenDouble()) / r;
            y = -DeterministicMath.Log(NextOpenDouble());
        }
        while (y + y < x * x);

        return r + x;
    }

    /// <summary>Exponential with the given mean.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential(double mean) => mean * NextStandardExponential();

    /// <summary>exp(N(mu, sigma²)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextLogNormal(double mu, double sigma) => DeterministicMath.Exp(mu + sigma * NextNormal());

    // the layer index is masked to 0..255 and every table has 256 entries: no bounds check needed
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T At<T>(T[] table, int layer) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), layer);
}
