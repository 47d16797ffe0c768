namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// One instrument's parameters (concluded from config once) and model state, kept together in one struct so
/// an event touches one contiguous element of <see cref="MarketSimulator"/>'s preallocated array.
/// </summary>
internal struct SimulatedInstrumentState
{
    // ---- concluded parameters ----
    public long TickSize;
    public long LotSize;
    /// <summary>Clamp for the mid in ticks so a runaway walk can never overflow the 10^-8 fixed-point price.</summary>
    public double MaxTicks;
    public double FairSigmaPerSqrtSec;
    public double NoiseStd;
    public double BaseSpreadTicks;
    public LotSizeDistribution QuoteSizes;
    public LotSizeDistribution TradeSizes;
    /// <summary>Trade sizes on the breaking instrument during its focus window (×breakoutTradeSizeMultiplier).</summary>
    public LotSizeDistribution BreakoutTradeSizes;

    // ---- state ----
    public long LastUpdateNs;
    /// <summary>Mid in ticks, start price · e^(log fair value + deviation), updated by e^(the step's log move) on every quote.</summary>
    public double MidTicks;
    /// <summary>log(mid / fair value): the Ornstein-Uhlenbeck part.</summary>
    public double Deviation;
    public double TrendDriftPerSec;
    public double TrendRemainingSec;
    public VolatilityRegime Regime;
    public bool HasQuote;
    public long BidPrice;
    public long AskPrice;
    public long BidSize;
    public long AskSize;
}
