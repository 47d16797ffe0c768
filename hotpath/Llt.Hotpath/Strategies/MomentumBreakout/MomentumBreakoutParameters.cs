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

    /// <summary>As <see cref="MeanReversion.MeanReversionParameters.OrderSize"/>.</summary>
    public long OrderSize { get; private init; }

    /// <summary>As <see cref="MeanReversion.MeanReversionParameters.PendingTimeoutMs"/>.</summary>
    public long PendingTimeoutMs { get; private init; }

    public static MomentumBreakoutParameters Read(StrategyConfig config, int strategyIndex)
    {
        var parameters = new StrategyParameterReader(config, strategyIndex);
        int lookback = (int)parameters.WholeNumber("lookback_period", DefaultLookbackPeriod, 1, MaxWindow);
        return new MomentumBreakoutParameters
        {
            LookbackPeriod = lookback,
            VolumeWindow = (int)parameters.WholeNumber("volume_window", lookback, 1, MaxWindow),
            VolumeFactor = parameters.PositiveNumber("volume_factor", DefaultVolumeFactor, max: 1_000_000),
            VolumeLookback = (int)parameters.WholeNumber("volume_lookback", DefaultVolumeLookback, 1, MaxWindow),
            TrailingStop = parameters.NonNegativeNumber("trailing_stop", DefaultTrailingStop, max: 0.999_999),
            OrderSize = parameters.WholeNumber("order_size", DefaultOrderSize, 1, StrategyParameterReader.MaxOrderSize),
            PendingTimeoutMs = parameters.WholeNumber("pending_timeout_ms", DefaultPendingTimeoutMs, 1, StrategyParameterReader.MaxPendingTimeoutMs),
        };
    }
}
