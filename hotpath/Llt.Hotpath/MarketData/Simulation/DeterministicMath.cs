using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    private const double InvLn2Over64 = 92.33248261689366;
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
            // centre the mantissa on 1 ([√½, √2]) so ln x = k·ln2 + ln m never cancels for x near 1
            m *= 0.5;
            exponent++;
        }

        // m = c·(1+s)/(1−s) with c = j/128 the nearest 128th (exact) and s = (m−c)/(m+c): m−c is exact
        // (Sterbenz), |s| ≤ 0.0028, so ln m = ln c + 2·atanh(s) needs four terms (the next is below 4e-22).
        // c = 1 exactly in the middle bucket, so values near 1 keep their full relative accuracy.
        int j = (int)(m * 128 + 0.5);
        double c = j * (1.0 / 128);
        double s = (m - c) / (m + c);
        double z = s * s;
        double series = 1.0 + z * (1.0 / 3 + z * (1.0 / 5 + z * (1.0 / 7)));
        double lnC = BitConverter.UInt64BitsToDouble(LnJOver128Bits[j - FirstLogBucket]);
        double k = exponent;
        return k * Ln2Hi + (lnC + (2.0 * s * series + k * Ln2Lo));
    }

    private const int FirstLogBucket = 91;

    // ln(j/128) for j = 91..181 (the 128ths in [√½, √2]), correctly rounded, as IEEE-754 bits
    private static ReadOnlySpan<ulong> LnJOver128Bits =>
    [
        0xBFD5D5BDDF595F30, 0xBFD522AE0738A3D8, 0xBFD4718DC271C41B, 0xBFD3C25277333184,
        0xBFD314F1E1D35CE4, 0xBFD269621134DB92, 0xBFD1BF99635A6B95, 0xBFD1178E8227E47C,
        0xBFD07138604D5862, 0xBFCF991C6CB3B379, 0xBFCE530EFFE71012, 0xBFCD1037F2655E7B,
        0xBFCBD087383BD8AD, 0xBFCA93ED3C8AD9E3, 0xBFC95A5ADCF7017F, 0xBFC823C16551A3C2,
        0xBFC6F0128B756ABC, 0xBFC5BF406B543DB2, 0xBFC4913D8333B561, 0xBFC365FCB0159016,
        0xBFC23D712A49C202, 0xBFC1178E8227E47C, 0xBFBFE89139DBD566, 0xBFBDA727638446A2,
        0xBFBB6AC88DAD5B1C, 0xBFB9335E5D594989, 0xBFB700D30AEAC0E1, 0xBFB4D3115D207EAC,
        0xBFB2AA04A44717A5, 0xBFB08598B59E3A07, 0xBFACCB73CDDDB2CC, 0xBFA894AA149FB343,
        0xBFA466AED42DE3EA, 0xBFA0415D89E74444, 0xBF98492528C8CABF, 0xBF90205658935847,
        0xBF8010157588DE71, 0x0000000000000000, 0x3F7FE02A6B106789, 0x3F8FC0A8B0FC03E4,
        0x3F97B91B07D5B11B, 0x3F9F829B0E783300, 0x3FA39E87B9FEBD60, 0x3FA77458F632DCFC,
        0x3FAB42DD711971BF, 0x3FAF0A30C01162A6, 0x3FB16536EEA37AE1, 0x3FB341D7961BD1D1,
        0x3FB51B073F06183F, 0x3FB6F0D28AE56B4C, 0x3FB8C345D6319B21, 0x3FBA926D3A4AD563,
        0x3FBC5E548F5BC743, 0x3FBE27076E2AF2E6, 0x3FBFEC9131DBEABB, 0x3FC0D77E7CD08E59,
        0x3FC1B72AD52F67A0, 0x3FC29552F81FF523, 0x3FC371FC201E8F74, 0x3FC44D2B6CCB7D1E,
        0x3FC526E5E3A1B438, 0x3FC5FF3070A793D4, 0x3FC6D60FE719D21D, 0x3FC7AB890210D909,
        0x3FC87FA06520C911, 0x3FC9525A9CF456B4, 0x3FCA23BC1FE2B563, 0x3FCAF3C94E80BFF3,
        0x3FCBC286742D8CD6, 0x3FCC8FF7C79A9A22, 0x3FCD5C216B4FBB91, 0x3FCE27076E2AF2E6,
        0x3FCEF0ADCBDC5936, 0x3FCFB9186D5E3E2B, 0x3FD0402594B4D041, 0x3FD0A324E27390E3,
        0x3FD1058BF9AE4AD5, 0x3FD1675CABABA60E, 0x3FD1C898C16999FB, 0x3FD22941FBCF7966,
        0x3FD2895A13DE86A3, 0x3FD2E8E2BAE11D31, 0x3FD347DD9A987D55, 0x3FD3A64C556945EA,
        0x3FD404308686A7E4, 0x3FD4618BC21C5EC2, 0x3FD4BE5F957778A1, 0x3FD51AAD872DF82D,
        0x3FD5767717455A6C, 0x3FD5D1BDBF5809CA, 0x3FD62C82F2B9C795,
    ];

    /// <summary>e^x; results below ~1e-300 flush to 0 (never meaningful in the model).</summary>
    /// <remarks>
    /// Table-driven (Tang's method): x = (64k + j)·ln2/64 + r with |r| ≤ ln2/128, so
    /// e^x = 2^k · 2^(j/64) · e^r. The 64 values 2^(j/64) are stored as the bits of their correctly rounded
    /// doubles (computed once to 60 digits), so the table is the same everywhere; e^r − 1 needs only a
    /// degree-6 polynomial (the next term is below 3e-20). About a third of the cost of a 14-term series.
    /// </remarks>
    public static double Exp(double x)
    {
        if (Math.Abs(x) < SmallArgument)
        {
            // the general path below with n = 0 (r = x, 2^(j/64) = 1, scale 1): the same bits, minus the
            // rounding, the table load and the scaling — the model's per-event arguments are mostly this small
            return 1.0 + ExpM1Polynomial(x);
        }

        return ExpTableDriven(x);
    }

    /// <summary>
    /// e^x by the table alone, without <see cref="Exp"/>'s small-argument shortcut (the same bits): for callers
    /// whose arguments straddle the shortcut's bound at random, where the branch would mispredict.
    /// </summary>
    public static double ExpTableDriven(double x)
    {
        if (x > 709.78)
        {
            return double.IsNaN(x) ? x : double.PositiveInfinity;
        }

        if (x < -690.0)
        {
            return 0.0;
        }

        double n = Math.Floor(x * InvLn2Over64 + 0.5);
        // n·(ln2/64) split hi + lo: Ln2Hi/64 keeps Ln2Hi's 21 zero low bits, so n·hi is exact for |n| < 2^20
        double r = (x - n * (Ln2Hi / 64)) - n * (Ln2Lo / 64);
        long ni = (long)n;
        double t = BitConverter.Int64BitsToDouble(TwoToTheJOver64Bits[(int)(ni & 63)]);
        double p = ExpM1Polynomial(r);
        // 2^(k−1) then ×2 so k = 1024 (x just below the overflow threshold) needs no special case
        double scale = BitConverter.Int64BitsToDouble(((ni >> 6) + 1022) << 52);
        return (t + t * p) * scale * 2.0;
    }

    /// <summary>
    /// <see cref="ExpTableDriven(double)"/> of every element, four at a time with AVX2 (AVX-512 for the 64-bit
    /// conversions where present): the same operations in the same order, so the same bits (tested); lanes
    /// outside [−690, 709.78] or NaN take the scalar path.
    /// </summary>
    public static unsafe void ExpTableDriven(ReadOnlySpan<double> x, Span<double> result)
    {
        if (result.Length < x.Length)
        {
            SimulatorThrowHelper.ThrowArgument(nameof(result), "result is shorter than x");
        }

        int i = 0;
        if (Avx2.IsSupported)
        {
            long* table = (long*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(TwoToTheJOver64Bits));
            Vector256<double> low = Vector256.Create(-690.0);
            Vector256<double> high = Vector256.Create(709.78);
            for (; i <= x.Length - 4; i += 4)
            {
                Vector256<double> v = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(x), (nuint)i);
                // all four in range (a NaN fails both compares): otherwise this group goes scalar
                if ((Vector256.GreaterThanOrEqual(v, low) & Vector256.LessThanOrEqual(v, high)).ExtractMostSignificantBits() != 0xF)
                {
                    for (int k = i; k < i + 4; k++)
                    {
                        result[k] = ExpTableDriven(x[k]);
                    }

                    continue;
                }

                Vector256<double> n = Vector256.Floor(v * InvLn2Over64 + Vector256.Create(0.5));
                Vector256<double> r = (v - n * (Ln2Hi / 64)) - n * (Ln2Lo / 64);
                Vector256<long> ni = Vector256.ConvertToInt64(n);
                Vector256<double> t = Avx2.GatherVector256(table, ni & Vector256.Create(63L), 8).AsDouble();
                Vector256<double> r2 = r * r;
                Vector256<double> highTerms = (Vector256.Create(1.0 / 24) + r * (1.0 / 120)) + r2 * (1.0 / 720);
                Vector256<double> p = r + r2 * ((Vector256.Create(1.0 / 2) + r * (1.0 / 6)) + r2 * highTerms);
                Vector256<double> scale = ((Vector256.ShiftRightArithmetic(ni, 6) + Vector256.Create(1022L)) << 52).AsDouble();
                ((t + t * p) * scale * 2.0).StoreUnsafe(ref MemoryMarshal.GetReference(result), (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            result[i] = ExpTableDriven(x[i]);
        }
    }

    /// <summary>
    /// e^x − 1: for |x| &lt; 0.0054 the polynomial alone (full relative accuracy, no cancellation); beyond, Exp(x) − 1
    /// (accurate to ~1e-16 absolute). The simulator uses it only inside the polynomial's range.
    /// </summary>
    public static double ExpM1(double x) => Math.Abs(x) < SmallArgument ? ExpM1Polynomial(x) : Exp(x) - 1.0;

    /// <summary>ln(1 + x) for x &gt; −1, keeping full relative accuracy for small |x|.</summary>
    /// <remarks>
    /// |x| &lt; 1/64: the Taylor series to x¹⁰ (the first omitted term is below 2^-60 relative), grouped
    /// Estrin-style so the dependent chain stays short; no table, no divide. Otherwise Log(1 + x), accurate to a
    /// few 1e-16 absolute (the rounding of 1 + x).
    /// </remarks>
    public static double Log1p(double x)
    {
        if (Math.Abs(x) < 1.0 / 64)
        {
            double x2 = x * x;
            double x4 = x2 * x2;
            double q = ((-1.0 / 2 + x * (1.0 / 3)) + x2 * (-1.0 / 4 + x * (1.0 / 5)))
                + x4 * (((-1.0 / 6 + x * (1.0 / 7)) + x2 * (-1.0 / 8 + x * (1.0 / 9))) + x4 * (-1.0 / 10));
            return x + x2 * q;
        }

        return Log(1.0 + x);
    }

    /// <summary>2·atanh(s) = ln((1 + s)/(1 − s)) for |s| &lt; 1; ln(1 − y) is TwoAtanh(−y/(2 − y)) without cancellation.</summary>
    /// <remarks>
    /// |s| &lt; 1/64: 2·(s + s³/3 + s⁵/5 + s⁷/7 + s⁹/9) (the first omitted term is below 2^-63 relative), no
    /// table and no divide; otherwise <see cref="Log"/> of the ratio, accurate to a few 1e-16 absolute.
    /// </remarks>
    public static double TwoAtanh(double s)
    {
        if (Math.Abs(s) < 1.0 / 64)
        {
            double z = s * s;
            double z2 = z * z;
            double series = (2.0 + z * (2.0 / 3)) + z2 * ((2.0 / 5 + z * (2.0 / 7)) + z2 * (2.0 / 9));
            return s * series;
        }

        return TwoAtanhByLog(s);
    }

    private static double TwoAtanhByLog(double s) => Log((1.0 + s) / (1.0 - s));

    // below this |x| the general Exp has n = 0 (|x|·64/ln2 < 0.4987), so the shortcut is bit-identical
    private const double SmallArgument = 0.0054;

    // e^r − 1 = r + r²·(1/2 + r/6 + r²·(1/24 + r/120 + r²/720)) for |r| ≤ ln2/128 (the next term is below
    // 3e-20): Estrin's grouping, so the pairs evaluate in parallel and the dependent chain is three multiply-adds
    // long instead of six (same terms, fixed order)
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double ExpM1Polynomial(double r)
    {
        double r2 = r * r;
        double high = (1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720);
        return r + r2 * ((1.0 / 2 + r * (1.0 / 6)) + r2 * high);
    }

    // 2^(j/64) for j = 0..63, correctly rounded, as IEEE-754 bits (RVA data: no allocation, no initialiser)
    private static ReadOnlySpan<long> TwoToTheJOver64Bits =>
    [
        0x3FF0000000000000, 0x3FF02C9A3E778061, 0x3FF059B0D3158574, 0x3FF0874518759BC8,
        0x3FF0B5586CF9890F, 0x3FF0E3EC32D3D1A2, 0x3FF11301D0125B51, 0x3FF1429AAEA92DE0,
        0x3FF172B83C7D517B, 0x3FF1A35BEB6FCB75, 0x3FF1D4873168B9AA, 0x3FF2063B88628CD6,
        0x3FF2387A6E756238, 0x3FF26B4565E27CDD, 0x3FF29E9DF51FDEE1, 0x3FF2D285A6E4030B,
        0x3FF306FE0A31B715, 0x3FF33C08B26416FF, 0x3FF371A7373AA9CB, 0x3FF3A7DB34E59FF7,
        0x3FF3DEA64C123422, 0x3FF4160A21F72E2A, 0x3FF44E086061892D, 0x3FF486A2B5C13CD0,
        0x3FF4BFDAD5362A27, 0x3FF4F9B2769D2CA7, 0x3FF5342B569D4F82, 0x3FF56F4736B527DA,
        0x3FF5AB07DD485429, 0x3FF5E76F15AD2148, 0x3FF6247EB03A5585, 0x3FF6623882552225,
        0x3FF6A09E667F3BCD, 0x3FF6DFB23C651A2F, 0x3FF71F75E8EC5F74, 0x3FF75FEB564267C9,
        0x3FF7A11473EB0187, 0x3FF7E2F336CF4E62, 0x3FF82589994CCE13, 0x3FF868D99B4492ED,
        0x3FF8ACE5422AA0DB, 0x3FF8F1AE99157736, 0x3FF93737B0CDC5E5, 0x3FF97D829FDE4E50,
        0x3FF9C49182A3F090, 0x3FFA0C667B5DE565, 0x3FFA5503B23E255D, 0x3FFA9E6B5579FDBF,
        0x3FFAE89F995AD3AD, 0x3FFB33A2B84F15FB, 0x3FFB7F76F2FB5E47, 0x3FFBCC1E904BC1D2,
        0x3FFC199BDD85529C, 0x3FFC67F12E57D14B, 0x3FFCB720DCEF9069, 0x3FFD072D4A07897C,
        0x3FFD5818DCFBA487, 0x3FFDA9E603DB3285, 0x3FFDFC97337B9B5F, 0x3FFE502EE78B3FF6,
        0x3FFEA4AFA2A490DA, 0x3FFEFA1BEE615A27, 0x3FFF50765B6E4540, 0x3FFFA7C1819E90D8,
    ];
}
