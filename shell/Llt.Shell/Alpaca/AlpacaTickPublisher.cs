using Llt.Hotpath.Ipc;
using Llt.Hotpath.Runtime;
using Llt.Sbe;

namespace Llt.Shell.Alpaca;

/// <summary>
/// Puts Alpaca's trades and quotes on the engine's md.ring as SBE Trade and Quote, under the engine's instrument ids
/// and the configured feedId, stamped with the monotonic receive time: from there on an Alpaca tick is validated,
/// booked and traded exactly like one from the simulator or an exchange feed. Symbols the engine does not trade,
/// one-sided quotes and a full ring are counted, never thrown.
/// </summary>
public sealed class AlpacaTickPublisher
{
    private readonly RingBuffer _ring;
    private readonly Dictionary<string, int> _instruments;
    private readonly byte _feedId;
    private readonly byte[] _buffer = new byte[128];

    public AlpacaTickPublisher(RingBuffer ring, IReadOnlyList<string> symbols, byte feedId)
    {
        _ring = ring;
        _feedId = feedId;
        _instruments = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < symbols.Count; i++)
        {
            _instruments[symbols[i]] = i;
        }
    }

    public long Quotes { get; private set; }

    public long Trades { get; private set; }

    public long UnknownSymbols { get; private set; }

    public long OneSided { get; private set; }

    public long RingFull { get; private set; }

    public void Publish(in AlpacaQuote quote)
    {
        if (!_instruments.TryGetValue(quote.Symbol, out int instrumentId))
        {
            UnknownSymbols++;
            return;
        }

        if (quote.BidPrice <= 0 || quote.AskPrice <= 0 || quote.BidSize <= 0 || quote.AskSize <= 0)
        {
            OneSided++;
            return;
        }

        var encoder = QuoteEncoder.WrapAndApplyHeader(_buffer, 0);
        encoder.SetInstrumentId(instrumentId);
        encoder.SetFlags(QuoteFlags.None);
        encoder.SetFeedId(_feedId);
        encoder.SetBidPrice(quote.BidPrice);
        encoder.SetBidSize(quote.BidSize);
        encoder.SetAskPrice(quote.AskPrice);
        encoder.SetAskSize(quote.AskSize);
        encoder.SetExchangeTs((ulong)quote.TimestampNs);
        encoder.SetReceiveTs((ulong)SystemNanoClock.Now());
        if (Write(QuoteEncoder.TemplateId, QuoteEncoder.HeaderLength + encoder.EncodedLength))
        {
            Quotes++;
        }
    }

    public void Publish(in AlpacaTrade trade)
    {
        if (!_instruments.TryGetValue(trade.Symbol, out int instrumentId))
        {
            UnknownSymbols++;
            return;
        }

        var encoder = TradeEncoder.WrapAndApplyHeader(_buffer, 0);
        encoder.SetInstrumentId(instrumentId);
        encoder.SetAggressor(AggressorSide.Unknown);
        encoder.SetFeedId(_feedId);
        encoder.SetPrice(trade.Price);
        encoder.SetSize(trade.Size);
        encoder.SetTradeId((ulong)trade.TradeId);
        encoder.SetExchangeTs((ulong)trade.TimestampNs);
        encoder.SetReceiveTs((ulong)SystemNanoClock.Now());
        if (Write(TradeEncoder.TemplateId, TradeEncoder.HeaderLength + encoder.EncodedLength))
        {
            Trades++;
        }
    }

    /// <summary>Tells failover the line is alive, gapped or gone (FeedHealth).</summary>
    public void PublishHealth(FeedSignal signal)
    {
        var encoder = FeedHealthEncoder.WrapAndApplyHeader(_buffer, 0);
        encoder.SetFeedId(_feedId);
        encoder.SetSignal(signal);
        encoder.SetSequence(0);
        encoder.SetGapCount(0);
        encoder.SetReceiveTs((ulong)SystemNanoClock.Now());
        Write(FeedHealthEncoder.TemplateId, FeedHealthEncoder.HeaderLength + encoder.EncodedLength);
    }

    private bool Write(int templateId, int length)
    {
        if (_ring.Write(templateId, _buffer.AsSpan(0, length)) == WriteResult.Success)
        {
            return true;
        }

        RingFull++;
        return false;
    }
}
