using System.Runtime.InteropServices;

namespace Llt.Hotpath.MarketData;

/// <summary>
/// Per-instrument hot state, one 128-byte slot (two cache lines) per dense instrument id in an
/// <see cref="InstrumentTable"/>. Line 0 holds what every tick reads (static terms and the top of book);
/// line 1 what validation and statistics write. Prices fixed-point 10^-8, sizes whole units.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
public struct InstrumentState
{
    // ---- cache line 0: read by every tick ----
    [FieldOffset(0)] public long TickSize;
    [FieldOffset(8)] public long LotSize;
    [FieldOffset(16)] public long BidPrice;
    [FieldOffset(24)] public long BidSize;
    [FieldOffset(32)] public long AskPrice;
    [FieldOffset(40)] public long AskSize;
    [FieldOffset(48)] public long LastPrice;
    [FieldOffset(56)] public long LastSize;

    // ---- cache line 1: validation and statistics ----
    [FieldOffset(64)] public long LastExchangeTs;
    [FieldOffset(72)] public long LastTradeId;
    /// <summary>Mid (or last trade) price the return statistics were last updated with.</summary>
    [FieldOffset(80)] public long StatsReferencePrice;
    /// <summary>EWMA of squared log returns of consecutive reference prices.</summary>
    [FieldOffset(88)] public double ReturnVariance;
    [FieldOffset(96)] public int ReturnSamples;
    /// <summary>Consecutive ticks rejected as spikes; enough of them confirm a real jump.</summary>
    [FieldOffset(100)] public int ConsecutiveSpikes;
    [FieldOffset(104)] public long QuoteCount;
    [FieldOffset(112)] public long TradeCount;
    [FieldOffset(120)] public long RejectCount;

    public readonly long Mid => BidPrice > 0 && AskPrice > 0 ? (BidPrice + AskPrice) >> 1 : LastPrice;
}
