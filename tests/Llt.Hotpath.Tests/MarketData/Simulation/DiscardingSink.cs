using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

/// <summary>Counts records without copying them, so draining allocates nothing.</summary>
internal struct DiscardingSink : IMessageHandler
{
    public long Count;

    public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length) => Count++;
}
