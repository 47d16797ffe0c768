using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Flyweight over one IEX-TP segment (a UDP payload; layout in <see cref="IexTpDescriptor"/>). <see cref="Wrap"/>
/// validates the whole segment — header, payload length against the datagram, every message length against
/// the payload and the message count — before anything reads it, so a segment is either fully usable or
/// refused with an <see cref="IexTpError"/> and never half applied. Enumerating it (<c>foreach</c>) yields
/// each message's bytes (without the 2-byte length) in order, with no allocation.
/// </summary>
/// <example>
/// <code>
/// if (IexTpSegment.Wrap(udpPayload, out IexTpSegment segment) == IexTpError.None)
/// {
///     foreach (ReadOnlySpan&lt;byte&gt; message in segment)
///     {
///         IexParser.Parse(segment.Protocol, message, ref handler);
///     }
/// }
/// </code>
/// </example>
public readonly ref struct IexTpSegment
{
    private readonly ReadOnlySpan<byte> _datagram;

    private IexTpSegment(ReadOnlySpan<byte> datagram) => _datagram = datagram;

    /// <summary>
    /// Validates <paramref name="datagram"/> as an IEX-TP v1 segment of TOPS, DEEP or DEEP+ and wraps it.
    /// <paramref name="segment"/> is only usable when the result is <see cref="IexTpError.None"/>.
    /// </summary>
    public static IexTpError Wrap(ReadOnlySpan<byte> datagram, out IexTpSegment segment)
    {
        segment = default;
        if (datagram.Length < IexTpDescriptor.HeaderLength)
        {
            return IexTpError.TruncatedHeader;
        }

        if (IexBytes.UInt8(datagram, IexTpDescriptor.VersionOffset) != IexTpDescriptor.Version1)
        {
            return IexTpError.UnsupportedVersion;
        }

        if (ProtocolOf(IexBytes.UInt16(datagram, IexTpDescriptor.MessageProtocolIdOffset)) == IexProtocol.Unknown)
        {
            return IexTpError.UnknownProtocol;
        }

        int payloadLength = IexBytes.UInt16(datagram, IexTpDescriptor.PayloadLengthOffset);
        if (payloadLength != datagram.Length - IexTpDescriptor.HeaderLength)
        {
            return IexTpError.PayloadLengthMismatch;
        }

        if (IexBytes.Int64(datagram, IexTpDescriptor.FirstMessageSequenceNumberOffset) < 1)
        {
            return IexTpError.InvalidSequenceNumber;
        }

        IexTpError framing = CheckFraming(datagram, IexBytes.UInt16(datagram, IexTpDescriptor.MessageCountOffset));
        if (framing != IexTpError.None)
        {
            return framing;
        }

        segment = new IexTpSegment(datagram);
        return IexTpError.None;
    }

    public byte Version => IexBytes.UInt8(_datagram, IexTpDescriptor.VersionOffset);

    public ushort MessageProtocolId => IexBytes.UInt16(_datagram, IexTpDescriptor.MessageProtocolIdOffset);

    /// <summary>The message protocol carried (never <see cref="IexProtocol.Unknown"/> for a wrapped segment).</summary>
    public IexProtocol Protocol => (IexProtocol)MessageProtocolId;

    public uint ChannelId => IexBytes.UInt32(_datagram, IexTpDescriptor.ChannelIdOffset);

    /// <summary>Identifies the session; a new session restarts message sequence numbers at 1.</summary>
    public uint SessionId => IexBytes.UInt32(_datagram, IexTpDescriptor.SessionIdOffset);

    public int PayloadLength => IexBytes.UInt16(_datagram, IexTpDescriptor.PayloadLengthOffset);

    public int MessageCount => IexBytes.UInt16(_datagram, IexTpDescriptor.MessageCountOffset);

    /// <summary>Byte offset of this payload in the session's stream.</summary>
    public long StreamOffset => IexBytes.Int64(_datagram, IexTpDescriptor.StreamOffsetOffset);

    /// <summary>Sequence number of the first message; for a heartbeat, that of the next message to be sent.</summary>
    public long FirstMessageSequenceNumber => IexBytes.Int64(_datagram, IexTpDescriptor.FirstMessageSequenceNumberOffset);

    /// <summary>Send time, nanoseconds since the POSIX epoch.</summary>
    public long SendTime => IexBytes.Int64(_datagram, IexTpDescriptor.SendTimeOffset);

    /// <summary>A segment with no messages, sent to show the session is alive and where its sequence stands.</summary>
    public bool IsHeartbeat => MessageCount == 0;

    /// <summary>The messages with their length fields.</summary>
    public ReadOnlySpan<byte> Payload => _datagram[IexTpDescriptor.HeaderLength..];

    public IexTpMessageEnumerator GetEnumerator() => new(Payload, MessageCount);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IexProtocol ProtocolOf(ushort messageProtocolId) => messageProtocolId switch
    {
        IexTpDescriptor.TopsProtocolId => IexProtocol.Tops,
        IexTpDescriptor.DeepProtocolId => IexProtocol.Deep,
        IexTpDescriptor.DeepPlusProtocolId => IexProtocol.DeepPlus,
        _ => IexProtocol.Unknown,
    };

    /// <summary>Walks the message lengths: every message must lie inside the payload and the last must end it.</summary>
    private static IexTpError CheckFraming(ReadOnlySpan<byte> datagram, int messageCount)
    {
        int position = IexTpDescriptor.HeaderLength;
        int end = datagram.Length;
        for (int i = 0; i < messageCount; i++)
        {
            if (end - position < IexTpDescriptor.MessageLengthFieldLength)
            {
                return IexTpError.MessageLengthPastEnd;
            }

            int length = IexBytes.UInt16(datagram, position);
            position += IexTpDescriptor.MessageLengthFieldLength;
            if (length > end - position)
            {
                return IexTpError.MessageLengthPastEnd;
            }

            position += length;
        }

        return position == end ? IexTpError.None : IexTpError.MessageCountMismatch;
    }
}
