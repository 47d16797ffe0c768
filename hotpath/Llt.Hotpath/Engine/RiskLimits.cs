using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// Runtime-changeable risk limits per portfolio, instrument and strategy, indexed by <see cref="LimitType"/>:
/// flat preallocated arrays so a check is one load. A value of <see cref="Unlimited"/> means no limit.
/// Units follow the schema: quantities in whole units, money and prices fixed-point 10^-8, rates per second.
/// </summary>
public sealed class RiskLimits
{
    public const long Unlimited = long.MaxValue;
    public const int LimitTypeCount = 12;

    private readonly long[] _portfolio;
    private readonly long[] _instrument;
    private readonly long[] _strategy;

    public RiskLimits(int maxInstruments, int maxStrategies)
    {
        MaxInstruments = maxInstruments;
        MaxStrategies = maxStrategies;
        _portfolio = new long[LimitTypeCount];
        _instrument = new long[LimitTypeCount * maxInstruments];
        _strategy = new long[LimitTypeCount * maxStrategies];
        Array.Fill(_portfolio, Unlimited);
        Array.Fill(_instrument, Unlimited);
        Array.Fill(_strategy, Unlimited);
    }

    public int MaxInstruments { get; }

    public int MaxStrategies { get; }

    public long Portfolio(LimitType type) => _portfolio[(int)type];

    public long Instrument(LimitType type, int instrumentId) => _instrument[(instrumentId * LimitTypeCount) + (int)type];

    public long Strategy(LimitType type, int strategyId) => _strategy[(strategyId * LimitTypeCount) + (int)type];

    /// <summary>
    /// Sets one limit; returns null when applied or the reason it was refused (unknown type or scope,
    /// missing or out-of-range id, negative value). Refusals change nothing.
    /// </summary>
    public string? TrySet(LimitType type, LimitScope scope, int instrumentId, int strategyId, long value)
    {
        if ((uint)type >= LimitTypeCount)
        {
            return $"unknown limit type {(int)type}";
        }

        if (value < 0)
        {
            return $"limit value {value} is negative";
        }

        switch (scope)
        {
            case LimitScope.Portfolio:
                _portfolio[(int)type] = value;
                return null;
            case LimitScope.Instrument:
                if ((uint)instrumentId >= (uint)MaxInstruments)
                {
                    return $"instrumentId {instrumentId} is not a configured instrument (0..{MaxInstruments - 1})";
                }

                _instrument[(instrumentId * LimitTypeCount) + (int)type] = value;
                return null;
            case LimitScope.Strategy:
                if ((uint)strategyId >= (uint)MaxStrategies)
                {
                    return $"strategyId {strategyId} is not a configured strategy (0..{MaxStrategies - 1})";
                }

                _strategy[(strategyId * LimitTypeCount) + (int)type] = value;
                return null;
            default:
                return $"unknown limit scope {(int)scope}";
        }
    }
}
