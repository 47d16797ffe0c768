using System.Net;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>How <see cref="UdpFeedAgent"/> receives an exchange feed live: its protocol, its two lines and its windows.</summary>
public sealed record UdpFeedOptions
{
    /// <summary>ITCH 5.0 over MoldUDP64, or IEX-TP.</summary>
    public CaptureProtocol Protocol { get; init; } = CaptureProtocol.Itch50;

    /// <summary>IEX-TP only: the message protocol of the channel (TOPS or DEEP); segments of another are refused.</summary>
    public Iex.IexProtocol IexProtocol { get; init; } = Iex.IexProtocol.Deep;

    /// <summary>The feedId stamped on every published message (failover tells feeds apart by it).</summary>
    public byte FeedId { get; init; }

    /// <summary>Line A: a multicast group (joined) or a unicast address to receive on.</summary>
    public required IPAddress GroupA { get; init; }

    public required int PortA { get; init; }

    /// <summary>Line B, or null for a single-line feed.</summary>
    public IPAddress? GroupB { get; init; }

    public int PortB { get; init; }

    /// <summary>Interface to join the groups on (null: the kernel's choice).</summary>
    public IPAddress? LocalInterface { get; init; }

    /// <summary>SO_RCVBUF per line: what absorbs a burst while md.ring is full or the agent is descheduled.</summary>
    public int ReceiveBufferBytes { get; init; } = 8 << 20;

    /// <summary>How long a gap may wait for the other line before it is announced (FeedHealth Gap).</summary>
    public long GapWindowNs { get; init; } = 10_000_000;

    /// <summary>Messages that may arrive behind a gap before it is announced (capped by what md.ring can take at once).</summary>
    public long GapWindowMessages { get; init; } = 1 << 12;

    /// <summary>Most datagrams per line per duty cycle.</summary>
    public int BatchLimit { get; init; } = 64;

    /// <summary>
    /// How often the agent tells failover the line is alive (FeedHealth Heartbeat) while packets (data or the
    /// exchange's own heartbeats) keep arriving; a silent line sends none, so failover sees it go stale.
    /// </summary>
    public long HeartbeatIntervalNs { get; init; } = 250_000_000;

    /// <summary>ITCH only: UTC midnight of the trading day (ITCH timestamps count nanoseconds from it).</summary>
    public long SessionDateEpochNs { get; init; }
}
