namespace Llt.Hotpath.Config;

/// <summary>
/// The engine's embedded market data source. "simulator" runs the deterministic market simulator as the
/// <c>feed</c> agent, publishing SBE ticks into md.ring exactly as an external feed would; "none" leaves
/// md.ring to external producers (replay tools, feed handlers, adapters).
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

    public bool IsSimulator => Type == "simulator";
}
