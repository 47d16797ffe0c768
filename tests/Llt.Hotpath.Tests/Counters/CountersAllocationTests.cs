using Llt.Hotpath.Counters;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Counters;

public sealed class CountersAllocationTests
{
    [Fact]
    public void IncrementAndRecord_AfterWarmUp_AllocateNothing()
    {
        var config = new CountersConfig { MaxCounters = 4, MaxHistograms = 1 };
        using var memory = AlignedMemory.Allocate(config.FileLength());
        using var manager = CountersManager.Wrap(memory.AsBuffer(), config, new ManualNanoClock(1));
        Counter counter = manager.AllocateCounter(typeId: 1, "ticks");
        LatencyHistogram histogram = manager.AllocateHistogram(typeId: 2, "latency");
        long[] values = LatencyHistogramTests.LognormalLatencies(count: 4096, seed: 3);
        Exercise(counter, histogram, values);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Exercise(counter, histogram, values);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
        Assert.Equal(2 * 25 * values.Length, counter.Get());
    }

    private static void Exercise(Counter counter, LatencyHistogram histogram, long[] values)
    {
        for (int round = 0; round < 25; round++)
        {
            for (int i = 0; i < values.Length; i++)
            {
                counter.Increment();
                histogram.Record(values[i]);
            }

            // the clamped slow path is part of the hot path too
            histogram.Record(-1);
        }
    }
}
