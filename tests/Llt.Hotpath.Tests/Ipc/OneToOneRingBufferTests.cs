using Llt.Hotpath.Ipc;

namespace Llt.Hotpath.Tests.Ipc;

/// <summary>The conformance suite for <see cref="OneToOneRingBuffer"/> over in-process aligned memory.</summary>
public class OneToOneRingBufferTests : RingBufferConformanceTests
{
    protected override RingBuffer CreateRing(int capacity) => new OneToOneRingBuffer(AllocateBuffer(capacity));

    [Fact]
    public void Unblock_AlwaysReturnsFalse_EvenWithPendingClaim()
    {
        RingBuffer ring = CreateRing(1024);
        ring.TryClaim(1, 8);
        Assert.False(ring.Unblock());
    }

    [Fact]
    public void ProducerAndConsumerThreads_DeliverEverySequenceInOrder()
    {
        var ring = (OneToOneRingBuffer)CreateRing(4096);
        const long count = 200_000;
        var producer = new Thread(() =>
        {
            Span<byte> payload = stackalloc byte[8];
            var deadline = DateTime.UtcNow.AddSeconds(60);
            for (long i = 0; i < count && DateTime.UtcNow < deadline;)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(payload, i);
                if (ring.Write(1, payload) == WriteResult.Success)
                {
                    i++;
                }
                else
                {
                    Thread.Yield();
                }
            }
        });
        producer.Start();

        var checker = new SequenceChecker(1);
        var consumeDeadline = DateTime.UtcNow.AddSeconds(60);
        while (checker.Total < count && DateTime.UtcNow < consumeDeadline)
        {
            if (ring.Read(ref checker, 64) == 0)
            {
                Thread.Yield();
            }
        }

        Assert.True(producer.Join(TimeSpan.FromSeconds(60)));
        Assert.Equal(count, checker.Total);
        Assert.Equal(0, checker.OutOfOrder);
    }
}
