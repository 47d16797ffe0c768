using System.Buffers.Binary;
using Llt.Hotpath.Journal;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Engine;

/// <summary>
/// The engine's single-writer view of the journal: every event is a complete SBE message (header included)
/// appended as one frame whose type is the message's templateId and whose timestamp is wall-clock ns.
/// Agents encode variable-length events into <see cref="Scratch"/> first (a copy of a few dozen bytes is
/// cheaper than sizing var data twice), or append an already-encoded message straight from a ring.
/// </summary>
public sealed class EventJournal : IDisposable
{
    private const int ScratchLength = 64 * 1024;
    private const int DeferredLength = 64 * 1024;
    // a deferred event: [templateId int32][length int32][timestamp int64][message, padded to 8]
    private const int DeferredHeaderLength = 16;

    private readonly ExclusiveJournalWriter _writer;
    private readonly IEpochClock _epochClock;
    private readonly EngineCounters _counters;
    private readonly byte[] _scratch = GC.AllocateArray<byte>(ScratchLength, pinned: true);

    // While an order is on its way out (DeferAppends .. AppendDeferred), events are encoded as usual but copied
    // here and written to the journal, in the same order and with the same timestamps, right after the order has
    // been committed to the gateway ring: the journal's frame header, checksum and cold cache lines cost ~30-40 ns
    // per event, and an order journals two or more (NewOrder, RouteDecision, a reject), so writing them first
    // put ~80 ns on every tick-to-order and more on its tail. Same thread, same duty cycle: on the one-thread
    // engine nothing reaches a venue before the events are in the journal.
    private readonly byte[] _deferred = GC.AllocateArray<byte>(DeferredLength, pinned: true);
    private int _deferredLength;
    private int _deferredCount;
    private bool _deferring;

    // While a tick (or a batch of venue reports) is processed, every event it causes carries one timestamp
    // derived from the monotonic reading the agent already took: a wall-clock read costs ~35 ns here, and an
    // order used to pay for two (its NewOrder and its RouteDecision). Monotonic + offset tracks the wall
    // clock to within what NTP slews between two calibrations (the conductor recalibrates every heartbeat).
    private long _offsetNs;
    private long _stampNs;
    private bool _stamped;
    // set by StampWhenUsed: the first event that needs a time reads this clock once for the rest of the scope
    private INanoClock? _lazyClock;

    public EventJournal(ExclusiveJournalWriter writer, IEpochClock epochClock, EngineCounters counters)
    {
        _writer = writer;
        _epochClock = epochClock;
        _counters = counters;
    }

    public ExclusiveJournalWriter Writer => _writer;

    /// <summary>Reusable encode buffer; valid until the next append.</summary>
    public Span<byte> Scratch => _scratch;

    /// <summary>
    /// The scratch buffer with its first <paramref name="fixedLength"/> bytes (header + block) zeroed, so
    /// padding between fields never carries bytes of an earlier event: journal bytes must be a pure
    /// function of the events (replay and determinism checks compare them).
    /// </summary>
    public Span<byte> ClearedScratch(int fixedLength)
    {
        _scratch.AsSpan(0, fixedLength).Clear();
        return _scratch;
    }

    public long NextSequence => _writer.NextSequence + _deferredCount;

    /// <summary>Wall-clock ns, the time base of journaled event timestamps (the stamp while one is set).</summary>
    public long EpochNanoTime()
    {
        if (_stamped)
        {
            return _stampNs;
        }

        if (_lazyClock is not null)
        {
            Stamp(_lazyClock.NanoTime());
            return _stampNs;
        }

        return _epochClock.EpochNanoTime();
    }

    /// <summary>Re-reads the wall clock against a monotonic reading taken just now (<see cref="INanoClock"/> time base).</summary>
    public void Calibrate(long nanoTimeNs) => _offsetNs = _epochClock.EpochNanoTime() - nanoTimeNs;

    /// <summary>Until <see cref="Unstamp"/>, events are timestamped with this monotonic reading mapped to wall-clock time.</summary>
    public void Stamp(long nanoTimeNs)
    {
        _stampNs = nanoTimeNs + _offsetNs;
        _stamped = true;
    }

    /// <summary>
    /// Until <see cref="Unstamp"/>, events share one timestamp read from <paramref name="clock"/> when the first of
    /// them is appended (or given by <see cref="StampIfPending"/>): most ticks journal nothing and read no clock.
    /// </summary>
    public void StampWhenUsed(INanoClock clock)
    {
        _stamped = false;
        _lazyClock = clock;
    }

    /// <summary>Inside a <see cref="StampWhenUsed"/> scope not yet stamped, stamps with a monotonic reading the caller already has.</summary>
    public void StampIfPending(long nanoTimeNs)
    {
        if (!_stamped && _lazyClock is not null)
        {
            Stamp(nanoTimeNs);
        }
    }

    public void Unstamp()
    {
        _stamped = false;
        _lazyClock = null;
        if (_deferring || _deferredCount > 0)
        {
            // an order path that threw before writing its events must not hold them (or later ones) back
            AppendDeferred();
        }
    }

    /// <summary>From now until <see cref="AppendDeferred"/>, appends are held in order and written by it.</summary>
    public void DeferAppends() => _deferring = true;

    /// <summary>Writes the events held since <see cref="DeferAppends"/>, in order, and stops deferring; returns how many.</summary>
    public int AppendDeferred()
    {
        _deferring = false;
        int count = _deferredCount;
        int offset = 0;
        ReadOnlySpan<byte> held = _deferred;
        for (int i = 0; i < count; i++)
        {
            int templateId = BinaryPrimitives.ReadInt32LittleEndian(held.Slice(offset));
            int length = BinaryPrimitives.ReadInt32LittleEndian(held.Slice(offset + 4));
            long timestampNs = BinaryPrimitives.ReadInt64LittleEndian(held.Slice(offset + 8));
            Write(templateId, held.Slice(offset + DeferredHeaderLength, length), timestampNs);
            offset += DeferredHeaderLength + ((length + 7) & ~7);
        }

        _deferredCount = 0;
        _deferredLength = 0;
        return count;
    }

    /// <summary>
    /// While deferring: takes the next place in the held events for a message of <paramref name="length"/> bytes and
    /// returns it, so the caller can encode it later — after the order has left — yet keep its place and timestamp.
    /// The place still holds an earlier event's bytes: clear it when encoding (<see cref="Span{T}.Clear"/>), which is
    /// then off the order's critical path too. Empty when not deferring or the holding area is full (then append as
    /// usual).
    /// </summary>
    public Span<byte> ReserveDeferred(int templateId, int length)
    {
        int handle = ReserveDeferredHandle(templateId, length);
        return handle < 0 ? default : DeferredMessage(handle, length);
    }

    /// <summary>
    /// <see cref="ReserveDeferred"/> for a caller that fills the place in after the current call returns: a handle
    /// for <see cref="DeferredMessage"/>, valid until <see cref="AppendDeferred"/>; -1 when there is no place.
    /// </summary>
    public int ReserveDeferredHandle(int templateId, int length)
    {
        int needed = DeferredHeaderLength + ((length + 7) & ~7);
        if (!_deferring || _deferredLength + needed > _deferred.Length)
        {
            return -1;
        }

        int handle = _deferredLength;
        Span<byte> entry = _deferred.AsSpan(_deferredLength, needed);
        BinaryPrimitives.WriteInt32LittleEndian(entry, templateId);
        BinaryPrimitives.WriteInt32LittleEndian(entry.Slice(4), length);
        BinaryPrimitives.WriteInt64LittleEndian(entry.Slice(8), EpochNanoTime());
        _deferredLength += needed;
        _deferredCount++;
        return handle;
    }

    /// <summary>The reserved message bytes behind <paramref name="handle"/> (not cleared: see <see cref="ReserveDeferred"/>).</summary>
    public Span<byte> DeferredMessage(int handle, int length) => _deferred.AsSpan(handle + DeferredHeaderLength, length);

    /// <summary>Appends an encoded SBE message (header + body); returns the journal sequence or -1 if refused.</summary>
    public long Append(int templateId, ReadOnlySpan<byte> message)
    {
        long timestampNs = EpochNanoTime();
        if (_deferring)
        {
            int needed = DeferredHeaderLength + ((message.Length + 7) & ~7);
            if (_deferredLength + needed <= _deferred.Length)
            {
                Span<byte> entry = _deferred.AsSpan(_deferredLength, needed);
                BinaryPrimitives.WriteInt32LittleEndian(entry, templateId);
                BinaryPrimitives.WriteInt32LittleEndian(entry.Slice(4), message.Length);
                BinaryPrimitives.WriteInt64LittleEndian(entry.Slice(8), timestampNs);
                message.CopyTo(entry.Slice(DeferredHeaderLength));
                _deferredLength += needed;
                // the sequence it will get: the journal has one writer, and the held events go first
                return _writer.NextSequence + _deferredCount++;
            }

            // more than the holding area takes (never on the order path): keep the order, write through
            AppendDeferred();
            _deferring = true;
        }

        return Write(templateId, message, timestampNs);
    }

    private long Write(int templateId, ReadOnlySpan<byte> message, long timestampNs)
    {
        long sequence = _writer.NextSequence;
        return Published(_writer.Append(templateId, message, timestampNs), sequence);
    }

    /// <summary>Counts an append's outcome (the writer's position after it, or a negative code); its sequence or -1.</summary>
    private long Published(long result, long sequence)
    {
        if (result < 0)
        {
            _counters.JournalFailures.Increment();
            return -1;
        }

        _counters.JournalFrames.Increment();
        _counters.JournalPosition.Set(result);
        return sequence;
    }

    /// <summary>
    /// Room for a message of up to <paramref name="maxLength"/> bytes (header included) right in the journal, to encode
    /// in place and publish with <see cref="CommitClaim"/>: no scratch buffer to clear and copy. Empty while appends are
    /// deferred (the event must wait its turn) or when the journal refuses: encode into <see cref="ClearedScratch"/> and
    /// <see cref="AppendScratch"/> then.
    /// </summary>
    public Span<byte> TryClaim(int templateId, int maxLength)
    {
        if (_deferring)
        {
            return default;
        }

        return _writer.TryClaim(templateId, maxLength, EpochNanoTime(), out Span<byte> payload) < 0 ? default : payload;
    }

    /// <summary>Publishes the message <see cref="TryClaim"/> made room for, <paramref name="length"/> bytes of it; returns its sequence or -1.</summary>
    public long CommitClaim(int length)
    {
        long sequence = _writer.NextSequence;
        long result = _writer.Commit(length);
        if (result < 0)
        {
            _writer.Abort();
        }

        return Published(result, sequence);
    }

    /// <summary>Appends the first <paramref name="length"/> bytes of <see cref="Scratch"/>.</summary>
    public long AppendScratch(int templateId, int length) => Append(templateId, _scratch.AsSpan(0, length));

    public void Dispose() => _writer.Dispose();
}
