namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// The layout of an IEX Transport Protocol v1 (IEX-TP) outbound segment: one UDP datagram carrying a 40-byte
/// header followed by <c>Message Count</c> messages, each framed by a 2-byte little-endian length. All fields
/// are little-endian.
/// <code>
///   0        1          2                    4                8                12               14
///   +--------+----------+--------------------+----------------+----------------+----------------+
///   |version | reserved | message protocol id| channel id     | session id     | payload length |
///   | uint8  | uint8    | uint16             | uint32         | uint32         | uint16         |
///   +--------+----------+--------------------+----------------+----------------+----------------+
///   14               16                        24                               32                40
///   +----------------+-------------------------+--------------------------------+-----------------+
///   | message count  | stream offset           | first message sequence number  | send time       |
///   | uint16         | int64 (bytes)           | int64                          | int64 (ns epoch)|
///   +----------------+-------------------------+--------------------------------+-----------------+
///   40: payload = message count × ( message length uint16 | message data[message length] )
/// </code>
/// A segment with message count 0 and payload length 0 is a heartbeat; its first message sequence number is
/// the sequence number of the next message the session will send.
/// </summary>
public static class IexTpDescriptor
{
    public const int VersionOffset = 0;

    public const int ReservedOffset = 1;

    public const int MessageProtocolIdOffset = 2;

    public const int ChannelIdOffset = 4;

    public const int SessionIdOffset = 8;

    public const int PayloadLengthOffset = 12;

    public const int MessageCountOffset = 14;

    public const int StreamOffsetOffset = 16;

    public const int FirstMessageSequenceNumberOffset = 24;

    public const int SendTimeOffset = 32;

    /// <summary>Length of the segment header; the payload starts here.</summary>
    public const int HeaderLength = 40;

    /// <summary>Each message in the payload is preceded by its length as a little-endian uint16.</summary>
    public const int MessageLengthFieldLength = 2;

    /// <summary>The only IEX-TP version this decoder understands.</summary>
    public const byte Version1 = 1;

    /// <summary>Message protocol id of TOPS (top of book, v1.5/1.6).</summary>
    public const ushort TopsProtocolId = 0x8003;

    /// <summary>Message protocol id of DEEP (price-level depth of book, v1.0).</summary>
    public const ushort DeepProtocolId = 0x8004;

    /// <summary>Message protocol id of DEEP+ (order-by-order depth of book, v1.0).</summary>
    public const ushort DeepPlusProtocolId = 0x8005;

    /// <summary>Largest segment payload: the payload length field is a uint16.</summary>
    public const int MaxPayloadLength = ushort.MaxValue;
}
