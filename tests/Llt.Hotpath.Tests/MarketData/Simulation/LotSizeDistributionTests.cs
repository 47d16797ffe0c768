using Llt.Hotpath.MarketData.Simulation;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

public sealed class LotSizeDistributionTests
{
    [Theory]
    [InlineData(1.6094379124341003, 0.8, 1.0)] // quotes: median 5 lots
    [InlineData(0.0, 1.2, 1.0)]                // trades: median 1 lot, heavy tail
    [InlineData(0.0, 1.2, 2.0)]                // trades on a breaking instrument
    public void Table_MatchesTheDirectLognormalFormula(double mu, double sigma, double multiplier)
    {
        // the table must give the law of ⌊m·e^(μ+σZ) + ½⌉ (at least 1): compare with that formula sampled directly,
        // bin by bin through the body and into the tail the table hands to its exact tail sampler
        var sizes = new LotSizeDistribution(mu, sigma, multiplier);
        Assert.True(sizes.IsTabulated);
        int[] edges = [1, 2, 3, 4, 5, 6, 8, 10, 14, 20, 30, 50, 80, 130, 250, 500];
        const int n = 1_000_000;
        var table = new long[edges.Length + 1];
        var direct = new long[edges.Length + 1];
        var random = new SimulationRandom(31);
        var other = new SimulationRandom(32);
        for (int i = 0; i < n; i++)
        {
            table[Bin(edges, sizes.Sample(random.NextUInt64(), ref random))]++;
            double lots = Math.Floor(multiplier * Math.Exp(mu + sigma * other.NextNormal()) + 0.5);
            direct[Bin(edges, lots < 1 ? 1 : (long)lots)]++;
        }

        for (int bin = 0; bin < table.Length; bin++)
        {
            // two independent samples of n: the difference has variance ≈ 2·n·p(1 − p)
            double p = (table[bin] + direct[bin]) / (2.0 * n);
            double tolerance = 5 * Math.Sqrt(2 * n * p * (1 - p)) + 3;
            Assert.True(Math.Abs(table[bin] - direct[bin]) <= tolerance, $"bin {bin} (≥ {(bin == 0 ? 0 : edges[bin - 1])} lots): table {table[bin]} vs direct {direct[bin]}");
        }
    }

    [Fact]
    public void Tail_BeyondTheTable_IsReachedAndStaysAboveIt()
    {
        // σ = 1.2, median 1: the table stops near e^4.8 ≈ 122 lots; the exact tail sampler supplies the rest
        var sizes = new LotSizeDistribution(0.0, 1.2, 1.0);
        var random = new SimulationRandom(41);
        long beyond = 0;
        long largest = 0;
        const int n = 2_000_000;
        for (int i = 0; i < n; i++)
        {
            long lots = sizes.Sample(random.NextUInt64(), ref random);
            Assert.True(lots >= 1);
            beyond += lots > 122 ? 1 : 0;
            largest = Math.Max(largest, lots);
        }

        // P(lots > 122) = P(Z > ln(122.5)/1.2 ≈ 4.006) ≈ 3.1e-5: about 62 of 2M
        Assert.InRange(beyond, 25, 110);
        Assert.True(largest > 150, $"largest {largest}");
    }

    [Fact]
    public void ZeroSigma_IsTheMedian_AndTooWideADistribution_UsesTheFormula()
    {
        var random = new SimulationRandom(51);
        var constant = new LotSizeDistribution(Math.Log(7), 0, 2.0);
        Assert.Equal(14, constant.Sample(random.NextUInt64(), ref random));

        // median 10^6 lots: no table, the formula directly (median preserved)
        var wide = new LotSizeDistribution(Math.Log(1e6), 0.8, 1.0);
        Assert.False(wide.IsTabulated);
        int below = 0;
        for (int i = 0; i < 100_000; i++)
        {
            below += wide.Sample(random.NextUInt64(), ref random) < 1_000_000 ? 1 : 0;
        }

        Assert.InRange(below, 48_500, 51_500);
    }

    private static int Bin(int[] edges, long lots)
    {
        int bin = 0;
        while (bin < edges.Length && lots >= edges[bin])
        {
            bin++;
        }

        return bin;
    }
}
