using System.Net;

namespace Llt.Hotpath.Config;

/// <summary>
/// The engine's embedded market data source. "simulator" runs the deterministic market simulator as the
/// <c>feed</c> agent, publishing SBE ticks into md.ring exactly as an external feed would; "itch" and "iex"
/// replay a capture (<see cref="Path"/>: pcap/pcapng of MoldUDP64 or IEX-TP, or a raw length-prefixed ITCH
/// file) through the ITCH 5.0 / IEX-TP handlers at the recorded pace × <see cref="Speed"/> ("paced") or as
/// fast as md.ring accepts ("max"); "itch-udp" and "iex-udp" receive the same protocols live from the exchange's
/// lines A and B (<see cref="LineA"/>, <see cref="LineB"/>: multicast groups joined on <see cref="Interface"/>, or
/// unicast addresses); "none" leaves md.ring to external producers (feed handlers, adapters).
/// </summary>
public sealed record FeedConfig
{
    public string Type { get; init; } = "simulator";

    public ulong Seed { get; init; } = 42;

    /// <summary>"paced" (real time at <see cref="Rate"/> events/s) or "max" (as fast as md.ring accepts).</summary>
    public string Mode { get; init; } = "paced";

    /// <summary>Events per second in paced mode.</summary>
    public long Rate { get; init; } = 20_000;

    public byte FeedId { get; init; }

    /// <summary>Most events the simulator publishes per duty cycle (a smaller batch trades throughput for latency).</summary>
    public int Batch { get; init; } = 256;

    /// <summary>The capture an "itch" or "iex" feed replays.</summary>
    public string? Path { get; init; }

    /// <summary>Replay speed in paced mode: 1 = the recorded pace, 10 = ten times faster.</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>Trading day an ITCH replay's timestamps (ns since midnight) belong to; null = today (UTC).</summary>
    public DateOnly? SessionDate { get; init; }

    /// <summary>Live feeds: line A's multicast group (or unicast address) and UDP port.</summary>
    public IPEndPoint? LineA { get; init; }

    /// <summary>Live feeds: line B, the same packets on another group; null for a single-line feed.</summary>
    public IPEndPoint? LineB { get; init; }

    /// <summary>Live feeds: address of the interface the groups are joined on; null lets the kernel choose.</summary>
    public IPAddress? Interface { get; init; }

    /// <summary>Live feeds: SO_RCVBUF per line, what absorbs a burst while md.ring is full.</summary>
    public int ReceiveBufferBytes { get; init; } = 8 << 20;

    /// <summary>Live feeds: how long a packet lost on one line may wait for the other before the gap is announced.</summary>
    public long GapWindowNs { get; init; } = 10_000_000;

    /// <summary>Live feeds: how often the handler tells failover (FeedHealth Heartbeat) that packets keep coming.</summary>
    public long HeartbeatIntervalNs { get; init; } = 250_000_000;

    /// <summary>Live IEX feeds: "deep" or "tops", the channel's message protocol.</summary>
    public string IexProtocol { get; init; } = "deep";

    public bool IsSimulator => Type == "simulator";

    /// <summary>Where the market data comes from, in a line (for `llt-engine --check-config` and `llt config check`).</summary>
    public string Describe() => Type switch
    {
        "simulator" => $"simulator, {Mode}" + (Mode == "paced" ? $" at {Rate} events/s" : "") + $", seed {Seed}",
        "itch" or "iex" => $"{Type} capture {Path}, " + (Mode == "max" ? "as fast as md.ring takes it" : $"{Speed}x the recorded pace"),
        "itch-udp" or "iex-udp" => $"{Type} line A {LineA}" + (LineB is null ? "" : $", line B {LineB}")
            + (Interface is null ? "" : $" on {Interface}") + (Type == "iex-udp" ? $", {IexProtocol}" : ""),
        _ => Type,
    };

    public bool IsReplay => Type is "itch" or "iex";

    /// <summary>A live exchange feed over UDP (<c>itch-udp</c>, <c>iex-udp</c>).</summary>
    public bool IsLive => Type is "itch-udp" or "iex-udp";
}
