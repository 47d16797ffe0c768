using Llt.Shell.Sinks.Events;

namespace Llt.Shell.Sinks;

/// <summary>
/// Consecutive journal events a sink hands its store in one write. Sequences are contiguous from
/// <see cref="FirstSequence"/> to <see cref="LastSequence"/>: the store records <see cref="LastSequence"/> as
/// delivered in the same atomic step as the events, so the batch is the unit of acknowledgement.
/// </summary>
public sealed class JournalEventBatch
{
    private readonly List<JournalEvent> _events;

    public JournalEventBatch(int capacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a batch holds at least one event");
        }

        Capacity = capacity;
        _events = new List<JournalEvent>(capacity);
    }

    public int Capacity { get; }

    public int Count => _events.Count;

    public bool IsEmpty => _events.Count == 0;

    public bool IsFull => _events.Count >= Capacity;

    public IReadOnlyList<JournalEvent> Events => _events;

    public long FirstSequence => _events.Count == 0 ? 0 : _events[0].Sequence;

    public long LastSequence => _events.Count == 0 ? 0 : _events[^1].Sequence;

    /// <summary>Journal timestamp of the oldest event in the batch (ns since the epoch), 0 when empty.</summary>
    public long OldestTimestampNs => _events.Count == 0 ? 0 : _events[0].TimestampNs;

    public void Add(JournalEvent journalEvent) => _events.Add(journalEvent);

    public void Clear() => _events.Clear();
}
