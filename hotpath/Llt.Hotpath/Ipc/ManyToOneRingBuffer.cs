using System.Runtime.CompilerServices;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Ipc;

/// <summary>
/// A ring with any number of producers (threads or processes sharing the mapping) and one consumer.
/// Producers claim space with a compare-and-set on the tail, then fill and commit their record; a claimed
/// record is marked with a negative length until committed, which is what lets the consumer
/// <see cref="Unblock"/> a record left behind by a producer that died mid-write.
/// </summary>
public sealed class ManyToOneRingBuffer : RingBuffer
{
    /// <param name="buffer">Zeroed (or previously used by this layout) memory: power-of-two data region + 768-byte trailer.</param>
    public ManyToOneRingBuffer(UnsafeBuffer buffer)
        : base(buffer)
    {
    }

    /// <inheritdoc />
    public override WriteResult Write(int msgTypeId, ReadOnlySpan<byte> message)
    {
        CheckMessage(msgTypeId, message.Length);
        int recordLength = message.Length + RecordDescriptor.HeaderLength;
        int recordIndex = ClaimCapacity(RecordDescriptor.Align(recordLength));
        if (recordIndex == InsufficientCapacity)
        {
            return WriteResult.InsufficientCapacity;
        }

        // release: the header says "claimed" before any payload byte lands, so Unblock never takes payload for a header
        _buffer.PutInt32Release(RecordDescriptor.LengthOffset(recordIndex), -recordLength);
        // keeps the claimed-header store ahead of the payload stores on weakly ordered CPUs
        StoreStoreFence();
        _buffer.PutBytes(RecordDescriptor.EncodedMsgOffset(recordIndex), message);
        _buffer.PutInt32(RecordDescriptor.TypeOffset(recordIndex), msgTypeId);
        // release: payload and type are visible before the positive length publishes the record
        _buffer.PutInt32Release(RecordDescriptor.LengthOffset(recordIndex), recordLength);
        return WriteResult.Success;
    }

    /// <inheritdoc />
    public override int TryClaim(int msgTypeId, int length)
    {
        CheckMessage(msgTypeId, length);
        int recordLength = length + RecordDescriptor.HeaderLength;
        int recordIndex = ClaimCapacity(RecordDescriptor.Align(recordLength));
        if (recordIndex == InsufficientCapacity)
        {
            return InsufficientCapacity;
        }

        // release: the header says "claimed" before the caller writes the payload
        _buffer.PutInt32Release(RecordDescriptor.LengthOffset(recordIndex), -recordLength);
        // keeps the claimed-header store ahead of the caller's payload stores on weakly ordered CPUs
        StoreStoreFence();
        _buffer.PutInt32(RecordDescriptor.TypeOffset(recordIndex), msgTypeId);
        return RecordDescriptor.EncodedMsgOffset(recordIndex);
    }

    /// <inheritdoc />
    public override bool Unblock()
    {
        UnsafeBuffer buffer = _buffer;
        // acquire: positions from other processes; the head is ours but read the same way for symmetry
        long head = buffer.GetInt64Acquire(_headPositionIndex);
        long tail = buffer.GetInt64Acquire(_tailPositionIndex);
        if (head == tail)
        {
            return false;
        }

        int consumerIndex = (int)head & _mask;
        int producerIndex = (int)tail & _mask;
        // acquire: observe the blocking producer's latest header store
        int length = buffer.GetInt32Acquire(RecordDescriptor.LengthOffset(consumerIndex));
        if (length < 0)
        {
            // claimed and never committed: its extent (-length) is known, so turn it into padding
            buffer.PutInt32(RecordDescriptor.TypeOffset(consumerIndex), RecordDescriptor.PaddingMsgTypeId);
            // release: the padding type is visible before the length makes the record readable
            buffer.PutInt32Release(RecordDescriptor.LengthOffset(consumerIndex), -length);
            return true;
        }

        if (length > 0)
        {
            return false;
        }

        // zero: the producer won the tail CAS but died before writing its header. Its extent ends at the next
        // non-zero header: every live producer writes its header before its payload.
        int limit = producerIndex > consumerIndex ? producerIndex : _capacity;
        for (int i = consumerIndex + RecordDescriptor.Alignment; i < limit; i += RecordDescriptor.Alignment)
        {
            // acquire: a header another producer has written by now
            if (buffer.GetInt32Acquire(RecordDescriptor.LengthOffset(i)) != 0)
            {
                if (!IsStillZero(consumerIndex, i))
                {
                    return false;
                }

                buffer.PutInt32(RecordDescriptor.TypeOffset(consumerIndex), RecordDescriptor.PaddingMsgTypeId);
                // release: the padding type is visible before the length makes the gap skippable
                buffer.PutInt32Release(RecordDescriptor.LengthOffset(consumerIndex), i - consumerIndex);
                return true;
            }
        }

        return false;
    }

    /// <summary>Re-checks, from the far end back, that no header appeared in [from, to) while scanning.</summary>
    private bool IsStillZero(int from, int to)
    {
        for (int i = to - RecordDescriptor.Alignment; i >= from; i -= RecordDescriptor.Alignment)
        {
            // acquire: a slow producer may have just written its header
            if (_buffer.GetInt32Acquire(RecordDescriptor.LengthOffset(i)) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reserves <paramref name="alignedRecordLength"/> bytes (plus a padding record when the record would
    /// straddle the end of the data region) with a CAS on the tail, retried while other producers win.
    /// </summary>
    /// <returns>The record's offset, or <see cref="RingBuffer.InsufficientCapacity"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ClaimCapacity(int alignedRecordLength)
    {
        UnsafeBuffer buffer = _buffer;
        int capacity = _capacity;
        long tail;
        int tailIndex;
        int padding;
        do
        {
            // acquire: head cache and tail are shared by all producers
            long headCache = buffer.GetInt64Acquire(_headCachePositionIndex);
            tail = buffer.GetInt64Acquire(_tailPositionIndex);
            tailIndex = (int)tail & _mask;
            int toBufferEnd = capacity - tailIndex;
            padding = alignedRecordLength > toBufferEnd ? toBufferEnd : 0;
            long required = alignedRecordLength + padding;

            if (tail + required - headCache > capacity)
            {
                // acquire: pairs with the consumer's release of head, so the freed space is already zeroed
                long head = buffer.GetInt64Acquire(_headPositionIndex);
                if (tail + required - head > capacity)
                {
                    return InsufficientCapacity;
                }

                // release: a racing producer may store an older head; harmless, a stale cache only forces a re-read
                buffer.PutInt64Release(_headCachePositionIndex, head);
            }
        }
        // full fence (lock cmpxchg): exactly one producer owns [tail, tail + required)
        while (!buffer.CompareAndSetInt64(_tailPositionIndex, tail, tail + alignedRecordLength + padding));

        if (padding != 0)
        {
            buffer.PutInt32(RecordDescriptor.TypeOffset(tailIndex), RecordDescriptor.PaddingMsgTypeId);
            // release: the padding type is visible before its length lets the consumer skip to offset 0
            buffer.PutInt32Release(RecordDescriptor.LengthOffset(tailIndex), padding);
            return 0;
        }

        return tailIndex;
    }
}
