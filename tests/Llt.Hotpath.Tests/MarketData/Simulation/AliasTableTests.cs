using Llt.Hotpath.MarketData.Simulation;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

public sealed class AliasTableTests
{
    [Fact]
    public void Sample_ReproducesTheWeights()
    {
        double[] weights = [1, 0, 3, 0.5, 5.5];
        var table = new AliasTable(weights);
        var random = new SimulationRandom(21);
        const int n = 1_000_000;
        var counts = new int[weights.Length];
        for (int i = 0; i < n; i++)
        {
            counts[table.Sample(random.NextUInt64())]++;
        }

        for (int k = 0; k < weights.Length; k++)
        {
            double p = weights[k] / 10.0;
            double tolerance = 5 * Math.Sqrt(n * p * (1 - p)) + 1;
            Assert.True(Math.Abs(counts[k] - n * p) <= tolerance, $"outcome {k}: {counts[k]} vs {n * p}");
        }

        Assert.Equal(0, counts[1]);
    }

    [Fact]
    public void Constructor_RejectsEmptyNegativeOrAllZeroWeights()
    {
        Assert.Throws<ArgumentException>(() => new AliasTable([]));
        Assert.Throws<ArgumentException>(() => new AliasTable([1, -1]));
        Assert.Throws<ArgumentException>(() => new AliasTable([0, 0]));
        Assert.Throws<ArgumentException>(() => new AliasTable([1, double.NaN]));
    }
}
