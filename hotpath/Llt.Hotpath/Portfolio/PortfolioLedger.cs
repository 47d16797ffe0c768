using System.Diagnostics;
using System.Runtime.CompilerServices;
using Llt.Hotpath.Memory;
using Llt.Sbe;

namespace Llt.Hotpath.Portfolio;

/// <summary>
/// Positions and P&amp;L per (strategy, instrument) and per instrument, with portfolio totals, daily P&amp;L,
/// high-water mark and drawdown. Single writer: the trader agent's thread calls every method.
/// <para>
/// Accounting is average cost, in integers only. Each position keeps its exact cost basis (Σ signed quantity ×
/// price of what is open, Int128, 10^-8 money). A fill in the direction of the position (or from flat) adds
/// quantity × price to it; a fill against it first closes min(fill, |position|) units, releasing the pro-rata
/// share trunc(basis × closed / open) of the basis and realizing closed × price − released; what is left of the
/// fill opens the other side at the fill price (long 100, sell 150 → close 100, open short 50). The truncated
/// remainder stays in the basis, so closing a position completely realizes exactly Σ sells − Σ buys of its
/// fills; the average price is derived (basis / quantity, nearest 10^-8, halves away from zero) and never used
/// for P&amp;L. Fees are subtracted from realized P&amp;L (negative fees are rebates).
/// </para>
/// <para>
/// Marks: <see cref="OnQuote"/> (mid, rounded down), <see cref="OnTrade"/> (only while the instrument has no
/// quote), <see cref="OnMark"/> (explicit, like a quote); until any of these, an instrument is marked at its first
/// fill price. Unrealized P&amp;L is linear in the positions, so the per-instrument aggregate (Σ over strategies)
/// carries it exactly and a mark updates the instrument and the portfolio totals (unrealized, gross and net
/// exposure, equity, high-water mark, drawdown) in O(1), independent of the number of strategies. Per-strategy
/// unrealized P&amp;L is derived when read (O(1) per position, O(instruments) per strategy total), which is the
/// snapshot / risk-timer path, not the tick path.
/// </para>
/// <para>
/// Range: stored money is long (±92 billion currency units). Cost bases are 128-bit and exact; realized and
/// unrealized P&amp;L are the low 64 bits of exact price × quantity − basis (taken in wrapping 64-bit arithmetic, which
/// gives those bits without a 128-bit product), so they are exact whenever they themselves fit in a long, even when a
/// position's notional does not; exposures (and the gross/net totals) are notionals and must fit in a long. OnFill, OnQuote, OnTrade and OnMark allocate nothing and return codes instead of throwing.
/// </para>
/// </summary>
public sealed unsafe class PortfolioLedger : IDisposable
{
    private readonly int _strategyCount;
    private readonly int _instrumentCount;
    private readonly AlignedMemory _slotMemory;
    private readonly AlignedMemory _instrumentMemory;
    private PositionSlot* _slots;
    private InstrumentExposure* _instruments;
    private readonly long[] _strategyRealizedPnl;
    private readonly long[] _strategyFees;
    private readonly long[] _strategyDayStartEquity;

    private long _realizedPnl;
    private long _unrealizedPnl;
    private long _fees;
    private long _grossExposure;
    private long _netExposure;
    private long _highWaterMark;
    private long _maxDrawdown;
    private long _dayStartEquity;

    public PortfolioLedger(int strategyCount, int instrumentCount)
    {
        if (strategyCount <= 0 || strategyCount > short.MaxValue)
        {
            PortfolioThrowHelper.ThrowArgumentOutOfRange(nameof(strategyCount), strategyCount, "must be in [1, 32767] (SBE StrategyId is int16)");
        }

        if (instrumentCount <= 0)
        {
            PortfolioThrowHelper.ThrowArgumentOutOfRange(nameof(instrumentCount), instrumentCount, "must be positive");
        }

        long slotCount = (long)strategyCount * instrumentCount;
        if (slotCount > int.MaxValue / PositionSlot.Size)
        {
            PortfolioThrowHelper.ThrowArgument(nameof(instrumentCount), $"{strategyCount} strategies × {instrumentCount} instruments is too many positions");
        }

        _strategyCount = strategyCount;
        _instrumentCount = instrumentCount;
        _slotMemory = AlignedMemory.Allocate(slotCount * PositionSlot.Size);
        _instrumentMemory = AlignedMemory.Allocate((long)instrumentCount * InstrumentExposure.Size);
        _slots = (PositionSlot*)_slotMemory.Pointer;
        _instruments = (InstrumentExposure*)_instrumentMemory.Pointer;
        _strategyRealizedPnl = new long[strategyCount];
        _strategyFees = new long[strategyCount];
        _strategyDayStartEquity = new long[strategyCount];
    }

    public int StrategyCount => _strategyCount;

    public int InstrumentCount => _instrumentCount;

    /// <summary>Realized P&amp;L of all positions, net of fees.</summary>
    public long RealizedPnl => _realizedPnl;

    public long UnrealizedPnl => _unrealizedPnl;

    public long Fees => _fees;

    public long Equity => _realizedPnl + _unrealizedPnl;

    /// <summary>Equity minus equity at the last <see cref="StartNewDay"/> (or at construction).</summary>
    public long DailyPnl => Equity - _dayStartEquity;

    /// <summary>Highest equity seen after any fill or mark since construction; starts at 0 (flat, no P&amp;L).</summary>
    public long HighWaterMark => _highWaterMark;

    public long Drawdown => _highWaterMark - Equity;

    public long MaxDrawdown => _maxDrawdown;

    /// <summary>Σ |instrument position × mark|, positions netted across strategies.</summary>
    public long GrossExposure => _grossExposure;

    /// <summary>Σ instrument position × mark.</summary>
    public long NetExposure => _netExposure;

    /// <summary>
    /// Applies one execution. Quantity must be positive; price and fee are 10^-8 fixed point (any sign).
    /// O(1), no allocation; an invalid fill changes nothing and is reported by its code.
    /// </summary>
    public FillResult OnFill(int strategyId, int instrumentId, Side side, long quantity, long price, long fee)
    {
        if ((uint)strategyId >= (uint)_strategyCount)
        {
            return FillResult.UnknownStrategy;
        }

        if ((uint)instrumentId >= (uint)_instrumentCount)
        {
            return FillResult.UnknownInstrument;
        }

        if (quantity <= 0)
        {
            return FillResult.InvalidQuantity;
        }

        long signedQuantity;
        if (side == Side.Buy)
        {
            signedQuantity = quantity;
        }
        else if (side == Side.Sell)
        {
            signedQuantity = -quantity;
        }
        else
        {
            return FillResult.InvalidSide;
        }

        ref PositionSlot slot = ref _slots[instrumentId * _strategyCount + strategyId];
        long position = slot.Quantity;
        Int128 costBasis = slot.CostBasis;
        long realized = -fee;
        long opening = signedQuantity;
        if (position != 0 && (position ^ signedQuantity) < 0)
        {
            // against the position: close what we can at the average cost, the rest opens the other side
            long open = Math.Abs(position);
            long close = Math.Min(quantity, open);
            Int128 releasedCost = PositionMath.ProRataCost(costBasis, close, open);
            long closedQuantity = position > 0 ? close : -close;
            // low 64 bits of the 128-bit difference, as in Unrealized
            realized += unchecked((closedQuantity * price) - (long)releasedCost);
            costBasis -= releasedCost;
            position -= closedQuantity;
            opening = signedQuantity + closedQuantity;
        }

        if (opening != 0)
        {
            costBasis += PositionMath.Multiply(opening, price);
            position += opening;
        }

        Debug.Assert(position != 0 || costBasis == 0, "Invariant: a flat position has released its whole cost basis");
        Int128 costDelta = costBasis - slot.CostBasis;
        slot.Quantity = position;
        slot.CostBasis = costBasis;
        slot.RealizedPnl += realized;
        slot.Fees += fee;
        slot.FillCount++;

        _strategyRealizedPnl[strategyId] += realized;
        _strategyFees[strategyId] += fee;
        _realizedPnl += realized;
        _fees += fee;

        ref InstrumentExposure instrument = ref _instruments[instrumentId];
        long oldNet = instrument.NetExposure;
        long oldUnrealized = Unrealized(instrument.Quantity, instrument.Mark, instrument.CostBasis);
        instrument.Quantity += signedQuantity;
        instrument.CostBasis += costDelta;
        instrument.RealizedPnl += realized;
        instrument.Fees += fee;
        if (instrument.MarkSource == MarkSource.None)
        {
            instrument.Mark = price;
            instrument.MarkSource = MarkSource.Fill;
        }

        Revalue(ref instrument, oldNet, oldUnrealized);
        return FillResult.Applied;
    }

    /// <summary>Marks an instrument at <paramref name="price"/> with quote authority. False for an unknown instrument.</summary>
    public bool OnMark(int instrumentId, long price)
    {
        if ((uint)instrumentId >= (uint)_instrumentCount)
        {
            return false;
        }

        Mark(ref _instruments[instrumentId], price, MarkSource.Quote);
        return true;
    }

    /// <summary>
    /// Marks at the mid (bid + ask) / 2, rounded down to the 10^-8 unit. False (nothing changed) for an unknown
    /// instrument or a crossed quote.
    /// </summary>
    public bool OnQuote(int instrumentId, long bidPrice, long askPrice)
    {
        if ((uint)instrumentId >= (uint)_instrumentCount || askPrice < bidPrice)
        {
            return false;
        }

        // ask - bid >= 0 here, so the half-spread is exact floor and the sum cannot overflow
        Mark(ref _instruments[instrumentId], bidPrice + ((askPrice - bidPrice) >> 1), MarkSource.Quote);
        return true;
    }

    /// <summary>Marks at a last-trade price unless the instrument is already marked by quotes. False if ignored.</summary>
    public bool OnTrade(int instrumentId, long price)
    {
        if ((uint)instrumentId >= (uint)_instrumentCount)
        {
            return false;
        }

        ref InstrumentExposure instrument = ref _instruments[instrumentId];
        if (instrument.MarkSource == MarkSource.Quote)
        {
            return false;
        }

        Mark(ref instrument, price, MarkSource.Trade);
        return true;
    }

    /// <summary>
    /// Starts a trading day: daily P&amp;L (portfolio and per strategy) counts from the current equity. The
    /// high-water mark is all-time and is not reset. O(strategies × instruments); call at the session boundary.
    /// </summary>
    public void StartNewDay()
    {
        _dayStartEquity = Equity;
        for (int s = 0; s < _strategyCount; s++)
        {
            _strategyDayStartEquity[s] = _strategyRealizedPnl[s] + StrategyUnrealizedPnl(s);
        }
    }

    public PortfolioTotals GetTotals() => new(
        _realizedPnl, _unrealizedPnl, _fees, DailyPnl, _highWaterMark, Drawdown, _maxDrawdown, _grossExposure, _netExposure);

    /// <summary>Position of one strategy in one instrument, marked at the instrument's current mark.</summary>
    public PositionView GetPosition(int strategyId, int instrumentId)
    {
        PortfolioThrowHelper.CheckId(strategyId, _strategyCount, nameof(strategyId));
        PortfolioThrowHelper.CheckId(instrumentId, _instrumentCount, nameof(instrumentId));
        ref PositionSlot slot = ref _slots[instrumentId * _strategyCount + strategyId];
        long mark = _instruments[instrumentId].Mark;
        return new PositionView(
            slot.Quantity,
            slot.CostBasis,
            PositionMath.RoundedAverage(slot.CostBasis, slot.Quantity),
            slot.RealizedPnl,
            Unrealized(slot.Quantity, mark, slot.CostBasis),
            slot.Fees,
            mark);
    }

    /// <summary>An instrument's position summed over all strategies.</summary>
    public PositionView GetInstrumentPosition(int instrumentId)
    {
        PortfolioThrowHelper.CheckId(instrumentId, _instrumentCount, nameof(instrumentId));
        ref InstrumentExposure instrument = ref _instruments[instrumentId];
        return new PositionView(
            instrument.Quantity,
            instrument.CostBasis,
            PositionMath.RoundedAverage(instrument.CostBasis, instrument.Quantity),
            instrument.RealizedPnl,
            Unrealized(instrument.Quantity, instrument.Mark, instrument.CostBasis),
            instrument.Fees,
            instrument.Mark);
    }

    public MarkSource GetMarkSource(int instrumentId)
    {
        PortfolioThrowHelper.CheckId(instrumentId, _instrumentCount, nameof(instrumentId));
        return _instruments[instrumentId].MarkSource;
    }

    /// <summary>One strategy's P&amp;L over all instruments. O(instruments): unrealized is summed on read.</summary>
    public StrategyPnl GetStrategyPnl(int strategyId)
    {
        PortfolioThrowHelper.CheckId(strategyId, _strategyCount, nameof(strategyId));
        long unrealized = StrategyUnrealizedPnl(strategyId);
        long realized = _strategyRealizedPnl[strategyId];
        return new StrategyPnl(strategyId, realized, unrealized, _strategyFees[strategyId], realized + unrealized - _strategyDayStartEquity[strategyId]);
    }

    /// <summary>Applies fills in order (journal replay on restart). Returns how many were rejected.</summary>
    public int ApplyFills(ReadOnlySpan<FillRecord> fills)
    {
        int rejected = 0;
        foreach (ref readonly FillRecord fill in fills)
        {
            if (OnFill(fill.StrategyId, fill.InstrumentId, fill.Side, fill.Quantity, fill.Price, fill.Fee) != FillResult.Applied)
            {
                rejected++;
            }
        }

        return rejected;
    }

    /// <summary>Recomputes positions from <paramref name="fills"/> alone and compares; see <see cref="PortfolioReconciler"/>.</summary>
    public ReconciliationResult Reconcile(ReadOnlySpan<FillRecord> fills) => PortfolioReconciler.Reconcile(this, fills);

    /// <summary>Bytes a framed PnlSnapshot of this ledger takes.</summary>
    public int PnlSnapshotLength =>
        PnlSnapshotEncoder.HeaderLength + PnlSnapshotEncoder.BlockLength
        + PnlSnapshotEncoder.StrategiesEncoder.HeaderLength + _strategyCount * PnlSnapshotEncoder.StrategiesEncoder.BlockLength;

    public const int PositionSnapshotLength = PositionSnapshotEncoder.HeaderLength + PositionSnapshotEncoder.BlockLength;

    /// <summary>Encodes a framed SBE PositionSnapshot at <paramref name="offset"/>; returns its length. Flat → avgPrice null.</summary>
    public int WritePositionSnapshot(Span<byte> buffer, int offset, int strategyId, int instrumentId, ulong timestampNs)
    {
        PositionView position = GetPosition(strategyId, instrumentId);
        var encoder = PositionSnapshotEncoder.WrapAndApplyHeader(buffer, offset);
        encoder.InstrumentId = instrumentId;
        encoder.StrategyId = (short)strategyId;
        encoder.Position = position.Quantity;
        encoder.AvgPrice = position.IsFlat ? PositionSnapshotEncoder.AvgPriceNullValue : position.AveragePrice;
        encoder.RealizedPnl = position.RealizedPnl;
        encoder.UnrealizedPnl = position.UnrealizedPnl;
        encoder.Ts = timestampNs;
        return PositionSnapshotEncoder.HeaderLength + encoder.EncodedLength;
    }

    /// <summary>
    /// Encodes a framed SBE PnlSnapshot with one group entry per strategy; returns its length
    /// (<see cref="PnlSnapshotLength"/>). O(strategies × instruments), no allocation: a timer's job.
    /// </summary>
    public int WritePnlSnapshot(Span<byte> buffer, int offset, ulong timestampNs)
    {
        var encoder = PnlSnapshotEncoder.WrapAndApplyHeader(buffer, offset);
        encoder.RealizedPnl = _realizedPnl;
        encoder.UnrealizedPnl = _unrealizedPnl;
        encoder.DailyPnl = DailyPnl;
        encoder.HighWaterMark = _highWaterMark;
        encoder.Drawdown = Drawdown;
        encoder.GrossExposure = _grossExposure;
        encoder.NetExposure = _netExposure;
        encoder.Ts = timestampNs;
        var strategies = encoder.StrategiesCount(_strategyCount);
        for (int s = 0; s < _strategyCount; s++)
        {
            strategies.Next();
            strategies.StrategyId = (short)s;
            strategies.RealizedPnl = _strategyRealizedPnl[s];
            strategies.UnrealizedPnl = StrategyUnrealizedPnl(s);
        }

        return PnlSnapshotEncoder.HeaderLength + encoder.EncodedLength;
    }

    /// <summary>Raw slot for the reconciler; ids already validated by the caller.</summary>
    internal ref readonly PositionSlot Slot(int strategyId, int instrumentId) => ref _slots[instrumentId * _strategyCount + strategyId];

    private long StrategyUnrealizedPnl(int strategyId)
    {
        long sum = 0;
        for (int i = 0; i < _instrumentCount; i++)
        {
            ref PositionSlot slot = ref _slots[i * _strategyCount + strategyId];
            if (slot.Quantity != 0)
            {
                sum += Unrealized(slot.Quantity, _instruments[i].Mark, slot.CostBasis);
            }
        }

        return sum;
    }

    private void Mark(ref InstrumentExposure instrument, long price, MarkSource source)
    {
        if (instrument.Quantity == 0)
        {
            // Flat (most instruments on most quotes): quantity × mark is 0 at any mark, so unrealized P&L stays
            // −cost basis and only the exposure left from the last revaluation goes. Same totals as Revalue,
            // without its two 128-bit products.
            long flatOldNet = instrument.NetExposure;
            instrument.Mark = price;
            instrument.MarkSource = source;
            instrument.NetExposure = 0;
            _netExposure -= flatOldNet;
            _grossExposure -= Math.Abs(flatOldNet);
            TrackHighWater();
            return;
        }

        // Unrealized P&L moves by quantity × (new mark − old mark): the cost basis cancels. Totals are kept modulo
        // 2^64 (what the truncating casts of the 128-bit values always gave), so the low 64 bits of that product are
        // the same change to the last unit, without the two 128-bit products of a full revaluation.
        long quantity = instrument.Quantity;
        long oldNet = instrument.NetExposure;
        long net = unchecked(quantity * price);
        long unrealizedChange = unchecked(quantity * (price - instrument.Mark));
        instrument.Mark = price;
        instrument.MarkSource = source;
        instrument.NetExposure = net;
        _netExposure += net - oldNet;
        _grossExposure += Math.Abs(net) - Math.Abs(oldNet);
        _unrealizedPnl += unrealizedChange;
        TrackHighWater();
    }

    /// <summary>Re-derives the instrument's exposure at its mark and moves the totals by the change.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Revalue(ref InstrumentExposure instrument, long oldNet, long oldUnrealized)
    {
        // the low 64 bits of quantity × mark (see Unrealized): exposures must fit in a long anyway
        long net = unchecked(instrument.Quantity * instrument.Mark);
        instrument.NetExposure = net;
        _netExposure += net - oldNet;
        _grossExposure += Math.Abs(net) - Math.Abs(oldNet);
        _unrealizedPnl += Unrealized(instrument.Quantity, instrument.Mark, instrument.CostBasis) - oldUnrealized;
        TrackHighWater();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TrackHighWater()
    {
        long equity = _realizedPnl + _unrealizedPnl;
        if (equity > _highWaterMark)
        {
            _highWaterMark = equity;
        }

        long drawdown = _highWaterMark - equity;
        if (drawdown > _maxDrawdown)
        {
            _maxDrawdown = drawdown;
        }
    }

    /// <summary>
    /// quantity × mark − cost basis from the exact 128-bit product, so unrealized P&amp;L is right whenever it fits
    /// in a long, even for a position whose notional does not.
    /// </summary>
    /// <remarks>
    /// The low 64 bits of the 128-bit difference are the difference of the operands' low 64 bits, and those of
    /// quantity × mark are the wrapping 64-bit product: the same value as the 128-bit expression, with no 128-bit
    /// multiply (OnFill_LargeNotional_DoesNotOverflowCostBasis marks a notional beyond the long range; the property
    /// tests compare against a BigInteger model).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Unrealized(long quantity, long mark, Int128 costBasis) =>
        unchecked((quantity * mark) - (long)costBasis);

    public void Dispose()
    {
        _slots = null;
        _instruments = null;
        _slotMemory.Dispose();
        _instrumentMemory.Dispose();
    }
}
