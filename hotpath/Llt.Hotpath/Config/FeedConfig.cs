namespace Llt.Hotpath.Config;

/// <summary>
/// The engine's embedded market data source. "simulator" runs the deterministic market simulator as the
/// <c>feed</c> agent, publishing SBE ticks into md.ring exactly as an external feed would; "itch" and "iex"
/// replay a capture (<see cref="Path"/>: pcap/pcapng of MoldUDP64 or IEX-TP, or a raw length-prefixed ITCH
/// file) through the ITCH 5.0 / IEX-TP handlers at the recorded pace × <see cref="Speed"/> ("paced") or as
/// fast as md.ring accepts ("max"); "none" leaves md.ring to external producers (feed handlers, adapters).
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

    public bool IsSimulator => Type == "simulator";

    public bool IsReplay => Type is "itch" or "iex";
}
