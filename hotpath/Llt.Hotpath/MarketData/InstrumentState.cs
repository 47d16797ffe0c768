using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Llt.Hotpath.Risk;

namespace Llt.Hotpath.MarketData;

/// <summary>
/// Per-instrument hot state, one 192-byte slot (three cache lines) per dense instrument id in an
/// <see cref="InstrumentTable"/>. Line 0 holds what every tick reads (static terms and the top of book);
/// line 1 what quote validation reads and writes (so a quote touches lines 0 and 1 only); line 2 what only
/// trades and rejections touch. Prices fixed-point 10^-8, sizes whole units.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
public struct InstrumentState
{
    // ---- cache line 0: read by every tick ----
    [FieldOffset(0)] private long _tickSize;
    [FieldOffset(8)] public long LotSize;
    [FieldOffset(16)] public long BidPrice;
    [FieldOffset(24)] public long BidSize;
    [FieldOffset(32)] public long AskPrice;
    [FieldOffset(40)] public long AskSize;
    [FieldOffset(48)] public long LastPrice;
    [FieldOffset(56)] public long LastSize;

    // ---- cache line 1: validation and statistics of every tick ----
    [FieldOffset(64)] public long LastExchangeTs;
    /// <summary>Mid (or last trade) price the return statistics were last updated with.</summary>
    [FieldOffset(72)] public long StatsReferencePrice;
    /// <summary>EWMA of squared log returns of consecutive reference prices.</summary>
    [FieldOffset(80)] public double ReturnVariance;
    [FieldOffset(88)] public int ReturnSamples;
    /// <summary>Consecutive ticks rejected as spikes; enough of them confirm a real jump.</summary>
    [FieldOffset(92)] public int ConsecutiveSpikes;
    [FieldOffset(96)] public long QuoteCount;
    // the tick size as a multiply-and-compare divisibility test: the grid check of every price without a hardware divide
    [FieldOffset(104)] private ExactDivisor _tickGrid;

    // ---- cache line 2: trades and rejections only ----
    [FieldOffset(128)] public long LastTradeId;
    [FieldOffset(136)] public long TradeCount;
    [FieldOffset(144)] public long RejectCount;

    /// <summary>Price increment, fixed-point 10^-8; prices off this grid are rejected.</summary>
    public long TickSize
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        readonly get => _tickSize;
        set
        {
            _tickSize = value;
            _tickGrid = value > 0 ? new ExactDivisor(value) : default;
        }
    }

    public readonly long Mid => BidPrice > 0 && AskPrice > 0 ? (BidPrice + AskPrice) >> 1 : LastPrice;

    /// <summary>
    /// Whether <paramref name="price"/> (&gt; 0) is a whole number of ticks; as <c>price % TickSize == 0</c> for a
    /// positive tick size. A tick size of 0 or less puts no price on the grid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool IsOnTickGrid(long price) => _tickSize > 0 && _tickGrid.IsMultiple(price);
}
