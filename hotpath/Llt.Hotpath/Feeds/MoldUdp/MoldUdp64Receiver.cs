using System.Diagnostics.CodeAnalysis;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// MoldUDP64 downstream handling for one feed over lines A and B: frames each packet, checks its session,
/// arbitrates it with a <see cref="LineArbiter"/> and hands each message to deliver to an
/// <see cref="IMoldUdp64MessageHandler"/> exactly once, in sequence order. A plain value: keep it in a field of its
/// owner (the feed agent) and call it in place.
/// </summary>
/// <remarks>
/// <para>A packet whose blocks cannot all be framed (a length running past the packet) is offered to the arbiter
/// with only the messages before the bad block, so the rest shows up as a gap the other line (or a re-request) can
/// fill instead of being silently lost. Packets shorter than the header are dropped and counted.</para>
/// <para>Messages that arrive past a pending gap are held (<see cref="SequenceHoldBack"/>) until the gap is filled
/// from the other line or declared lost, then released in sequence order, so an L3 book never sees an execution
/// before the add it refers to. Call <see cref="ExpireGaps"/> once per duty cycle (not the arbiter's own) so a gap
/// that times out while both lines are silent releases what waits behind it, and <see cref="Flush"/> when the input
/// ends. With no hold-back (0 messages) messages are delivered in arrival order.</para>
/// </remarks>
public struct MoldUdp64Receiver
{
    /// <summary>Messages held behind a gap by default: ¼ MiB of slots, far more than an A/B skew of a few packets.</summary>
    public const int DefaultHoldBackMessages = 1 << 12;

    /// <summary>Longest message held by default: every ITCH 5.0 message fits (the longest, NOII, is 50 bytes).</summary>
    public const int DefaultHoldBackMessageLength = 64;

    private LineArbiter _arbiter;
    private readonly SequenceHoldBack? _holdBack;
    private long _packets;
    private long _tooShortPackets;
    private long _malformedPackets;
    private long _droppedMessages;
    private long _heartbeats;
    private long _endOfSessions;
    private long _holdBackOverflows;

    /// <param name="arbiter">Configured gap windows and start sequence; see <see cref="LineArbiter"/>.</param>
    /// <param name="holdBackMessages">Messages that can wait behind a gap (a power of two; 0: deliver in arrival order).</param>
    /// <param name="holdBackMessageLength">Longest message that can wait behind a gap.</param>
    public MoldUdp64Receiver(LineArbiter arbiter, int holdBackMessages = DefaultHoldBackMessages, int holdBackMessageLength = DefaultHoldBackMessageLength)
    {
        _arbiter = arbiter;
        _holdBack = holdBackMessages == 0 ? null : new SequenceHoldBack(holdBackMessages, holdBackMessageLength);
    }

    /// <summary>The arbiter, by reference (its counters, <see cref="LineArbiter.ExpireGaps(long)"/>).</summary>
    [UnscopedRef]
    public ref LineArbiter Arbiter => ref _arbiter;

    /// <summary>Packets offered, whatever became of them.</summary>
    public readonly long Packets => _packets;

    /// <summary>Payloads shorter than the MoldUDP64 header, dropped whole.</summary>
    public readonly long TooShortPackets => _tooShortPackets;

    /// <summary>Packets with a framing problem (<see cref="MoldUdp64PacketError"/> other than TooShort).</summary>
    public readonly long MalformedPackets => _malformedPackets;

    /// <summary>Announced messages that could not be framed (after a block overrun, or missing).</summary>
    public readonly long DroppedMessages => _droppedMessages;

    public readonly long Heartbeats => _heartbeats;

    public readonly long EndOfSessions => _endOfSessions;

    /// <summary>Messages waiting behind a pending gap now.</summary>
    public readonly int HeldMessages => _holdBack?.Count ?? 0;

    /// <summary>Messages that could not wait behind a gap (hold-back full, or longer than a slot): the gaps below them were declared lost.</summary>
    public readonly long HoldBackOverflows => _holdBackOverflows;

    /// <summary>Packets of the previous session (a line not yet switched), dropped.</summary>
    public readonly long PreviousSessionPackets => _arbiter.PreviousSessionPackets;

    /// <summary>
    /// Handles one UDP payload received on <paramref name="line"/> (0 = A, 1 = B) at <paramref name="receiveTimestampNs"/>;
    /// returns the number of messages delivered to <paramref name="messageHandler"/>.
    /// </summary>
    public int OnPacket<TMessageHandler, TGapHandler>(
        int line,
        ReadOnlySpan<byte> payload,
        long receiveTimestampNs,
        ref TMessageHandler messageHandler,
        ref TGapHandler gapHandler)
        where TMessageHandler : struct, IMoldUdp64MessageHandler
        where TGapHandler : struct, IGapHandler
    {
        _packets++;
        if (!MoldUdp64Packet.TryWrap(payload, out MoldUdp64Packet packet))
        {
            _tooShortPackets++;
            return 0;
        }

        SessionStatus session = _arbiter.CheckSession(packet.SessionId, ref gapHandler);
        if (session == SessionStatus.Previous)
        {
            return 0;
        }

        int delivered = 0;
        if (session == SessionStatus.Changed && _holdBack is not null)
        {
            // the old session's gaps were just declared: what waited behind them goes out before the new session
            delivered += _holdBack.Release(long.MaxValue, ref messageHandler);
        }

        long sequence = packet.SequenceNumber;
        if (packet.IsEndOfSession)
        {
            _endOfSessions++;
            if (packet.Blocks.Length != 0)
            {
                _malformedPackets++;
            }

            _arbiter.EndSession(line, sequence, receiveTimestampNs, ref gapHandler);
            return delivered + ReleaseInOrder(ref messageHandler);
        }

        int announced = packet.MessageCount;
        int framed = CountFramed(packet.Blocks, announced, out MoldUdp64PacketError error);
        if (error != MoldUdp64PacketError.None)
        {
            _malformedPackets++;
            _droppedMessages += announced - framed;
        }

        if (announced == 0)
        {
            _heartbeats++;
        }

        long firstUnapplied = _arbiter.FirstUndelivered;
        ArbitrationResult result = _arbiter.Offer(line, sequence, framed, receiveTimestampNs, ref gapHandler);
        if (result.TotalDeliver == 0)
        {
            return delivered + ReleaseInOrder(ref messageHandler); // a deadline may have passed: what waited behind the gap goes out
        }

        MoldUdp64MessageEnumerator messages = new(packet.Blocks, framed);
        if (_holdBack is null || (_holdBack.Count == 0 && _arbiter.PendingGapCount == 0))
        {
            // nothing outstanding: apply as it comes (a packet's recovered run precedes its in-sequence run)
            while (messages.MoveNext())
            {
                int index = messages.Index;
                if (result.ShouldDeliver(index))
                {
                    messageHandler.OnMessage(messages.Current, sequence + index, receiveTimestampNs);
                    delivered++;
                }
            }

            return delivered;
        }

        _holdBack.Rebase(firstUnapplied);
        while (messages.MoveNext())
        {
            int index = messages.Index;
            if (result.ShouldDeliver(index) && !_holdBack.TryHold(sequence + index, messages.Current, receiveTimestampNs))
            {
                delivered += ApplyPastTheGaps(sequence + index, messages.Current, receiveTimestampNs, ref messageHandler, ref gapHandler);
            }
        }

        return delivered + ReleaseInOrder(ref messageHandler);
    }

    /// <summary>
    /// Declares lost the gaps whose window ran out at <paramref name="nowNs"/> and releases what waited behind them;
    /// call once per duty cycle. Returns the messages released.
    /// </summary>
    public int ExpireGaps<TMessageHandler, TGapHandler>(long nowNs, ref TMessageHandler messageHandler, ref TGapHandler gapHandler)
        where TMessageHandler : struct, IMoldUdp64MessageHandler
        where TGapHandler : struct, IGapHandler
    {
        if (_arbiter.PendingGapCount == 0 || _arbiter.ExpireGaps(nowNs, ref gapHandler) == 0)
        {
            return 0;
        }

        return ReleaseInOrder(ref messageHandler);
    }

    /// <summary>
    /// The input has ended (a capture's last packet, a line shut down): declares every pending gap lost and releases
    /// everything held. Returns the messages released.
    /// </summary>
    public int Flush<TMessageHandler, TGapHandler>(ref TMessageHandler messageHandler, ref TGapHandler gapHandler)
        where TMessageHandler : struct, IMoldUdp64MessageHandler
        where TGapHandler : struct, IGapHandler
    {
        _arbiter.DeclarePending(ref gapHandler);
        return _holdBack is null ? 0 : _holdBack.Release(long.MaxValue, ref messageHandler);
    }

    private readonly int ReleaseInOrder<TMessageHandler>(ref TMessageHandler messageHandler)
        where TMessageHandler : struct, IMoldUdp64MessageHandler =>
        _holdBack is null || _holdBack.Count == 0 ? 0 : _holdBack.Release(_arbiter.FirstUndelivered, ref messageHandler);

    /// <summary>
    /// A message that cannot wait (the hold-back is full, or it is longer than a slot): stop waiting for the gaps
    /// below it, release what waited behind them, then apply it — order is kept, the gaps are lost.
    /// </summary>
    private int ApplyPastTheGaps<TMessageHandler, TGapHandler>(
        long sequence, ReadOnlySpan<byte> message, long receiveTimestampNs, ref TMessageHandler messageHandler, ref TGapHandler gapHandler)
        where TMessageHandler : struct, IMoldUdp64MessageHandler
        where TGapHandler : struct, IGapHandler
    {
        _holdBackOverflows++;
        _arbiter.DeclarePending(ref gapHandler);
        int released = _holdBack!.Release(sequence, ref messageHandler);
        messageHandler.OnMessage(message, sequence, receiveTimestampNs);
        return released + 1;
    }

    /// <summary>Messages framed before the first problem, of the <paramref name="announced"/> count.</summary>
    private static int CountFramed(ReadOnlySpan<byte> blocks, int announced, out MoldUdp64PacketError error)
    {
        MoldUdp64MessageEnumerator messages = new(blocks, announced);
        int framed = 0;
        while (messages.MoveNext())
        {
            framed++;
        }

        error = messages.Error;
        return framed;
    }
}
