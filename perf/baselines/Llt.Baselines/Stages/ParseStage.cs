using System.Threading.Channels;
using Llt.Baselines.Messages;
using Llt.Codecs.Runtime;
using Llt.Sbe;

namespace Llt.Baselines.Stages;

/// <summary>Decodes each SBE packet (checked decode, as the engine does) into a new message object.</summary>
public sealed class ParseStage
{
    private long _parsed;
    private long _rejected;

    public long Parsed => Interlocked.Read(ref _parsed);

    public long Rejected => Interlocked.Read(ref _rejected);

    public async Task RunAsync(ChannelReader<InboundPacket> input, ChannelWriter<MarketMessage> output, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (InboundPacket packet in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                MarketMessage? message = Parse(packet);
                if (message is null)
                {
                    Interlocked.Increment(ref _rejected);
                    continue;
                }

                Interlocked.Increment(ref _parsed);
                await output.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    public static MarketMessage? Parse(InboundPacket packet)
    {
        ReadOnlySpan<byte> bytes = packet.Payload.Span;
        if (bytes.Length < MessageHeaderDecoder.EncodedLength)
        {
            return null;
        }

        switch (new MessageHeaderDecoder(bytes, 0).TemplateId)
        {
            case QuoteDecoder.TemplateId:
                if (QuoteDecoder.TryDecode(bytes, 0, out QuoteDecoder quote, out _) != SbeDecodeStatus.Ok)
                {
                    return null;
                }

                return new QuoteMessage(quote.InstrumentId, ToDecimal(quote.BidPrice), quote.BidSize, ToDecimal(quote.AskPrice), quote.AskSize,
                    (long)quote.ExchangeTs, packet.ReceivedTimestamp);
            case TradeDecoder.TemplateId:
                if (TradeDecoder.TryDecode(bytes, 0, out TradeDecoder trade, out _) != SbeDecodeStatus.Ok)
                {
                    return null;
                }

                return new TradeMessage(trade.InstrumentId, ToDecimal(trade.Price), trade.Size,
                    trade.Aggressor == AggressorSide.Buy ? OrderSide.Buy : OrderSide.Sell, (long)trade.TradeId, (long)trade.ExchangeTs, packet.ReceivedTimestamp);
            default:
                return null;
        }
    }

    // wire prices are fixed-point 10^-8
    private static decimal ToDecimal(long raw) => raw / 100_000_000m;
}
