using BenchmarkDotNet.Attributes;
using Llt.Benchmarks.Ipc;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.MarketData.Simulation;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;

namespace Llt.Benchmarks.Simulation;

/// <summary>
/// Events/s of the embedded simulated feed, 100 instruments, default model: the model alone
/// (<see cref="MarketSimulator.Next"/>), and the full feed agent encoding SBE Quote/Trade straight into a
/// one-to-one ring that the same thread drains after every DoWork (no cross-core traffic; the figure is the
/// generator's cost, not the ring hop's). Results are per event.
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*SimulatorBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SimulatorBenchmarks
{
    public const int EventsPerInvoke = 1 << 18;
    private const int Instruments = 100;
    private const int RingCapacity = 1 << 20;

    private AlignedMemory? _memory;
    private OneToOneRingBuffer? _ring;
    private SimulatedFeedAgent? _agent;
    private MarketSimulator? _model;

    [GlobalSetup]
    public void Setup()
    {
        SimulatorConfig config = SimulatorConfig.CreateDefault(Instruments, seed: 42);
        _memory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(RingCapacity));
        _ring = new OneToOneRingBuffer(_memory.AsBuffer());
        _agent = new SimulatedFeedAgent(new MarketSimulator(config), _ring, SystemNanoClock.Instance, config);
        _model = new MarketSimulator(config);
    }

    [GlobalCleanup]
    public void Cleanup() => _memory?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke)]
    public long ModelOnly_Next()
    {
        MarketSimulator model = _model!;
        long checksum = 0;
        for (int i = 0; i < EventsPerInvoke; i++)
        {
            model.Next(out SimulatedEvent e);
            checksum += e.BidPrice;
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long FeedAgent_SbeIntoOneToOneRing_DrainedSameThread()
    {
        SimulatedFeedAgent agent = _agent!;
        OneToOneRingBuffer ring = _ring!;
        var handler = new CountingHandler();
        while (handler.Count < EventsPerInvoke)
        {
            agent.DoWork();
            ring.Read(ref handler, 1024);
        }

        // hand the ring back empty: the last DoWork may have published past the count
        while (ring.Read(ref handler, int.MaxValue) > 0)
        {
        }

        return handler.Checksum;
    }
}
