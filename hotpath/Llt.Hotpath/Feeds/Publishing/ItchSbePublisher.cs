using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Ipc;
using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>
/// Turns NASDAQ TotalView-ITCH 5.0 messages into the engine's SBE market data on md.ring, the way every feed
/// reaches the trader: add order ('A', 'F') → OrderAdd, executed ('E') → OrderExecute, executed with price ('C')
/// → OrderExecute + Trade at the execution price, cancel ('X') → OrderCancel, delete ('D') → OrderDelete,
/// replace ('U') → OrderModify with the new id, non-cross trade ('P') and cross trade ('Q') → Trade, trading
/// action ('H') → InstrumentStatus. Stock directory ('R') messages map the day's stock locate codes onto the
/// engine's instrument ids by symbol; messages for stocks the engine does not trade are skipped (counted).
/// The remaining types (system event, Reg SHO, MPP, MWCB, IPO, LULD, operational halt, broken trade, NOII,
/// RPII, DLCR) carry nothing the trader's books use and are counted. Timestamps: exchangeTs is the ITCH
/// nanoseconds-since-midnight plus <see cref="SessionDateEpochNs"/>; receiveTs is the caller's receive stamp.
/// Allocation-free; a full ring is reported as <see cref="RingFull"/> and the message is not lost silently.
/// As an <see cref="IMoldUdp64MessageHandler"/> it takes the messages a <c>MoldUdp64Receiver</c> delivers.
/// </summary>
public struct ItchSbePublisher : IItchHandler, IMoldUdp64MessageHandler
{
    private readonly RingBuffer _ring;
    private readonly ItchLocateIndex _locates;
    private readonly byte _feedId;

    /// <param name="locates">The engine's instruments, registered in id order (<see cref="ItchInstrumentMap.For"/>).</param>
    public ItchSbePublisher(RingBuffer ring, ItchLocateIndex locates, byte feedId, long sessionDateEpochNs)
    {
        _ring = ring;
        _locates = locates;
        _feedId = feedId;
        SessionDateEpochNs = sessionDateEpochNs;
        ReceiveTs = 0;
        Published = 0;
        Skipped = 0;
        Ignored = 0;
        Malformed = 0;
        RingFull = 0;
        Mapped = 0;
    }

    /// <summary>
    /// One message from a sequenced line. It is stamped with <see cref="ReceiveTs"/> (when it reached the engine's
    /// feed agent, set by the caller), not with its packet's receive time: a message held behind a gap reaches
    /// the trader only when it is released.
    /// </summary>
    public void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs) => ItchParser.Parse(message, ref this);

    /// <summary>Midnight (UTC epoch ns) of the trading day the ITCH timestamps count from.</summary>
    public long SessionDateEpochNs;

    /// <summary>Receive stamp (monotonic ns) the next messages carry; set per packet by the caller.</summary>
    public long ReceiveTs;

    /// <summary>SBE messages written to the ring.</summary>
    public long Published;

    /// <summary>ITCH messages for stocks the engine does not trade (or before their directory message).</summary>
    public long Skipped;

    /// <summary>ITCH messages of types the trader does not use.</summary>
    public long Ignored;

    public long Malformed;

    /// <summary>SBE messages that did not fit in md.ring (the trader is behind).</summary>
    public long RingFull;

    /// <summary>Stock locates mapped to an engine instrument by a directory message.</summary>
    public long Mapped;

    public readonly int InstrumentOf(ushort stockLocate) => _locates.InstrumentOf(stockLocate);

    public void OnStockDirectory(ItchStockDirectory message)
    {
        bool known = _locates.InstrumentOf(message.StockLocate) >= 0;
        if (_locates.OnDirectory(message.StockLocate, message.Symbol) < 0)
        {
            Skipped++;
        }
        else if (!known)
        {
            Mapped++;
        }
    }

    public void OnAddOrder(ItchAddOrder message) =>
        Add(message.StockLocate, message.Timestamp, message.OrderReferenceNumber, message.BuySellIndicator, message.Shares, message.Price);

    public void OnAddOrderMpid(ItchAddOrderMpid message) =>
        Add(message.StockLocate, message.Timestamp, message.OrderReferenceNumber, message.BuySellIndicator, message.Shares, message.Price);

    public void OnOrderExecuted(ItchOrderExecuted message)
    {
        int instrumentId = _locates.InstrumentOf(message.StockLocate);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        Execute(instrumentId, message.Timestamp, message.OrderReferenceNumber, message.ExecutedShares);
    }

    public void OnOrderExecutedWithPrice(ItchOrderExecutedWithPrice message)
    {
        int instrumentId = _locates.InstrumentOf(message.StockLocate);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        Execute(instrumentId, message.Timestamp, message.OrderReferenceNumber, message.ExecutedShares);
        // 'C' prints at its own price; a non-printable one (Printable 'N') moves the book but is no trade
        if (message.Printable == 'Y')
        {
            PublishTrade(instrumentId, message.Timestamp, message.ExecutionPrice, message.ExecutedShares, message.MatchNumber, AggressorSide.Unknown);
        }
    }

    public void OnOrderCancel(ItchOrderCancel message)
    {
        int instrumentId = _locates.InstrumentOf(message.StockLocate);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        const int length = OrderCancelEncoder.HeaderLength + OrderCancelEncoder.BlockLength;
        int index = _ring.TryClaim(OrderCancelEncoder.TemplateId, length);
        if (index < 0)
        {
            RingFull++;
            return;
        }

        var cancel = OrderCancelEncoder.WrapAndApplyHeader(_ring.Buffer.AsSpan(index, length), 0);
        cancel.SetInstrumentId(instrumentId);
        cancel.SetFeedId(_feedId);
        cancel.SetOrderId((ulong)message.OrderReferenceNumber);
        cancel.SetCanceledSize(message.CanceledShares);
        cancel.SetExchangeTs((ulong)(SessionDateEpochNs + message.Timestamp));
        cancel.SetReceiveTs((ulong)ReceiveTs);
        Commit(index);
    }

    public void OnOrderDelete(ItchOrderDelete message)
    {
        int instrumentId = _locates.InstrumentOf(message.StockLocate);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        const int length = OrderDeleteEncoder.HeaderLength + OrderDeleteEncoder.BlockLength;
        int index = _ring.TryClaim(OrderDeleteEncoder.TemplateId, length);
        if (index < 0)
        {
            RingFull++;
            return;
        }

        var delete = OrderDeleteEncoder.WrapAndApplyHeader(_ring.Buffer.AsSpan(index, length), 0);
        delete.SetInstrumentId(instrumentId);
        delete.SetFeedId(_feedId);
        delete.SetOrderId((ulong)message.OrderReferenceNumber);
        delete.SetExchangeTs((ulong)(SessionDateEpochNs + message.Timestamp));
        delete.SetReceiveTs((ulong)ReceiveTs);
        Commit(index);
    }

    public void OnOrderReplace(ItchOrderReplace message)
    {
        int instrumentId = _locates.InstrumentOf(message.StockLocate);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        const int length = OrderModifyEncoder.HeaderLength + OrderModifyEncoder.BlockLength;
        int index = _ring.TryClaim(OrderModifyEncoder.TemplateId, length);
        if (index < 0)
        {
            RingFull++;
            return;
        }

        var modify = OrderModifyEncoder.WrapAndApplyHeader(_ring.Buffer.AsSpan(index, length), 0);
        modify.SetInstrumentId(instrumentId);
        modify.SetFeedId(_feedId);
        modify.SetOrderId((ulong)message.OriginalOrderReferenceNumber);
        modify.SetNewOrderId((ulong)message.NewOrderReferenceNumber);
        modify.SetPrice(message.Price);
        modify.SetSize(message.Shares);
        modify.SetExchangeTs((ulong)(SessionDateEpochNs + message.Timestamp));
        modify.SetReceiveTs((ulong)ReceiveTs);
        Commit(index);
    }

    public void OnTrade(ItchTrade message)
    {
        int instrumentId = _locates.InstrumentOf(message.StockLocate);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        // 'P' reports a match against a hidden order: the side is the resting (hidden) order's, so the aggressor is the other
        AggressorSide aggressor = message.BuySellIndicator switch
        {
            'B' => AggressorSide.Sell,
            'S' => AggressorSide.Buy,
            _ => AggressorSide.Unknown,
        };
        PublishTrade(instrumentId, message.Timestamp, message.Price, message.Shares, message.MatchNumber, aggressor);
    }

    public void OnCrossTrade(ItchCrossTrade message)
    {
        int instrumentId = _locates.InstrumentOf(message.StockLocate);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        if (message.Shares > 0)
        {
            PublishTrade(instrumentId, message.Timestamp, message.CrossPrice, (long)message.Shares, message.MatchNumber, AggressorSide.Unknown);
        }
    }

    public void OnStockTradingAction(ItchStockTradingAction message)
    {
        int instrumentId = _locates.Find(message.Symbol);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        TradingStatus status;
        switch (message.TradingState)
        {
            case 'T':
                status = TradingStatus.Trading;
                break;
            case 'H':
                status = TradingStatus.Halted;
                break;
            case 'P':
                status = TradingStatus.Paused;
                break;
            case 'Q':
                status = TradingStatus.PreOpen;
                break;
            default:
                Malformed++;
                return;
        }

        if (!MarketDataRecords.TryWriteStatus(_ring, instrumentId, _feedId, status, SessionDateEpochNs + message.Timestamp))
        {
            RingFull++;
            return;
        }

        Published++;
    }

    public void OnSystemEvent(ItchSystemEvent message) => Ignored++;

    public void OnRegShoRestriction(ItchRegShoRestriction message) => Ignored++;

    public void OnMarketParticipantPosition(ItchMarketParticipantPosition message) => Ignored++;

    public void OnMwcbDeclineLevel(ItchMwcbDeclineLevel message) => Ignored++;

    public void OnMwcbStatus(ItchMwcbStatus message) => Ignored++;

    public void OnIpoQuotingPeriodUpdate(ItchIpoQuotingPeriodUpdate message) => Ignored++;

    public void OnLuldAuctionCollar(ItchLuldAuctionCollar message) => Ignored++;

    public void OnOperationalHalt(ItchOperationalHalt message) => Ignored++;

    public void OnBrokenTrade(ItchBrokenTrade message) => Ignored++;

    public void OnNetOrderImbalanceIndicator(ItchNetOrderImbalanceIndicator message) => Ignored++;

    public void OnRetailPriceImprovementIndicator(ItchRetailPriceImprovementIndicator message) => Ignored++;

    public void OnDirectListingWithCapitalRaise(ItchDirectListingWithCapitalRaise message) => Ignored++;

    public void OnMalformed(ItchMalformedReason reason, ReadOnlySpan<byte> message) => Malformed++;

    private void Add(ushort stockLocate, long timestamp, long orderId, char side, uint shares, long price)
    {
        int instrumentId = _locates.InstrumentOf(stockLocate);
        if (instrumentId < 0)
        {
            Skipped++;
            return;
        }

        const int length = OrderAddEncoder.HeaderLength + OrderAddEncoder.BlockLength;
        int index = _ring.TryClaim(OrderAddEncoder.TemplateId, length);
        if (index < 0)
        {
            RingFull++;
            return;
        }

        var add = OrderAddEncoder.WrapAndApplyHeader(_ring.Buffer.AsSpan(index, length), 0);
        add.SetInstrumentId(instrumentId);
        add.SetSide(side == 'B' ? Side.Buy : Side.Sell);
        add.SetFeedId(_feedId);
        add.SetOrderId((ulong)orderId);
        add.SetPrice(price);
        add.SetSize(shares);
        add.SetExchangeTs((ulong)(SessionDateEpochNs + timestamp));
        add.SetReceiveTs((ulong)ReceiveTs);
        Commit(index);
    }

    private void Execute(int instrumentId, long timestamp, long orderId, uint shares)
    {
        const int length = OrderExecuteEncoder.HeaderLength + OrderExecuteEncoder.BlockLength;
        int index = _ring.TryClaim(OrderExecuteEncoder.TemplateId, length);
        if (index < 0)
        {
            RingFull++;
            return;
        }

        var execute = OrderExecuteEncoder.WrapAndApplyHeader(_ring.Buffer.AsSpan(index, length), 0);
        execute.SetInstrumentId(instrumentId);
        execute.SetFeedId(_feedId);
        execute.SetOrderId((ulong)orderId);
        execute.SetExecutedSize(shares);
        execute.SetExchangeTs((ulong)(SessionDateEpochNs + timestamp));
        execute.SetReceiveTs((ulong)ReceiveTs);
        Commit(index);
    }

    private void PublishTrade(int instrumentId, long timestamp, long price, long shares, long matchNumber, AggressorSide aggressor)
    {
        if (!MarketDataRecords.TryWriteTrade(_ring, instrumentId, _feedId, aggressor, price, shares, matchNumber, SessionDateEpochNs + timestamp, ReceiveTs))
        {
            RingFull++;
            return;
        }

        Published++;
    }

    private void Commit(int index)
    {
        _ring.Commit(index);
        Published++;
    }
}
