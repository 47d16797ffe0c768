namespace Llt.Hotpath.Journal;

/// <summary>
/// Single-producer (the journal writer, on roll) / single-consumer (the segment preparer thread) hand-off
/// of retired segments over a preallocated array. Replaces a ConcurrentQueue, whose internal segment
/// allocations showed up as ~1 KB of garbage on the writer's thread every few dozen rolls.
/// </summary>
internal sealed class RetiredSegmentQueue
{
    private const int Capacity = 16;

    private readonly JournalSegment?[] _slots = new JournalSegment?[Capacity];
    private long _head;
    private long _tail;

    /// <summary>Writer side; false when the preparer is <see cref="Capacity"/> segments behind.</summary>
    public bool TryEnqueue(JournalSegment segment)
    {
        long tail = _tail;
        // acquire: the consumer has cleared the slot before publishing the head that frees it
        if (tail - Volatile.Read(ref _head) >= Capacity)
        {
            return false;
        }

        _slots[tail & (Capacity - 1)] = segment;
        // release: the slot is written before the consumer can see the new tail
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }

    /// <summary>Preparer side.</summary>
    public bool TryDequeue(out JournalSegment? segment)
    {
        long head = _head;
        // acquire: pairs with the producer's release of the tail
        if (head >= Volatile.Read(ref _tail))
        {
            segment = null;
            return false;
        }

        long index = head & (Capacity - 1);
        segment = _slots[index];
        _slots[index] = null;
        // release: the slot is cleared before the producer may reuse it
        Volatile.Write(ref _head, head + 1);
        return true;
    }
}
