using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>
/// Gap detection and A/B line arbitration for sequenced packet feeds whose packets carry "first message sequence +
/// message count" (MoldUDP64, IEX-TP). A plain value with inline tables and no heap reference: keep it in a
/// (non-readonly) field of its single owner and call it in place, never through a copy.
/// </summary>
/// <remarks>
/// <para><b>Delivery.</b> Messages are delivered in arrival order, and the first copy of each sequence wins: a
/// packet's messages below <see cref="NextSequence"/> are duplicates (dropped) unless they fill a pending gap.
/// Lines are symmetric; either may lead.</para>
/// <para><b>Gaps.</b> A packet starting past <see cref="NextSequence"/> reveals a gap (reported once, in the result
/// of that packet, as <c>GapFrom..GapTo</c>); its own messages are delivered at once and the gap becomes pending.
/// A packet from either line carrying pending sequences delivers them then (<see cref="ArbitrationKind.Recovered"/>:
/// out of sequence order; the receivers hold what came after a gap in a <see cref="SequenceHoldBack"/> until
/// <see cref="FirstUndelivered"/> passes it, so their consumers see sequence order). A gap still missing when
/// <see cref="NextSequence"/> has advanced <c>gapWindowMessages</c> past where it stood when the gap was seen, or
/// when a packet or <see cref="ExpireGaps(long)"/> brings a time <c>gapWindowNs</c> past the packet that revealed
/// it, is declared lost: counted and passed once to <see cref="IGapHandler.OnGapDeclared"/>, the hook for a
/// retransmission request or an alert. Deadlines are checked after a packet is applied, so a packet that fills a gap
/// on its deadline still counts as recovered. A window of 0 declares a gap as soon as it is seen (a single line);
/// <see cref="long.MaxValue"/> switches that criterion off. A packet that only carries declared-lost sequences is
/// <see cref="ArbitrationKind.Late"/>.</para>
/// <para><b>Limits.</b> Up to <see cref="SequenceRangeTable.Capacity"/> gaps pend at once (one more declares the
/// oldest at once); a packet fills at most one pending gap (with A and B packetised alike, as MoldUDP64 lines are,
/// a packet never straddles two), the others it touches stay pending. The last
/// <see cref="SequenceRangeTable.Capacity"/> declared ranges are remembered to tell late packets from duplicates.</para>
/// <para><b>Sessions.</b> <see cref="CheckSession(SessionId)"/> before offering a packet: a new session declares the
/// old one's pending gaps and restarts sequencing; a packet of the previous session (the lagging line) is to be
/// dropped. <see cref="EndSession(int, long, long)"/> records MoldUDP64's end-of-session packet.</para>
/// <para><b>Cost.</b> An in-sequence packet with no pending gap is a few compares and adds; pending-gap bookkeeping
/// runs only while gaps exist.</para>
/// </remarks>
public struct LineArbiter
{
    /// <summary>Line A.</summary>
    public const int LineA = 0;

    /// <summary>Line B.</summary>
    public const int LineB = 1;

    private readonly long _gapWindowMessages;
    private readonly long _gapWindowNs;
    private readonly long _startSequence;
    private long _next;
    private SequenceRangeTable _pending;
    private int _pendingCount;
    private SequenceRangeTable _lost;
    private int _lostCount;
    private int _lostWrite;
    private SessionId _session;
    private SessionId _previousSession;
    private bool _sessionEnded;

    private long _delivered;
    private long _duplicates;
    private long _gaps;
    private long _gapMessages;
    private long _recovered;
    private long _lostGaps;
    private long _lostMessages;
    private long _latePackets;
    private long _lateMessages;
    private long _rejected;
    private long _packetsA;
    private long _packetsB;
    private long _winsA;
    private long _winsB;
    private long _sessionChanges;
    private long _previousSessionPackets;

    /// <param name="gapWindowMessages">Messages delivered after a gap is seen before it is declared lost (0 = at once, <see cref="long.MaxValue"/> = never by count).</param>
    /// <param name="gapWindowNs">Nanoseconds after a gap is seen before it is declared lost (0 = at once, <see cref="long.MaxValue"/> = never by time).</param>
    /// <param name="startSequence">Sequence expected first in each session (MoldUDP64 and IEX-TP: 1), or 0 to adopt the first packet's (joining late).</param>
    public LineArbiter(long gapWindowMessages, long gapWindowNs, long startSequence = 0)
    {
        if (gapWindowMessages < 0)
        {
            SequencingThrowHelper.ThrowArgumentOutOfRange(nameof(gapWindowMessages), gapWindowMessages, "gap window must be ≥ 0 messages");
        }

        if (gapWindowNs < 0)
        {
            SequencingThrowHelper.ThrowArgumentOutOfRange(nameof(gapWindowNs), gapWindowNs, "gap window must be ≥ 0 ns");
        }

        if (startSequence < 0)
        {
            SequencingThrowHelper.ThrowArgumentOutOfRange(nameof(startSequence), startSequence, "start sequence must be ≥ 0 (0 = adopt the first packet's)");
        }

        _gapWindowMessages = gapWindowMessages;
        _gapWindowNs = gapWindowNs;
        _startSequence = startSequence;
        _next = startSequence;
    }

    /// <summary>The next sequence expected in order (one past the highest delivered); 0 before the first packet when adopting.</summary>
    public readonly long NextSequence => _next;

    public readonly int PendingGapCount => _pendingCount;

    /// <summary>
    /// The lowest sequence neither delivered nor declared lost: the start of the oldest pending gap, else
    /// <see cref="NextSequence"/>. Everything below it can be applied in order (see <see cref="SequenceHoldBack"/>).
    /// </summary>
    public readonly long FirstUndelivered => _pendingCount == 0 ? _next : _pending[0].From;

    public readonly SessionId Session => _session;

    /// <summary>True after <see cref="EndSession(int, long, long)"/>, until the session changes.</summary>
    public readonly bool IsSessionEnded => _sessionEnded;

    /// <summary>Messages delivered (in sequence plus recovered).</summary>
    public readonly long Delivered => _delivered;

    /// <summary>Messages dropped because already delivered.</summary>
    public readonly long Duplicates => _duplicates;

    /// <summary>Gaps seen (ranges of missing sequences), whether later recovered or declared lost.</summary>
    public readonly long Gaps => _gaps;

    /// <summary>Messages missing in the gaps seen.</summary>
    public readonly long GapMessages => _gapMessages;

    /// <summary>Messages that arrived while their gap was pending (delivered late).</summary>
    public readonly long Recovered => _recovered;

    /// <summary>Ranges declared lost (each passed once to <see cref="IGapHandler.OnGapDeclared"/>).</summary>
    public readonly long LostGaps => _lostGaps;

    public readonly long LostMessages => _lostMessages;

    /// <summary>Packets that carried sequences already declared lost.</summary>
    public readonly long LatePackets => _latePackets;

    public readonly long LateMessages => _lateMessages;

    /// <summary>Offers refused for invalid arguments.</summary>
    public readonly long Rejected => _rejected;

    public readonly long PacketsA => _packetsA;

    public readonly long PacketsB => _packetsB;

    /// <summary>Packets of line A that delivered at least one message (A won the race for them).</summary>
    public readonly long WinsA => _winsA;

    public readonly long WinsB => _winsB;

    /// <summary>Session changes after the first session.</summary>
    public readonly long SessionChanges => _sessionChanges;

    /// <summary>Packets of the previous session seen after a change (to be dropped).</summary>
    public readonly long PreviousSessionPackets => _previousSessionPackets;

    /// <summary>Packets offered on <paramref name="line"/> (0 = A, 1 = B).</summary>
    public readonly long PacketsOnLine(int line) => line == LineA ? _packetsA : line == LineB ? _packetsB : 0;

    /// <summary>
    /// Arbitrates one packet of <paramref name="messageCount"/> messages starting at <paramref name="firstSequence"/>
    /// received on <paramref name="line"/> at <paramref name="receiveTimestampNs"/>. Declared gaps are only counted;
    /// use the overload with an <see cref="IGapHandler"/> to act on them.
    /// </summary>
    public ArbitrationResult Offer(int line, long firstSequence, int messageCount, long receiveTimestampNs)
    {
        NoGapHandler handler = default;
        return Offer(line, firstSequence, messageCount, receiveTimestampNs, ref handler);
    }

    /// <summary>As <see cref="Offer(int, long, int, long)"/>, passing gaps declared lost to <paramref name="gapHandler"/>.</summary>
    public ArbitrationResult Offer<TGapHandler>(int line, long firstSequence, int messageCount, long receiveTimestampNs, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler
    {
        if ((uint)line > LineB || firstSequence < 1 || messageCount < 0 || firstSequence > long.MaxValue - messageCount)
        {
            _rejected++;
            return new ArbitrationResult(ArbitrationKind.Rejected, 0, 0, 0, 0, 0, 0);
        }

        if (line == LineA)
        {
            _packetsA++;
        }
        else
        {
            _packetsB++;
        }

        if (_next == 0)
        {
            _next = firstSequence;
        }

        long end = firstSequence + messageCount;
        ArbitrationResult result;
        if (firstSequence == _next && _pendingCount == 0)
        {
            // the steady state: in order, nothing outstanding
            _next = end;
            _delivered += messageCount;
            result = new ArbitrationResult(messageCount == 0 ? ArbitrationKind.Heartbeat : ArbitrationKind.Deliver, 0, messageCount, 0, 0, 0, 0);
        }
        else if (firstSequence > _next)
        {
            result = OpenGap(firstSequence, messageCount, end, receiveTimestampNs, ref gapHandler);
        }
        else
        {
            result = BelowOrAtNext(firstSequence, messageCount, end, ref gapHandler);
        }

        if (result.TotalDeliver > 0)
        {
            if (line == LineA)
            {
                _winsA++;
            }
            else
            {
                _winsB++;
            }
        }

        if (_pendingCount != 0)
        {
            ExpireGaps(receiveTimestampNs, ref gapHandler);
        }

        return result;
    }

    /// <summary>
    /// MoldUDP64 end of session on <paramref name="line"/>: <paramref name="nextSequence"/> is one past the session's
    /// last message, so it may reveal a gap like a heartbeat. Pending gaps still wait for their window.
    /// </summary>
    public ArbitrationResult EndSession(int line, long nextSequence, long receiveTimestampNs)
    {
        NoGapHandler handler = default;
        return EndSession(line, nextSequence, receiveTimestampNs, ref handler);
    }

    /// <summary>As <see cref="EndSession(int, long, long)"/>, passing gaps declared lost to <paramref name="gapHandler"/>.</summary>
    public ArbitrationResult EndSession<TGapHandler>(int line, long nextSequence, long receiveTimestampNs, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler
    {
        ArbitrationResult result = Offer(line, nextSequence, 0, receiveTimestampNs, ref gapHandler);
        if (result.Kind != ArbitrationKind.Rejected)
        {
            _sessionEnded = true;
        }

        return result;
    }

    /// <summary>
    /// Compares a packet's session with the current one. The first session is adopted; a new one declares the old
    /// session's pending gaps (only counted here) and restarts sequencing at the start sequence; the previous session's packets are
    /// to be dropped (<see cref="SessionStatus.Previous"/>).
    /// </summary>
    public SessionStatus CheckSession(SessionId session)
    {
        NoGapHandler handler = default;
        return CheckSession(session, ref handler);
    }

    /// <summary>As <see cref="CheckSession(SessionId)"/>, passing the old session's pending gaps to <paramref name="gapHandler"/>.</summary>
    public SessionStatus CheckSession<TGapHandler>(SessionId session, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler
    {
        if (session == _session)
        {
            return SessionStatus.Current;
        }

        if (_session.IsNone)
        {
            _session = session;
            return SessionStatus.Started;
        }

        if (session == _previousSession)
        {
            _previousSessionPackets++;
            return SessionStatus.Previous;
        }

        // the old session's holes can no longer be filled by its lines: say so before forgetting them
        while (_pendingCount != 0)
        {
            DeclareAt(0, ref gapHandler);
        }

        _previousSession = _session;
        _session = session;
        _sessionChanges++;
        ResetTo(_startSequence);
        return SessionStatus.Changed;
    }

    /// <summary>
    /// Declares lost every pending gap whose window has run out at <paramref name="nowNs"/> (or by messages). Call it
    /// from the feed agent's duty cycle so gaps are declared even while both lines are silent. Returns how many.
    /// </summary>
    public int ExpireGaps(long nowNs)
    {
        NoGapHandler handler = default;
        return ExpireGaps(nowNs, ref handler);
    }

    /// <summary>As <see cref="ExpireGaps(long)"/>, passing declared gaps to <paramref name="gapHandler"/>.</summary>
    public int ExpireGaps<TGapHandler>(long nowNs, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler
    {
        int declared = 0;
        int i = 0;
        while (i < _pendingCount)
        {
            ref SequenceRange gap = ref _pending[i];
            if (_next >= gap.DeadlineSequence || nowNs >= gap.DeadlineNs)
            {
                DeclareAt(i, ref gapHandler);
                declared++;
            }
            else
            {
                i++;
            }
        }

        return declared;
    }

    /// <summary>
    /// Declares lost every pending gap at once, whatever its window (the consumer can wait no longer: its hold-back
    /// is full, or a capture has ended). Returns how many.
    /// </summary>
    public int DeclarePending<TGapHandler>(ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler
    {
        int declared = _pendingCount;
        while (_pendingCount != 0)
        {
            DeclareAt(0, ref gapHandler);
        }

        return declared;
    }

    /// <summary>
    /// Expect <paramref name="nextSequence"/> next (0 = adopt the next packet's), forgetting pending and declared
    /// gaps without declaring them: after a snapshot or retransmission brought the consumer up to there.
    /// </summary>
    public void ResetTo(long nextSequence)
    {
        _next = Math.Max(0, nextSequence);
        _pendingCount = 0;
        _lostCount = 0;
        _lostWrite = 0;
        _sessionEnded = false;
    }

    private ArbitrationResult OpenGap<TGapHandler>(long firstSequence, int messageCount, long end, long receiveTimestampNs, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler
    {
        long gapFrom = _next;
        long gapTo = firstSequence - 1;
        _gaps++;
        _gapMessages += gapTo - gapFrom + 1;
        _next = end;
        _delivered += messageCount;
        if (_pendingCount == SequenceRangeTable.Capacity)
        {
            DeclareAt(0, ref gapHandler);
        }

        // new gaps lie above every pending one, so appending keeps the table sorted
        ref SequenceRange gap = ref _pending[_pendingCount++];
        gap.From = gapFrom;
        gap.To = gapTo;
        gap.DeadlineSequence = SaturatingAdd(_next, _gapWindowMessages);
        gap.DeadlineNs = SaturatingAdd(receiveTimestampNs, _gapWindowNs);
        return new ArbitrationResult(ArbitrationKind.Gap, 0, messageCount, 0, 0, gapFrom, gapTo);
    }

    private ArbitrationResult BelowOrAtNext<TGapHandler>(long firstSequence, int messageCount, long end, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler
    {
        long belowEnd = Math.Min(end, _next);
        int below = (int)(belowEnd - firstSequence);
        int skip = below;
        int deliver = 0;
        if (end > _next)
        {
            deliver = (int)(end - _next);
            _next = end;
        }

        int recoveredSkip = 0;
        int recovered = 0;
        int late = 0;
        int pending = 0;
        if (below > 0)
        {
            if (_pendingCount != 0)
            {
                recovered = Recover(firstSequence, belowEnd, out recoveredSkip, ref gapHandler);
                pending = Overlap(ref _pending, _pendingCount, firstSequence, belowEnd);
            }

            if (_lostCount != 0)
            {
                late = Overlap(ref _lost, _lostCount, firstSequence, belowEnd);
            }
        }

        _duplicates += below - recovered - late - pending;
        _recovered += recovered;
        _delivered += deliver + recovered;
        if (late > 0)
        {
            _latePackets++;
            _lateMessages += late;
        }

        ArbitrationKind kind = recovered > 0 ? ArbitrationKind.Recovered
            : deliver > 0 ? ArbitrationKind.Deliver
            : messageCount == 0 ? ArbitrationKind.Heartbeat
            : late > 0 ? ArbitrationKind.Late
            : ArbitrationKind.Duplicate;
        return new ArbitrationResult(kind, skip, deliver, recoveredSkip, recovered, 0, 0);
    }

    /// <summary>Fills the first pending gap that [<paramref name="from"/>, <paramref name="toExclusive"/>) touches; returns the messages filled.</summary>
    private int Recover<TGapHandler>(long from, long toExclusive, out int recoveredSkip, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler
    {
        recoveredSkip = 0;
        long last = toExclusive - 1;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            int i = 0;
            while (i < _pendingCount && _pending[i].To < from)
            {
                i++;
            }

            if (i == _pendingCount || _pending[i].From > last)
            {
                return 0;
            }

            ref SequenceRange gap = ref _pending[i];
            long lo = Math.Max(from, gap.From);
            long hi = Math.Min(last, gap.To);
            bool split = lo > gap.From && hi < gap.To;
            if (split && _pendingCount == SequenceRangeTable.Capacity)
            {
                // no room for the upper half: make room by giving up the oldest gap, then look again
                DeclareAt(0, ref gapHandler);
                continue;
            }

            if (lo == gap.From && hi == gap.To)
            {
                RemovePendingAt(i);
            }
            else if (lo == gap.From)
            {
                gap.From = hi + 1;
            }
            else if (hi == gap.To)
            {
                gap.To = lo - 1;
            }
            else
            {
                SequenceRange upper = gap;
                upper.From = hi + 1;
                gap.To = lo - 1;
                for (int j = _pendingCount; j > i + 1; j--)
                {
                    _pending[j] = _pending[j - 1];
                }

                _pending[i + 1] = upper;
                _pendingCount++;
            }

            recoveredSkip = (int)(lo - from);
            return (int)(hi - lo + 1);
        }

        return 0;
    }

    private void DeclareAt<TGapHandler>(int index, ref TGapHandler gapHandler)
        where TGapHandler : struct, IGapHandler
    {
        SequenceRange gap = _pending[index];
        RemovePendingAt(index);
        _lostGaps++;
        _lostMessages += gap.To - gap.From + 1;
        _lost[_lostWrite] = gap;
        _lostWrite = (_lostWrite + 1) % SequenceRangeTable.Capacity;
        _lostCount = Math.Min(_lostCount + 1, SequenceRangeTable.Capacity);
        gapHandler.OnGapDeclared(gap.From, gap.To);
    }

    private void RemovePendingAt(int index)
    {
        for (int j = index + 1; j < _pendingCount; j++)
        {
            _pending[j - 1] = _pending[j];
        }

        _pendingCount--;
    }

    /// <summary>Sequences of [<paramref name="from"/>, <paramref name="toExclusive"/>) inside the first <paramref name="count"/> (disjoint) ranges.</summary>
    private static int Overlap(ref SequenceRangeTable ranges, int count, long from, long toExclusive)
    {
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            ref SequenceRange range = ref ranges[i];
            long lo = Math.Max(from, range.From);
            long hi = Math.Min(toExclusive - 1, range.To);
            if (hi >= lo)
            {
                total += hi - lo + 1;
            }
        }

        return (int)total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
