using Llt.Hotpath.Risk;

namespace Llt.Hotpath.Tests.Risk;

public sealed class RiskMetricsCalculatorTests
{
    /// <summary>The plain definition: losses sorted ascending, the ⌈c·n⌉-th smallest.</summary>
    private static double ReferenceVar(double[] pnl, double confidence)
    {
        double[] losses = pnl.Select(p => -p).OrderBy(l => l).ToArray();
        int k = (int)Math.Ceiling(confidence * losses.Length) - 1;
        return losses[Math.Max(k, 0)];
    }

    [Theory]
    [InlineData(1, 250)]
    [InlineData(2, 100)]
    [InlineData(3, 37)]
    [InlineData(4, 1)]
    public void Var_FromThePnlWindow_MatchesASortedArrayReference(int seed, int samples)
    {
        var random = new Random(seed);
        var calculator = new RiskMetricsCalculator(instrumentCount: 3, windowCapacity: 250);
        double[] pnl = new double[samples];
        for (int i = 0; i < samples; i++)
        {
            pnl[i] = (random.NextDouble() - 0.48) * 10_000;
            calculator.OnPnlChange(pnl[i]);
            calculator.OnInstrumentReturns([0, 0, 0]);
        }

        RiskMetrics metrics = calculator.Compute([0, 0, 0]);
        Assert.Equal(ReferenceVar(pnl, 0.95), metrics.Var95);
        Assert.Equal(ReferenceVar(pnl, 0.99), metrics.Var99);
        Assert.Equal(samples, metrics.PnlSamples);
        Assert.True(metrics.Var99 >= metrics.Var95);
    }

    [Fact]
    public void Var_WindowKeepsOnlyTheLatestCapacitySamples()
    {
        var calculator = new RiskMetricsCalculator(1, windowCapacity: 100);
        for (int i = 0; i < 100; i++)
        {
            calculator.OnPnlChange(-1_000_000);
        }

        double[] latest = new double[100];
        for (int i = 0; i < 100; i++)
        {
            latest[i] = i - 50;
            calculator.OnPnlChange(latest[i]);
        }

        RiskMetrics metrics = calculator.Compute([0]);
        Assert.Equal(ReferenceVar(latest, 0.95), metrics.Var95);
        Assert.Equal(ReferenceVar(latest, 0.99), metrics.Var99);
        Assert.Equal(100, metrics.PnlSamples);
    }

    [Fact]
    public void ScenarioVar_RevaluesExposuresUnderHistoricalReturns()
    {
        var random = new Random(7);
        const int instruments = 11;
        var calculator = new RiskMetricsCalculator(instruments, windowCapacity: 200);
        var rows = new List<double[]>();
        for (int s = 0; s < 200; s++)
        {
            double[] row = new double[instruments];
            for (int i = 0; i < instruments; i++)
            {
                row[i] = (random.NextDouble() - 0.5) * 0.04;
            }

            rows.Add(row);
            calculator.OnInstrumentReturns(row);
        }

        double[] exposures = new double[instruments];
        for (int i = 0; i < instruments; i++)
        {
            exposures[i] = (random.NextDouble() - 0.3) * 1_000_000;
        }

        RiskMetrics metrics = calculator.Compute(exposures);
        double[] pnl = rows.Select(r => r.Zip(exposures, (x, e) => x * e).Sum()).ToArray();
        Assert.Equal(ReferenceVar(pnl, 0.95), metrics.ScenarioVar95, 6);
        Assert.Equal(ReferenceVar(pnl, 0.99), metrics.ScenarioVar99, 6);
        Assert.Equal(exposures.Sum(Math.Abs), metrics.GrossExposure, 6);
        Assert.Equal(exposures.Sum(), metrics.NetExposure, 6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(13)]
    [InlineData(64)]
    public void ScenarioKernel_VectorAndScalarAreBitIdentical(int instruments)
    {
        var random = new Random(instruments);
        int stride = (instruments + 3) & ~3;
        const int scenarios = 50;
        double[] exposures = new double[instruments];
        double[] returns = new double[stride * scenarios];
        for (int i = 0; i < instruments; i++)
        {
            exposures[i] = (random.NextDouble() - 0.5) * 1e6;
        }

        for (int i = 0; i < returns.Length; i++)
        {
            returns[i] = (random.NextDouble() - 0.5) * 0.1;
        }

        double[] vector = new double[scenarios];
        double[] scalar = new double[scenarios];
        ScenarioPnlKernel.ComputeVector256(exposures, returns, stride, vector);
        ScenarioPnlKernel.ComputeScalar(exposures, returns, stride, scalar);
        Assert.Equal(scalar, vector);
        for (int s = 0; s < scenarios; s++)
        {
            double plain = 0;
            for (int i = 0; i < instruments; i++)
            {
                plain += exposures[i] * returns[(s * stride) + i];
            }

            Assert.Equal(plain, scalar[s], 6);
        }
    }

    [Fact]
    public void MaxDrawdown_IsTheLargestPeakToTroughFall()
    {
        var calculator = new RiskMetricsCalculator(1, 10);
        foreach (double change in new double[] { 10, -4, 6, -9, -3, 5, 20, -1 })
        {
            calculator.OnPnlChange(change);
        }

        // path 10, 6, 12, 3, 0, 5, 25, 24: peak 12 to trough 0
        Assert.Equal(12, calculator.Compute([0]).MaxDrawdown);
    }

    [Fact]
    public void EmptyWindow_GivesNaNVar()
    {
        RiskMetrics metrics = new RiskMetricsCalculator(2, 10).Compute([1, -2]);
        Assert.True(double.IsNaN(metrics.Var95));
        Assert.True(double.IsNaN(metrics.ScenarioVar99));
        Assert.Equal(3, metrics.GrossExposure);
        Assert.Equal(-1, metrics.NetExposure);
    }

    [Fact]
    public void Compute_AfterWarmUp_DoesNotAllocate()
    {
        var calculator = new RiskMetricsCalculator(5, 64);
        double[] row = [0.01, -0.02, 0.0, 0.03, -0.01];
        double[] exposures = [1, 2, 3, 4, 5];
        for (int i = 0; i < 64; i++)
        {
            calculator.OnPnlChange(i - 30);
            calculator.OnInstrumentReturns(row);
        }

        calculator.Compute(exposures);
        long before = GC.GetAllocatedBytesForCurrentThread();
        calculator.Compute(exposures);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
