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

    /// <summary>Entry size in whole units before lot rounding and the position cap (<see cref="PositionSizer"/>); ≥ 1.</summary>
    public long OrderSize { get; private init; }

    /// <summary>Adverse move from the average entry price that flattens, as a fraction; 0 = off, &lt; 1.</summary>
    public double StopLoss { get; private init; }

    /// <summary>Favourable move from the average entry price that flattens, as a fraction; 0 = off.</summary>
    public double TakeProfit { get; private init; }

    /// <summary>Flatten when z reaches or crosses 0 against the position (parameter 1 = on, 0 = off).</summary>
    public bool ExitOnMean { get; private init; }

    /// <summary>How long an order may stay unanswered before <see cref="PendingOrderTracker"/> cancels and forgets it; ≥ 1.</summary>
    public long PendingTimeoutMs { get; private init; }

    public static MeanReversionParameters Read(StrategyConfig config, int strategyIndex)
    {
        var parameters = new StrategyParameterReader(config, strategyIndex);
        return new MeanReversionParameters
        {
            LookbackPeriod = (int)parameters.WholeNumber("lookback_period", DefaultLookbackPeriod, 2, MaxLookbackPeriod),
            Threshold = parameters.PositiveNumber("threshold", DefaultThreshold, max: double.MaxValue),
            OrderSize = parameters.WholeNumber("order_size", DefaultOrderSize, 1, StrategyParameterReader.MaxOrderSize),
            StopLoss = parameters.NonNegativeNumber("stop_loss", DefaultStopLoss, max: 0.999_999),
            TakeProfit = parameters.NonNegativeNumber("take_profit", DefaultTakeProfit, max: 1_000),
            ExitOnMean = parameters.Flag("exit_on_mean", true),
            PendingTimeoutMs = parameters.WholeNumber("pending_timeout_ms", DefaultPendingTimeoutMs, 1, StrategyParameterReader.MaxPendingTimeoutMs),
        };
    }
}
