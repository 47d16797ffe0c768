namespace Llt.Hotpath.Config;

/// <summary>
/// The embedded simulated exchange the engine trades on (docs/VENUES.md): latencies in ns and fees per unit in
/// fixed-point 10^-8 currency (negative = rebate). Defaults: a lit US equity venue, 0.3 cent taker fee,
/// 0.2 cent maker rebate, no added latency.
/// </summary>
public sealed record VenueConfig
{
    public string Name { get; init; } = "SIM";

    public long EntryLatencyNs { get; init; }

    public long AckLatencyNs { get; init; }

    public long TakerFeePerUnit { get; init; } = 300_000;

    public long MakerFeePerUnit { get; init; } = -200_000;
}
