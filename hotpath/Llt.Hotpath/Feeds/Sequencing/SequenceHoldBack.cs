namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>
/// Messages that <see cref="LineArbiter"/> delivered past a pending gap, held until every sequence below them has
/// been delivered or declared lost, so the consumer applies a line in sequence order even when a packet lost on the
/// leading line is recovered from the other one a few packets later. An order-based (L3) book needs that: an
/// execution applied before the add it refers to is rejected, and the add then leaves a phantom order; a
/// price-level update applied after a newer one for the same level brings back a stale size.
/// </summary>
/// <remarks>
/// One slot per sequence (<c>sequence &amp; (capacity − 1)</c>), each <see cref="SlotLength"/> bytes, allocated once:
/// holding and releasing copy bytes and never allocate. Everything held lies in
/// [<see cref="Base"/>, <see cref="Base"/> + <see cref="Capacity"/>); a message outside that window, or longer than
/// a slot, is refused by <see cref="TryHold"/> and the caller stops waiting for the gaps below it (declares them
/// lost, releases, applies the message directly). With a capacity at least the arbiter's message window that only
/// happens when the window is switched off. Single threaded, like the arbiter it serves.
/// </remarks>
public sealed class SequenceHoldBack
{
    private const int Empty = -1;

    private readonly byte[] _slots;
    private readonly int[] _lengths;
    private readonly long[] _receiveTimestamps;
    private readonly long _mask;
    private long _base;
    private int _count;

    /// <param name="capacity">Messages that can be held at once (a power of two).</param>
    /// <param name="slotLength">Longest message that can be held (ITCH 5.0: 50 bytes).</param>
    public SequenceHoldBack(int capacity, int slotLength)
    {
        if (capacity < 1 || (capacity & (capacity - 1)) != 0)
        {
            SequencingThrowHelper.ThrowArgumentOutOfRange(nameof(capacity), capacity, "hold-back capacity must be a power of two ≥ 1");
        }

        if (slotLength < 1 || (long)capacity * slotLength > Array.MaxLength)
        {
            SequencingThrowHelper.ThrowArgumentOutOfRange(nameof(slotLength), slotLength, "hold-back slot length must be ≥ 1 and capacity × slot length fit one array");
        }

        Capacity = capacity;
        SlotLength = slotLength;
        _mask = capacity - 1;
        _slots = GC.AllocateUninitializedArray<byte>(capacity * slotLength, pinned: true);
        _lengths = new int[capacity];
        _lengths.AsSpan().Fill(Empty);
        _receiveTimestamps = new long[capacity];
    }

    public int Capacity { get; }

    public int SlotLength { get; }

    /// <summary>Messages held now.</summary>
    public int Count => _count;

    /// <summary>Lowest sequence that can be held (the first one not yet released).</summary>
    public long Base => _base;

    /// <summary>Messages held since construction.</summary>
    public long Held { get; private set; }

    /// <summary>Messages released to a handler since construction.</summary>
    public long Released { get; private set; }

    /// <summary>Messages refused (outside the window or longer than a slot).</summary>
    public long Refused { get; private set; }

    /// <summary>Sets where holding starts when nothing is held (no effect otherwise): the first sequence not yet applied.</summary>
    public void Rebase(long firstUnapplied)
    {
        if (_count == 0)
        {
            _base = firstUnapplied;
        }
    }

    /// <summary>
    /// Copies <paramref name="message"/> (sequence <paramref name="sequence"/>) into its slot; false, with nothing
    /// held, when it lies outside [<see cref="Base"/>, <see cref="Base"/> + <see cref="Capacity"/>), is longer than a
    /// slot, or its sequence is already held (the arbiter never delivers one twice; refused rather than overwritten).
    /// </summary>
    public bool TryHold(long sequence, ReadOnlySpan<byte> message, long receiveTimestampNs)
    {
        long offset = sequence - _base;
        if ((ulong)offset >= (ulong)Capacity || message.Length > SlotLength)
        {
            Refused++;
            return false;
        }

        int slot = (int)(sequence & _mask);
        if (_lengths[slot] != Empty)
        {
            Refused++;
            return false;
        }

        message.CopyTo(_slots.AsSpan(slot * SlotLength, SlotLength));
        _lengths[slot] = message.Length;
        _receiveTimestamps[slot] = receiveTimestampNs;
        _count++;
        Held++;
        return true;
    }

    /// <summary>
    /// Hands every held message below <paramref name="limit"/> to <paramref name="handler"/> in sequence order
    /// (sequences never held, i.e. declared lost, are passed over) and moves <see cref="Base"/> to
    /// <paramref name="limit"/> when nothing below it remains. Returns the messages released.
    /// </summary>
    public int Release<THandler>(long limit, ref THandler handler)
        where THandler : struct, ISequencedMessageHandler
    {
        int released = 0;
        long sequence = _base;
        while (_count > 0 && sequence < limit)
        {
            int slot = (int)(sequence & _mask);
            int length = _lengths[slot];
            if (length != Empty)
            {
                _lengths[slot] = Empty;
                _count--;
                released++;
                handler.OnMessage(_slots.AsSpan(slot * SlotLength, length), sequence, _receiveTimestamps[slot]);
            }

            sequence++;
        }

        _base = _count == 0 ? Math.Max(_base, limit) : sequence;
        Released += released;
        return released;
    }
}
