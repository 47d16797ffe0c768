using System.Globalization;
using Llt.Hotpath.Config;
using Llt.Hotpath.Risk;
using Llt.Sbe;

namespace Llt.Shell.Configuration;

/// <summary>
/// One limit resolved against the engine's configuration: SBE type and scope, dense ids, raw value. What a
/// SetLimit command carries; built from CLI arguments, llt.json's <c>risk.limits</c>, the risk environment
/// variables or the embedding API.
/// </summary>
public sealed record LimitRequest(LimitKind Kind, LimitScope Scope, string? Target, int InstrumentId, int StrategyId, long RawValue, decimal Value)
{
    /// <summary>"position limit for symbol AAPL = 5000 shares"</summary>
    public override string ToString() =>
        $"{Kind.Name} limit for {LimitScopeName.Of(Scope)}{(Target is null ? "" : " " + Target)} = {Value.ToString(CultureInfo.InvariantCulture)} ({Kind.UnitText})";

    /// <summary>
    /// Resolves names against <paramref name="config"/>: the target is a configured symbol for the symbol scope,
    /// a configured strategy name (or its id) for the strategy scope, and absent for the portfolio. Also refuses a
    /// scope the engine never reads that kind at, so a typo is caught before it reaches the engine.
    /// </summary>
    public static LimitRequest? TryResolve(string kindName, string scopeName, string? target, decimal value, EngineConfig config, out string? error)
    {
        LimitKind? kind = LimitKind.Find(kindName);
        if (kind is null)
        {
            error = $"unknown limit kind '{kindName}'; one of {LimitKind.Names}";
            return null;
        }

        if (!LimitScopeName.TryParse(scopeName, out LimitScope scope))
        {
            error = $"unknown scope '{scopeName}'; one of {LimitScopeName.Names}";
            return null;
        }

        if (!RiskLimits.AppliesTo(kind.Type, scope))
        {
            string readAt = string.Join(" or ", new[] { LimitScope.Instrument, LimitScope.Strategy, LimitScope.Portfolio }
                .Where(s => RiskLimits.AppliesTo(kind.Type, s)).Select(LimitScopeName.Of));
            error = $"a {kind.Name} limit is enforced per {readAt}, not per {LimitScopeName.Of(scope)}";
            return null;
        }

        long? raw = kind.ToRaw(value, out error);
        if (raw is null)
        {
            return null;
        }

        int instrumentId = 0;
        int strategyId = 0;
        switch (scope)
        {
            case LimitScope.Instrument:
                instrumentId = FindInstrument(config, target);
                if (instrumentId < 0)
                {
                    error = target is null
                        ? "--target SYMBOL is required for the symbol scope"
                        : $"'{target}' is not a configured symbol ({string.Join(", ", config.Instruments.Select(i => i.Symbol))})";
                    return null;
                }

                target = config.Instruments[instrumentId].Symbol;
                break;
            case LimitScope.Strategy:
                strategyId = FindStrategy(config, target);
                if (strategyId < 0)
                {
                    error = target is null
                        ? "--target NAME is required for the strategy scope"
                        : $"'{target}' is not a configured strategy ({string.Join(", ", config.Strategies.Select(s => s.Name))})";
                    return null;
                }

                target = config.Strategies[strategyId].Name;
                break;
            default:
                if (!string.IsNullOrEmpty(target))
                {
                    error = "the portfolio scope takes no --target";
                    return null;
                }

                target = null;
                break;
        }

        error = null;
        return new LimitRequest(kind, scope, target, instrumentId, strategyId, raw.Value, value);
    }

    public static int FindInstrument(EngineConfig config, string? symbol)
    {
        for (int i = 0; symbol is not null && i < config.Instruments.Count; i++)
        {
            if (string.Equals(config.Instruments[i].Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public static int FindStrategy(EngineConfig config, string? name)
    {
        if (name is null)
        {
            return -1;
        }

        for (int s = 0; s < config.Strategies.Count; s++)
        {
            if (string.Equals(config.Strategies[s].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return s;
            }
        }

        return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int id) && id < config.Strategies.Count ? id : -1;
    }
}
