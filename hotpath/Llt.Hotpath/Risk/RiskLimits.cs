using Llt.Sbe;

namespace Llt.Hotpath.Risk;

/// <summary>
/// Runtime-changeable risk limits per portfolio, instrument and strategy, indexed by <see cref="LimitType"/>:
/// flat preallocated arrays so a check is one load. A value of <see cref="Unlimited"/> means no limit.
/// Units follow the schema: quantities in whole units, money and prices fixed-point 10^-8, rates per second,
/// fractions (price collar, liquidity) in basis points, volatility as a fixed-point 10^-8 fraction.
/// Each type is read by <see cref="RiskGate"/> at the scopes in <see cref="AppliesTo"/> only; setting it at any
/// other scope is refused so an operator is never told "applied" for a limit nothing reads (docs/RISK_GUIDE.md).
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

    /// <summary>
    /// Whether <paramref name="type"/> is read at <paramref name="scope"/>: instrument-shaped limits (size, collar,
    /// volatility, liquidity) per instrument; position per instrument and per strategy; flow and count limits per
    /// strategy and portfolio; money limits per portfolio.
    /// </summary>
    public static bool AppliesTo(LimitType type, LimitScope scope)
    {
        const int I = 1 << (int)LimitScope.Instrument;
        const int S = 1 << (int)LimitScope.Strategy;
        const int P = 1 << (int)LimitScope.Portfolio;
        int mask = type switch
        {
            LimitType.Position => I | S,
            LimitType.Volatility or LimitType.Liquidity or LimitType.OrderQty or LimitType.Notional or LimitType.PriceCollar => I,
            LimitType.OrderRate or LimitType.OpenOrders => S | P,
            LimitType.DailyLoss or LimitType.Drawdown or LimitType.GrossExposure or LimitType.NetExposure => P,
            _ => 0,
        };
        return (uint)scope <= (uint)LimitScope.Strategy && (mask & (1 << (int)scope)) != 0;
    }

    /// <summary>
    /// <see cref="TrySet"/> with one id whose meaning follows the scope (instrument id, strategy id, ignored for
    /// the portfolio); also refuses a scope the type is not read at. Null when applied.
    /// </summary>
    public string? SetLimit(LimitType type, LimitScope scope, int id, long value) => TrySet(type, scope, id, id, value);

    public long Portfolio(LimitType type) => _portfolio[(int)type];

    /// <summary>All limits of one instrument, indexed by <c>(int)LimitType</c>: one bounds check per order, not one per limit.</summary>
    public ReadOnlySpan<long> InstrumentRow(int instrumentId) => new(_instrument, instrumentId * LimitTypeCount, LimitTypeCount);

    /// <summary>All limits of one strategy, indexed by <c>(int)LimitType</c>.</summary>
    public ReadOnlySpan<long> StrategyRow(int strategyId) => new(_strategy, strategyId * LimitTypeCount, LimitTypeCount);

    /// <summary>All portfolio limits, indexed by <c>(int)LimitType</c>.</summary>
    public ReadOnlySpan<long> PortfolioRow => _portfolio;

    public long Instrument(LimitType type, int instrumentId) => _instrument[(instrumentId * LimitTypeCount) + (int)type];

    public long Strategy(LimitType type, int strategyId) => _strategy[(strategyId * LimitTypeCount) + (int)type];

    /// <summary>
    /// Sets one limit; returns null when applied or the reason it was refused (unknown type or scope, a scope
    /// the risk gate never reads that type at, missing or out-of-range id, negative value). Refusals change
    /// nothing: an operator is never told "applied" for a limit nothing enforces.
    /// </summary>
    public string? TrySet(LimitType type, LimitScope scope, int instrumentId, int strategyId, long value)
    {
        if ((uint)type >= LimitTypeCount)
        {
            return $"unknown limit type {(int)type}";
        }

        if ((uint)scope <= (uint)LimitScope.Strategy && !AppliesTo(type, scope))
        {
            return $"{type} limit is not read at {scope} scope";
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
