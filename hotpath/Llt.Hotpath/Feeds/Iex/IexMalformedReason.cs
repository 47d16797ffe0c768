namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Why one IEX message was not delivered to its handler. The message is skipped; the rest of its segment is
/// still applied. Values are stable so they can index per-feed counters.
/// </summary>
public enum IexMalformedReason
{
    None = 0,

    /// <summary>A zero-length message (no message type).</summary>
    Empty = 1,

    /// <summary>The message type is not one of the protocol's (IEX may add types; they are counted, not applied).</summary>
    UnknownMessageType = 2,

    /// <summary>The message is shorter than its type's layout.</summary>
    TooShort = 3,

    /// <summary>A side code other than '8' (buy) or '5' (sell).</summary>
    InvalidSide = 4,

    /// <summary>The parser was asked to decode a protocol it has no table for.</summary>
    UnknownProtocol = 5,
}
