using Llt.Hotpath.Counters;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Counters;

public sealed class LatencyHistogramTests : IDisposable
{
    private static readonly double[] Percentiles = [50, 90, 99, 99.9, 99.99, 100];

    private readonly List<AlignedMemory> _memories = [];
    private readonly ManualNanoClock _clock = new(1_000);

    public void Dispose()
    {
        foreach (AlignedMemory memory in _memories)
        {
            memory.Dispose();
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ValueAtPercentile_LognormalLatencies_IsWithinTheDocumentedRelativeError(int significantDigits)
    {
        (LatencyHistogram histogram, CountersReader reader) = NewHistogram(significantDigits, 3_600_000_000_000L);
        long[] sample = LognormalLatencies(count: 500_000, seed: 42);
        foreach (long value in sample)
        {
            histogram.Record(value);
        }

        HistogramSnapshot snapshot = reader.CreateSnapshot();
        Assert.True(reader.TryReadHistogram(histogram.Id, snapshot));
        Array.Sort(sample);
        double relativeError = snapshot.Buckets.RelativeError;
        Assert.True(relativeError <= Math.Pow(10, -significantDigits));
        foreach (double percentile in Percentiles)
        {
            long rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * sample.Length));
            long exact = sample[rank - 1];
            long reported = snapshot.ValueAtPercentile(percentile);

            // Documented: never below the true value, above it by less than 2^-k of it.
            Assert.True(reported >= exact, $"p{percentile}: reported {reported} < exact {exact}");
            Assert.True(reported - exact <= exact * relativeError, $"p{percentile}: reported {reported} vs exact {exact}, bound {relativeError}");
        }

        Assert.Equal(sample[^1], snapshot.ValueAtPercentile(100));
    }

    [Fact]
    public void MinMaxCountSum_AreExact()
    {
        (LatencyHistogram histogram, CountersReader reader) = NewHistogram(2, 3_600_000_000_000L);
        long[] sample = LognormalLatencies(count: 100_000, seed: 7);
        long sum = 0;
        foreach (long value in sample)
        {
            histogram.Record(value);
            sum += value;
        }

        HistogramSnapshot snapshot = reader.CreateSnapshot();
        Assert.True(reader.TryReadHistogram(histogram.Id, snapshot));
        Assert.Equal(sample.Length, snapshot.Count);
        Assert.Equal(sample.Length, snapshot.TotalCount);
        Assert.Equal(sample.Min(), snapshot.MinNs);
        Assert.Equal(sample.Max(), snapshot.MaxNs);
        Assert.Equal(sum, snapshot.SumNs);
        Assert.Equal((double)sum / sample.Length, snapshot.MeanNs, precision: 6);
        Assert.Equal(0, snapshot.ClampedCount);
    }

    [Fact]
    public void Record_SmallValues_AreReportedExactly()
    {
        (LatencyHistogram histogram, CountersReader reader) = NewHistogram(2, 1_000_000);
        // 2^(k+1) = 256 for k = 7: every value below has a bucket of its own.
        for (int value = 1; value <= 200; value++)
        {
            histogram.Record(value);
        }

        HistogramSnapshot snapshot = reader.CreateSnapshot();
        Assert.True(reader.TryReadHistogram(histogram.Id, snapshot));
        Assert.Equal(100, snapshot.ValueAtPercentile(50));
        Assert.Equal(180, snapshot.ValueAtPercentile(90));
        Assert.Equal(198, snapshot.ValueAtPercentile(99));
        Assert.Equal(1, snapshot.MinNs);
        Assert.Equal(200, snapshot.MaxNs);
    }

    [Fact]
    public void Record_OutOfRangeValues_AreClampedAndCounted()
    {
        const long highest = 1_000_000;
        (LatencyHistogram histogram, CountersReader reader) = NewHistogram(2, highest);

        histogram.Record(500);
        histogram.Record(highest + 1);
        histogram.Record(long.MaxValue);
        histogram.Record(-3);

        HistogramSnapshot snapshot = reader.CreateSnapshot();
        Assert.True(reader.TryReadHistogram(histogram.Id, snapshot));
        Assert.Equal(4, snapshot.Count);
        Assert.Equal(3, snapshot.ClampedCount);
        Assert.Equal(0, snapshot.MinNs);
        Assert.Equal(highest, snapshot.MaxNs);
        Assert.Equal(500 + 2 * highest, snapshot.SumNs);
        Assert.Equal(highest, snapshot.ValueAtPercentile(100));
        Assert.Equal(0, snapshot.ValueAtPercentile(25));
    }

    [Fact]
    public void RecordWithACount_LeavesWhatRecordingTheValueThatManyTimesLeaves()
    {
        const long highest = 1_000_000;
        (LatencyHistogram batched, CountersReader batchedReader) = NewHistogram(2, highest);
        (LatencyHistogram single, CountersReader singleReader) = NewHistogram(2, highest);
        foreach ((long value, int count) in new[] { (340L, 256), (12_345L, 3), (highest + 5, 7), (-1L, 2), (90L, 1), (500L, 0) })
        {
            batched.Record(value, count);
            for (int i = 0; i < count; i++)
            {
                single.Record(value);
            }
        }

        HistogramSnapshot a = batchedReader.CreateSnapshot();
        HistogramSnapshot b = singleReader.CreateSnapshot();
        Assert.True(batchedReader.TryReadHistogram(batched.Id, a));
        Assert.True(singleReader.TryReadHistogram(single.Id, b));
        Assert.Equal(269, a.Count);
        Assert.Equal((b.Count, b.SumNs, b.MinNs, b.MaxNs, b.ClampedCount), (a.Count, a.SumNs, a.MinNs, a.MaxNs, a.ClampedCount));
        foreach (double percentile in Percentiles)
        {
            Assert.Equal(b.ValueAtPercentile(percentile), a.ValueAtPercentile(percentile));
        }
    }

    [Fact]
    public void Reset_EmptiesTheHistogramForTheNextInterval()
    {
        (LatencyHistogram histogram, CountersReader reader) = NewHistogram(2, 1_000_000);
        histogram.Record(10);
        histogram.Record(2_000_000);

        histogram.Reset();
        histogram.Record(77);

        HistogramSnapshot snapshot = reader.CreateSnapshot();
        Assert.True(reader.TryReadHistogram(histogram.Id, snapshot));
        Assert.Equal(1, snapshot.Count);
        Assert.Equal(1, snapshot.TotalCount);
        Assert.Equal(0, snapshot.ClampedCount);
        Assert.Equal(77, snapshot.MinNs);
        Assert.Equal(77, snapshot.MaxNs);
        Assert.Equal(77, snapshot.SumNs);
    }

    [Fact]
    public void ValueAtPercentile_OutsideZeroToHundred_Throws()
    {
        (LatencyHistogram _, CountersReader reader) = NewHistogram(2, 1_000_000);
        HistogramSnapshot snapshot = reader.CreateSnapshot();

        Assert.Throws<ArgumentException>(() => snapshot.ValueAtPercentile(0));
        Assert.Throws<ArgumentException>(() => snapshot.ValueAtPercentile(100.5));
        Assert.Throws<ArgumentException>(() => snapshot.ValueAtPercentile(double.NaN));
    }

    /// <summary>Latencies shaped like a real tick-to-order path: lognormal around 20 µs with a heavy tail.</summary>
    internal static long[] LognormalLatencies(int count, int seed)
    {
        var random = new Random(seed);
        var sample = new long[count];
        for (int i = 0; i < count; i++)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            double sigma = i % 100 == 0 ? 2.5 : 0.8;
            sample[i] = (long)Math.Exp(Math.Log(20_000) + sigma * normal);
        }

        return sample;
    }

    private (LatencyHistogram Histogram, CountersReader Reader) NewHistogram(int significantDigits, long highestNs)
    {
        var config = new CountersConfig
        {
            MaxCounters = 1,
            MaxHistograms = 1,
            SignificantDigits = significantDigits,
            HighestTrackableValueNs = highestNs,
        };
        var memory = AlignedMemory.Allocate(config.FileLength());
        _memories.Add(memory);
        var manager = CountersManager.Wrap(memory.AsBuffer(), config, _clock);
        return (manager.AllocateHistogram(typeId: 1, "latency"), manager.CreateReader());
    }
}
