using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Ipc;

/// <summary>
/// A ring buffer of variable-length records in the Agrona layout (<see cref="RingBufferDescriptor"/>,
/// <see cref="RecordDescriptor"/>) over memory this object does not own: an <see cref="AlignedMemory"/> block
/// in-process or a <see cref="RingBufferFile"/> mapping shared with other processes. Exactly one thread
/// consumes (Read/ControlledRead/Unblock/heartbeat); the producer side depends on the subclass:
/// <see cref="OneToOneRingBuffer"/> (one producer thread) or <see cref="ManyToOneRingBuffer"/> (any number,
/// in any process). Call the sealed subclass type directly on hot paths so calls devirtualise.
/// <code>
/// using var memory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(64 * 1024));
/// var ring = new OneToOneRingBuffer(memory.AsBuffer());
/// if (ring.Write(1, payload) == WriteResult.InsufficientCapacity) { /* back off, retry */ }
/// var handler = new MyHandler();               // struct : IMessageHandler
/// int read = ring.Read(ref handler, 256);      // one head update per batch
/// </code>
/// </summary>
public abstract class RingBuffer
{
    /// <summary>Returned by TryClaim (and as <see cref="WriteResult.InsufficientCapacity"/>) when the ring is full.</summary>
    public const int InsufficientCapacity = -2;

    private protected readonly UnsafeBuffer _buffer;
    private protected readonly int _capacity;
    private protected readonly int _mask;
    private protected readonly int _maxMsgLength;
    private protected readonly int _tailPositionIndex;
    private protected readonly int _headCachePositionIndex;
    private protected readonly int _headPositionIndex;
    private readonly int _correlationCounterIndex;
    private readonly int _consumerHeartbeatIndex;
    private readonly int _corruptRecordCountIndex;

    private protected unsafe RingBuffer(UnsafeBuffer buffer)
    {
        long capacity = (long)buffer.Capacity - RingBufferDescriptor.TrailerLength;
        if (!RingBufferDescriptor.IsValidCapacity(capacity))
        {
            RingBufferThrowHelper.ThrowInvalidCapacity(capacity);
        }

        if (((nint)buffer.Pointer & (RecordDescriptor.Alignment - 1)) != 0)
        {
            RingBufferThrowHelper.ThrowMisalignedBuffer();
        }

        _buffer = buffer;
        _capacity = (int)capacity;
        _mask = _capacity - 1;
        _maxMsgLength = RingBufferDescriptor.MaxMessageLength(_capacity);
        _tailPositionIndex = _capacity + RingBufferDescriptor.TailPositionOffset;
        _headCachePositionIndex = _capacity + RingBufferDescriptor.HeadCachePositionOffset;
        _headPositionIndex = _capacity + RingBufferDescriptor.HeadPositionOffset;
        _correlationCounterIndex = _capacity + RingBufferDescriptor.CorrelationCounterOffset;
        _consumerHeartbeatIndex = _capacity + RingBufferDescriptor.ConsumerHeartbeatOffset;
        _corruptRecordCountIndex = _capacity + RingBufferDescriptor.CorruptRecordCountOffset;
    }

    /// <summary>The whole buffer (data region + trailer); claimed payloads are written through it.</summary>
    public UnsafeBuffer Buffer => _buffer;

    /// <summary>Size of the data region in bytes (a power of two).</summary>
    public int Capacity => _capacity;

    /// <summary>Largest payload accepted by Write/TryClaim: capacity / 8.</summary>
    public int MaxMsgLength => _maxMsgLength;

    /// <summary>Records the consumer skipped because their length or type was impossible (kept in the trailer).</summary>
    // acquire: pairs with the consumer's release store of the count
    public long CorruptRecordCount => _buffer.GetInt64Acquire(_corruptRecordCountIndex);

    /// <summary>Bytes consumed since creation. Acquire: pairs with the consumer's release after zeroing.</summary>
    public long HeadPosition => _buffer.GetInt64Acquire(_headPositionIndex);

    /// <summary>Bytes claimed since creation. Acquire: pairs with the producers' release/CAS.</summary>
    public long TailPosition => _buffer.GetInt64Acquire(_tailPositionIndex);

    /// <summary>
    /// Bytes claimed but not yet consumed (records, their alignment and padding), read as a consistent
    /// head/tail pair: the head is read on both sides of the tail until it did not move in between.
    /// </summary>
    public int Size
    {
        get
        {
            // acquire: pairs with the consumer's release of head
            long headAfter = _buffer.GetInt64Acquire(_headPositionIndex);
            long headBefore;
            long tail;
            do
            {
                headBefore = headAfter;
                // acquire: pairs with the producers' release/CAS of tail
                tail = _buffer.GetInt64Acquire(_tailPositionIndex);
                // acquire: re-read so tail - head is from one instant (head unchanged across the tail read)
                headAfter = _buffer.GetInt64Acquire(_headPositionIndex);
            }
            while (headAfter != headBefore);

            long size = tail - headAfter;
            return size < 0 ? 0 : size > _capacity ? _capacity : (int)size;
        }
    }

    /// <summary>
    /// The consumer's liveness stamp (epoch milliseconds, wall clock so other processes can compare it).
    /// Producers read it to tell a stalled consumer from a slow one.
    /// </summary>
    public long ConsumerHeartbeatTimeMs
    {
        // acquire: pairs with the consumer's release store
        get => _buffer.GetInt64Acquire(_consumerHeartbeatIndex);
    }

    /// <summary>Stamps the consumer heartbeat (consumer thread, once per duty cycle or on a timer).</summary>
    public void SetConsumerHeartbeatTimeMs(long epochMs)
    {
        // release: a reader that sees the stamp also sees the head published before it
        _buffer.PutInt64Release(_consumerHeartbeatIndex, epochMs);
    }

    /// <summary>A correlation id unique among all users of this ring (an atomic add on the shared counter).</summary>
    public long NextCorrelationId()
    {
        // full fence (lock xadd): every process sharing the ring draws distinct ids
        return _buffer.GetAndAddInt64(_correlationCounterIndex, 1);
    }

    /// <summary>Copies <paramref name="message"/> into the ring as one record of type <paramref name="msgTypeId"/>.</summary>
    /// <returns><see cref="WriteResult.Success"/> or <see cref="WriteResult.InsufficientCapacity"/>.</returns>
    public abstract WriteResult Write(int msgTypeId, ReadOnlySpan<byte> message);

    /// <summary>
    /// Reserves a record of <paramref name="length"/> payload bytes for zero-copy writing. Write the payload
    /// at [index, index + length) through <see cref="Buffer"/>, then <see cref="Commit"/> or <see cref="Abort"/>.
    /// The consumer stops at a pending claim, so keep the window short.
    /// </summary>
    /// <returns>The payload index, or <see cref="InsufficientCapacity"/>.</returns>
    public abstract int TryClaim(int msgTypeId, int length);

    /// <summary>
    /// Consumer side: releases a record claimed by a producer that died before committing, turning it into
    /// padding so reading can move past it. Call only when the head has not moved for longer than any live
    /// producer could take to commit (the consumer owns that timeout).
    /// </summary>
    /// <returns>True when a blocking record was converted.</returns>
    public abstract bool Unblock();

    /// <summary>Publishes a record claimed with TryClaim.</summary>
    // on every order before it leaves (twice for a split one): Native AOT has no profile to inline it by
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Commit(int index)
    {
        int recordIndex = CheckClaimIndex(index);
        int recordLength = _buffer.GetInt32(RecordDescriptor.LengthOffset(recordIndex));
        if (recordLength >= 0)
        {
            RingBufferThrowHelper.ThrowClaimNotPending(index);
        }

        // release: the payload written into the claim is visible before the positive length publishes it
        _buffer.PutInt32Release(RecordDescriptor.LengthOffset(recordIndex), -recordLength);
    }

    /// <summary>Gives up a record claimed with TryClaim; it becomes padding the consumer skips.</summary>
    public void Abort(int index)
    {
        int recordIndex = CheckClaimIndex(index);
        int recordLength = _buffer.GetInt32(RecordDescriptor.LengthOffset(recordIndex));
        if (recordLength >= 0)
        {
            RingBufferThrowHelper.ThrowClaimNotPending(index);
        }

        _buffer.PutInt32(RecordDescriptor.TypeOffset(recordIndex), RecordDescriptor.PaddingMsgTypeId);
        // release: the padding type is visible before the length makes the record readable
        _buffer.PutInt32Release(RecordDescriptor.LengthOffset(recordIndex), -recordLength);
    }

    /// <summary>
    /// Delivers up to <paramref name="messageCountLimit"/> committed records to <paramref name="handler"/>,
    /// from the head to the first pending record or the end of the data region (a wrap completes on the next
    /// call). Consumed bytes are zeroed and the head is published once for the whole batch.
    /// </summary>
    /// <returns>The number of messages delivered (padding and skipped corrupt records not counted).</returns>
    public int Read<THandler>(ref THandler handler, int messageCountLimit)
        where THandler : struct, IMessageHandler
    {
        UnsafeBuffer buffer = _buffer;
        // plain load: only this (the consumer) thread writes the head
        long head = buffer.GetInt64(_headPositionIndex);
        int headIndex = (int)head & _mask;
        int contiguousBlockLength = _capacity - headIndex;
        int messagesRead = 0;
        int bytesRead = 0;

        try
        {
            while (bytesRead < contiguousBlockLength && messagesRead < messageCountLimit)
            {
                int recordIndex = headIndex + bytesRead;
                // acquire: a positive length guarantees the producer's type and payload stores are visible
                int recordLength = buffer.GetInt32Acquire(RecordDescriptor.LengthOffset(recordIndex));
                if (recordLength <= 0)
                {
                    break;
                }

                int alignedLength = RecordDescriptor.Align(recordLength);
                if (recordLength < RecordDescriptor.HeaderLength || (uint)alignedLength > (uint)(contiguousBlockLength - bytesRead))
                {
                    bytesRead += SkipLostFraming(head + bytesRead, contiguousBlockLength - bytesRead);
                    break;
                }

                bytesRead += alignedLength;
                int msgTypeId = buffer.GetInt32(RecordDescriptor.TypeOffset(recordIndex));
                if (msgTypeId == RecordDescriptor.PaddingMsgTypeId)
                {
                    continue;
                }

                int length = recordLength - RecordDescriptor.HeaderLength;
                if (msgTypeId <= 0 || length > _maxMsgLength)
                {
                    CountCorruptRecord();
                    continue;
                }

                handler.OnMessage(msgTypeId, buffer, recordIndex + RecordDescriptor.HeaderLength, length);
                ++messagesRead;
            }
        }
        finally
        {
            // in a finally so a throwing handler still consumes its record instead of looping on it forever
            if (bytesRead > 0)
            {
                ReleaseConsumed(headIndex, head, bytesRead);
            }
        }

        return messagesRead;
    }

    /// <summary>Delegate overload of <see cref="Read{THandler}(ref THandler, int)"/> (an indirect call per record).</summary>
    public int Read(MessageHandler handler, int messageCountLimit)
    {
        var adapter = new DelegateMessageHandler(handler);
        return Read(ref adapter, messageCountLimit);
    }

    /// <summary>
    /// Like <see cref="Read{THandler}(ref THandler, int)"/>, but the handler's <see cref="ControlledReadAction"/>
    /// decides per record: Continue, Break (stop after this one), Commit (publish the head now) or Abort
    /// (leave this record for the next read and stop).
    /// </summary>
    public int ControlledRead<THandler>(ref THandler handler, int messageCountLimit)
        where THandler : struct, IControlledMessageHandler
    {
        UnsafeBuffer buffer = _buffer;
        // plain load: only this (the consumer) thread writes the head
        long head = buffer.GetInt64(_headPositionIndex);
        int headIndex = (int)head & _mask;
        int contiguousBlockLength = _capacity - headIndex;
        int messagesRead = 0;
        int bytesRead = 0;

        try
        {
            while (bytesRead < contiguousBlockLength && messagesRead < messageCountLimit)
            {
                int recordIndex = headIndex + bytesRead;
                // acquire: a positive length guarantees the producer's type and payload stores are visible
                int recordLength = buffer.GetInt32Acquire(RecordDescriptor.LengthOffset(recordIndex));
                if (recordLength <= 0)
                {
                    break;
                }

                int alignedLength = RecordDescriptor.Align(recordLength);
                if (recordLength < RecordDescriptor.HeaderLength || (uint)alignedLength > (uint)(contiguousBlockLength - bytesRead))
                {
                    bytesRead += SkipLostFraming(head + bytesRead, contiguousBlockLength - bytesRead);
                    break;
                }

                bytesRead += alignedLength;
                int msgTypeId = buffer.GetInt32(RecordDescriptor.TypeOffset(recordIndex));
                if (msgTypeId == RecordDescriptor.PaddingMsgTypeId)
                {
                    continue;
                }

                int length = recordLength - RecordDescriptor.HeaderLength;
                if (msgTypeId <= 0 || length > _maxMsgLength)
                {
                    CountCorruptRecord();
                    continue;
                }

                ControlledReadAction action = handler.OnMessage(msgTypeId, buffer, recordIndex + RecordDescriptor.HeaderLength, length);
                if (action == ControlledReadAction.Abort)
                {
                    bytesRead -= alignedLength;
                    break;
                }

                ++messagesRead;
                if (action == ControlledReadAction.Break)
                {
                    break;
                }

                if (action == ControlledReadAction.Commit)
                {
                    ReleaseConsumed(headIndex, head, bytesRead);
                    headIndex += bytesRead;
                    head += bytesRead;
                    bytesRead = 0;
                    contiguousBlockLength = _capacity - headIndex;
                }
            }
        }
        finally
        {
            // in a finally so a throwing handler still consumes its record instead of looping on it forever
            if (bytesRead > 0)
            {
                ReleaseConsumed(headIndex, head, bytesRead);
            }
        }

        return messagesRead;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReleaseConsumed(int headIndex, long head, int bytesRead)
    {
        // zero what was read so producers always claim zeroed space: a zero length means "nothing here yet"
        _buffer.SetMemory(headIndex, bytesRead, 0);
        // release: the zeroing is visible before producers see the space as free
        _buffer.PutInt64Release(_headPositionIndex, head + bytesRead);
    }

    /// <summary>
    /// A committed record whose length cannot frame a record (shorter than a header, or running past the end
    /// of the data region) loses the chain of record boundaries. The only boundary still known is the tail,
    /// so the consumer skips to it, or to the end of the data region when the tail is in the next lap.
    /// </summary>
    /// <returns>Bytes to skip: a multiple of 8, or 0 when the tail has not passed the record yet.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int SkipLostFraming(long recordPosition, int toBlockEnd)
    {
        // acquire: pairs with producers' tail updates; everything before it has been claimed
        long tail = _buffer.GetInt64Acquire(_tailPositionIndex);
        long claimedAhead = tail - recordPosition;
        if (claimedAhead <= 0)
        {
            // stale bytes beyond the tail: a producer will claim this slot and overwrite the header
            return 0;
        }

        CountCorruptRecord();
        return claimedAhead < toBlockEnd ? (int)claimedAhead : toBlockEnd;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CountCorruptRecord()
    {
        long count = _buffer.GetInt64(_corruptRecordCountIndex);
        // release: only the consumer writes it; inspect tools read it with acquire
        _buffer.PutInt64Release(_corruptRecordCountIndex, count + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void CheckMessage(int msgTypeId, int length)
    {
        if (msgTypeId < 1)
        {
            RingBufferThrowHelper.ThrowInvalidMsgTypeId(msgTypeId);
        }

        if ((uint)length > (uint)_maxMsgLength)
        {
            RingBufferThrowHelper.ThrowMessageTooLong(length, _maxMsgLength);
        }
    }

    private int CheckClaimIndex(int index)
    {
        int recordIndex = index - RecordDescriptor.HeaderLength;
        if ((uint)recordIndex > (uint)(_capacity - RecordDescriptor.HeaderLength) || (recordIndex & (RecordDescriptor.Alignment - 1)) != 0)
        {
            RingBufferThrowHelper.ThrowInvalidClaimIndex(index);
        }

        return recordIndex;
    }

    /// <summary>
    /// Orders the "claimed" header store before the payload stores that follow it. x86-64 keeps stores in
    /// program order (TSO) and the JIT does not hoist stores above a volatile store, so there this folds
    /// away; on weakly ordered CPUs it is a full barrier.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static void StoreStoreFence()
    {
        if (!X86Base.IsSupported)
        {
            Interlocked.MemoryBarrier();
        }
    }

    [Conditional("DEBUG")]
    private protected static void AssertAligned(long position)
    {
        Debug.Assert((position & (RecordDescriptor.Alignment - 1)) == 0, "Invariant: positions are 8-aligned");
    }
}
