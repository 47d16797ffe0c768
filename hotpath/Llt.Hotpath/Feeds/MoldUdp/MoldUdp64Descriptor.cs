namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// MoldUDP64 (Nasdaq) packet layouts, big-endian.
/// <code>
/// downstream packet
///   0                10                 18              20
///   +----------------+------------------+---------------+---- message blocks
///   | session (10)   | sequence u64     | count u16     |
///   +----------------+------------------+---------------+
/// message block: length u16 | message (length bytes)
/// count 0 = heartbeat (sequence = next message to come), 0xFFFF = end of session (no blocks)
///
/// request packet (to the re-request server): session (10) | sequence u64 | requested count u16
/// </code>
/// The sequence is that of the first message in the packet; the i-th block carries sequence + i.
/// </summary>
public static class MoldUdp64Descriptor
{
    public const int SessionOffset = 0;
    public const int SessionLength = 10;
    public const int SequenceNumberOffset = 10;
    public const int MessageCountOffset = 18;
    public const int HeaderLength = 20;

    public const int MessageLengthFieldLength = 2;

    public const ushort HeartbeatCount = 0;
    public const ushort EndOfSessionCount = 0xFFFF;

    /// <summary>Largest message count a data packet can announce (0xFFFF is end of session).</summary>
    public const int MaxMessageCount = EndOfSessionCount - 1;

    public const int RequestSessionOffset = 0;
    public const int RequestSequenceNumberOffset = 10;
    public const int RequestMessageCountOffset = 18;
    public const int RequestLength = 20;

    /// <summary>Most messages one request may ask for (its count is a u16).</summary>
    public const int MaxRequestMessageCount = ushort.MaxValue;
}
