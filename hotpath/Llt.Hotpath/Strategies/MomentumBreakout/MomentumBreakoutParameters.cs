using Llt.Hotpath.Config;

namespace Llt.Hotpath.Strategies.MomentumBreakout;

/// <summary>
/// The validated parameters of one <see cref="MomentumBreakoutStrategy"/> (config <c>strategies[i].parameters</c>,
/// the seed's snake_case names). Windows count trades. Read once as the engine is built; a bad value throws
/// <see cref="ConfigException"/> naming <c>strategies[i].parameters.&lt;name&gt;</c>.
/// </summary>
public sealed class MomentumBreakoutParameters
{
    public const int DefaultLookbackPeriod = 50;
    public const double DefaultVolumeFactor = 2.0;
    public const int DefaultVolumeLookback = 200;
    public const double DefaultTrailingStop = 0.01;
    public const long DefaultOrderSize = 100;
    public const long DefaultPendingTimeoutMs = 1_000;

    // indicator rings are sized by the windows: bound them so a typo cannot allocate gigabytes
    private const int MaxWindow = 1 << 20;

    private MomentumBreakoutParameters()
    {
    }

    /// <summary>Trades in the breakout range (the prior N-trade high and low); ≥ 1.</summary>
    public int LookbackPeriod { get; private init; }

    /// <summary>Trades whose average size must reach <see cref="VolumeFactor"/> × the baseline; ≥ 1, defaults to the lookback.</summary>
    public int VolumeWindow { get; private init; }

    /// <summary>Recent average trade size over baseline average trade size that confirms a breakout; &gt; 0.</summary>
    public double VolumeFactor { get; private init; }

    /// <summary>Trades in the baseline average trade size; ≥ 1.</summary>
    public int VolumeLookback { get; private init; }

    /// <summary>Retracement from the best price since entry that flattens, as a fraction; 0 = off, &lt; 1.</summary>
    public double TrailingStop { get; private init; }

    /// <summary>Entry size in whole units before lot rounding and the position cap; ≥ 1.</summary>
    public long OrderSize { get; private init; }

    /// <summary>How long an order may stay unanswered before it is cancelled and forgotten; ≥ 1.</summary>
    public long PendingTimeoutMs { get; private init; }

    public static MomentumBreakoutParameters Read(StrategyConfig config, int strategyIndex)
    {
        string prefix = $"strategies[{strategyIndex}].parameters.";
        IReadOnlyDictionary<string, double> values = config.Parameters;
        int lookback = (int)WholeNumber(values, prefix, "lookback_period", DefaultLookbackPeriod, 1, MaxWindow);
        return new MomentumBreakoutParameters
        {
            LookbackPeriod = lookback,
            VolumeWindow = (int)WholeNumber(values, prefix, "volume_window", lookback, 1, MaxWindow),
            VolumeFactor = Number(values, prefix, "volume_factor", DefaultVolumeFactor, exclusiveMin: true, max: 1_000_000),
            VolumeLookback = (int)WholeNumber(values, prefix, "volume_lookback", DefaultVolumeLookback, 1, MaxWindow),
            TrailingStop = Number(values, prefix, "trailing_stop", DefaultTrailingStop, exclusiveMin: false, max: 0.999_999),
            OrderSize = WholeNumber(values, prefix, "order_size", DefaultOrderSize, 1, long.MaxValue / 4),
            PendingTimeoutMs = WholeNumber(values, prefix, "pending_timeout_ms", DefaultPendingTimeoutMs, 1, 86_400_000),
        };
    }

    private static long WholeNumber(IReadOnlyDictionary<string, double> values, string prefix, string name, long defaultValue, long min, long max)
    {
        if (!values.TryGetValue(name, out double value))
        {
            return defaultValue;
        }

        if (value != Math.Floor(value) || value < min || value > max)
        {
            throw new ConfigException(prefix + name, $"must be a whole number from {min} to {max}, found {value}");
        }

        return (long)value;
    }

    private static double Number(IReadOnlyDictionary<string, double> values, string prefix, string name, double defaultValue, bool exclusiveMin, double max)
    {
        if (!values.TryGetValue(name, out double value))
        {
            return defaultValue;
        }

        bool tooLow = exclusiveMin ? !(value > 0) : !(value >= 0);
        if (tooLow || value > max)
        {
            string lower = exclusiveMin ? "greater than 0" : "at least 0";
            throw new ConfigException(prefix + name, $"must be {lower} and at most {max}, found {value}");
        }

        return value;
    }
}
