using BenchmarkDotNet.Attributes;
using HdrHistogram;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;

namespace Llt.Benchmarks.Counters;

/// <summary>
/// Cost of one counter increment and one histogram record (3 significant digits, up to 1 hour), against
/// HdrHistogram 2.5.0's LongHistogram.RecordValue (same precision and range) as the ratio baseline. Every
/// invocation records the same <see cref="ValuesPerInvoke"/> lognormal latencies (~20 µs median, heavy
/// tail), so branch and cache behaviour match between the two histograms; results are per operation.
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*CountersBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class CountersBenchmarks
{
    public const int ValuesPerInvoke = 4096;
    private const long HighestTrackableValueNs = 3_600_000_000_000L;
    private const int SignificantDigits = 3;

    private readonly long[] _values = new long[ValuesPerInvoke];
    private AlignedMemory? _memory;
    private CountersManager? _manager;
    private Counter _counter;
    private LatencyHistogram _histogram;
    private LongHistogram? _hdrHistogram;

    [GlobalSetup]
    public void Setup()
    {
        var config = new CountersConfig
        {
            MaxCounters = 4,
            MaxHistograms = 1,
            SignificantDigits = SignificantDigits,
            HighestTrackableValueNs = HighestTrackableValueNs,
        };
        _memory = AlignedMemory.Allocate(config.FileLength());
        _manager = CountersManager.Wrap(_memory.AsBuffer(), config, SystemEpochClock.Instance);
        _counter = _manager.AllocateCounter(typeId: 1, "bench: increments");
        _histogram = _manager.AllocateHistogram(typeId: 2, "bench: latency ns");
        _hdrHistogram = new LongHistogram(HighestTrackableValueNs, SignificantDigits);

        var random = new Random(42);
        for (int i = 0; i < _values.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            double sigma = i % 100 == 0 ? 2.5 : 0.8;
            _values[i] = (long)Math.Exp(Math.Log(20_000) + sigma * normal);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _manager?.Dispose();
        _memory?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public long CounterIncrement()
    {
        Counter counter = _counter;
        for (int i = 0; i < ValuesPerInvoke; i++)
        {
            counter.Increment();
        }

        return counter.Get();
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public void LatencyHistogramRecord()
    {
        LatencyHistogram histogram = _histogram;
        long[] values = _values;
        for (int i = 0; i < values.Length; i++)
        {
            histogram.Record(values[i]);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ValuesPerInvoke)]
    public void HdrLongHistogramRecordValue()
    {
        LongHistogram histogram = _hdrHistogram!;
        long[] values = _values;
        for (int i = 0; i < values.Length; i++)
        {
            histogram.RecordValue(values[i]);
        }
    }
}
