using System.Runtime.CompilerServices;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// The simulator's sampler: uniform, normal (Marsaglia polar method), exponential and lognormal variates over
/// one <see cref="Xoshiro256StarStar"/> stream. Uses only <see cref="DeterministicMath"/>, Math.Sqrt and exact
/// integer/bit operations, so a seed gives the same variates on every machine. A mutable struct: keep it in a
/// field and call it in place.
/// </summary>
public struct SimulationRandom
{
    // 2^-53: a 53-bit integer times this is an exactly representable double in [0, 1)
    private const double UnitScale = 1.0 / (1UL << 53);

    private Xoshiro256StarStar _generator;
    private double _spareNormal;
    private bool _hasSpareNormal;

    public SimulationRandom(ulong seed)
    {
        _generator = new Xoshiro256StarStar(seed);
        _spareNormal = 0;
        _hasSpareNormal = false;
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

    /// <summary>Standard normal N(0, 1). The polar method yields two per accepted pair; the second is kept.</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u;
        double v;
        double s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);

        double factor = Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    /// <summary>Exponential with the given mean (inverse transform).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential(double mean) => -mean * DeterministicMath.Log(NextOpenDouble());

    /// <summary>exp(N(mu, sigma²)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextLogNormal(double mu, double sigma) => DeterministicMath.Exp(mu + sigma * NextNormal());
}
