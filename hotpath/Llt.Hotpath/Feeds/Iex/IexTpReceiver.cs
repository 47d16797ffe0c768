using System.Diagnostics.CodeAnalysis;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// IEX-TP downstream handling for one channel over lines A and B, the IEX counterpart of
/// <c>MoldUdp64Receiver</c>: validates each segment (<see cref="IexTpSegment.Wrap"/>), checks its message protocol
/// and session, arbitrates it with a <see cref="LineArbiter"/> and hands each message to an
/// <see cref="ISequencedMessageHandler"/> exactly once, in sequence order: messages that arrive past a pending gap
/// wait in a <see cref="SequenceHoldBack"/> until the gap is filled from the other line or declared lost, so a DEEP
/// price level is never set back to an older size. A plain value: keep it in a field of its owner and call it in
/// place.
/// </summary>
/// <remarks>
/// A refused segment (bad framing, wrong version or protocol) is counted and not offered for sequencing, so the same
/// segment from the other line still gets applied. A new session id restarts sequencing; segments of the previous
/// session (the slower line) are dropped. Call <see cref="ExpireGaps"/> once per duty cycle and <see cref="Flush"/>
/// when the input ends. Nothing allocates after construction.
/// </remarks>
public struct IexTpReceiver
{
    /// <summary>Messages held behind a gap by default.</summary>
    public const int DefaultHoldBackMessages = 1 << 12;

    /// <summary>
    /// Longest message held by default. TOPS 1.6 and DEEP 1.0 messages are at most 80 bytes (auction information);
    /// IEX may lengthen messages, so there is room to grow. A longer one cannot wait: the gaps below it are declared lost.
    /// </summary>
    public const int DefaultHoldBackMessageLength = 128;

    private const int SegmentErrorCount = (int)IexTpError.InvalidSequenceNumber + 1;

    private readonly IexProtocol _protocol;
    private readonly long[] _segmentErrors;
    private readonly SequenceHoldBack _holdBack;
    private LineArbiter _arbiter;
    private long _datagrams;
    private long _segments;
    private long _heartbeats;
    private long _wrongProtocolSegments;
    private long _holdBackOverflows;
    private long _droppedHeldMessages;
    private long _lastSendTime;

    /// <param name="protocol">The message protocol of the channel; segments of another are refused and counted.</param>
    /// <param name="arbiter">Configured gap windows and start sequence; see <see cref="LineArbiter"/>.</param>
    /// <param name="holdBackMessages">Messages that can wait behind a gap (a power of two).</param>
    /// <param name="holdBackMessageLength">Longest message that can wait behind a gap.</param>
    public IexTpReceiver(
        IexProtocol protocol,
        LineArbiter arbiter,
        int holdBackMessages = DefaultHoldBackMessages,
        int holdBackMessageLength = DefaultHoldBackMessageLength)
    {
        if (protocol == IexProtocol.Unknown || IexTpSegment.ProtocolOf((ushort)protocol) == IexProtocol.Unknown)
        {
            IexThrowHelper.ThrowArgument(nameof(protocol), $"not an IEX-TP message protocol: {protocol}");
        }

        _protocol = protocol;
        _arbiter = arbiter;
        _segmentErrors = new long[SegmentErrorCount];
        _holdBack = new SequenceHoldBack(holdBackMessages, holdBackMessageLength);
    }

    public readonly IexProtocol Protocol => _protocol;

    /// <summary>Sequencing state and counters: gaps, duplicates, late packets, packets and wins per line.</summary>
    [UnscopedRef]
    public ref LineArbiter Arbiter => ref _arbiter;

    public readonly long Datagrams => _datagrams;

    /// <summary>Segments that passed validation and were offered for sequencing.</summary>
    public readonly long Segments => _segments;

    public readonly long Heartbeats => _heartbeats;

    /// <summary>Segments refused by <see cref="IexTpSegment.Wrap"/>, whatever the reason.</summary>
    public readonly long RefusedSegments
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

    /// <summary>Valid segments of another message protocol than this channel's.</summary>
    public readonly long WrongProtocolSegments => _wrongProtocolSegments;

    /// <summary>Segments of the previous session (the lagging line after a session change), dropped.</summary>
    public readonly long PreviousSessionSegments => _arbiter.PreviousSessionPackets;

    /// <summary>Messages waiting behind a pending gap now.</summary>
    public readonly int HeldMessages => _holdBack.Count;

    /// <summary>Messages that could not wait behind a gap (hold-back full, or longer than a slot): the gaps below them were declared lost.</summary>
    public readonly long HoldBackOverflows => _holdBackOverflows;

    /// <summary>Held messages dropped by <see cref="RestartAt"/>, never handed on.</summary>
    public readonly long DroppedHeldMessages => _droppedHeldMessages;

    /// <summary>Send time of the last segment that delivered messages (IEX's clock, epoch ns).</summary>
    public readonly long LastSendTime => _lastSendTime;

    public readonly long RefusedSegmentCount(IexTpError error) =>
        (uint)error < SegmentErrorCount ? _segmentErrors[(int)error] : 0;

    /// <summary>
    /// Handles one UDP payload received on <paramref name="line"/> at <paramref name="receiveTimestampNs"/>; returns
    /// the messages handed to <paramref name="messageHandler"/> (this segment's, and any released from the hold-back).
    /// </summary>
    public int OnDatagram<TMessageHandler, TGapHandler>(
        int line,
        ReadOnlySpan<byte> payload,
        long receiveTimestampNs,
        ref TMessageHandler messageHandler,
        ref TGapHandler gapHandler)
        where TMessageHandler : struct, ISequencedMessageHandler
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
            return 0;
        }

        int delivered = 0;
        if (session == SessionStatus.Changed)
        {
            // the old session's gaps were just declared: what waited behind them goes out before the new session
            delivered += _holdBack.Release(long.MaxValue, ref messageHandler);
        }

        _segments++;
        if (segment.IsHeartbeat)
        {
            _heartbeats++;
        }

        long firstUnapplied = _arbiter.FirstUndelivered;
        long firstSequence = segment.FirstMessageSequenceNumber;
        ArbitrationResult result = _arbiter.Offer(line, firstSequence, segment.MessageCount, receiveTimestampNs, ref gapHandler);
        if (result.TotalDeliver == 0)
        {
            return delivered + ReleaseInOrder(ref messageHandler);
        }

        _lastSendTime = segment.SendTime;
        IexTpMessageEnumerator messages = segment.GetEnumerator();
        if (_holdBack.Count == 0 && _arbiter.PendingGapCount == 0)
        {
            while (messages.MoveNext())
            {
                int index = messages.Index;
                if (result.ShouldDeliver(index))
                {
                    messageHandler.OnMessage(messages.Current, firstSequence + index, receiveTimestampNs);
                    delivered++;
                }
            }

            return delivered;
        }

        _holdBack.Rebase(firstUnapplied);
        while (messages.MoveNext())
        {
            int index = messages.Index;
            long sequence = firstSequence + index;
            if (result.ShouldDeliver(index) && !_holdBack.TryHold(sequence, messages.Current, receiveTimestampNs))
            {
                // cannot wait: stop waiting for the gaps below it, release what waited behind them, then apply it
                _holdBackOverflows++;
                _arbiter.DeclarePending(ref gapHandler);
                delivered += _holdBack.Release(sequence, ref messageHandler);
                messageHandler.OnMessage(messages.Current, sequence, receiveTimestampNs);
                delivered++;
            }
        }

        return delivered + ReleaseInOrder(ref messageHandler);
    }

    /// <summary>Declares lost the gaps whose window ran out at <paramref name="nowNs"/> and releases what waited behind them.</summary>
    public int ExpireGaps<TMessageHandler, TGapHandler>(long nowNs, ref TMessageHandler messageHandler, ref TGapHandler gapHandler)
        where TMessageHandler : struct, ISequencedMessageHandler
        where TGapHandler : struct, IGapHandler
    {
        if (_arbiter.PendingGapCount == 0 || _arbiter.ExpireGaps(nowNs, ref gapHandler) == 0)
        {
            return 0;
        }

        return ReleaseInOrder(ref messageHandler);
    }

    /// <summary>The input has ended: declares every pending gap lost and releases everything held.</summary>
    public int Flush<TMessageHandler, TGapHandler>(ref TMessageHandler messageHandler, ref TGapHandler gapHandler)
        where TMessageHandler : struct, ISequencedMessageHandler
        where TGapHandler : struct, IGapHandler
    {
        _arbiter.DeclarePending(ref gapHandler);
        return _holdBack.Release(long.MaxValue, ref messageHandler);
    }

    /// <summary>
    /// Expects <paramref name="nextSequence"/> next in the current session (0: adopt the next segment's), forgetting
    /// pending gaps without declaring them and dropping (counting, in <see cref="DroppedHeldMessages"/>) what waited
    /// behind them: the consumer was rebuilt from a snapshot, or a capture is replayed again from its start, so
    /// neither is to be handed on. Returns the held messages dropped.
    /// </summary>
    public int RestartAt(long nextSequence)
    {
        _arbiter.ResetTo(nextSequence);
        var discard = default(DiscardedMessages);
        int dropped = _holdBack.Count == 0 ? 0 : _holdBack.Release(long.MaxValue, ref discard);
        _droppedHeldMessages += dropped;
        return dropped;
    }

    private readonly int ReleaseInOrder<TMessageHandler>(ref TMessageHandler messageHandler)
        where TMessageHandler : struct, ISequencedMessageHandler =>
        _holdBack.Count == 0 ? 0 : _holdBack.Release(_arbiter.FirstUndelivered, ref messageHandler);

    /// <summary>Takes the held messages <see cref="RestartAt"/> drops.</summary>
    private struct DiscardedMessages : ISequencedMessageHandler
    {
        public readonly void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs)
        {
        }
    }
}
