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
    /// <summary>Start price in ticks: mid (ticks) = StartTicks · exp(LogFair + Deviation).</summary>
    public double StartTicks;
    /// <summary>Clamp for the mid in ticks so a runaway walk can never overflow the 10^-8 fixed-point price.</summary>
    public double MaxTicks;
    public double FairSigmaPerSqrtSec;
    public double NoiseStd;
    public double BaseSpreadTicks;
    public double LogQuoteSizeMedian;
    public double LogTradeSizeMedian;

    // ---- state ----
    public long LastUpdateNs;
    public double LogFair;
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
