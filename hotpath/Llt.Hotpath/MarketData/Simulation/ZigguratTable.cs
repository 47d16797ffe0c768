namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// The 256 layers of a ziggurat (Marsaglia and Tsang 2000) over a decreasing density f on [0, ∞): layer 0 is
/// the base strip plus the tail beyond <see cref="TailStart"/>, layers 1–255 are rectangles of equal area
/// stacked up to f(0). A draw picks a layer with 8 random bits and a point across it with 53 more; ~99% of
/// draws fall inside the part of the rectangle that lies wholly under f and are accepted with one integer
/// compare, so most variates cost one 64-bit random number and no transcendental function. Built once from
/// <see cref="DeterministicMath"/> and Math.Sqrt, so the layer bounds are the same bits on every machine.
/// </summary>
internal sealed class ZigguratTable
{
    public const int Layers = 256;
    public const int LayerMask = Layers - 1;

    /// <summary>Standard normal, |x| folded (the sign comes from the draw): r and layer area for 256 layers.</summary>
    public static readonly ZigguratTable Normal = new(3.6541528853610088, 0.00492867323399, isNormal: true);

    /// <summary>Standard exponential: r and layer area for 256 layers.</summary>
    public static readonly ZigguratTable Exponential = new(7.69711747013104972, 0.0039496598225815571993, isNormal: false);

    private ZigguratTable(double tailStart, double layerArea, bool isNormal)
    {
        TailStart = tailStart;
        // signed draws for the normal use 52 bits of magnitude, unsigned ones for the exponential 53
        double unit = isNormal ? 1.0 / (1L << 52) : 1.0 / (1L << 53);
        var x = new double[Layers + 1];
        var f = new double[Layers + 1];
        f[1] = Density(tailStart, isNormal);
        // the base layer's rectangle is as wide as its area needs; the tail is folded into it
        x[0] = layerArea / f[1];
        f[0] = 0;
        x[1] = tailStart;
        for (int i = 1; i < Layers - 1; i++)
        {
            // the next layer's edge: f(x[i+1]) = f(x[i]) + area / x[i]
            f[i + 1] = f[i] + layerArea / x[i];
            x[i + 1] = InverseDensity(f[i + 1], isNormal);
        }

        x[Layers] = 0;
        f[Layers] = 1;
        Width = new double[Layers];
        Inner = new long[Layers];
        LowDensity = new double[Layers];
        DensityStep = new double[Layers];
        for (int i = 0; i < Layers; i++)
        {
            Width[i] = x[i] * unit;
            // |j| < Inner[i] ⇔ the point lies left of the next layer's edge: under f whatever the height
            Inner[i] = (long)(x[i + 1] / x[i] / unit);
            LowDensity[i] = f[i];
            DensityStep[i] = f[i + 1] - f[i];
        }
    }

    public double TailStart { get; }

    /// <summary>x[i]·2^-bits: the integer draw times this is the abscissa.</summary>
    public double[] Width { get; }

    /// <summary>The integer draw below which the point is under the density for sure.</summary>
    public long[] Inner { get; }

    /// <summary>f at the layer's outer edge (its bottom).</summary>
    public double[] LowDensity { get; }

    /// <summary>f(inner edge) − f(outer edge): the layer's height.</summary>
    public double[] DensityStep { get; }

    private static double Density(double x, bool isNormal) =>
        isNormal ? DeterministicMath.Exp(-0.5 * x * x) : DeterministicMath.Exp(-x);

    private static double InverseDensity(double y, bool isNormal) =>
        isNormal ? Math.Sqrt(-2.0 * DeterministicMath.Log(y)) : -DeterministicMath.Log(y);
}
