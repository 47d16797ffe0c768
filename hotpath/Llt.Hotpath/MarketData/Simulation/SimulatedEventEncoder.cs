using System.Runtime.CompilerServices;
using Llt.Sbe;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// Encodes a <see cref="SimulatedEvent"/> as a complete SBE message (8-byte header + body): a Quote flagged
/// Synthetic, or a Trade. The ring record convention is msgTypeId = templateId = (int)<see cref="SimulatedEvent.Kind"/>.
/// </summary>
public static class SimulatedEventEncoder
{
    public const int QuoteLength = QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength;
    public const int TradeLength = TradeEncoder.HeaderLength + TradeEncoder.BlockLength;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int EncodedLength(SimulatedEventKind kind) => kind == SimulatedEventKind.Quote ? QuoteLength : TradeLength;

    /// <summary>Writes the message at the start of <paramref name="destination"/> (at least <see cref="EncodedLength"/> bytes).</summary>
    /// <returns>Bytes written.</returns>
    public static int Encode(in SimulatedEvent simulatedEvent, Span<byte> destination, byte feedId, long receiveTs)
    {
        if (simulatedEvent.Kind == SimulatedEventKind.Quote)
        {
            QuoteEncoder quote = QuoteEncoder.WrapAndApplyHeader(destination, 0);
            quote.SetInstrumentId(simulatedEvent.InstrumentId);
            quote.SetFlags(QuoteFlags.Synthetic);
            quote.SetFeedId(feedId);
            quote.SetBidPrice(simulatedEvent.BidPrice);
            quote.SetBidSize(simulatedEvent.BidSize);
            quote.SetAskPrice(simulatedEvent.AskPrice);
            quote.SetAskSize(simulatedEvent.AskSize);
            quote.SetExchangeTs((ulong)simulatedEvent.ExchangeTs);
            quote.SetReceiveTs((ulong)receiveTs);
            return QuoteEncoder.HeaderLength + quote.EncodedLength;
        }

        TradeEncoder trade = TradeEncoder.WrapAndApplyHeader(destination, 0);
        trade.SetInstrumentId(simulatedEvent.InstrumentId);
        trade.SetAggressor(simulatedEvent.Aggressor);
        trade.SetFeedId(feedId);
        trade.SetPrice(simulatedEvent.TradePrice);
        trade.SetSize(simulatedEvent.TradeSize);
        trade.SetTradeId((ulong)simulatedEvent.TradeId);
        trade.SetExchangeTs((ulong)simulatedEvent.ExchangeTs);
        trade.SetReceiveTs((ulong)receiveTs);
        return TradeEncoder.HeaderLength + trade.EncodedLength;
    }
}
