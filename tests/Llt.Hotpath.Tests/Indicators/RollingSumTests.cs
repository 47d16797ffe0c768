using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class RollingSumTests
{
    [Fact]
    public void LongRun_DoesNotDrift()
    {
        // 0.1 is inexact: a plain rolling sum of ±0.1-scale values drifts; this one is rebuilt every n updates
        const int window = 10;
        var sum = new RollingSum(window);
        var values = new RollingWindow(window);
        double naive = 0;
        var random = new Random(8);
        for (int i = 0; i < 1_000_000; i++)
        {
            double value = 1e4 + random.NextDouble() * 0.1;
            double leaving = values.Push(value, out double evicted) ? evicted : 0.0;
            sum.Update(value, leaving);
            naive += value - leaving;
        }

        var window10 = new double[window];
        values.CopyTo(window10);
        // v − 1e4 is exact and small, so its decimal conversion (15 significant digits) loses nothing that matters
        double exact = (double)window10.Sum(v => 1e4m + (decimal)(v - 1e4));
        // bound: 2n additions of rounding at the scale of the sum (ulp(1e5) ≈ 1.5e-11)
        Assert.True(Math.Abs(sum.Value - exact) <= 3e-10, $"rebuilt sum off by {sum.Value - exact:E3}");
        // evidence that the rebuild matters: the naive rolling sum has random-walked past that bound
        Assert.True(Math.Abs(naive - exact) > 3e-10, $"naive sum off by only {naive - exact:E3}");
    }
}
