using Llt.Hotpath.Feeds.Iex;

namespace Llt.Shell.Commands.Feed;

/// <summary>
/// Writes each IEX message (TOPS, DEEP, DEEP+) as one JSON line. Keys are the specification's field names in
/// camelCase ("Bid Price" → <c>bidPrice</c>); prices are decimals (the wire's 4 implied decimals applied),
/// timestamps nanoseconds since the epoch plus an ISO-8601 <c>…Iso</c> twin, one-byte codes one-character
/// strings. Each line starts with <c>message</c> (the message name) and <c>sequence</c> (its IEX-TP sequence
/// number). Malformed messages write nothing here; <see cref="FeedDecodeReport"/> records them.
/// </summary>
internal struct IexJsonHandler : IIexHandler
{
    private const int PriceDecimals = 4;

    private readonly JsonLineSink _sink;
    private readonly FeedDecodeReport _report;

    public IexJsonHandler(JsonLineSink sink, FeedDecodeReport report)
    {
        _sink = sink;
        _report = report;
    }

    /// <summary>Sequence number of the message being decoded (set by the caller before each parse).</summary>
    public long Sequence { get; set; }

    public readonly void OnSystemEvent(SystemEventMessage message)
    {
        Begin("SystemEvent", IexMessageDescriptor.SystemEventType);
        _sink.WriteCode("systemEvent", message.SystemEvent);
        _sink.WriteEpochTimestamp("timestamp", message.Timestamp);
        _sink.EndLine();
    }

    public readonly void OnSecurityDirectory(SecurityDirectoryMessage message)
    {
        Begin("SecurityDirectory", IexMessageDescriptor.SecurityDirectoryType);
        _sink.Writer.WriteNumber("flags", message.Flags);
        _sink.Writer.WriteBoolean("testSecurity", message.IsTestSecurity);
        _sink.Writer.WriteBoolean("whenIssued", message.IsWhenIssued);
        _sink.Writer.WriteBoolean("etp", message.IsEtp);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.Writer.WriteNumber("roundLotSize", message.RoundLotSize);
        _sink.WritePrice("adjustedPocPrice", message.RawAdjustedPocPrice, PriceDecimals);
        _sink.Writer.WriteNumber("luldTier", message.LuldTier);
        _sink.EndLine();
    }

    public readonly void OnTradingStatus(TradingStatusMessage message)
    {
        Begin("TradingStatus", IexMessageDescriptor.TradingStatusType);
        _sink.WriteCode("tradingStatus", message.TradingStatus);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.WriteAscii("reason", message.Reason);
        _sink.EndLine();
    }

    public readonly void OnRetailLiquidityIndicator(RetailLiquidityIndicatorMessage message)
    {
        Begin("RetailLiquidityIndicator", IexMessageDescriptor.RetailLiquidityIndicatorType);
        _sink.WriteCode("retailLiquidityIndicator", message.RetailLiquidityIndicator);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.EndLine();
    }

    public readonly void OnOperationalHaltStatus(OperationalHaltStatusMessage message)
    {
        Begin("OperationalHaltStatus", IexMessageDescriptor.OperationalHaltStatusType);
        _sink.WriteCode("operationalHaltStatus", message.OperationalHaltStatus);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.EndLine();
    }

    public readonly void OnShortSalePriceTestStatus(ShortSalePriceTestStatusMessage message)
    {
        Begin("ShortSalePriceTestStatus", IexMessageDescriptor.ShortSalePriceTestStatusType);
        _sink.Writer.WriteNumber("shortSalePriceTestStatus", message.ShortSalePriceTestStatus);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.WriteCode("detail", message.Detail);
        _sink.EndLine();
    }

    public readonly void OnSecurityEvent(SecurityEventMessage message)
    {
        Begin("SecurityEvent", IexMessageDescriptor.SecurityEventType);
        _sink.WriteCode("securityEvent", message.SecurityEvent);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.EndLine();
    }

    public readonly void OnQuoteUpdate(QuoteUpdateMessage message)
    {
        Begin("QuoteUpdate", TopsDescriptor.QuoteUpdateType);
        _sink.Writer.WriteNumber("flags", message.Flags);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.Writer.WriteNumber("bidSize", message.BidSize);
        _sink.WritePrice("bidPrice", message.RawBidPrice, PriceDecimals);
        _sink.WritePrice("askPrice", message.RawAskPrice, PriceDecimals);
        _sink.Writer.WriteNumber("askSize", message.AskSize);
        _sink.EndLine();
    }

    public readonly void OnPriceLevelUpdate(PriceLevelUpdateMessage message)
    {
        Begin(message.Side == Llt.Sbe.Side.Buy ? "PriceLevelUpdateBuy" : "PriceLevelUpdateSell", message.MessageType);
        _sink.Writer.WriteNumber("eventFlags", message.EventFlags);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.Writer.WriteNumber("size", message.Size);
        _sink.WritePrice("price", message.RawPrice, PriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnTradeReport(TradeReportMessage message)
    {
        Begin("TradeReport", IexMessageDescriptor.TradeReportType);
        _sink.Writer.WriteNumber("saleConditionFlags", message.SaleConditionFlags);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.Writer.WriteNumber("size", message.Size);
        _sink.WritePrice("price", message.RawPrice, PriceDecimals);
        _sink.Writer.WriteNumber("tradeId", message.TradeId);
        _sink.EndLine();
    }

    public readonly void OnOfficialPrice(OfficialPriceMessage message)
    {
        Begin("OfficialPrice", IexMessageDescriptor.OfficialPriceType);
        _sink.WriteCode("priceType", message.PriceType);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.WritePrice("officialPrice", message.RawOfficialPrice, PriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnTradeBreak(TradeBreakMessage message)
    {
        Begin("TradeBreak", IexMessageDescriptor.TradeBreakType);
        _sink.Writer.WriteNumber("saleConditionFlags", message.SaleConditionFlags);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.Writer.WriteNumber("size", message.Size);
        _sink.WritePrice("price", message.RawPrice, PriceDecimals);
        _sink.Writer.WriteNumber("tradeId", message.TradeId);
        _sink.EndLine();
    }

    public readonly void OnAuctionInformation(AuctionInformationMessage message)
    {
        Begin("AuctionInformation", IexMessageDescriptor.AuctionInformationType);
        _sink.WriteCode("auctionType", message.AuctionType);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.Writer.WriteNumber("pairedShares", message.PairedShares);
        _sink.WritePrice("referencePrice", message.RawReferencePrice, PriceDecimals);
        _sink.WritePrice("indicativeClearingPrice", message.RawIndicativeClearingPrice, PriceDecimals);
        _sink.Writer.WriteNumber("imbalanceShares", message.ImbalanceShares);
        _sink.WriteCode("imbalanceSide", message.ImbalanceSide);
        _sink.Writer.WriteNumber("extensionNumber", message.ExtensionNumber);
        _sink.Writer.WriteNumber("scheduledAuctionTime", message.ScheduledAuctionTime);
        _sink.Writer.WriteString("scheduledAuctionTimeIso", JsonLineSink.EpochIso(message.ScheduledAuctionTime * 1_000_000_000L));
        _sink.WritePrice("auctionBookClearingPrice", message.RawAuctionBookClearingPrice, PriceDecimals);
        _sink.WritePrice("collarReferencePrice", message.RawCollarReferencePrice, PriceDecimals);
        _sink.WritePrice("lowerAuctionCollar", message.RawLowerAuctionCollar, PriceDecimals);
        _sink.WritePrice("upperAuctionCollar", message.RawUpperAuctionCollar, PriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnAddOrder(AddOrderMessage message)
    {
        Begin("AddOrder", DeepPlusDescriptor.AddOrderType);
        _sink.WriteCode("side", message.SideCode);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.Writer.WriteNumber("orderId", message.OrderId);
        _sink.Writer.WriteNumber("size", message.Size);
        _sink.WritePrice("price", message.RawPrice, PriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnOrderModify(OrderModifyMessage message)
    {
        Begin("OrderModify", DeepPlusDescriptor.OrderModifyType);
        _sink.Writer.WriteNumber("modifyFlags", message.ModifyFlags);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.Writer.WriteNumber("orderIdReference", message.OrderIdReference);
        _sink.Writer.WriteNumber("size", message.Size);
        _sink.WritePrice("price", message.RawPrice, PriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnOrderDelete(OrderDeleteMessage message)
    {
        Begin("OrderDelete", DeepPlusDescriptor.OrderDeleteType);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.Writer.WriteNumber("orderIdReference", message.OrderIdReference);
        _sink.EndLine();
    }

    public readonly void OnOrderExecuted(OrderExecutedMessage message)
    {
        Begin("OrderExecuted", DeepPlusDescriptor.OrderExecutedType);
        _sink.Writer.WriteNumber("saleConditionFlags", message.SaleConditionFlags);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.Writer.WriteNumber("orderIdReference", message.OrderIdReference);
        _sink.Writer.WriteNumber("size", message.Size);
        _sink.WritePrice("price", message.RawPrice, PriceDecimals);
        _sink.Writer.WriteNumber("tradeId", message.TradeId);
        _sink.EndLine();
    }

    public readonly void OnClearBook(ClearBookMessage message)
    {
        Begin("ClearBook", DeepPlusDescriptor.ClearBookType);
        TimestampAndSymbol(message.Timestamp, message.Symbol);
        _sink.EndLine();
    }

    public readonly void OnMalformed(IexMalformedReason reason, ReadOnlySpan<byte> message) =>
        _report.MalformedMessage(
            Sequence,
            reason.ToString(),
            message.Length,
            message.IsEmpty ? -1 : message[0]);

    private readonly void Begin(string name, byte messageType)
    {
        _sink.BeginLine();
        _sink.Writer.WriteString("message", name);
        _sink.Writer.WriteNumber("sequence", Sequence);
        _sink.WriteCode("messageType", messageType);
    }

    private readonly void TimestampAndSymbol(long timestamp, IexSymbol symbol)
    {
        _sink.WriteEpochTimestamp("timestamp", timestamp);
        _sink.Writer.WriteString("symbol", symbol.ToString());
    }
}
