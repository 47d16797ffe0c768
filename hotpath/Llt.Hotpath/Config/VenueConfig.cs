namespace Llt.Hotpath.Config;

/// <summary>
/// One embedded simulated exchange the engine routes to (docs/VENUES.md): latencies in ns, fees per unit in
/// fixed-point 10^-8 currency (negative = rebate), and the share of the market's displayed liquidity it shows
/// (fixed-point 10^-8, 1.0 = all). The index in <see cref="EngineConfig.Venues"/> is the dense venue id.
/// </summary>
public sealed record VenueConfig
{
    public string Name { get; init; } = "SIM";

    /// <summary>
    /// "simulated" (the embedded exchange) or "external": orders go out as SBE on the venue's own ring
    /// (<see cref="EngineConfig.VenueOutRingPath"/>) to an adapter process (the shell's Alpaca trading adapter),
    /// which answers with SBE ExecutionReports on <see cref="EngineConfig.VenueInRingPath"/>. Fees, latencies and
    /// liquidity share are then the router's estimates of that venue.
    /// </summary>
    public string Type { get; init; } = "simulated";

    public bool IsExternal => Type == "external";

    public long EntryLatencyNs { get; init; }

    public long AckLatencyNs { get; init; }

    public long TakerFeePerUnit { get; init; } = 300_000;

    public long MakerFeePerUnit { get; init; } = -200_000;

    public long LiquidityShare { get; init; } = FixedPoint.Scale;
}
