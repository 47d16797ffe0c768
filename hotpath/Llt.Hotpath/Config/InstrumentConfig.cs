namespace Llt.Hotpath.Config;

/// <summary>
/// One tradable instrument (the seed's InstrumentConfig). Its index in <see cref="EngineConfig.Instruments"/>
/// is its dense instrument id. Prices and money are fixed-point 10^-8 (<see cref="FixedPoint"/>).
/// </summary>
public sealed record InstrumentConfig
{
    public required string Symbol { get; init; }

    public string Exchange { get; init; } = "SIM";

    /// <summary>Minimum price increment, fixed-point 10^-8 (0.01 = 1_000_000).</summary>
    public long TickSize { get; init; } = FixedPoint.Scale / 100;

    /// <summary>Minimum quantity increment in whole units.</summary>
    public long LotSize { get; init; } = 1;

    /// <summary>Largest absolute position the engine may hold, whole units.</summary>
    public long MaxPosition { get; init; } = 10_000;

    /// <summary>Margin as a fraction of notional, fixed-point 10^-8 (0.25 = 25_000_000).</summary>
    public long MarginRequirement { get; init; } = FixedPoint.Scale / 4;

    /// <summary>Reference price the simulator starts from, fixed-point 10^-8.</summary>
    public long StartPrice { get; init; } = 100 * FixedPoint.Scale;
}
