using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Tests.Ipc;

/// <summary>
/// Checks per-producer sequences: payload is (producerId &lt;&lt; 40 | sequence) as int64; each producer's
/// sequence must arrive as 0, 1, 2, … with nothing lost, duplicated or reordered.
/// </summary>
internal struct SequenceChecker : IMessageHandler
{
    private readonly long[] _next;

    public SequenceChecker(int producers)
    {
        _next = new long[producers];
    }

    public long Total;
    public long OutOfOrder;

    public readonly long NextFor(int producer) => _next[producer];

    public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
    {
        long value = buffer.GetInt64(index);
        int producer = (int)(value >> 40);
        long sequence = value & ((1L << 40) - 1);
        if ((uint)producer >= (uint)_next.Length || _next[producer] != sequence || msgTypeId != producer + 1)
        {
            OutOfOrder++;
        }
        else
        {
            _next[producer]++;
        }

        Total++;
    }
}
