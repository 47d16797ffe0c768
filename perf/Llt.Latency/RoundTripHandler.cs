using System.Diagnostics;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Latency;

/// <summary>Receives an echoed timestamp and records now − timestamp as one round-trip sample.</summary>
internal struct RoundTripHandler : IMessageHandler
{
    public long LastRoundTripTicks;
    public long Received;

    public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
    {
        LastRoundTripTicks = Stopwatch.GetTimestamp() - buffer.GetInt64(index);
        Received++;
    }
}
