using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.Ipc;
using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>
/// Turns IEX-TP TOPS 1.6 and DEEP 1.0 messages into the engine's SBE market data on md.ring: quote update →
/// Quote (two-sided only: the trader's books and validation expect both sides), trade report → Trade, DEEP
/// price level update (buy '8', sell '5') → BookLevelUpdate (size 0 deletes the level), trading status →
/// InstrumentStatus. Symbols the engine does not trade are skipped and counted; the other message types (system
/// event, security directory, halts, short-sale test, official price, trade break, auction information,
/// security event, DEEP+ order messages) are counted as ignored. IEX timestamps are already UTC epoch ns.
/// Allocation-free; a full md.ring is counted in <see cref="RingFull"/>.
/// </summary>
public struct IexSbePublisher : IIexHandler, ISequencedMessageHandler
{
    private readonly RingBuffer _ring;
    private readonly IexSymbolIndex _symbols;
    private readonly byte _feedId;

    /// <param name="symbols">The engine's instruments in id order (<see cref="IexInstrumentMap.For"/>).</param>
    public IexSbePublisher(RingBuffer ring, IexSymbolIndex symbols, byte feedId)
    {
        _ring = ring;
        _symbols = symbols;
        _feedId = feedId;
        Protocol = IexProtocol.Unknown;
        ReceiveTs = 0;
        Published = 0;
        Skipped = 0;
        Ignored = 0;
        OneSided = 0;
        Malformed = 0;
        RingFull = 0;
    }

    /// <summary>The message protocol of the messages handed to <see cref="OnMessage"/> (the channel's).</summary>
    public IexProtocol Protocol;

    /// <summary>
    /// One message from a sequenced channel (<see cref="IexTpReceiver"/>), read as <see cref="Protocol"/> and stamped
    /// with <see cref="ReceiveTs"/> (when it reached the feed agent; a message held behind a gap reaches the trader
    /// only when released).
    /// </summary>
    public void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs) => IexParser.Parse(Protocol, message, ref this);

    /// <summary>Receive stamp (monotonic ns) the next messages carry; set per segment by the caller.</summary>
    public long ReceiveTs;

    public long Published;

    /// <summary>Messages for symbols the engine does not trade.</summary>
    public long Skipped;

    /// <summary>Messages of types the trader does not use.</summary>
    public long Ignored;

    /// <summary>Quote updates with a side missing (not published).</summary>
    public long OneSided;

    public long Malformed;

    public long RingFull;

    public void OnQuoteUpdate(QuoteUpdateMessage message)
    {
        int instrumentId = _symbols.Find(message.Symbol.Key);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        if (message.BidSize == 0 || message.AskSize == 0 || message.RawBidPrice <= 0 || message.RawAskPrice <= 0)
        {
            OneSided++;
            return;
        }

        if (!MarketDataRecords.TryWriteQuote(_ring, instrumentId, _feedId, message.BidPrice, message.BidSize, message.AskPrice, message.AskSize, message.Timestamp, ReceiveTs))
        {
            RingFull++;
            return;
        }

        Published++;
    }

    public void OnTradeReport(TradeReportMessage message)
    {
        int instrumentId = _symbols.Find(message.Symbol.Key);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        if (!MarketDataRecords.TryWriteTrade(_ring, instrumentId, _feedId, AggressorSide.Unknown, message.Price, message.Size, message.TradeId, message.Timestamp, ReceiveTs))
        {
            RingFull++;
            return;
        }

        Published++;
    }

    public void OnPriceLevelUpdate(PriceLevelUpdateMessage message)
    {
        int instrumentId = _symbols.Find(message.Symbol.Key);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        const int length = BookLevelUpdateEncoder.HeaderLength + BookLevelUpdateEncoder.BlockLength;
        int index = _ring.TryClaim(BookLevelUpdateEncoder.TemplateId, length);
        if (index < 0)
        {
            RingFull++;
            return;
        }

        var level = BookLevelUpdateEncoder.WrapAndApplyHeader(_ring.Buffer.AsSpan(index, length), 0);
        level.SetInstrumentId(instrumentId);
        level.SetSide(message.Side);
        level.SetAction(message.Size == 0 ? BookAction.Delete : BookAction.Change);
        level.SetFeedId(_feedId);
        level.SetLevel(255);
        level.SetPrice(message.Price);
        level.SetSize(message.Size);
        level.SetOrderCount(BookLevelUpdateEncoder.OrderCountNullValue);
        level.SetExchangeTs((ulong)message.Timestamp);
        level.SetReceiveTs((ulong)ReceiveTs);
        Commit(index);
    }

    public void OnTradingStatus(TradingStatusMessage message)
    {
        int instrumentId = _symbols.Find(message.Symbol.Key);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        TradingStatus status;
        switch (message.TradingStatus)
        {
            case (byte)'T':
                status = TradingStatus.Trading;
                break;
            case (byte)'H':
                status = TradingStatus.Halted;
                break;
            case (byte)'P':
                status = TradingStatus.Paused;
                break;
            case (byte)'O':
                status = TradingStatus.PreOpen;
                break;
            default:
                Malformed++;
                return;
        }

        if (!MarketDataRecords.TryWriteStatus(_ring, instrumentId, _feedId, status, message.Timestamp))
        {
            RingFull++;
            return;
        }

        Published++;
    }

    public void OnSystemEvent(SystemEventMessage message) => Ignored++;

    public void OnSecurityDirectory(SecurityDirectoryMessage message) => Ignored++;

    public void OnRetailLiquidityIndicator(RetailLiquidityIndicatorMessage message) => Ignored++;

    public void OnOperationalHaltStatus(OperationalHaltStatusMessage message) => Ignored++;

    public void OnShortSalePriceTestStatus(ShortSalePriceTestStatusMessage message) => Ignored++;

    public void OnSecurityEvent(SecurityEventMessage message) => Ignored++;

    public void OnOfficialPrice(OfficialPriceMessage message) => Ignored++;

    public void OnTradeBreak(TradeBreakMessage message) => Ignored++;

    public void OnAuctionInformation(AuctionInformationMessage message) => Ignored++;

    public void OnAddOrder(AddOrderMessage message) => Ignored++;

    public void OnOrderModify(OrderModifyMessage message) => Ignored++;

    public void OnOrderDelete(OrderDeleteMessage message) => Ignored++;

    public void OnOrderExecuted(OrderExecutedMessage message) => Ignored++;

    public void OnClearBook(ClearBookMessage message) => Ignored++;

    public void OnMalformed(IexMalformedReason reason, ReadOnlySpan<byte> message) => Malformed++;

    private void Commit(int index)
    {
        _ring.Commit(index);
        Published++;
    }
}
