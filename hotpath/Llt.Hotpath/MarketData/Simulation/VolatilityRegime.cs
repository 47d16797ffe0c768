namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>The per-instrument Markov volatility state.</summary>
public enum VolatilityRegime : byte
{
    Calm = 0,
    Volatile = 1,
}
