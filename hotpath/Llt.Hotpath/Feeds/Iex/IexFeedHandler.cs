using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// One IEX-TP feed (TOPS, DEEP or DEEP+ on one channel) straight into a <see cref="DeepBookBuilder{TListener}"/>:
/// an <see cref="IexTpReceiver"/> (segment validation, protocol and session checks, A/B arbitration, gap detection,
/// the hold-back that keeps sequence order) whose messages a <see cref="DeepBookApplier{TListener}"/> applies to the
/// books — each exactly once, first copy wins, in sequence order, so a DEEP price level is never set back to an
/// older size. Single threaded: call it from the feed agent's DoWork with each datagram its sockets (or a capture)
/// produce, <see cref="ExpireGaps"/> once per duty cycle and <see cref="Flush"/> when the input ends. Nothing
/// allocates after construction.
/// </summary>
/// <remarks>
/// A refused segment (bad framing, wrong version or protocol) is counted and not offered for sequencing, so the same
/// segment from the other line still gets applied. A malformed message inside a valid segment is counted by the
/// builder and skipped; the rest of the segment is applied. Messages past a pending gap wait (up to the hold-back's
/// capacity; a full hold-back gives up on the gap, see <see cref="HoldBackOverflows"/>) until the gap is filled from
/// either line or declared lost; a copy arriving after its gap was declared lost is late and dropped
/// (<see cref="LineArbiter.LatePackets"/>), never applied out of order. A new IEX-TP session id releases what waited
/// and restarts sequencing; segments of the previous session (the slower line) are dropped. Declared gaps go to the
/// <see cref="IGapHandler"/> of the overloads that take one (the hook for an IEX-TP gap-fill request and an alert).
/// </remarks>
/// <example>
/// <code>
/// public int DoWork()
/// {
///     // _lineA/_lineB: IexUdpLine (live) — or one IexCaptureSource polled with the capture's span (replay)
///     int work = _lineA.Poll(_feed, _clock, 64, ref _gaps) + _lineB.Poll(_feed, _clock, 64, ref _gaps);
///     return work + _feed.ExpireGaps(_clock.NanoTime(), ref _gaps);
/// }
/// </code>
/// </example>
public sealed class IexFeedHandler<TListener>
    where TListener : struct, IIexBookListener
{
    private readonly DeepBookBuilder<TListener> _books;
    private IexTpReceiver _receiver;
    private DeepBookApplier<TListener> _applier;

    /// <param name="protocol">The protocol this feed carries; segments of another are refused and counted.</param>
    /// <param name="books">Where the messages go.</param>
    /// <param name="gapWindowMessages">Messages after a gap before it is declared lost (see <see cref="LineArbiter"/>).</param>
    /// <param name="gapWindowNs">Nanoseconds after a gap before it is declared lost.</param>
    /// <param name="startSequence">1 to expect each session from its first message; 0 to join a running session at the first segment seen.</param>
    /// <param name="holdBackMessages">Messages that can wait behind a gap (a power of two): the longest a gap can be waited for, whatever the windows.</param>
    public IexFeedHandler(
        IexProtocol protocol,
        DeepBookBuilder<TListener> books,
        long gapWindowMessages,
        long gapWindowNs,
        long startSequence = 0,
        int holdBackMessages = IexTpReceiver.DefaultHoldBackMessages)
    {
        ArgumentNullException.ThrowIfNull(books);
        _receiver = new IexTpReceiver(protocol, new LineArbiter(gapWindowMessages, gapWindowNs, startSequence), holdBackMessages);
        _applier = new DeepBookApplier<TListener>(protocol, books);
        _books = books;
    }

    public IexProtocol Protocol => _receiver.Protocol;

    public DeepBookBuilder<TListener> Books => _books;

    /// <summary>Sequencing state and counters: gaps, duplicates, recovered, late packets, packets and wins per line.</summary>
    public ref readonly LineArbiter Arbiter => ref _receiver.Arbiter;

    public long Datagrams => _receiver.Datagrams;

    /// <summary>Segments that passed validation and were offered for sequencing.</summary>
    public long Segments => _receiver.Segments;

    public long Heartbeats => _receiver.Heartbeats;

    /// <summary>Segments refused by <see cref="IexTpSegment.Wrap"/>, in all.</summary>
    public long RefusedSegments => _receiver.RefusedSegments;

    /// <summary>Valid segments of another message protocol (a misrouted multicast group).</summary>
    public long WrongProtocolSegments => _receiver.WrongProtocolSegments;

    /// <summary>Segments of the previous session after a session change, dropped.</summary>
    public long PreviousSessionSegments => _receiver.PreviousSessionSegments;

    /// <summary>Messages handed to the book builder (each sequence once, in sequence order).</summary>
    public long MessagesApplied => _applier.Applied;

    /// <summary>Messages waiting behind a pending gap now (not yet applied).</summary>
    public int HeldMessages => _receiver.HeldMessages;

    /// <summary>Messages that could not wait behind a gap (hold-back full, or longer than a slot): the gaps below them were declared lost.</summary>
    public long HoldBackOverflows => _receiver.HoldBackOverflows;

    /// <summary>Send time of the newest segment that delivered messages, ns since the epoch (0 before any).</summary>
    public long LastSendTime => _receiver.LastSendTime;

    public long RefusedSegmentCount(IexTpError error) => _receiver.RefusedSegmentCount(error);

    /// <summary>
    /// Handles one UDP payload received on <paramref name="line"/> (<see cref="LineArbiter.LineA"/> or
    /// <see cref="LineArbiter.LineB"/>) at <paramref name="receiveTimestampNs"/>. Returns the messages applied: this
    /// segment's in-sequence ones plus any it released from behind a gap it filled (0 for a duplicate, heartbeat,
    /// refused segment, or one that waits behind a gap). Gaps declared lost are only counted.
    /// </summary>
    public int OnDatagram(int line, ReadOnlySpan<byte> payload, long receiveTimestampNs)
    {
        var gaps = default(NoGapHandler);
        return _receiver.OnDatagram(line, payload, receiveTimestampNs, ref _applier, ref gaps);
    }

    /// <summary>
    /// As <see cref="OnDatagram(int, ReadOnlySpan{byte}, long)"/>, telling <paramref name="gapHandler"/> about every
    /// gap declared lost (the hook for an IEX-TP gap-fill request and an alert).
    /// </summary>
    public int OnDatagram<TGapHandler>(int line, ReadOnlySpan<byte> payload, long receiveTimestampNs, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler =>
        _receiver.OnDatagram(line, payload, receiveTimestampNs, ref _applier, ref gapHandler);

    /// <summary>
    /// Declares lost the gaps whose window ran out by <paramref name="nowNs"/> and applies what waited behind them;
    /// returns the messages applied. Call once per duty cycle.
    /// </summary>
    public int ExpireGaps(long nowNs)
    {
        var gaps = default(NoGapHandler);
        return _receiver.ExpireGaps(nowNs, ref _applier, ref gaps);
    }

    /// <summary>As <see cref="ExpireGaps(long)"/>, telling <paramref name="gapHandler"/> about each gap declared lost.</summary>
    public int ExpireGaps<TGapHandler>(long nowNs, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler => _receiver.ExpireGaps(nowNs, ref _applier, ref gapHandler);

    /// <summary>
    /// The input has ended (the end of a capture, a line shut down): declares every pending gap lost and applies
    /// everything that waited behind them. Returns the messages applied.
    /// </summary>
    public int Flush()
    {
        var gaps = default(NoGapHandler);
        return _receiver.Flush(ref _applier, ref gaps);
    }

    /// <summary>As <see cref="Flush()"/>, telling <paramref name="gapHandler"/> about each gap declared lost.</summary>
    public int Flush<TGapHandler>(ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler => _receiver.Flush(ref _applier, ref gapHandler);

    /// <summary>
    /// Expects <paramref name="nextSequence"/> next in the current session, forgetting pending gaps without declaring
    /// them and dropping what waited behind them (see <see cref="IexTpReceiver.RestartAt"/>): after the books were
    /// rebuilt from a snapshot, or to replay a capture from its start. Returns the held messages dropped.
    /// </summary>
    public int RestartAt(long nextSequence) => _receiver.RestartAt(nextSequence);
}
