using Llt.Hotpath.Config;

namespace Llt.Hotpath.Strategies.MeanReversion;

/// <summary>
/// The validated parameters of one <see cref="MeanReversionStrategy"/> (config <c>strategies[i].parameters</c>,
/// the seed's snake_case names). Read once as the engine is built; a bad value throws <see cref="ConfigException"/> naming
/// <c>strategies[i].parameters.&lt;name&gt;</c>.
/// </summary>
public sealed class MeanReversionParameters
{
    public const int DefaultLookbackPeriod = 20;
    public const double DefaultThreshold = 2.0;
    public const long DefaultOrderSize = 100;
    public const double DefaultStopLoss = 0.02;
    public const double DefaultTakeProfit = 0.01;
    public const long DefaultPendingTimeoutMs = 1_000;

    // the indicator's ring is sized by the window: bound it so a typo cannot allocate gigabytes
    private const int MaxLookbackPeriod = 1 << 20;

    private MeanReversionParameters()
    {
    }

    /// <summary>Ticks (quote mids) in the rolling window; ≥ 2 (a z-score over one value is always 0).</summary>
    public int LookbackPeriod { get; private init; }

    /// <summary>|z| at or beyond which the strategy enters, in standard deviations; &gt; 0.</summary>
    public double Threshold { get; private init; }

    /// <summary>Entry size in whole units before lot rounding and the position cap; ≥ 1.</summary>
    public long OrderSize { get; private init; }

    /// <summary>Adverse move from the average entry price that flattens, as a fraction; 0 = off, &lt; 1.</summary>
    public double StopLoss { get; private init; }

    /// <summary>Favourable move from the average entry price that flattens, as a fraction; 0 = off.</summary>
    public double TakeProfit { get; private init; }

    /// <summary>Flatten when z reaches or crosses 0 against the position (parameter 1 = on, 0 = off).</summary>
    public bool ExitOnMean { get; private init; }

    /// <summary>How long an order may stay unanswered before it is cancelled and forgotten; ≥ 1.</summary>
    public long PendingTimeoutMs { get; private init; }

    public static MeanReversionParameters Read(StrategyConfig config, int strategyIndex)
    {
        string prefix = $"strategies[{strategyIndex}].parameters.";
        IReadOnlyDictionary<string, double> values = config.Parameters;
        return new MeanReversionParameters
        {
            LookbackPeriod = (int)WholeNumber(values, prefix, "lookback_period", DefaultLookbackPeriod, 2, MaxLookbackPeriod),
            Threshold = Number(values, prefix, "threshold", DefaultThreshold, exclusiveMin: true, max: double.MaxValue),
            OrderSize = WholeNumber(values, prefix, "order_size", DefaultOrderSize, 1, long.MaxValue / 4),
            StopLoss = Number(values, prefix, "stop_loss", DefaultStopLoss, exclusiveMin: false, max: 0.999_999),
            TakeProfit = Number(values, prefix, "take_profit", DefaultTakeProfit, exclusiveMin: false, max: 1_000),
            ExitOnMean = WholeNumber(values, prefix, "exit_on_mean", 1, 0, 1) == 1,
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
