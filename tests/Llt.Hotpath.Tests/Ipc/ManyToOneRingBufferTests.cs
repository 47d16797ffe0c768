using System.Buffers.Binary;
using Llt.Hotpath.Ipc;

namespace Llt.Hotpath.Tests.Ipc;

/// <summary>The conformance suite plus multi-producer behaviour for <see cref="ManyToOneRingBuffer"/> in-process.</summary>
public class ManyToOneRingBufferTests : RingBufferConformanceTests
{
    protected override RingBuffer CreateRing(int capacity) => new ManyToOneRingBuffer(AllocateBuffer(capacity));

    [Fact]
    public void Unblock_WhenNothingIsPending_ReturnsFalse()
    {
        RingBuffer ring = CreateRing(1024);
        Assert.False(ring.Unblock());
        WriteInts(ring, 1);
        Assert.False(ring.Unblock());
    }

    [Fact]
    public void Unblock_ClaimLeftByDeadProducer_BecomesPaddingAndLaterRecordsFlow()
    {
        RingBuffer ring = CreateRing(1024);
        int abandoned = ring.TryClaim(4, 24);
        WriteInts(ring, 77);

        var handler = new RecordingHandler();
        Assert.Equal(0, ring.Read(ref handler, 10));

        Assert.True(ring.Unblock());
        Assert.Equal(RecordDescriptor.PaddingMsgTypeId, ring.Buffer.GetInt32(RecordDescriptor.TypeOffset(abandoned - RecordDescriptor.HeaderLength)));
        Assert.Equal(1, ring.Read(ref handler, 10));
        Assert.Equal(77, BinaryPrimitives.ReadInt32LittleEndian(handler.Messages[0].Payload));
        Assert.Equal(ring.TailPosition, ring.HeadPosition);
    }

    [Fact]
    public void Unblock_ProducerDeadBetweenTailCasAndHeader_PadsUpToNextHeader()
    {
        RingBuffer ring = CreateRing(1024);
        int tailIndex = ring.Capacity + RingBufferDescriptor.TailPositionOffset;
        // a producer won the CAS for 32 bytes and died before writing anything
        Assert.True(ring.Buffer.CompareAndSetInt64(tailIndex, 0, 32));
        WriteInts(ring, 5);

        var handler = new RecordingHandler();
        Assert.Equal(0, ring.Read(ref handler, 10));
        Assert.True(ring.Unblock());
        Assert.Equal(32, ring.Buffer.GetInt32(RecordDescriptor.LengthOffset(0)));
        Assert.Equal(1, ring.Read(ref handler, 10));
        Assert.Equal(5, BinaryPrimitives.ReadInt32LittleEndian(handler.Messages[0].Payload));
    }

    [Fact]
    public void Unblock_ClaimedGapWithNoLaterHeader_IsLeftAlone()
    {
        RingBuffer ring = CreateRing(1024);
        int tailIndex = ring.Capacity + RingBufferDescriptor.TailPositionOffset;
        Assert.True(ring.Buffer.CompareAndSetInt64(tailIndex, 0, 32));
        // no later record: the gap's end is unknown, so nothing may be converted
        Assert.False(ring.Unblock());
        Assert.Equal(0, ring.Buffer.GetInt32(RecordDescriptor.LengthOffset(0)));
    }

    [Fact]
    public void ConcurrentProducers_WithManyWraps_DeliverEachProducersSequenceInOrder()
    {
        var ring = (ManyToOneRingBuffer)CreateRing(4096);
        const int producers = 3;
        const long perProducer = 60_000;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var threads = new Thread[producers];
        for (int p = 0; p < producers; p++)
        {
            int id = p;
            threads[p] = new Thread(() =>
            {
                Span<byte> payload = stackalloc byte[8 + (id * 12)];
                for (long i = 0; i < perProducer && DateTime.UtcNow < deadline;)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(payload, ((long)id << 40) | i);
                    if (ring.Write(id + 1, payload) == WriteResult.Success)
                    {
                        i++;
                    }
                    else
                    {
                        Thread.Yield();
                    }
                }
            });
            threads[p].Start();
        }

        var checker = new SequenceChecker(producers);
        while (checker.Total < producers * perProducer && DateTime.UtcNow < deadline)
        {
            if (ring.Read(ref checker, 64) == 0)
            {
                Thread.Yield();
            }
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(30)));
        }

        Assert.Equal(0, checker.OutOfOrder);
        Assert.Equal(producers * perProducer, checker.Total);
        Assert.True(ring.HeadPosition > 100 * ring.Capacity, "the stress must wrap the ring many times");
        Assert.Equal(0, ring.CorruptRecordCount);
    }
}
