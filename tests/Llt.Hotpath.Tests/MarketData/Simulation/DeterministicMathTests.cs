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

    private static double Ulp(double value) => Math.BitIncrement(Math.Abs(value)) - Math.Abs(value);
}
