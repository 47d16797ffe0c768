using Llt.Hotpath.Counters;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Counters;

public sealed unsafe class CountersManagerTests : IDisposable
{
    private static readonly CountersConfig SmallConfig = new()
    {
        MaxCounters = 8,
        MaxHistograms = 2,
        SignificantDigits = 2,
        HighestTrackableValueNs = 1_000_000_000L,
        ReuseTimeoutNs = 1_000,
    };

    private readonly ManualNanoClock _clock = new(1_700_000_000_000_000_000L);
    private readonly AlignedMemory _memory = AlignedMemory.Allocate(SmallConfig.FileLength());
    private readonly CountersManager _manager;
    private readonly CountersReader _reader;

    public CountersManagerTests()
    {
        _manager = CountersManager.Wrap(_memory.AsBuffer(), SmallConfig, _clock);
        _reader = _manager.CreateReader();
    }

    public void Dispose()
    {
        _manager.Dispose();
        _memory.Dispose();
    }

    [Fact]
    public void AllocateCounter_AssignsIdsInOrderAndPublishesTypeAndLabel()
    {
        Counter orders = _manager.AllocateCounter(typeId: 7, "orders sent");
        Counter fills = _manager.AllocateCounter(typeId: 9, "fills: AAPL µs");

        Assert.Equal(0, orders.Id);
        Assert.Equal(1, fills.Id);
        Assert.Equal(CountersDescriptor.RecordAllocated, _reader.CounterState(0));
        Assert.Equal(CountersDescriptor.RecordAllocated, _reader.CounterState(1));
        Assert.Equal(CountersDescriptor.RecordFree, _reader.CounterState(2));
        Assert.Equal(7, _reader.CounterTypeId(0));
        Assert.Equal(9, _reader.CounterTypeId(1));
        Assert.Equal("orders sent", _reader.CounterLabel(0));
        Assert.Equal("fills: AAPL µs", _reader.CounterLabel(1));
    }

    [Fact]
    public void AllocateCounter_LabelLongerThanRecord_IsCutAtACharacterBoundary()
    {
        // '€' is 3 UTF-8 bytes: 78 of them fill 234 of the 236 label bytes, the 79th would split.
        string label = new('€', 100);

        _manager.AllocateCounter(typeId: 1, label);

        Assert.Equal(CountersDescriptor.MaxLabelLength / 3, _reader.CounterLabel(0).Length);
        Assert.Equal(new string('€', CountersDescriptor.MaxLabelLength / 3), _reader.CounterLabel(0));
    }

    [Fact]
    public void Counter_IncrementAddSet_AreVisibleToTheReader()
    {
        Counter counter = _manager.AllocateCounter(typeId: 1, "ticks");

        counter.Increment();
        counter.Increment();
        counter.Add(40);
        Assert.Equal(42, counter.Get());
        Assert.Equal(42, _reader.CounterValue(counter.Id));

        counter.Set(-5);
        Assert.Equal(-5, _reader.CounterValue(counter.Id));
    }

    [Fact]
    public void Counters_EachValueOwnsOneCacheLine()
    {
        for (int i = 0; i < SmallConfig.MaxCounters; i++)
        {
            _manager.AllocateCounter(typeId: 1, $"c{i}");
        }

        for (int id = 0; id < SmallConfig.MaxCounters; id++)
        {
            nint address = _reader.CounterValueAddress(id);
            Assert.Equal(0, address % CountersDescriptor.CacheLineLength);
            if (id > 0)
            {
                Assert.Equal(CountersDescriptor.CacheLineLength, address - _reader.CounterValueAddress(id - 1));
            }
        }

        // The value lines sit after all metadata and before the histograms: no label shares a line with a value.
        long first = _reader.CounterValueAddress(0) - (nint)_memory.Pointer;
        Assert.Equal(CountersDescriptor.CounterValuesSectionOffset(SmallConfig.MaxCounters, SmallConfig.MaxHistograms), first);
        Assert.True(first >= CountersDescriptor.HistogramMetadataSectionOffset(SmallConfig.MaxCounters) + SmallConfig.MaxHistograms * CountersDescriptor.MetadataRecordLength);
        Assert.True(first + SmallConfig.MaxCounters * CountersDescriptor.CounterValueStride
            <= CountersDescriptor.HistogramsSectionOffset(SmallConfig.MaxCounters, SmallConfig.MaxHistograms));
        Assert.Equal(0, CountersDescriptor.HistogramRecordLength(SmallConfig.Buckets().BucketCount) % CountersDescriptor.CacheLineLength);
    }

    [Fact]
    public void Counters_WrittenByOneHandle_DoNotTouchTheirNeighbours()
    {
        Counter a = _manager.AllocateCounter(typeId: 1, "a");
        Counter b = _manager.AllocateCounter(typeId: 1, "b");

        a.Set(long.MaxValue);
        b.Set(-1);

        Assert.Equal(long.MaxValue, _reader.CounterValue(a.Id));
        Assert.Equal(-1, _reader.CounterValue(b.Id));
        Assert.Equal(0, _reader.CounterValue(2));
    }

    [Fact]
    public void AllocateCounter_WhenEverySlotIsTaken_Throws()
    {
        for (int i = 0; i < SmallConfig.MaxCounters; i++)
        {
            _manager.AllocateCounter(typeId: 1, $"c{i}");
        }

        var error = Assert.Throws<InvalidOperationException>(() => _manager.AllocateCounter(typeId: 1, "one too many"));
        Assert.Contains("MaxCounters", error.Message);
    }

    [Fact]
    public void FreeCounter_HidesItAndReusesTheSlotOnlyAfterTheReuseTimeout()
    {
        for (int i = 0; i < SmallConfig.MaxCounters; i++)
        {
            _manager.AllocateCounter(typeId: 1, $"c{i}").Set(100 + i);
        }

        _manager.FreeCounter(3);
        Assert.Equal(CountersDescriptor.RecordReclaimed, _reader.CounterState(3));
        Assert.Throws<InvalidOperationException>(() => _manager.AllocateCounter(typeId: 2, "too early"));

        _clock.Advance(SmallConfig.ReuseTimeoutNs);
        Counter reused = _manager.AllocateCounter(typeId: 2, "reused");

        Assert.Equal(3, reused.Id);
        Assert.Equal(0, reused.Get());
        Assert.Equal(CountersDescriptor.RecordAllocated, _reader.CounterState(3));
        Assert.Equal("reused", _reader.CounterLabel(3));
        Assert.Equal(2, _reader.CounterTypeId(3));
    }

    [Fact]
    public void FreeCounter_NotAllocated_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => _manager.FreeCounter(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _manager.FreeCounter(SmallConfig.MaxCounters));
    }

    [Fact]
    public void AllocateHistogram_PublishesLabelAndAnEmptyHistogram()
    {
        LatencyHistogram histogram = _manager.AllocateHistogram(typeId: 100, "tick-to-order ns");

        Assert.Equal(0, histogram.Id);
        Assert.Equal("tick-to-order ns", _reader.HistogramLabel(0));
        Assert.Equal(100, _reader.HistogramTypeId(0));
        HistogramSnapshot snapshot = _reader.CreateSnapshot();
        Assert.True(_reader.TryReadHistogram(0, snapshot));
        Assert.Equal(0, snapshot.Count);
        Assert.Equal(0, snapshot.MinNs);
        Assert.Equal(0, snapshot.ValueAtPercentile(99));
        Assert.False(_reader.TryReadHistogram(1, snapshot));
    }

    [Fact]
    public void Subtract_LeavesOnlyWhatWasRecordedAfterTheEarlierSnapshot()
    {
        // a reader on another thread measures a window of a live histogram by subtracting (the bench's pipelined mode)
        LatencyHistogram histogram = _manager.AllocateHistogram(typeId: 100, "tick-to-order ns");
        for (int i = 0; i < 1000; i++)
        {
            histogram.Record(5_000_000); // warm-up: slow
        }

        HistogramSnapshot before = _reader.CreateSnapshot();
        Assert.True(_reader.TryReadHistogram(histogram.Id, before));
        for (int i = 1; i <= 100; i++)
        {
            histogram.Record(i * 10);
        }

        HistogramSnapshot window = _reader.CreateSnapshot();
        Assert.True(_reader.TryReadHistogram(histogram.Id, window));
        window.Subtract(before);

        Assert.Equal(100, window.Count);
        Assert.Equal(100, window.TotalCount);
        Assert.InRange(window.ValueAtPercentile(50), 500, 510);
        Assert.InRange(window.MaxNs, 1000, 1010); // the warm-up's 5 ms maximum is not the window's
        Assert.Equal(50_500, window.SumNs);
    }

    [Fact]
    public void UpdateHeartbeat_IsVisibleToTheReader()
    {
        Assert.Equal(_clock.EpochNanoTime(), _reader.StartTimeEpochNs);
        Assert.Equal(_clock.EpochNanoTime(), _reader.HeartbeatEpochNs);
        Assert.Equal(Environment.ProcessId, _reader.WriterPid);

        _clock.Advance(250_000_000);
        _manager.UpdateHeartbeat();

        Assert.Equal(_clock.EpochNanoTime(), _reader.HeartbeatEpochNs);
        Assert.Equal(250_000_000, _reader.HeartbeatEpochNs - _reader.StartTimeEpochNs);
    }

    [Fact]
    public void Wrap_BufferSmallerThanTheConfigNeeds_Throws()
    {
        using var small = AlignedMemory.Allocate(CountersDescriptor.HeaderLength);

        Assert.Throws<ArgumentException>(() => CountersManager.Wrap(small.AsBuffer(), SmallConfig, _clock));
    }
}
