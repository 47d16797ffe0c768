using Llt.Hotpath.Config;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// Reads and validates one strategy's numeric parameters (config <c>strategies[i].parameters</c>, by the seed's
/// snake_case names) once, as the engine is built: a missing key takes its default, a bad value throws
/// <see cref="ConfigException"/> keyed <c>strategies[i].parameters.&lt;name&gt;</c>, so the engine refuses to start.
/// Never used on the hot path.
/// </summary>
/// <example>
/// <code>
/// var parameters = new StrategyParameterReader(Context.Config, Context.StrategyId);
/// int lookback = (int)parameters.WholeNumber("lookback_period", 20, min: 2, max: 1 &lt;&lt; 20);
/// double threshold = parameters.PositiveNumber("threshold", 2.0, max: double.MaxValue);
/// </code>
/// </example>
public readonly struct StrategyParameterReader
{
    /// <summary>Upper bound for an <c>order_size</c>: far beyond any venue, and sums of a few stay a <c>long</c>.</summary>
    public const long MaxOrderSize = long.MaxValue / 4;

    /// <summary>Upper bound for a <c>pending_timeout_ms</c>: one day.</summary>
    public const long MaxPendingTimeoutMs = 86_400_000;

    private readonly IReadOnlyDictionary<string, double> _values;
    private readonly string _keyPrefix;

    public StrategyParameterReader(StrategyConfig config, int strategyIndex)
    {
        _values = config.Parameters;
        _keyPrefix = $"strategies[{strategyIndex}].parameters.";
    }

    /// <summary>The config key of parameter <paramref name="name"/>, for <see cref="ConfigException"/>s.</summary>
    public string Key(string name) => _keyPrefix + name;

    /// <summary>The raw value, or <paramref name="defaultValue"/> when the key is missing; validate it with <see cref="Check"/>.</summary>
    public double Value(string name, double defaultValue) =>
        _values.TryGetValue(name, out double value) ? value : defaultValue;

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long WholeNumber(string name, long defaultValue, long min, long max)
    {
        if (!_values.TryGetValue(name, out double value))
        {
            return defaultValue;
        }

        if (value != Math.Floor(value) || value < min || value > max)
        {
            throw new ConfigException(Key(name), $"must be a whole number from {min} to {max}, found {value}");
        }

        return (long)value;
    }

    /// <summary>A switch: 1 = on, 0 = off (validated as a whole number from 0 to 1).</summary>
    public bool Flag(string name, bool defaultValue) => WholeNumber(name, defaultValue ? 1 : 0, 0, 1) == 1;

    /// <summary>A number in (0, <paramref name="max"/>].</summary>
    public double PositiveNumber(string name, double defaultValue, double max) =>
        Number(name, defaultValue, exclusiveMin: true, max);

    /// <summary>A number in [0, <paramref name="max"/>] (0 typically meaning "off").</summary>
    public double NonNegativeNumber(string name, double defaultValue, double max) =>
        Number(name, defaultValue, exclusiveMin: false, max);

    /// <summary>Throws for <paramref name="name"/> unless <paramref name="valid"/>: "must be <paramref name="rule"/>, found <paramref name="value"/>".</summary>
    public void Check(bool valid, string name, double value, string rule)
    {
        if (!valid)
        {
            throw new ConfigException(Key(name), $"must be {rule}, found {value}");
        }
    }

    private double Number(string name, double defaultValue, bool exclusiveMin, double max)
    {
        if (!_values.TryGetValue(name, out double value))
        {
            return defaultValue;
        }

        // written as !(x > 0) so NaN fails too
        bool tooLow = exclusiveMin ? !(value > 0) : !(value >= 0);
        if (tooLow || value > max)
        {
            string lower = exclusiveMin ? "greater than 0" : "at least 0";
            throw new ConfigException(Key(name), $"must be {lower} and at most {max}, found {value}");
        }

        return value;
    }
}
