using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// The IEX-TP receive path of one feed (TOPS, DEEP or DEEP+ on one channel): takes the UDP payloads of line A
/// and line B, validates each segment (<see cref="IexTpSegment.Wrap"/>), arbitrates the lines and detects gaps
/// on first message sequence number + message count (<see cref="LineArbiter"/>), and applies each message
/// exactly once, first copy wins, to a <see cref="DeepBookBuilder{TListener}"/>. Single threaded: call it from
/// the feed agent's DoWork with each datagram its sockets (or a capture) produce, and
/// <see cref="ExpireGaps"/> once per duty cycle. Nothing allocates.
/// </summary>
/// <remarks>
/// A refused segment (bad framing, wrong version or protocol) is counted and not offered for sequencing, so
/// the same segment from the other line still gets applied. A malformed message inside a valid segment is
/// counted by the builder and skipped; the rest of the segment is applied. A new IEX-TP session id restarts
/// sequencing; segments of the previous session (the slower line) are dropped. Gaps are counted and declared
/// lost after the configured window and passed to the <see cref="IGapHandler"/> of the overloads that take one
/// (the hook for an IEX-TP gap-fill request and an alert).
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
    private const int SegmentErrorCount = (int)IexTpError.InvalidSequenceNumber + 1;

    private readonly DeepBookBuilder<TListener> _books;
    private readonly IexProtocol _protocol;
    private readonly long[] _segmentErrors = new long[SegmentErrorCount];
    private LineArbiter _arbiter;

    private long _datagrams;
    private long _segments;
    private long _heartbeats;
    private long _wrongProtocolSegments;
    private long _previousSessionSegments;
    private long _messagesApplied;
    private long _lastSendTime;

    /// <param name="protocol">The protocol this feed carries; segments of another are refused and counted.</param>
    /// <param name="books">Where the messages go.</param>
    /// <param name="gapWindowMessages">Messages after a gap before it is declared lost (see <see cref="LineArbiter"/>).</param>
    /// <param name="gapWindowNs">Nanoseconds after a gap before it is declared lost.</param>
    /// <param name="startSequence">1 to expect each session from its first message; 0 to join a running session at the first segment seen.</param>
    public IexFeedHandler(IexProtocol protocol, DeepBookBuilder<TListener> books, long gapWindowMessages, long gapWindowNs, long startSequence = 0)
    {
        ArgumentNullException.ThrowIfNull(books);
        if (protocol == IexProtocol.Unknown || IexTpSegment.ProtocolOf((ushort)protocol) == IexProtocol.Unknown)
        {
            IexThrowHelper.ThrowArgument(nameof(protocol), $"not an IEX-TP message protocol: {protocol}");
        }

        _protocol = protocol;
        _books = books;
        _arbiter = new LineArbiter(gapWindowMessages, gapWindowNs, startSequence);
    }

    public IexProtocol Protocol => _protocol;

    public DeepBookBuilder<TListener> Books => _books;

    /// <summary>Sequencing state and counters: gaps, duplicates, late packets, packets and wins per line.</summary>
    public ref readonly LineArbiter Arbiter => ref _arbiter;

    public long Datagrams => _datagrams;

    /// <summary>Segments that passed validation and were offered for sequencing.</summary>
    public long Segments => _segments;

    public long Heartbeats => _heartbeats;

    /// <summary>Segments refused by <see cref="IexTpSegment.Wrap"/>, in all.</summary>
    public long RefusedSegments
    {
        get
        {
            long total = 0;
            foreach (long count in _segmentErrors)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>Valid segments of another message protocol (a misrouted multicast group).</summary>
    public long WrongProtocolSegments => _wrongProtocolSegments;

    /// <summary>Segments of the previous session after a session change, dropped.</summary>
    public long PreviousSessionSegments => _previousSessionSegments;

    /// <summary>Messages handed to the book builder (each sequence once).</summary>
    public long MessagesApplied => _messagesApplied;

    /// <summary>Send time of the newest segment accepted, ns since the epoch (0 before any).</summary>
    public long LastSendTime => _lastSendTime;

    public long RefusedSegmentCount(IexTpError error) =>
        (uint)error < (uint)_segmentErrors.Length ? _segmentErrors[(int)error] : 0;

    /// <summary>
    /// Handles one UDP payload received on <paramref name="line"/> (<see cref="LineArbiter.LineA"/> or
    /// <see cref="LineArbiter.LineB"/>) at <paramref name="receiveTimestampNs"/>. Returns the number of messages
    /// applied (0 for a duplicate, heartbeat or refused segment). Gaps declared lost are only counted.
    /// </summary>
    public int OnDatagram(int line, ReadOnlySpan<byte> payload, long receiveTimestampNs)
    {
        var gaps = default(NoGapHandler);
        return OnDatagram(line, payload, receiveTimestampNs, ref gaps);
    }

    /// <summary>
    /// As <see cref="OnDatagram(int, ReadOnlySpan{byte}, long)"/>, telling <paramref name="gapHandler"/> about every
    /// gap declared lost (the hook for an IEX-TP gap-fill request and an alert).
    /// </summary>
    public int OnDatagram<TGapHandler>(int line, ReadOnlySpan<byte> payload, long receiveTimestampNs, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler
    {
        _datagrams++;
        IexTpError error = IexTpSegment.Wrap(payload, out IexTpSegment segment);
        if (error != IexTpError.None)
        {
            _segmentErrors[(int)error]++;
            return 0;
        }

        if (segment.Protocol != _protocol)
        {
            _wrongProtocolSegments++;
            return 0;
        }

        SessionStatus session = _arbiter.CheckSession(SessionId.FromNumber(segment.SessionId), ref gapHandler);
        if (session == SessionStatus.Previous)
        {
            _previousSessionSegments++;
            return 0;
        }

        if (session == SessionStatus.Changed)
        {
            // sequence numbers restart: the old session's cannot be compared with the new one's
            _books.ForgetRecentLevels();
        }

        _segments++;
        ArbitrationResult result = _arbiter.Offer(line, segment.FirstMessageSequenceNumber, segment.MessageCount, receiveTimestampNs, ref gapHandler);
        if (segment.IsHeartbeat)
        {
            _heartbeats++;
        }

        if (result.TotalDeliver == 0)
        {
            return 0;
        }

        _lastSendTime = segment.SendTime;
        return result.RecoveredMessages == 0 ? ApplyRun(segment, result, receiveTimestampNs) : ApplyWithRecovery(segment, result, receiveTimestampNs);
    }

    /// <summary>Declares lost the gaps whose window ran out by <paramref name="nowNs"/>; call once per duty cycle.</summary>
    public int ExpireGaps(long nowNs) => _arbiter.ExpireGaps(nowNs);

    /// <summary>As <see cref="ExpireGaps(long)"/>, telling <paramref name="gapHandler"/> about each gap declared lost.</summary>
    public int ExpireGaps<TGapHandler>(long nowNs, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler => _arbiter.ExpireGaps(nowNs, ref gapHandler);

    /// <summary>
    /// Expects <paramref name="nextSequence"/> next in the current session, dropping pending gaps without declaring
    /// them: after the books were rebuilt from a snapshot, or to replay a capture from its start.
    /// </summary>
    public void RestartAt(long nextSequence)
    {
        _arbiter.ResetTo(nextSequence);
        _books.ForgetRecentLevels();
    }

    /// <summary>The common case: one in-sequence run <c>[SkipMessages, SkipMessages + DeliverMessages)</c>.</summary>
    private int ApplyRun(IexTpSegment segment, ArbitrationResult result, long receiveTimestampNs)
    {
        int first = result.SkipMessages;
        int end = first + result.DeliverMessages;
        long firstSequence = segment.FirstMessageSequenceNumber;
        IexTpMessageEnumerator messages = segment.GetEnumerator();
        while (messages.MoveNext())
        {
            int index = messages.Index;
            if (index >= end)
            {
                break;
            }

            if (index >= first)
            {
                _books.Apply(_protocol, messages.Current, receiveTimestampNs, recovered: false, firstSequence + index);
            }
        }

        _messagesApplied += end - first;
        return end - first;
    }

    private int ApplyWithRecovery(IexTpSegment segment, ArbitrationResult result, long receiveTimestampNs)
    {
        int recoveredEnd = result.RecoveredSkip + result.RecoveredMessages;
        long firstSequence = segment.FirstMessageSequenceNumber;
        IexTpMessageEnumerator messages = segment.GetEnumerator();
        while (messages.MoveNext())
        {
            int index = messages.Index;
            if (result.ShouldDeliver(index))
            {
                bool recovered = index >= result.RecoveredSkip && index < recoveredEnd;
                _books.Apply(_protocol, messages.Current, receiveTimestampNs, recovered, firstSequence + index);
            }
        }

        _messagesApplied += result.TotalDeliver;
        return result.TotalDeliver;
    }
}
