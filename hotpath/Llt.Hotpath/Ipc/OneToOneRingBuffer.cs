using System.Runtime.CompilerServices;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Ipc;

/// <summary>
/// A ring with exactly one producer thread and one consumer thread. The producer owns the tail and the head
/// cache, so claiming space is plain loads and one release store: no atomic read-modify-write.
/// </summary>
public sealed class OneToOneRingBuffer : RingBuffer
{
    /// <param name="buffer">Zeroed (or previously used by this layout) memory: power-of-two data region + 768-byte trailer.</param>
    public OneToOneRingBuffer(UnsafeBuffer buffer)
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

        // the record's bytes are zero (consumer zeroes what it reads), so its header reads "nothing yet" while
        // the payload and type are written with plain stores
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

        // release: the header says "claimed" (negative length) before the caller writes the payload
        _buffer.PutInt32Release(RecordDescriptor.LengthOffset(recordIndex), -recordLength);
        _buffer.PutInt32(RecordDescriptor.TypeOffset(recordIndex), msgTypeId);
        return RecordDescriptor.EncodedMsgOffset(recordIndex);
    }

    /// <summary>Always false: with one producer, a dead producer means no further records to unblock for.</summary>
    public override bool Unblock() => false;

    /// <summary>
    /// Reserves <paramref name="alignedRecordLength"/> bytes (plus a padding record when the record would
    /// straddle the end of the data region) and advances the tail.
    /// </summary>
    /// <returns>The record's offset, or <see cref="RingBuffer.InsufficientCapacity"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ClaimCapacity(int alignedRecordLength)
    {
        UnsafeBuffer buffer = _buffer;
        int capacity = _capacity;
        // plain loads: this producer is the only writer of tail and head cache
        long tail = buffer.GetInt64(_tailPositionIndex);
        long headCache = buffer.GetInt64(_headCachePositionIndex);
        int tailIndex = (int)tail & _mask;
        int toBufferEnd = capacity - tailIndex;
        int padding = alignedRecordLength > toBufferEnd ? toBufferEnd : 0;
        long required = alignedRecordLength + padding;

        if (tail + required - headCache > capacity)
        {
            // acquire: pairs with the consumer's release of head, so the freed space is already zeroed
            long head = buffer.GetInt64Acquire(_headPositionIndex);
            if (tail + required - head > capacity)
            {
                return InsufficientCapacity;
            }

            buffer.PutInt64(_headCachePositionIndex, head);
        }

        // release: peers reading the tail (Size, inspect tools) never see it ahead of the head it was checked against
        buffer.PutInt64Release(_tailPositionIndex, tail + required);
        AssertAligned(tail + required);

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
