using System.Buffers.Binary;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// A view over one MoldUDP64 downstream packet (see <see cref="MoldUdp64Descriptor"/>). Zero-copy: the session
/// and each message are slices of the payload.
/// </summary>
public readonly ref struct MoldUdp64Packet
{
    private readonly ReadOnlySpan<byte> _payload;

    private MoldUdp64Packet(ReadOnlySpan<byte> payload) => _payload = payload;

    /// <summary>Wraps a UDP payload; false (and counted by the caller) when it is shorter than the header.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> payload, out MoldUdp64Packet packet)
    {
        packet = new MoldUdp64Packet(payload);
        return payload.Length >= MoldUdp64Descriptor.HeaderLength;
    }

    /// <summary>The 10 alphanumeric session characters.</summary>
    public ReadOnlySpan<byte> Session => _payload.Slice(MoldUdp64Descriptor.SessionOffset, MoldUdp64Descriptor.SessionLength);

    /// <summary>The session as a comparable value (same as <c>SessionId.FromAscii(Session)</c>, without the copy).</summary>
    public SessionId SessionId => new(
        BinaryPrimitives.ReadUInt64BigEndian(_payload),
        (ulong)BinaryPrimitives.ReadUInt16BigEndian(_payload.Slice(sizeof(ulong))) << 48);

    /// <summary>Sequence of the first message (of the next message, for a heartbeat or end of session).</summary>
    public long SequenceNumber => (long)BinaryPrimitives.ReadUInt64BigEndian(_payload.Slice(MoldUdp64Descriptor.SequenceNumberOffset));

    /// <summary>Raw message count field: 0 heartbeat, 0xFFFF end of session.</summary>
    public ushort MessageCountField => BinaryPrimitives.ReadUInt16BigEndian(_payload.Slice(MoldUdp64Descriptor.MessageCountOffset));

    /// <summary>Messages in the packet (0 for heartbeat and end of session).</summary>
    public int MessageCount => IsEndOfSession ? 0 : MessageCountField;

    public bool IsHeartbeat => MessageCountField == MoldUdp64Descriptor.HeartbeatCount;

    public bool IsEndOfSession => MessageCountField == MoldUdp64Descriptor.EndOfSessionCount;

    /// <summary>The message blocks after the header.</summary>
    public ReadOnlySpan<byte> Blocks => _payload.Slice(MoldUdp64Descriptor.HeaderLength);

    /// <summary>Enumerates the messages; check <see cref="MoldUdp64MessageEnumerator.Error"/> after the loop.</summary>
    public MoldUdp64MessageEnumerator GetEnumerator() => new(Blocks, MessageCount);

    /// <summary>
    /// Walks the blocks without handing them out: <see cref="MoldUdp64PacketError.None"/>, or the first problem
    /// (a block overrunning the packet, fewer blocks than announced, bytes after the last).
    /// </summary>
    public MoldUdp64PacketError Validate()
    {
        MoldUdp64MessageEnumerator messages = GetEnumerator();
        while (messages.MoveNext())
        {
        }

        return messages.Error;
    }
}
