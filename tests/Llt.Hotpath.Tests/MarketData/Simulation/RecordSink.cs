using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

/// <summary>Copies every record read from a ring into a list (tests only: it allocates).</summary>
internal struct RecordSink : IMessageHandler
{
    public RecordSink()
    {
        Records = new List<SimulatedRecord>();
    }

    public List<SimulatedRecord> Records { get; }

    public readonly void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length) =>
        Records.Add(new SimulatedRecord(msgTypeId, buffer.AsSpan(index, length).ToArray()));
}
