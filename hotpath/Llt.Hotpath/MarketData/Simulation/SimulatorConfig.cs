namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// Everything that shapes the simulated feed (STYLE.md §6: data, validated once by <see cref="Validate"/>;
/// <see cref="MarketSimulator"/> and <see cref="SimulatedFeedAgent"/> copy what they need and never read it
/// again). Rates are per second of simulated time unless the name says otherwise; probabilities are per event
/// of the instrument concerned. docs/SIMULATOR.md describes the model each parameter drives.
/// </summary>
public sealed class SimulatorConfig
{
    /// <summary>Dotted prefix of the keys named in validation errors.</summary>
    public const string KeyPrefix = "simulator";

    /// <summary>Same seed + same config → the same event sequence, byte for byte, on any machine.</summary>
    public ulong Seed { get; init; } = 1;

    public IReadOnlyList<SimulatedInstrumentConfig> Instruments { get; init; } = Array.Empty<SimulatedInstrumentConfig>();

    public SimulatorMode Mode { get; init; } = SimulatorMode.AsFastAsPossible;

    /// <summary>Paced mode: events released per second of the engine's monotonic clock.</summary>
    public long PacedEventsPerSec { get; init; } = 10_000;

    /// <summary>Most events one DoWork publishes (bounds the duty cycle; catching up in paced mode is spread out).</summary>
    public int BatchLimit { get; init; } = 256;

    /// <summary>The Quote/Trade feedId field.</summary>
    public byte FeedId { get; init; }

    /// <summary>Simulated wall clock at the start, ns since the Unix epoch (default 2024-01-02T14:30:00Z).</summary>
    public long StartEpochNs { get; init; } = 1_704_205_800_000_000_000L;

    // ---- arrivals: one Hawkes process (exponential kernel) for the whole feed ----

    /// <summary>Hawkes baseline intensity μ: events/s across all instruments when nothing has happened lately.</summary>
    public double BaseEventRatePerSec { get; init; } = 2_000;

    /// <summary>Expected events each event triggers (α/β); below 1 keeps the process stationary at μ/(1 − n).</summary>
    public double HawkesBranchingRatio { get; init; } = 0.7;

    /// <summary>Decay rate β of the excitation (1/s): 50 means a burst fades with a 20 ms time constant.</summary>
    public double HawkesDecayPerSec { get; init; } = 50;

    /// <summary>Probability that an event hits the same instrument as the previous one (bursts cluster by name).</summary>
    public double ClusterProbability { get; init; } = 0.3;

    /// <summary>Share of events that are trades (the rest are quote updates).</summary>
    public double TradeProbability { get; init; } = 0.25;

    // ---- volatility regimes (Markov switching per instrument) ----

    public double CalmToVolatileProbability { get; init; } = 0.0005;

    public double VolatileToCalmProbability { get; init; } = 0.002;

    /// <summary>Volatile regime: fair-value and noise volatility multiplier.</summary>
    public double VolatileVolMultiplier { get; init; } = 3.0;

    /// <summary>Volatile regime: spread multiplier.</summary>
    public double VolatileSpreadMultiplier { get; init; } = 2.5;

    // ---- mean reversion of the mid around the fair value (Ornstein-Uhlenbeck in log price) ----

    /// <summary>Half-life of a dislocation between mid and fair value.</summary>
    public double MeanReversionHalfLifeSec { get; init; } = 20;

    /// <summary>Stationary standard deviation of log(mid / fair) in the calm regime, basis points.</summary>
    public double NoiseBps { get; init; } = 8;

    // ---- jumps (Poisson per instrument) ----

    public double JumpRatePerHour { get; init; } = 4;

    /// <summary>Standard deviation of a jump's log size (0.01 ≈ 1 %).</summary>
    public double JumpSigma { get; init; } = 0.01;

    /// <summary>Share of jumps that move the fair value (a breakout the mid follows); the rest dislocate the mid and revert.</summary>
    public double JumpPermanentProbability { get; init; } = 0.5;

    /// <summary>Probability that a permanent jump also starts a trend in its direction.</summary>
    public double JumpTrendProbability { get; init; } = 0.5;

    // ---- trending episodes (fair value drifts) ----

    public double TrendRatePerHour { get; init; } = 3;

    public double TrendMeanDurationSec { get; init; } = 300;

    /// <summary>Absolute drift of log fair value during a trend, per hour (0.08 = 8 %/h).</summary>
    public double TrendDriftPerHour { get; init; } = 0.08;

    /// <summary>Buy share of trades during an up trend is 0.5 + this (mirrored for down trends).</summary>
    public double TrendFlowImbalance { get; init; } = 0.2;

    // ---- breakouts: volume spikes on jumps and trend starts ----

    /// <summary>Added to the Hawkes intensity (events/s) when an instrument breaks out.</summary>
    public double BreakoutExcitationPerSec { get; init; } = 1_500;

    /// <summary>Events after a breakout during which the breaking instrument draws extra flow.</summary>
    public int BreakoutFocusEvents { get; init; } = 400;

    /// <summary>During the focus window, probability that an event goes to the breaking instrument.</summary>
    public double BreakoutFocusProbability { get; init; } = 0.5;

    /// <summary>Trade sizes on the breaking instrument are multiplied by this during the focus window.</summary>
    public double BreakoutTradeSizeMultiplier { get; init; } = 2.0;

    // ---- sizes ----

    /// <summary>Lognormal σ of displayed sizes around their median.</summary>
    public double QuoteSizeSigma { get; init; } = 0.8;

    /// <summary>Lognormal σ of trade sizes (1.2: p99 ≈ 16 × median, a heavy right tail).</summary>
    public double TradeSizeSigma { get; init; } = 1.2;

    /// <summary>A ready-made config: <paramref name="count"/> instruments SIM000.., prices 20–220, ticks 0.01.</summary>
    public static SimulatorConfig CreateDefault(int count, ulong seed = 1)
    {
        var instruments = new SimulatedInstrumentConfig[count];
        for (int i = 0; i < count; i++)
        {
            instruments[i] = new SimulatedInstrumentConfig
            {
                Symbol = "SIM" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                StartPrice = (20 + (i * 37 % 200)) * Config.FixedPoint.Scale,
                AnnualVolatility = 0.15 + 0.05 * (i % 6),
                ActivityWeight = 1.0 + (i % 5),
                BaseSpreadTicks = 1.0 + 0.5 * (i % 3),
            };
        }

        return new SimulatorConfig { Seed = seed, Instruments = instruments };
    }

    /// <summary>Checks every value; throws <see cref="Config.ConfigException"/> naming the first bad key.</summary>
    public void Validate()
    {
        if (Instruments is null || Instruments.Count == 0)
        {
            Fail("instruments", "at least one instrument is required");
        }

        if (Mode != SimulatorMode.AsFastAsPossible && Mode != SimulatorMode.Paced)
        {
            Fail("mode", $"unknown mode {(int)Mode}");
        }

        // ≤ 1e9 keeps the paced due-count arithmetic free of overflow
        CheckRange("pacedEventsPerSec", PacedEventsPerSec, 1, 1_000_000_000);
        CheckRange("batchLimit", BatchLimit, 1, 1 << 20);
        CheckRange("startEpochNs", StartEpochNs, 0, long.MaxValue / 2);
        CheckPositive("baseEventRatePerSec", BaseEventRatePerSec);
        CheckBetween("hawkesBranchingRatio", HawkesBranchingRatio, 0, 0.99);
        CheckPositive("hawkesDecayPerSec", HawkesDecayPerSec);
        CheckProbability("clusterProbability", ClusterProbability);
        CheckProbability("tradeProbability", TradeProbability);
        CheckProbability("calmToVolatileProbability", CalmToVolatileProbability);
        CheckProbability("volatileToCalmProbability", VolatileToCalmProbability);
        CheckBetween("volatileVolMultiplier", VolatileVolMultiplier, 1, 100);
        CheckBetween("volatileSpreadMultiplier", VolatileSpreadMultiplier, 1, 100);
        CheckPositive("meanReversionHalfLifeSec", MeanReversionHalfLifeSec);
        CheckBetween("noiseBps", NoiseBps, 0, 10_000);
        CheckBetween("jumpRatePerHour", JumpRatePerHour, 0, 1e6);
        CheckBetween("jumpSigma", JumpSigma, 0, 1);
        CheckProbability("jumpPermanentProbability", JumpPermanentProbability);
        CheckProbability("jumpTrendProbability", JumpTrendProbability);
        CheckBetween("trendRatePerHour", TrendRatePerHour, 0, 1e6);
        CheckPositive("trendMeanDurationSec", TrendMeanDurationSec);
        CheckBetween("trendDriftPerHour", TrendDriftPerHour, 0, 10);
        CheckBetween("trendFlowImbalance", TrendFlowImbalance, 0, 0.5);
        CheckBetween("breakoutExcitationPerSec", BreakoutExcitationPerSec, 0, 1e9);
        CheckRange("breakoutFocusEvents", BreakoutFocusEvents, 0, int.MaxValue);
        CheckProbability("breakoutFocusProbability", BreakoutFocusProbability);
        CheckBetween("breakoutTradeSizeMultiplier", BreakoutTradeSizeMultiplier, 1, 1_000);
        CheckBetween("quoteSizeSigma", QuoteSizeSigma, 0, 5);
        CheckBetween("tradeSizeSigma", TradeSizeSigma, 0, 5);

        var symbols = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Instruments!.Count; i++)
        {
            ValidateInstrument(i, Instruments[i], symbols);
        }
    }

    private static void ValidateInstrument(int index, SimulatedInstrumentConfig? instrument, HashSet<string> symbols)
    {
        string key = $"instruments[{index}]";
        if (instrument is null)
        {
            Fail(key, "missing");
        }

        string symbol = instrument.Symbol;
        if (string.IsNullOrEmpty(symbol) || symbol.Length > 16 || !System.Text.Ascii.IsValid(symbol))
        {
            Fail(key + ".symbol", "must be 1-16 ASCII characters");
        }

        if (!symbols.Add(symbol))
        {
            Fail(key + ".symbol", $"duplicate symbol '{symbol}'");
        }

        CheckRange(key + ".tickSize", instrument.TickSize, 1, Config.FixedPoint.Scale * 1_000_000);
        CheckRange(key + ".lotSize", instrument.LotSize, 1, 1_000_000_000);
        // the walk needs room on both sides: at least 10 ticks, at most a price whose 10^-8 raw value fits easily
        CheckRange(key + ".startPrice", instrument.StartPrice, 10 * instrument.TickSize, long.MaxValue / 1024);
        CheckBetween(key + ".annualVolatility", instrument.AnnualVolatility, 0, 10);
        CheckBetween(key + ".activityWeight", instrument.ActivityWeight, 1e-9, 1e9);
        CheckBetween(key + ".baseSpreadTicks", instrument.BaseSpreadTicks, 1, 1_000_000);
        CheckBetween(key + ".quoteSizeMedianLots", instrument.QuoteSizeMedianLots, 1, 1e9);
        CheckBetween(key + ".tradeSizeMedianLots", instrument.TradeSizeMedianLots, 1, 1e9);
    }

    private static void CheckPositive(string key, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            Fail(key, $"must be a positive finite number, was {value}");
        }
    }

    private static void CheckProbability(string key, double value) => CheckBetween(key, value, 0, 1);

    private static void CheckBetween(string key, double value, double min, double max)
    {
        // written so NaN fails too
        if (!(value >= min && value <= max))
        {
            Fail(key, $"must be in [{min}, {max}], was {value}");
        }
    }

    private static void CheckRange(string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Fail(key, $"must be in [{min}, {max}], was {value}");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string key, string problem)
    {
        SimulatorThrowHelper.ThrowConfig(KeyPrefix + "." + key, problem);
    }
}
