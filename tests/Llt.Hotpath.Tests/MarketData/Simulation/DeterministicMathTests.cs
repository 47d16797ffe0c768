using Llt.Hotpath.MarketData.Simulation;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

public sealed class DeterministicMathTests
{
    [Fact]
    public void Log_AgreesWithLibmWithinAFewUlp()
    {
        var random = new SimulationRandom(11);
        for (int i = 0; i < 200_000; i++)
        {
            // log-uniform over 1e-16 .. 1e16, the range the model uses and more
            double x = Math.Pow(10, 32 * random.NextDouble() - 16);
            double expected = Math.Log(x);
            Assert.True(Math.Abs(DeterministicMath.Log(x) - expected) <= 4 * Math.Max(double.Epsilon, Ulp(expected)) + 1e-300, $"x={x:R}");
        }
    }

    [Fact]
    public void Exp_AgreesWithLibmWithinAFewUlp()
    {
        var random = new SimulationRandom(12);
        for (int i = 0; i < 200_000; i++)
        {
            double x = 1399 * random.NextDouble() - 690;
            double expected = Math.Exp(x);
            Assert.True(Math.Abs(DeterministicMath.Exp(x) - expected) <= 4 * Ulp(expected), $"x={x:R}");
        }
    }

    [Fact]
    public void Log_NearOne_KeepsItsRelativeAccuracy()
    {
        // ln x ≈ x − 1 here: a table or exponent term that cancels would lose most of the significant bits
        var random = new SimulationRandom(13);
        for (int i = 0; i < 200_000; i++)
        {
            double x = 1.0 + (random.NextDouble() - 0.5) * Math.Pow(2, -30 * random.NextDouble());
            double expected = Math.Log(x);
            Assert.True(Math.Abs(DeterministicMath.Log(x) - expected) <= 4 * Math.Max(double.Epsilon, Ulp(expected)), $"x={x:R}");
        }
    }

    [Fact]
    public void Exp_JustBelowTheOverflowThreshold_IsFinite()
    {
        // 2^1024 is not a double: the result must be scaled in two steps there
        for (double x = 709.0; x <= 709.78; x += 0.01)
        {
            double expected = Math.Exp(x);
            Assert.True(Math.Abs(DeterministicMath.Exp(x) - expected) <= 4 * Ulp(expected), $"x={x:R}");
        }
    }

    [Fact]
    public void ExactPoints_AreExact()
    {
        Assert.Equal(0.0, DeterministicMath.Log(1.0));
        Assert.Equal(1.0, DeterministicMath.Exp(0.0));
        Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(0.0));
        Assert.True(double.IsNaN(DeterministicMath.Log(-1.0)));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp(710));
        Assert.Equal(0.0, DeterministicMath.Exp(-1000));
    }

    [Fact]
    public void Exp_SmallArgumentShortcut_GivesTheTableDrivenBits()
    {
        // the shortcut is the table path with n = 0 written out: any difference would be a silent model change
        var random = new SimulationRandom(14);
        for (int i = 0; i < 200_000; i++)
        {
            double x = (random.NextDouble() - 0.5) * 0.0108;
            Assert.Equal(BitConverter.DoubleToInt64Bits(DeterministicMath.ExpTableDriven(x)), BitConverter.DoubleToInt64Bits(DeterministicMath.Exp(x)));
        }
    }

    [Fact]
    public void ExpTableDriven_OverASpan_GivesTheScalarBits_InAndOutOfRange()
    {
        // the vector path (AVX2/AVX-512 here) against the scalar one, with out-of-range and NaN lanes mixed in
        var random = new SimulationRandom(15);
        var x = new double[4099];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (i % 97) switch
            {
                0 => double.NaN,
                1 => 800 * random.NextDouble(),
                2 => -800 - random.NextDouble(),
                _ => 40 * random.NextDouble() - 20,
            };
        }

        var result = new double[x.Length];
        DeterministicMath.ExpTableDriven(x, result);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(DeterministicMath.ExpTableDriven(x[i])), BitConverter.DoubleToInt64Bits(result[i]));
        }
    }

    [Fact]
    public void ExpM1_Log1p_TwoAtanh_KeepTheirRelativeAccuracyNearZero()
    {
        var random = new SimulationRandom(16);
        for (int i = 0; i < 200_000; i++)
        {
            // |x| from 1e-12 to 0.5, both signs: the series paths and the fallbacks
            double x = (random.NextDouble() < 0.5 ? -1 : 1) * Math.Pow(10, -12 + 11.7 * random.NextDouble());
            if (Math.Abs(x) < 1.0 / 64)
            {
                AssertClose(ReferenceLog1p(x), DeterministicMath.Log1p(x), x);
                AssertClose(2 * Math.Atanh(x), DeterministicMath.TwoAtanh(x), x);
            }
            else
            {
                // beyond their series both take Log of a rounded argument: a few 1e-16 absolute (documented)
                double log1p = ReferenceLog1p(x);
                double twoAtanh = 2 * Math.Atanh(x);
                Assert.True(Math.Abs(DeterministicMath.Log1p(x) - log1p) <= 8 * Ulp(log1p) + 4e-16, $"log1p x={x:R}");
                Assert.True(Math.Abs(DeterministicMath.TwoAtanh(x) - twoAtanh) <= 8 * Ulp(twoAtanh) + 4e-16, $"2atanh x={x:R}");
            }

            if (Math.Abs(x) < 0.0054)
            {
                AssertClose(ReferenceExpM1(x), DeterministicMath.ExpM1(x), x);
            }
            else
            {
                // beyond the series ExpM1 is Exp(x) − 1: absolute, not relative, accuracy (documented)
                double expm1 = ReferenceExpM1(x);
                Assert.True(Math.Abs(DeterministicMath.ExpM1(x) - expm1) <= 8 * Ulp(1 + expm1), $"expm1 x={x:R}");
            }
        }
    }

    // 8 ulp: the references are series summed in doubles (or libm) and carry a few ulp of their own
    private static void AssertClose(double expected, double actual, double x) =>
        Assert.True(Math.Abs(actual - expected) <= 8 * Ulp(expected), $"x={x:R}: {actual:R} vs {expected:R}");

    // Taylor series far past double precision for |x| ≤ 0.5
    private static double ReferenceExpM1(double x)
    {
        double term = x;
        double sum = 0;
        for (int k = 2; k <= 30; k++)
        {
            sum += term;
            term *= x / k;
        }

        return sum;
    }

    // the alternating series for |x| ≤ 0.5 (0.5^70/70 is far below an ulp); libm's log(1 + x) for larger |x|
    private static double ReferenceLog1p(double x)
    {
        if (Math.Abs(x) > 0.5)
        {
            return Math.Log(1 + x);
        }

        double sum = 0;
        double power = x;
        for (int k = 1; k <= 70; k++)
        {
            sum += (k % 2 == 1 ? power : -power) / k;
            power *= x;
        }

        return sum;
    }

    private static double Ulp(double value) => Math.BitIncrement(Math.Abs(value)) - Math.Abs(value);
}
