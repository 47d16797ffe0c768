namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// Natural log and exp built from IEEE-754 basic operations only (+, −, ×, ÷ and bit manipulation), so they
/// return the same bits on every machine and runtime. Math.Log/Math.Exp call the platform's libm, whose last
/// bit may differ between glibc, musl, macOS and the Windows CRT, which would break "same seed, same bytes"
/// across machines. Math.Sqrt and Math.Floor are fine: IEEE-754 requires them correctly rounded. The .NET JIT
/// never contracts a*b+c into a fused multiply-add on its own, so the polynomials below evaluate identically
/// on x64 and Arm64. Accuracy is a few ulp (checked against Math.* in tests), plenty for a market model.
/// </summary>
public static class DeterministicMath
{
    // ln 2 split so that k * Ln2Hi is exact for |k| < 2^20 (the low 21 bits of Ln2Hi are zero; fdlibm's split).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.41421356237309514547e+00;
    private const long MantissaMask = 0x000F_FFFF_FFFF_FFFFL;
    private const long ExponentOfOne = 0x3FF0_0000_0000_0000L;

    /// <summary>ln(x) for positive, normal, finite x (the simulator never passes anything else).</summary>
    public static double Log(double x)
    {
        if (!(x > 0) || double.IsPositiveInfinity(x))
        {
            return x == 0 ? double.NegativeInfinity : double.IsPositiveInfinity(x) ? x : double.NaN;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & MantissaMask) | ExponentOfOne);
        if (m > Sqrt2)
        {
            // centre the mantissa on 1 ([√½, √2)) so the series below converges fast
            m *= 0.5;
            exponent++;
        }

        // ln m = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …) with s = (m−1)/(m+1), |s| ≤ 0.1716: 11 terms reach 1e-19
        double s = (m - 1.0) / (m + 1.0);
        double z = s * s;
        double series = 1.0 + z * (1.0 / 3 + z * (1.0 / 5 + z * (1.0 / 7 + z * (1.0 / 9 + z * (1.0 / 11
            + z * (1.0 / 13 + z * (1.0 / 15 + z * (1.0 / 17 + z * (1.0 / 19 + z * (1.0 / 21))))))))));
        double k = exponent;
        return k * Ln2Hi + (2.0 * s * series + k * Ln2Lo);
    }

    /// <summary>e^x; results below ~1e-300 flush to 0 (never meaningful in the model).</summary>
    public static double Exp(double x)
    {
        if (x > 709.78)
        {
            return double.IsNaN(x) ? x : double.PositiveInfinity;
        }

        if (x < -690.0)
        {
            return 0.0;
        }

        // x = k·ln2 + r with |r| ≤ ln2/2; e^x = 2^k · e^r
        double k = Math.Floor(x * InvLn2 + 0.5);
        double r = (x - k * Ln2Hi) - k * Ln2Lo;
        // Taylor to r^13/13!: the next term is below 4e-18 for |r| ≤ 0.347
        double p = 1.0 + r * (1.0 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720
            + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880 + r * (1.0 / 3628800 + r * (1.0 / 39916800
            + r * (1.0 / 479001600 + r * (1.0 / 6227020800)))))))))))));
        long scaleBits = ((long)k + 1023) << 52;
        return p * BitConverter.Int64BitsToDouble(scaleBits);
    }
}
