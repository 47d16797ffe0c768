using Llt.Hotpath.Feeds.Iex;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>An <see cref="IIexHandler"/> that copies every field of every message it receives into <see cref="Messages"/>.</summary>
internal struct RecordingIexHandler : IIexHandler
{
    public RecordingIexHandler()
    {
    }

    public List<DecodedMessage> Messages { get; } = [];

    public List<(IexMalformedReason Reason, int Length)> Malformed { get; } = [];

    public readonly void OnSystemEvent(SystemEventMessage message) =>
        Add("SystemEvent", message.SystemEvent, message.Timestamp, "", []);

    public readonly void OnSecurityDirectory(SecurityDirectoryMessage message) =>
        Add("SecurityDirectory", message.Flags, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["RoundLotSize"] = message.RoundLotSize,
            ["AdjustedPocPrice"] = message.AdjustedPocPrice,
            ["LuldTier"] = message.LuldTier,
            ["IsTestSecurity"] = message.IsTestSecurity ? 1 : 0,
            ["IsWhenIssued"] = message.IsWhenIssued ? 1 : 0,
            ["IsEtp"] = message.IsEtp ? 1 : 0,
        });

    public readonly void OnTradingStatus(TradingStatusMessage message) =>
        Add("TradingStatus", message.TradingStatus, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["Reason"] = BitConverter.ToUInt32(message.Reason),
        });

    public readonly void OnRetailLiquidityIndicator(RetailLiquidityIndicatorMessage message) =>
        Add("RetailLiquidityIndicator", message.RetailLiquidityIndicator, message.Timestamp, message.Symbol.ToString(), []);

    public readonly void OnOperationalHaltStatus(OperationalHaltStatusMessage message) =>
        Add("OperationalHaltStatus", message.OperationalHaltStatus, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["IsHalted"] = message.IsHalted ? 1 : 0,
        });

    public readonly void OnShortSalePriceTestStatus(ShortSalePriceTestStatusMessage message) =>
        Add("ShortSalePriceTestStatus", message.ShortSalePriceTestStatus, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["Detail"] = message.Detail,
            ["IsInEffect"] = message.IsInEffect ? 1 : 0,
        });

    public readonly void OnSecurityEvent(SecurityEventMessage message) =>
        Add("SecurityEvent", message.SecurityEvent, message.Timestamp, message.Symbol.ToString(), []);

    public readonly void OnQuoteUpdate(QuoteUpdateMessage message) =>
        Add("QuoteUpdate", message.Flags, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["BidSize"] = message.BidSize,
            ["BidPrice"] = message.BidPrice,
            ["AskPrice"] = message.AskPrice,
            ["AskSize"] = message.AskSize,
            ["IsSymbolAvailable"] = message.IsSymbolAvailable ? 1 : 0,
            ["IsPrePostMarketSession"] = message.IsPrePostMarketSession ? 1 : 0,
        });

    public readonly void OnPriceLevelUpdate(PriceLevelUpdateMessage message) =>
        Add("PriceLevelUpdate", message.EventFlags, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["MessageType"] = message.MessageType,
            ["Side"] = (long)message.Side,
            ["Size"] = message.Size,
            ["Price"] = message.Price,
            ["RawPrice"] = message.RawPrice,
            ["IsEventProcessingComplete"] = message.IsEventProcessingComplete ? 1 : 0,
        });

    public readonly void OnTradeReport(TradeReportMessage message) =>
        Add("TradeReport", message.SaleConditionFlags, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["Size"] = message.Size,
            ["Price"] = message.Price,
            ["TradeId"] = message.TradeId,
        });

    public readonly void OnOfficialPrice(OfficialPriceMessage message) =>
        Add("OfficialPrice", message.PriceType, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["OfficialPrice"] = message.OfficialPrice,
        });

    public readonly void OnTradeBreak(TradeBreakMessage message) =>
        Add("TradeBreak", message.SaleConditionFlags, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["Size"] = message.Size,
            ["Price"] = message.Price,
            ["TradeId"] = message.TradeId,
        });

    public readonly void OnAuctionInformation(AuctionInformationMessage message) =>
        Add("AuctionInformation", message.AuctionType, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["PairedShares"] = message.PairedShares,
            ["ReferencePrice"] = message.ReferencePrice,
            ["IndicativeClearingPrice"] = message.IndicativeClearingPrice,
            ["ImbalanceShares"] = message.ImbalanceShares,
            ["ImbalanceSide"] = message.ImbalanceSide,
            ["ExtensionNumber"] = message.ExtensionNumber,
            ["ScheduledAuctionTime"] = message.ScheduledAuctionTime,
            ["AuctionBookClearingPrice"] = message.AuctionBookClearingPrice,
            ["CollarReferencePrice"] = message.CollarReferencePrice,
            ["LowerAuctionCollar"] = message.LowerAuctionCollar,
            ["UpperAuctionCollar"] = message.UpperAuctionCollar,
        });

    public readonly void OnAddOrder(AddOrderMessage message) =>
        Add("AddOrder", message.SideCode, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["Side"] = (long)message.Side,
            ["OrderId"] = message.OrderId,
            ["Size"] = message.Size,
            ["Price"] = message.Price,
        });

    public readonly void OnOrderModify(OrderModifyMessage message) =>
        Add("OrderModify", message.ModifyFlags, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["MaintainsPriority"] = message.MaintainsPriority ? 1 : 0,
            ["OrderIdReference"] = message.OrderIdReference,
            ["Size"] = message.Size,
            ["Price"] = message.Price,
        });

    public readonly void OnOrderDelete(OrderDeleteMessage message) =>
        Add("OrderDelete", 0, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["OrderIdReference"] = message.OrderIdReference,
        });

    public readonly void OnOrderExecuted(OrderExecutedMessage message) =>
        Add("OrderExecuted", message.SaleConditionFlags, message.Timestamp, message.Symbol.ToString(), new()
        {
            ["OrderIdReference"] = message.OrderIdReference,
            ["Size"] = message.Size,
            ["Price"] = message.Price,
            ["TradeId"] = message.TradeId,
        });

    public readonly void OnClearBook(ClearBookMessage message) =>
        Add("ClearBook", 0, message.Timestamp, message.Symbol.ToString(), []);

    public readonly void OnMalformed(IexMalformedReason reason, ReadOnlySpan<byte> message) => Malformed.Add((reason, message.Length));

    private readonly void Add(string kind, byte code, long timestamp, string symbol, Dictionary<string, long> fields) =>
        Messages.Add(new DecodedMessage(kind, code, timestamp, symbol, fields));
}
