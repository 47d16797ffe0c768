using Llt.Hotpath.MarketData.Simulation;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

public sealed class SimulationRandomTests
{
    private const int Samples = 400_000;

    [Fact]
    public void NextNormal_HasMeanZeroVarianceOneAndNormalKurtosis()
    {
        var random = new SimulationRandom(3);
        double sum = 0, sum2 = 0, sum4 = 0;
        for (int i = 0; i < Samples; i++)
        {
            double x = random.NextNormal();
            sum += x;
            sum2 += x * x;
            sum4 += x * x * x * x;
        }

        double mean = sum / Samples;
        double variance = sum2 / Samples - mean * mean;
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.99, 1.01);
        Assert.InRange(sum4 / Samples, 2.9, 3.1);
    }

    [Fact]
    public void NextNormal_MatchesTheNormalCdf_InTheBodyWedgesAndTails()
    {
        // bins between these points cover the ziggurat's fast path, its wedges and the tail beyond r = 3.654
        double[] edges = [-4.0, -3.7, -3.0, -2.0, -1.0, -0.3, 0.0, 0.5, 1.5, 2.5, 3.7, 4.0];
        double[] cdf =
        [
            3.1671241833119857e-05, 1.0779973347738824e-04, 1.3498980316300946e-03, 2.2750131948179209e-02,
            0.15865525393145705, 0.38208857781104733, 0.5, 0.69146246127401312, 0.93319279873114191,
            0.99379033467422384, 0.99989220026652259, 0.99996832875816688,
        ];
        var random = new SimulationRandom(13);
        AssertBinsMatch(edges, cdf, () => random.NextNormal());
    }

    [Fact]
    public void NextStandardExponential_MatchesTheExponentialCdf_IncludingBeyondTheTailStart()
    {
        // r = 7.697 for the 256-layer exponential ziggurat: the last bins are only reached through its tail
        double[] edges = [0.01, 0.1, 0.5, 1.0, 2.0, 4.0, 7.0, 7.697, 8.5, 10.0];
        var cdf = new double[edges.Length];
        for (int i = 0; i < edges.Length; i++)
        {
            cdf[i] = 1 - Math.Exp(-edges[i]);
        }

        var random = new SimulationRandom(14);
        AssertBinsMatch(edges, cdf, () => random.NextStandardExponential());
    }

    [Fact]
    public void NextStandardExponential_BeyondEight_IsMemoryless()
    {
        var random = new SimulationRandom(15);
        double excess = 0;
        int count = 0;
        for (int i = 0; i < 3_000_000; i++)
        {
            double x = random.NextStandardExponential();
            if (x > 8)
            {
                excess += x - 8;
                count++;
            }
        }

        // P(E > 8) = 3.35e-4: ~1,000 samples; their excess over 8 is again Exp(1), mean 1 ± 0.03
        Assert.InRange(count, 850, 1_160);
        Assert.InRange(excess / count, 0.85, 1.15);
    }

    [Fact]
    public void NextExponential_HasTheRequestedMean()
    {
        var random = new SimulationRandom(4);
        double sum = 0;
        for (int i = 0; i < Samples; i++)
        {
            double x = random.NextExponential(2.5);
            Assert.True(x >= 0);
            sum += x;
        }

        Assert.InRange(sum / Samples, 2.5 * 0.99, 2.5 * 1.01);
    }

    [Fact]
    public void NextLogNormal_HasTheRequestedMedian()
    {
        var random = new SimulationRandom(5);
        int below = 0;
        for (int i = 0; i < Samples; i++)
        {
            below += random.NextLogNormal(Math.Log(10), 1.2) < 10 ? 1 : 0;
        }

        Assert.InRange(below, Samples / 2 - 2_000, Samples / 2 + 2_000);
    }

    [Fact]
    public void NextInt_IsUniformOverTheBound()
    {
        var random = new SimulationRandom(6);
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++)
        {
            counts[random.NextInt(7)]++;
        }

        foreach (int count in counts)
        {
            Assert.InRange(count, 9_500, 10_500);
        }
    }

    [Fact]
    public void NextDouble_StaysInUnitInterval_AndOpenVariantExcludesZero()
    {
        var random = new SimulationRandom(8);
        for (int i = 0; i < 100_000; i++)
        {
            double closedOpen = random.NextDouble();
            double openClosed = random.NextOpenDouble();
            Assert.True(closedOpen >= 0 && closedOpen < 1);
            Assert.True(openClosed > 0 && openClosed <= 1);
        }
    }

    // counts in (−∞, e0), [e0, e1), …, [e_last, ∞) against the CDF, each within 5 binomial standard deviations
    private static void AssertBinsMatch(double[] edges, double[] cdf, Func<double> sample)
    {
        const int n = 2_000_000;
        var counts = new int[edges.Length + 1];
        for (int i = 0; i < n; i++)
        {
            double x = sample();
            int bin = 0;
            while (bin < edges.Length && x >= edges[bin])
            {
                bin++;
            }

            counts[bin]++;
        }

        for (int bin = 0; bin <= edges.Length; bin++)
        {
            double low = bin == 0 ? 0 : cdf[bin - 1];
            double high = bin == edges.Length ? 1 : cdf[bin];
            double p = high - low;
            double expected = n * p;
            double tolerance = 5 * Math.Sqrt(n * p * (1 - p)) + 3;
            Assert.True(Math.Abs(counts[bin] - expected) <= tolerance, $"bin {bin}: {counts[bin]} vs {expected:F1} ± {tolerance:F1}");
        }
    }
}
