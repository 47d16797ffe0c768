using System.Buffers.Binary;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Tests.Ipc;

/// <summary>
/// Behaviour every ring implementation must share, over every kind of memory: one subclass per ring type
/// and backing store supplies <see cref="CreateRing"/>.
/// </summary>
public abstract class RingBufferConformanceTests : IDisposable
{
    private readonly List<IDisposable> _owned = new();

    /// <summary>A fresh, empty ring of the implementation under test with a data region of <paramref name="capacity"/>.</summary>
    protected abstract RingBuffer CreateRing(int capacity);

    /// <summary>Zeroed ring memory in-process; the mapped subclasses override it with a /dev/shm file.</summary>
    protected virtual UnsafeBuffer AllocateBuffer(int capacity)
    {
        var memory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(capacity));
        _owned.Add(memory);
        return memory.AsBuffer();
    }

    protected void Own(IDisposable resource) => _owned.Add(resource);

    public virtual void Dispose()
    {
        foreach (IDisposable resource in _owned)
        {
            resource.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    protected static byte[] Payload(int length, int seed)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(seed + i * 31);
        }

        return bytes;
    }

    [Fact]
    public void Write_ThenRead_DeliversTypeAndPayloadInOrder()
    {
        RingBuffer ring = CreateRing(4096);
        Assert.Equal(WriteResult.Success, ring.Write(7, Payload(32, 1)));
        Assert.Equal(WriteResult.Success, ring.Write(9, Payload(5, 2)));
        Assert.Equal(WriteResult.Success, ring.Write(11, ReadOnlySpan<byte>.Empty));

        var handler = new RecordingHandler();
        Assert.Equal(3, ring.Read(ref handler, 10));

        Assert.Equal(new[] { 7, 9, 11 }, handler.Messages.Select(m => m.MsgTypeId));
        Assert.Equal(Payload(32, 1), handler.Messages[0].Payload);
        Assert.Equal(Payload(5, 2), handler.Messages[1].Payload);
        Assert.Empty(handler.Messages[2].Payload);
    }

    [Fact]
    public void Read_WhenEmpty_ReturnsZeroAndLeavesHead()
    {
        RingBuffer ring = CreateRing(1024);
        var handler = new RecordingHandler();
        Assert.Equal(0, ring.Read(ref handler, 10));
        Assert.Equal(0, ring.HeadPosition);
    }

    [Fact]
    public void Read_StopsAtMessageCountLimit_AndResumesNextCall()
    {
        RingBuffer ring = CreateRing(1024);
        for (int i = 1; i <= 5; i++)
        {
            ring.Write(i, Payload(4, i));
        }

        var handler = new RecordingHandler();
        Assert.Equal(2, ring.Read(ref handler, 2));
        Assert.Equal(3, ring.Read(ref handler, 10));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, handler.Messages.Select(m => m.MsgTypeId));
    }

    [Fact]
    public void Read_ZeroesConsumedBytes_AndPublishesHeadOncePerBatch()
    {
        RingBuffer ring = CreateRing(1024);
        ring.Write(1, Payload(20, 3));
        ring.Write(2, Payload(20, 4));

        var handler = new RecordingHandler();
        Assert.Equal(2, ring.Read(ref handler, 10));

        // two 28-byte records aligned to 32 each
        Assert.Equal(64, ring.HeadPosition);
        Assert.True(ring.Buffer.AsSpan(0, 64).IndexOfAnyExcept((byte)0) < 0, "consumed bytes must be zeroed");
        Assert.Equal(0, ring.Size);
    }

    [Fact]
    public void Write_PastEndOfDataRegion_InsertsPaddingRecordAndWrapsToOffsetZero()
    {
        RingBuffer ring = CreateRing(2048);
        var handler = new RecordingHandler();
        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(WriteResult.Success, ring.Write(1, Payload(248, i)));
        }

        Assert.Equal(7, ring.Read(ref handler, 10));
        Assert.Equal(1792, ring.HeadPosition);

        // a 264-byte record does not fit in the last 256 bytes: padding there, record at 0
        Assert.Equal(WriteResult.Success, ring.Write(5, Payload(256, 99)));
        Assert.Equal(RecordDescriptor.PaddingMsgTypeId, ring.Buffer.GetInt32(RecordDescriptor.TypeOffset(1792)));
        Assert.Equal(256, ring.Buffer.GetInt32(RecordDescriptor.LengthOffset(1792)));
        Assert.Equal(264, ring.Buffer.GetInt32(RecordDescriptor.LengthOffset(0)));
        Assert.Equal(1792 + 256 + 264, ring.TailPosition);

        handler.Messages.Clear();
        Assert.Equal(0, ring.Read(ref handler, 10));
        Assert.Equal(2048, ring.HeadPosition);
        Assert.Equal(1, ring.Read(ref handler, 10));
        Assert.Equal(5, handler.Messages[0].MsgTypeId);
        Assert.Equal(Payload(256, 99), handler.Messages[0].Payload);
        Assert.Equal(ring.TailPosition, ring.HeadPosition);
    }

    [Fact]
    public void Write_RecordEndingExactlyAtRegionEnd_NeedsNoPadding()
    {
        RingBuffer ring = CreateRing(1024);
        var handler = new RecordingHandler();
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(WriteResult.Success, ring.Write(1, Payload(120, i)));
        }

        Assert.Equal(1024, ring.TailPosition);
        Assert.Equal(8, ring.Read(ref handler, 10));
        Assert.Equal(WriteResult.Success, ring.Write(2, Payload(8, 1)));
        Assert.Equal(1024 + 16, ring.TailPosition);
    }

    [Fact]
    public void Write_WhenFull_ReturnsInsufficientCapacity_UntilConsumerFreesSpace()
    {
        RingBuffer ring = CreateRing(1024);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(WriteResult.Success, ring.Write(1, Payload(120, i)));
        }

        Assert.Equal(WriteResult.InsufficientCapacity, ring.Write(1, Payload(1, 0)));
        Assert.Equal(RingBuffer.InsufficientCapacity, ring.TryClaim(1, 1));
        Assert.Equal(1024, ring.Size);

        var handler = new RecordingHandler();
        Assert.Equal(1, ring.Read(ref handler, 1));
        Assert.Equal(WriteResult.Success, ring.Write(1, Payload(120, 42)));
        Assert.Equal(WriteResult.InsufficientCapacity, ring.Write(1, Payload(1, 0)));
    }

    [Fact]
    public void Write_WhenWrapNeedsPaddingThatDoesNotFit_ReturnsInsufficientCapacityAndWritesNothing()
    {
        RingBuffer ring = CreateRing(1024);
        var handler = new RecordingHandler();
        for (int i = 0; i < 7; i++)
        {
            ring.Write(1, Payload(120, i));
        }

        Assert.Equal(1, ring.Read(ref handler, 1));
        // head at 128, tail at 896: 256 free but only 128 at the end; a 136-byte record needs padding + 136
        Assert.Equal(WriteResult.InsufficientCapacity, ring.Write(1, Payload(128, 0)));
        Assert.Equal(896, ring.TailPosition);
        Assert.Equal(0, ring.Buffer.GetInt32(RecordDescriptor.LengthOffset(896)));
    }

    [Fact]
    public void Write_MaxMsgLength_Succeeds_AndOneByteMoreIsRejected()
    {
        RingBuffer ring = CreateRing(4096);
        Assert.Equal(4096 / 8, ring.MaxMsgLength);
        Assert.Equal(WriteResult.Success, ring.Write(3, Payload(ring.MaxMsgLength, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Write(3, Payload(ring.MaxMsgLength + 1, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.TryClaim(3, ring.MaxMsgLength + 1));

        var handler = new RecordingHandler();
        Assert.Equal(1, ring.Read(ref handler, 1));
        Assert.Equal(Payload(ring.MaxMsgLength, 5), handler.Messages[0].Payload);
    }

    [Fact]
    public void Write_WithTypeIdBelowOne_IsRejected()
    {
        RingBuffer ring = CreateRing(1024);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Write(0, Payload(4, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Write(RecordDescriptor.PaddingMsgTypeId, Payload(4, 0)));
    }

    [Fact]
    public void TryClaim_ThenCommit_DeliversPayloadWrittenInPlace()
    {
        RingBuffer ring = CreateRing(1024);
        int index = ring.TryClaim(12, 16);
        Assert.True(index >= RecordDescriptor.HeaderLength);

        var handler = new RecordingHandler();
        Assert.Equal(0, ring.Read(ref handler, 10));

        ring.Buffer.PutInt64(index, 0x1122334455667788L);
        ring.Buffer.PutInt64(index + 8, -1L);
        ring.Commit(index);

        Assert.Equal(1, ring.Read(ref handler, 10));
        Assert.Equal(12, handler.Messages[0].MsgTypeId);
        Assert.Equal(0x1122334455667788L, BinaryPrimitives.ReadInt64LittleEndian(handler.Messages[0].Payload));
        Assert.Equal(16, handler.Messages[0].Payload.Length);
    }

    [Fact]
    public void TryClaim_ThenAbort_IsSkippedAndLaterRecordsAreDelivered()
    {
        RingBuffer ring = CreateRing(1024);
        int index = ring.TryClaim(12, 16);
        ring.Write(13, Payload(4, 1));
        ring.Abort(index);

        var handler = new RecordingHandler();
        Assert.Equal(1, ring.Read(ref handler, 10));
        Assert.Equal(13, handler.Messages[0].MsgTypeId);
        Assert.Equal(ring.TailPosition, ring.HeadPosition);
    }

    [Fact]
    public void Commit_Twice_Throws()
    {
        RingBuffer ring = CreateRing(1024);
        int index = ring.TryClaim(1, 8);
        ring.Commit(index);
        Assert.Throws<InvalidOperationException>(() => ring.Commit(index));
        Assert.Throws<InvalidOperationException>(() => ring.Abort(index));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Commit(3));
    }

    [Fact]
    public void ControlledRead_Abort_LeavesRecordForNextRead()
    {
        RingBuffer ring = CreateRing(1024);
        WriteInts(ring, 1, 2, 3);

        var handler = new ScriptedControlledHandler(ring, ControlledReadAction.Continue, ControlledReadAction.Abort);
        Assert.Equal(1, ring.ControlledRead(ref handler, 10));
        Assert.Equal(new[] { 1, 2 }, handler.Seen);
        Assert.Equal(16, ring.HeadPosition);

        var rest = new RecordingHandler();
        Assert.Equal(2, ring.Read(ref rest, 10));
        Assert.Equal(new[] { 2, 3 }, rest.Messages.Select(m => BinaryPrimitives.ReadInt32LittleEndian(m.Payload)));
    }

    [Fact]
    public void ControlledRead_Break_ConsumesRecordAndStops()
    {
        RingBuffer ring = CreateRing(1024);
        WriteInts(ring, 1, 2, 3);

        var handler = new ScriptedControlledHandler(ring, ControlledReadAction.Break);
        Assert.Equal(1, ring.ControlledRead(ref handler, 10));
        Assert.Equal(new[] { 1 }, handler.Seen);
        Assert.Equal(16, ring.HeadPosition);
    }

    [Fact]
    public void ControlledRead_Commit_PublishesHeadBeforeNextRecord()
    {
        RingBuffer ring = CreateRing(1024);
        WriteInts(ring, 1, 2, 3);

        var handler = new ScriptedControlledHandler(
            ring, ControlledReadAction.Commit, ControlledReadAction.Continue, ControlledReadAction.Continue);
        Assert.Equal(3, ring.ControlledRead(ref handler, 10));
        // the head moved after the Commit (seen by the 2nd call) but not after the plain Continue
        Assert.Equal(new long[] { 0, 16, 16 }, handler.HeadsSeen);
        Assert.Equal(48, ring.HeadPosition);
    }

    [Fact]
    public void NextCorrelationId_ReturnsDistinctIncreasingIds()
    {
        RingBuffer ring = CreateRing(1024);
        Assert.Equal(0, ring.NextCorrelationId());
        Assert.Equal(1, ring.NextCorrelationId());
        Assert.Equal(2, ring.NextCorrelationId());
    }

    [Fact]
    public void ConsumerHeartbeat_ReadsBackLastStamp()
    {
        RingBuffer ring = CreateRing(1024);
        Assert.Equal(0, ring.ConsumerHeartbeatTimeMs);
        ring.SetConsumerHeartbeatTimeMs(1_700_000_000_123);
        Assert.Equal(1_700_000_000_123, ring.ConsumerHeartbeatTimeMs);
        Assert.Equal(1_700_000_000_123, ring.Buffer.GetInt64(ring.Capacity + RingBufferDescriptor.ConsumerHeartbeatOffset));
    }

    [Fact]
    public void Size_CountsAlignedBytesNotYetConsumed()
    {
        RingBuffer ring = CreateRing(1024);
        ring.Write(1, Payload(1, 0));
        ring.Write(1, Payload(9, 0));
        Assert.Equal(16 + 24, ring.Size);
    }

    [Fact]
    public void Read_RecordWithInvalidType_IsSkippedCountedAndReadingContinues()
    {
        RingBuffer ring = CreateRing(1024);
        WriteInts(ring, 1, 2);
        ring.Buffer.PutInt32(RecordDescriptor.TypeOffset(0), 0);

        var handler = new RecordingHandler();
        Assert.Equal(1, ring.Read(ref handler, 10));
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(handler.Messages[0].Payload));
        Assert.Equal(1, ring.CorruptRecordCount);
        Assert.Equal(ring.TailPosition, ring.HeadPosition);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5000)]
    public void Read_RecordWithImpossibleLength_SkipsToTailCountsAndRecovers(int badLength)
    {
        RingBuffer ring = CreateRing(1024);
        WriteInts(ring, 1, 2);
        ring.Buffer.PutInt32(RecordDescriptor.LengthOffset(0), badLength);

        var handler = new RecordingHandler();
        Assert.Equal(0, ring.Read(ref handler, 10));
        Assert.Equal(1, ring.CorruptRecordCount);
        Assert.Equal(ring.TailPosition, ring.HeadPosition);

        WriteInts(ring, 3);
        Assert.Equal(1, ring.Read(ref handler, 10));
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(handler.Messages[0].Payload));
    }

    [Fact]
    public void WriteAndRead_ManyLapsWithMixedSizes_DeliverEverythingInOrder()
    {
        RingBuffer ring = CreateRing(1024);
        var random = new Random(1234);
        var handler = new RecordingHandler();
        var expected = new List<byte[]>();
        int written = 0;
        while (written < 2000)
        {
            byte[] payload = Payload(random.Next(0, ring.MaxMsgLength + 1), written);
            if (ring.Write(1 + (written % 5), payload) == WriteResult.Success)
            {
                expected.Add(payload);
                written++;
            }
            else
            {
                ring.Read(ref handler, random.Next(1, 4));
            }
        }

        while (ring.Read(ref handler, 100) > 0)
        {
        }

        Assert.True(ring.HeadPosition > 20 * 1024, "the test must lap the ring many times");
        Assert.Equal(expected.Count, handler.Messages.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(1 + (i % 5), handler.Messages[i].MsgTypeId);
            Assert.Equal(expected[i], handler.Messages[i].Payload);
        }
    }

    [Fact]
    public void WriteAndRead_AfterWarmUp_AllocateNothing()
    {
        RingBuffer ring = CreateRing(64 * 1024);
        Span<byte> message = stackalloc byte[32];
        var handler = new SumHandler();
        for (int i = 0; i < 2000; i++)
        {
            WriteThenRead(ring, message, ref handler, i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20_000; i++)
        {
            WriteThenRead(ring, message, ref handler, i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(44_000, handler.Count);
    }

    private static void WriteThenRead(RingBuffer ring, Span<byte> message, ref SumHandler handler, int i)
    {
        BinaryPrimitives.WriteInt64LittleEndian(message, i);
        ring.Write(1, message);
        int index = ring.TryClaim(2, 8);
        ring.Buffer.PutInt64(index, i);
        ring.Commit(index);
        ring.Read(ref handler, 1);
        ring.Read(ref handler, 16);
    }

    [Fact]
    public unsafe void Construction_OverNonPowerOfTwoRegion_IsRejected()
    {
        UnsafeBuffer buffer = AllocateBuffer(1024);
        var truncated = new UnsafeBuffer(buffer.Pointer, 1000 + RingBufferDescriptor.TrailerLength);
        Assert.Throws<ArgumentException>(() => new OneToOneRingBuffer(truncated));
        Assert.Throws<ArgumentException>(() => new ManyToOneRingBuffer(truncated));
    }

    protected static void WriteInts(RingBuffer ring, params int[] values)
    {
        Span<byte> payload = stackalloc byte[4];
        foreach (int value in values)
        {
            BinaryPrimitives.WriteInt32LittleEndian(payload, value);
            Assert.Equal(WriteResult.Success, ring.Write(1, payload));
        }
    }
}
