using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Tests.Ipc;

/// <summary>Allocation-free handler: sums the first int64 of each payload.</summary>
internal struct SumHandler : IMessageHandler
{
    public long Sum;
    public int Count;

    public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
    {
        Sum += buffer.GetInt64(index);
        Count++;
    }
}
