using System.Runtime.CompilerServices;

namespace Llt.Hotpath.MarketData.Validation;

/// <summary>
/// Edge-of-engine plausibility checks for quotes and trades, applied before anything downstream sees a
/// tick. A tick that passes is applied to the instrument's <see cref="InstrumentState"/> (top of book,
/// last trade, timestamps, return statistics); one that fails changes nothing and returns its reason.
/// Rules, in order: positive prices and sizes, prices on the tick grid, bid below ask (a locked or crossed
/// quote is rejected), exchange timestamps never going backwards per instrument, exact duplicates, and
/// price spikes beyond <see cref="SpikeSigmas"/> standard deviations of recent tick-to-tick relative moves.
/// A spike that the next <see cref="SpikeConfirmations"/> ticks confirm is a real jump and is accepted.
/// </summary>
public sealed class TickValidator
{
    /// <summary>EWMA weight of the newest squared return (about a 40-tick memory).</summary>
    private const double VarianceAlpha = 0.05;

    private readonly double _spikeSigmas;
    // SpikeSigmas², the factor the variance is compared with (the same product the check always formed first)
    private readonly double _spikeSigmasSquared;
    private readonly int _minSamples;
    private readonly int _spikeConfirmations;

    public TickValidator(double spikeSigmas = 10.0, int minSamples = 50, int spikeConfirmations = 3)
    {
        if (!(spikeSigmas > 0) || minSamples < 1 || spikeConfirmations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(spikeSigmas), "spike sigmas > 0, min samples >= 1, confirmations >= 1");
        }

        _spikeSigmas = spikeSigmas;
        _spikeSigmasSquared = spikeSigmas * spikeSigmas;
        _minSamples = minSamples;
        _spikeConfirmations = spikeConfirmations;
    }

    public double SpikeSigmas => _spikeSigmas;

    public int MinSamples => _minSamples;

    public int SpikeConfirmations => _spikeConfirmations;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TickRejectReason TryApplyQuote(ref InstrumentState state, long bidPrice, long bidSize, long askPrice, long askSize, long exchangeTs)
    {
        if (bidPrice <= 0 || askPrice <= 0)
        {
            return TickRejectReason.NonPositivePrice;
        }

        if (bidSize <= 0 || askSize <= 0)
        {
            return TickRejectReason.NonPositiveSize;
        }

        if (!state.IsOnTickGrid(bidPrice) || !state.IsOnTickGrid(askPrice))
        {
            return TickRejectReason.OffTickGrid;
        }

        if (bidPrice >= askPrice)
        {
            return TickRejectReason.CrossedBook;
        }

        if (exchangeTs < state.LastExchangeTs)
        {
            return TickRejectReason.TimestampBackwards;
        }

        if (exchangeTs == state.LastExchangeTs && bidPrice == state.BidPrice && askPrice == state.AskPrice
            && bidSize == state.BidSize && askSize == state.AskSize)
        {
            return TickRejectReason.Duplicate;
        }

        long mid = (bidPrice + askPrice) >> 1;
        if (IsSpike(ref state, mid))
        {
            return TickRejectReason.PriceSpike;
        }

        state.BidPrice = bidPrice;
        state.BidSize = bidSize;
        state.AskPrice = askPrice;
        state.AskSize = askSize;
        state.LastExchangeTs = exchangeTs;
        state.QuoteCount++;
        return TickRejectReason.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TickRejectReason TryApplyTrade(ref InstrumentState state, long price, long size, long tradeId, long exchangeTs)
    {
        if (price <= 0)
        {
            return TickRejectReason.NonPositivePrice;
        }

        if (size <= 0)
        {
            return TickRejectReason.NonPositiveSize;
        }

        if (!state.IsOnTickGrid(price))
        {
            return TickRejectReason.OffTickGrid;
        }

        if (exchangeTs < state.LastExchangeTs)
        {
            return TickRejectReason.TimestampBackwards;
        }

        if (tradeId != 0 && tradeId == state.LastTradeId)
        {
            return TickRejectReason.Duplicate;
        }

        if (IsSpike(ref state, price))
        {
            return TickRejectReason.PriceSpike;
        }

        state.LastPrice = price;
        state.LastSize = size;
        state.LastTradeId = tradeId;
        state.LastExchangeTs = exchangeTs;
        state.TradeCount++;
        return TickRejectReason.None;
    }

    /// <summary>
    /// True when <paramref name="price"/> moved more than the spike threshold from the reference price;
    /// otherwise folds the move into the return statistics and makes it the new reference.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSpike(ref InstrumentState state, long price)
    {
        long reference = state.StatsReferencePrice;
        if (reference <= 0)
        {
            state.StatsReferencePrice = price;
            return false;
        }

        double move = (price - reference) / (double)reference;
        double squared = move * move;
        // Within the threshold of the plain variance is within it of the floored one too (the floor only raises it,
        // and rounding is monotonic), so most ticks skip the floor's division and the max.
        if (state.ReturnSamples >= _minSamples && squared > _spikeSigmasSquared * state.ReturnVariance)
        {
            // A floor of one tick keeps a perfectly flat history from flagging the first tick-sized move.
            double tickMove = state.TickSize / (double)reference;
            double variance = Math.Max(state.ReturnVariance, tickMove * tickMove);
            if (squared > _spikeSigmasSquared * variance)
            {
                if (++state.ConsecutiveSpikes < _spikeConfirmations)
                {
                    return true;
                }

                // Confirmed by consecutive ticks: a real jump. Accept and restart the statistics from it,
                // so the jump does not inflate the variance for the next 40 ticks.
                state.ConsecutiveSpikes = 0;
                state.StatsReferencePrice = price;
                return false;
            }
        }

        state.ConsecutiveSpikes = 0;
        state.ReturnVariance += VarianceAlpha * (squared - state.ReturnVariance);
        state.ReturnSamples++;
        state.StatsReferencePrice = price;
        return false;
    }
}
