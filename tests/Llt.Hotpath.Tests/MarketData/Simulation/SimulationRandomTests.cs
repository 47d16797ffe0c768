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
}
