using System.Diagnostics.CodeAnalysis;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// MoldUDP64 downstream handling for one feed over lines A and B: frames each packet, checks its session,
/// arbitrates it with a <see cref="LineArbiter"/> and hands each message to deliver to an
/// <see cref="IMoldUdp64MessageHandler"/> exactly once. A plain value: keep it in a field of its owner (the feed
/// agent) and call it in place.
/// </summary>
/// <remarks>
/// A packet whose blocks cannot all be framed (a length running past the packet) is offered to the arbiter with
/// only the messages before the bad block, so the rest shows up as a gap the other line (or a re-request) can fill
/// instead of being silently lost. Packets shorter than the header are dropped and counted.
/// </remarks>
public struct MoldUdp64Receiver
{
    private LineArbiter _arbiter;
    private long _packets;
    private long _tooShortPackets;
    private long _malformedPackets;
    private long _droppedMessages;
    private long _heartbeats;
    private long _endOfSessions;

    /// <param name="arbiter">Configured gap windows and start sequence; see <see cref="LineArbiter"/>.</param>
    public MoldUdp64Receiver(LineArbiter arbiter) => _arbiter = arbiter;

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

        long sequence = packet.SequenceNumber;
        if (packet.IsEndOfSession)
        {
            _endOfSessions++;
            if (packet.Blocks.Length != 0)
            {
                _malformedPackets++;
            }

            _arbiter.EndSession(line, sequence, receiveTimestampNs, ref gapHandler);
            return 0;
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

        ArbitrationResult result = _arbiter.Offer(line, sequence, framed, receiveTimestampNs, ref gapHandler);
        if (result.TotalDeliver == 0)
        {
            return 0;
        }

        int delivered = 0;
        MoldUdp64MessageEnumerator messages = new(packet.Blocks, framed);
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
