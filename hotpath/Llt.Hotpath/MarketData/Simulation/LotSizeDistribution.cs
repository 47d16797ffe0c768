using System.Runtime.CompilerServices;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// A lognormal size in whole lots — lots = ⌊m·e^(μ+σZ) + ½⌉, at least 1, at most 10^9 — drawn from an alias
/// table of the discretised distribution: one 64-bit draw and a lookup instead of a normal, an Exp and a
/// rounding. Same law as the direct formula: P(lots = k) = Φ(z_k) − Φ(z_{k−1}) with
/// z_k = (ln((k + ½)/m) − μ)/σ, integrated once at construction (composite 5-point Gauss–Legendre over the
/// normal density, so the weights are accurate to ~1e-15 relative and the same bits on every machine). The
/// table covers 1..K with z_K ≥ 4; the tail beyond K (mass Φ̄(z_K) ≤ 3.2e-5) is one more column that, when
/// drawn, samples Z conditioned on Z ≥ z_K exactly (Marsaglia's tail method) and applies the formula, so the
/// heavy right tail is untouched. Distributions too wide for a table (K above <see cref="MaxColumns"/>) use the
/// direct formula.
/// </summary>
public sealed class LotSizeDistribution
{
    /// <summary>Largest table: 4096 columns are 48 KiB of thresholds and aliases.</summary>
    public const int MaxColumns = 4096;

    private const long MaxLots = 1_000_000_000;
    // beyond z_K: the tail column's mass is Φ̄(4) ≈ 3.2e-5 at most, so the exact tail sampler runs that rarely
    private const double TableCoverageSigmas = 4.0;

    private readonly AliasTable? _table;
    // column index of the tail (the table's last column); lots = column + 1 below it
    private readonly int _tailColumn;
    private readonly double _tailStart;
    private readonly long _constantLots;
    private readonly double _mu;
    private readonly double _sigma;
    private readonly double _multiplier;

    /// <param name="mu">ln of the median in lots.</param>
    /// <param name="sigma">Lognormal σ, in [0, 5].</param>
    /// <param name="multiplier">Scales the size before rounding (a breakout's bigger trades), ≥ 1.</param>
    public LotSizeDistribution(double mu, double sigma, double multiplier)
    {
        if (!(sigma >= 0 && sigma <= 5) || !(multiplier >= 1) || double.IsInfinity(multiplier) || !double.IsFinite(mu))
        {
            SimulatorThrowHelper.ThrowArgument(nameof(sigma), $"need finite μ, σ in [0, 5] and multiplier ≥ 1 (μ {mu}, σ {sigma}, m {multiplier})");
        }

        _mu = mu;
        _sigma = sigma;
        _multiplier = multiplier;
        if (sigma == 0)
        {
            _constantLots = Round(multiplier * DeterministicMath.Exp(mu));
            return;
        }

        double columns = Math.Ceiling(multiplier * DeterministicMath.Exp(mu + TableCoverageSigmas * sigma) - 0.5);
        if (!(columns <= MaxColumns))
        {
            return;
        }

        int k = Math.Max(1, (int)columns);
        var weights = new double[k + 1];
        double lower = double.NegativeInfinity;
        for (int lots = 1; lots <= k; lots++)
        {
            double upper = Threshold(lots);
            weights[lots - 1] = lots == 1 ? NormalMass(Math.Min(-12.0, upper), upper) : NormalMass(lower, upper);
            lower = upper;
        }

        // beyond z_K + 12 the density is below e^(−72 − 12·z_K) of the tail's: nothing a double would keep
        weights[k] = NormalMass(lower, lower + 12.0);
        _table = new AliasTable(weights);
        _tailColumn = k;
        _tailStart = lower;
    }

    /// <summary>True when sizes come from the alias table (false: σ = 0, or too wide a distribution).</summary>
    public bool IsTabulated => _table is not null;

    /// <summary>Lots for one uniform 64-bit draw; the rare tail (and the direct formula) draw more from <paramref name="random"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Sample(ulong bits, ref SimulationRandom random)
    {
        AliasTable? table = _table;
        if (table is not null)
        {
            int column = table.Sample(bits);
            if (column < _tailColumn)
            {
                return column + 1;
            }
        }

        return SampleOutsideTable(bits, ref random);
    }

    private long SampleOutsideTable(ulong bits, ref SimulationRandom random)
    {
        if (_constantLots != 0)
        {
            return _constantLots;
        }

        if (_table is null)
        {
            return Round(_multiplier * DeterministicMath.Exp(_mu + _sigma * random.Normal(bits)));
        }

        // Z ≥ z_K means lots ≥ K + 1; the max only guards the last-bit rounding at the boundary
        double z = random.NextNormalTail(_tailStart);
        return Math.Max(_tailColumn + 1, Round(_multiplier * DeterministicMath.Exp(_mu + _sigma * z)));
    }

    // z with m·e^(μ+σz) = lots + ½: the upper edge of the values that round to lots
    private double Threshold(int lots) => (DeterministicMath.Log((lots + 0.5) / _multiplier) - _mu) / _sigma;

    private static long Round(double size)
    {
        double lots = Math.Floor(size + 0.5);
        // at least one lot; capped far above any plausible size so the product with the lot size cannot overflow
        return lots < 1 ? 1 : lots > MaxLots ? MaxLots : (long)lots;
    }

    /// <summary>∫ e^(−x²/2) dx over [a, b] (unnormalised: the alias table only needs ratios).</summary>
    private static double NormalMass(double a, double b)
    {
        if (!(b > a))
        {
            return 0;
        }

        // 5-point Gauss–Legendre: nodes 0, ±⅓√(5 ∓ 2√(10/7)), weights 128/225, (322 ± 13√70)/900;
        // pieces at most ¼ wide keep the error far below a double's resolution for this density
        double root = 2.0 * Math.Sqrt(10.0 / 7.0);
        double x1 = Math.Sqrt(5.0 - root) / 3.0;
        double x2 = Math.Sqrt(5.0 + root) / 3.0;
        double w0 = 128.0 / 225.0;
        double w1 = (322.0 + 13.0 * Math.Sqrt(70.0)) / 900.0;
        double w2 = (322.0 - 13.0 * Math.Sqrt(70.0)) / 900.0;
        int pieces = Math.Max(1, (int)Math.Ceiling((b - a) * 4.0));
        double width = (b - a) / pieces;
        double sum = 0;
        for (int i = 0; i < pieces; i++)
        {
            double mid = a + (i + 0.5) * width;
            double half = 0.5 * width;
            double piece = w0 * Density(mid)
                + w1 * (Density(mid - half * x1) + Density(mid + half * x1))
                + w2 * (Density(mid - half * x2) + Density(mid + half * x2));
            sum += piece * half;
        }

        return sum;
    }

    private static double Density(double x) => DeterministicMath.Exp(-0.5 * x * x);
}
