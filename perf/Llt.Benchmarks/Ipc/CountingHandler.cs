using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Benchmarks.Ipc;

/// <summary>Touches each payload (so reads are not elided) and counts messages.</summary>
public struct CountingHandler : IMessageHandler
{
    public long Count;
    public long Checksum;

    public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
    {
        Checksum += buffer.GetInt64(index);
        Count++;
    }
}
