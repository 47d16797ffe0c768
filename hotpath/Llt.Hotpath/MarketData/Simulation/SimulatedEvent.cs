using Llt.Sbe;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// One event from <see cref="MarketSimulator"/>, before encoding. Quotes fill the bid/ask fields, trades the
/// trade fields; the other group keeps the instrument's current top of book (a trade prints at it). Prices are
/// fixed-point 10^-8 on the instrument's tick grid, sizes whole units (a multiple of the lot size).
/// <see cref="Regime"/> is model state for tests and research, never sent on the wire.
/// </summary>
public struct SimulatedEvent
{
    public SimulatedEventKind Kind;
    public int InstrumentId;
    public VolatilityRegime Regime;
    public AggressorSide Aggressor;

    /// <summary>Simulated wall clock, ns since the Unix epoch; strictly increasing across all events.</summary>
    public long ExchangeTs;
    public long BidPrice;
    public long BidSize;
    public long AskPrice;
    public long AskSize;
    public long TradePrice;
    public long TradeSize;

    /// <summary>Unique per simulator, from 1; 0 on quotes.</summary>
    public long TradeId;
}
