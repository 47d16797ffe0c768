namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Why an IEX-TP segment was refused. A refused segment is applied not at all (no message of it reaches a
/// handler). Values are stable so they can index per-feed counters.
/// </summary>
public enum IexTpError
{
    None = 0,

    /// <summary>The datagram is shorter than the 40-byte segment header.</summary>
    TruncatedHeader = 1,

    /// <summary>The version byte is not 1.</summary>
    UnsupportedVersion = 2,

    /// <summary>The message protocol id is not TOPS (0x8003), DEEP (0x8004) or DEEP+ (0x8005).</summary>
    UnknownProtocol = 3,

    /// <summary>The payload length field disagrees with the bytes the datagram carries after the header.</summary>
    PayloadLengthMismatch = 4,

    /// <summary>A message length (or its 2-byte length field) runs past the end of the payload.</summary>
    MessageLengthPastEnd = 5,

    /// <summary>The messages end before the payload does: the message count disagrees with the payload.</summary>
    MessageCountMismatch = 6,

    /// <summary>The first message sequence number is below 1 (sequence numbers start at 1).</summary>
    InvalidSequenceNumber = 7,
}
