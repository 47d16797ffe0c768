using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Latency;

/// <summary>Writes every record it receives back out on another ring, spinning while that ring is full.</summary>
internal struct EchoHandler : IMessageHandler
{
    private readonly RingBuffer _output;

    public EchoHandler(RingBuffer output)
    {
        _output = output;
    }

    public long Echoed;

    public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
    {
        ReadOnlySpan<byte> payload = buffer.AsSpan(index, length);
        while (_output.Write(msgTypeId, payload) != WriteResult.Success)
        {
            Thread.SpinWait(1);
        }

        Echoed++;
    }
}
