using Llt.Hotpath.Config;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// One simulated instrument. Its index in <see cref="SimulatorConfig.Instruments"/> is its instrument id, as in
/// the engine's config. Prices are fixed-point 10^-8 (<see cref="FixedPoint"/>), sizes whole units.
/// </summary>
public sealed class SimulatedInstrumentConfig
{
    public required string Symbol { get; init; }

    /// <summary>Minimum price increment, fixed-point 10^-8 (0.01 = 1_000_000).</summary>
    public long TickSize { get; init; } = FixedPoint.Scale / 100;

    /// <summary>Quote and trade sizes are whole multiples of this many units.</summary>
    public long LotSize { get; init; } = 100;

    /// <summary>Price the random walk starts from, fixed-point 10^-8.</summary>
    public long StartPrice { get; init; } = 100 * FixedPoint.Scale;

    /// <summary>Annualised volatility of the fair value in the calm regime (0.25 = 25 %; 252 × 6.5 h year).</summary>
    public double AnnualVolatility { get; init; } = 0.25;

    /// <summary>Relative share of the event flow this instrument gets (weights need not sum to 1).</summary>
    public double ActivityWeight { get; init; } = 1.0;

    /// <summary>Typical calm-regime spread in ticks (≥ 1; fractional values randomise between neighbours).</summary>
    public double BaseSpreadTicks { get; init; } = 1.0;

    /// <summary>Median displayed size per side, in lots.</summary>
    public double QuoteSizeMedianLots { get; init; } = 5.0;

    /// <summary>Median trade size, in lots.</summary>
    public double TradeSizeMedianLots { get; init; } = 1.0;
}
