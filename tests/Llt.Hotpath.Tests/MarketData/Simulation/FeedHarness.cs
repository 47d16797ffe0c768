using Llt.Hotpath.Ipc;
using Llt.Hotpath.MarketData.Simulation;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

/// <summary>A <see cref="SimulatedFeedAgent"/> over an in-process one-to-one ring and a manual clock.</summary>
internal sealed class FeedHarness : IDisposable
{
    private readonly AlignedMemory _memory;

    public FeedHarness(SimulatorConfig config, int ringCapacity = 1 << 16, long clockStartNs = 1_000)
    {
        _memory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(ringCapacity));
        Ring = new OneToOneRingBuffer(_memory.AsBuffer());
        Clock = new ManualNanoClock(clockStartNs);
        Simulator = new MarketSimulator(config);
        Agent = new SimulatedFeedAgent(Simulator, Ring, Clock, config);
    }

    public OneToOneRingBuffer Ring { get; }

    public ManualNanoClock Clock { get; }

    public MarketSimulator Simulator { get; }

    public SimulatedFeedAgent Agent { get; }

    /// <summary>Publishes and drains until <paramref name="count"/> records were read; returns them in order.</summary>
    public List<SimulatedRecord> Collect(int count)
    {
        var sink = new RecordSink();
        while (sink.Records.Count < count)
        {
            Agent.DoWork();
            Ring.Read(ref sink, count - sink.Records.Count);
        }

        return sink.Records;
    }

    public void Dispose() => _memory.Dispose();
}
