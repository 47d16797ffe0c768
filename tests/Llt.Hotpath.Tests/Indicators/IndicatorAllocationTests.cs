using Llt.Hotpath.Indicators;
using Llt.Hotpath.Tests.Runtime;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class IndicatorAllocationTests
{
    [Fact]
    public void StreamingUpdates_AfterWarmUp_AllocateNothing()
    {
        var state = new StreamingSet(window: 20);
        double[] values = TestSeries.Random(4096, seed: 21, center: 100, scale: 3);
        double[] volumes = TestSeries.Volumes(4096, seed: 22);
        state.Run(values, volumes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        double checksum = state.Run(values, volumes);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
        // every indicator was ready through the measured run
        Assert.False(double.IsNaN(checksum));
    }

    [Fact]
    public void BatchKernels_AfterWarmUp_AllocateNothing()
    {
        double[] values = TestSeries.Random(10_000, seed: 23, center: 100, scale: 3);
        double[] volumes = TestSeries.Volumes(10_000, seed: 24);
        var a = new double[values.Length];
        var b = new double[values.Length];
        var c = new double[values.Length];
        RunKernels(values, volumes, a, b, c);

        long allocated = SteadyAllocation.Of(() => RunKernels(values, volumes, a, b, c), out long first);

        Assert.True(allocated == 0, $"allocated {first} B, then {allocated} B");
    }

    private static void RunKernels(double[] values, double[] volumes, double[] a, double[] b, double[] c)
    {
        IndicatorKernels.Sma(values, 20, a);
        IndicatorKernels.RollingVariance(values, 20, VarianceKind.Sample, a);
        IndicatorKernels.RollingStdDev(values, 20, VarianceKind.Sample, a);
        IndicatorKernels.ZScore(values, 20, VarianceKind.Sample, a);
        IndicatorKernels.BollingerBands(values, 20, 2.0, VarianceKind.Population, a, b, c);
        IndicatorKernels.Vwap(values, volumes, 20, a);
        IndicatorKernels.SessionVwap(values, volumes, a);
        IndicatorKernels.Ema(values, 20, a);
        IndicatorKernels.EmaColumns(values, 8, 20, a);
        IndicatorKernels.RollingMax(values, 20, a);
        IndicatorKernels.RollingMin(values, 20, a);
        ScalarIndicatorKernels.RollingVariance(values, 20, VarianceKind.Sample, a);
        ScalarIndicatorKernels.EmaColumns(values, 8, 20, a);
    }
}
