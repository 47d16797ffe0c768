namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>What <see cref="LineArbiter"/> made of one packet. Values are stable so they can index counters.</summary>
public enum ArbitrationKind
{
    /// <summary>New messages in sequence (a leading part already delivered may be skipped).</summary>
    Deliver = 0,

    /// <summary>The packet starts past the next expected sequence: <c>GapFrom..GapTo</c> are missing and now
    /// pending; the packet's messages are delivered.</summary>
    Gap = 1,

    /// <summary>The packet fills (part of) a pending gap, usually from the other line: those messages are delivered
    /// late, after messages with higher sequence numbers. It may also carry new messages.</summary>
    Recovered = 2,

    /// <summary>Everything in the packet was already delivered: drop it.</summary>
    Duplicate = 3,

    /// <summary>The packet carries sequences already declared lost (and nothing new): drop it; it came too late.</summary>
    Late = 4,

    /// <summary>No messages and no gap revealed (a MoldUDP64 heartbeat, an end-of-session packet).</summary>
    Heartbeat = 5,

    /// <summary>Invalid arguments (line not 0/1, sequence below 1, negative count, sequence overflow): nothing
    /// delivered, state unchanged, counted in <see cref="LineArbiter.Rejected"/>. (A packet of the previous session is
    /// caught earlier by <see cref="LineArbiter.CheckSession(SessionId)"/> and counted in
    /// <see cref="LineArbiter.PreviousSessionPackets"/>.)</summary>
    Rejected = 6,
}
