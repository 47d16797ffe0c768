namespace Llt.Hotpath.Config;

/// <summary>
/// One strategy instance (the seed's StrategyConfig): which implementation (<see cref="Type"/>, a name
/// registered in the engine), on which instruments, with what per-strategy limits and parameters. Its
/// index in <see cref="EngineConfig.Strategies"/> is its dense strategy id.
/// </summary>
public sealed record StrategyConfig
{
    public required string Name { get; init; }

    /// <summary>Registered implementation name, e.g. "mean-reversion", "momentum-breakout".</summary>
    public required string Type { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>Symbols the strategy trades; each must be a configured instrument.</summary>
    public IReadOnlyList<string> Instruments { get; init; } = [];

    /// <summary>Largest absolute position per instrument for this strategy, whole units.</summary>
    public long MaxPosition { get; init; } = 1_000;

    /// <summary>Loss budget for this strategy, fixed-point 10^-8 money.</summary>
    public long RiskLimit { get; init; } = 50_000 * FixedPoint.Scale;

    /// <summary>Numeric parameters by the seed's names (e.g. lookback_period, threshold); validated by the strategy.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();
}
