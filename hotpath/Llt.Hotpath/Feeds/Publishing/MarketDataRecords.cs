using Llt.Hotpath.Ipc;
using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>
/// Encodes the market data records every feed handler writes (Quote, Trade, InstrumentStatus) in place into a ring:
/// claim, encode, commit — no copy. False when the ring has no room (the caller counts it).
/// </summary>
public static class MarketDataRecords
{
    private const int QuoteLength = QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength;
    private const int TradeLength = TradeEncoder.HeaderLength + TradeEncoder.BlockLength;
    private const int StatusLength = InstrumentStatusEncoder.HeaderLength + InstrumentStatusEncoder.BlockLength + 4;

    public static bool TryWriteQuote(
        RingBuffer ring, int instrumentId, byte feedId, long bidPrice, long bidSize, long askPrice, long askSize, long exchangeTs, long receiveTs)
    {
        int index = ring.TryClaim(QuoteEncoder.TemplateId, QuoteLength);
        if (index < 0)
        {
            return false;
        }

        var quote = QuoteEncoder.WrapAndApplyHeader(ring.Buffer.AsSpan(index, QuoteLength), 0);
        quote.SetInstrumentId(instrumentId);
        quote.SetFlags(QuoteFlags.None);
        quote.SetFeedId(feedId);
        quote.SetBidPrice(bidPrice);
        quote.SetBidSize(bidSize);
        quote.SetAskPrice(askPrice);
        quote.SetAskSize(askSize);
        quote.SetExchangeTs((ulong)exchangeTs);
        quote.SetReceiveTs((ulong)receiveTs);
        ring.Commit(index);
        return true;
    }

    public static bool TryWriteTrade(
        RingBuffer ring, int instrumentId, byte feedId, AggressorSide aggressor, long price, long size, long tradeId, long exchangeTs, long receiveTs)
    {
        int index = ring.TryClaim(TradeEncoder.TemplateId, TradeLength);
        if (index < 0)
        {
            return false;
        }

        var trade = TradeEncoder.WrapAndApplyHeader(ring.Buffer.AsSpan(index, TradeLength), 0);
        trade.SetInstrumentId(instrumentId);
        trade.SetAggressor(aggressor);
        trade.SetFeedId(feedId);
        trade.SetPrice(price);
        trade.SetSize(size);
        trade.SetTradeId((ulong)tradeId);
        trade.SetExchangeTs((ulong)exchangeTs);
        trade.SetReceiveTs((ulong)receiveTs);
        ring.Commit(index);
        return true;
    }

    public static bool TryWriteStatus(RingBuffer ring, int instrumentId, byte feedId, TradingStatus status, long exchangeTs)
    {
        int index = ring.TryClaim(InstrumentStatusEncoder.TemplateId, StatusLength);
        if (index < 0)
        {
            return false;
        }

        var instrumentStatus = InstrumentStatusEncoder.WrapAndApplyHeader(ring.Buffer.AsSpan(index, StatusLength), 0);
        instrumentStatus.SetInstrumentId(instrumentId);
        instrumentStatus.SetStatus(status);
        instrumentStatus.SetFeedId(feedId);
        instrumentStatus.SetExchangeTs((ulong)exchangeTs);
        instrumentStatus.SetReason(ReadOnlySpan<byte>.Empty);
        ring.Commit(index);
        return true;
    }
}
