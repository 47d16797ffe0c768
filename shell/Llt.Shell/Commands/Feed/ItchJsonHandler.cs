using Llt.Hotpath.Feeds.Itch;

namespace Llt.Shell.Commands.Feed;

/// <summary>
/// Writes each ITCH 5.0 message as one JSON line. Keys are the specification's field names in camelCase
/// ("Order Reference Number" → <c>orderReferenceNumber</c>, "Stock" the symbol with its padding removed);
/// prices are decimals; timestamps nanoseconds since midnight plus a <c>timestampIso</c> time of day (ITCH
/// carries no date); one-byte alphas one-character strings. Each line starts with <c>message</c> (the message
/// name), <c>sequence</c> (the MoldUDP64 sequence number, or the message's position in a raw file) and
/// <c>messageType</c>.
/// </summary>
internal struct ItchJsonHandler : IItchHandler
{
    // the ITCH views give Price(4) and Price(8) fields in the engine's fixed point (exponent -8)
    private const int EnginePriceDecimals = 8;

    private readonly JsonLineSink _sink;
    private readonly FeedDecodeReport _report;

    public ItchJsonHandler(JsonLineSink sink, FeedDecodeReport report)
    {
        _sink = sink;
        _report = report;
    }

    /// <summary>Sequence number of the message being decoded (set by the caller before each parse).</summary>
    public long Sequence { get; set; }

    public readonly void OnSystemEvent(ItchSystemEvent message)
    {
        Begin("SystemEvent", (byte)'S');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteCode("eventCode", (byte)message.EventCode);
        _sink.EndLine();
    }

    public readonly void OnStockDirectory(ItchStockDirectory message)
    {
        Begin("StockDirectory", (byte)'R');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WriteCode("marketCategory", (byte)message.MarketCategory);
        _sink.WriteCode("financialStatusIndicator", (byte)message.FinancialStatusIndicator);
        _sink.Writer.WriteNumber("roundLotSize", message.RoundLotSize);
        _sink.WriteCode("roundLotsOnly", (byte)message.RoundLotsOnly);
        _sink.WriteCode("issueClassification", (byte)message.IssueClassification);
        _sink.WriteAscii("issueSubType", message.IssueSubType);
        _sink.WriteCode("authenticity", (byte)message.Authenticity);
        _sink.WriteCode("shortSaleThresholdIndicator", (byte)message.ShortSaleThresholdIndicator);
        _sink.WriteCode("ipoFlag", (byte)message.IpoFlag);
        _sink.WriteCode("luldReferencePriceTier", (byte)message.LuldReferencePriceTier);
        _sink.WriteCode("etpFlag", (byte)message.EtpFlag);
        _sink.Writer.WriteNumber("etpLeverageFactor", message.EtpLeverageFactor);
        _sink.WriteCode("inverseIndicator", (byte)message.InverseIndicator);
        _sink.EndLine();
    }

    public readonly void OnStockTradingAction(ItchStockTradingAction message)
    {
        Begin("StockTradingAction", (byte)'H');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WriteCode("tradingState", (byte)message.TradingState);
        _sink.WriteCode("reserved", (byte)message.Reserved);
        _sink.WriteAscii("reason", message.Reason);
        _sink.EndLine();
    }

    public readonly void OnRegShoRestriction(ItchRegShoRestriction message)
    {
        Begin("RegShoRestriction", (byte)'Y');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WriteCode("regShoAction", (byte)message.RegShoAction);
        _sink.EndLine();
    }

    public readonly void OnMarketParticipantPosition(ItchMarketParticipantPosition message)
    {
        Begin("MarketParticipantPosition", (byte)'L');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteAscii("mpid", message.Mpid);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WriteCode("primaryMarketMaker", (byte)message.PrimaryMarketMaker);
        _sink.WriteCode("marketMakerMode", (byte)message.MarketMakerMode);
        _sink.WriteCode("marketParticipantState", (byte)message.MarketParticipantState);
        _sink.EndLine();
    }

    public readonly void OnMwcbDeclineLevel(ItchMwcbDeclineLevel message)
    {
        Begin("MwcbDeclineLevel", (byte)'V');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WritePrice("level1", message.Level1, EnginePriceDecimals);
        _sink.WritePrice("level2", message.Level2, EnginePriceDecimals);
        _sink.WritePrice("level3", message.Level3, EnginePriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnMwcbStatus(ItchMwcbStatus message)
    {
        Begin("MwcbStatus", (byte)'W');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteCode("breachedLevel", (byte)message.BreachedLevel);
        _sink.EndLine();
    }

    public readonly void OnIpoQuotingPeriodUpdate(ItchIpoQuotingPeriodUpdate message)
    {
        Begin("IpoQuotingPeriodUpdate", (byte)'K');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteAscii("stock", message.Stock);
        _sink.Writer.WriteNumber("ipoQuotationReleaseTime", message.IpoQuotationReleaseTime);
        _sink.WriteCode("ipoQuotationReleaseQualifier", (byte)message.IpoQuotationReleaseQualifier);
        _sink.WritePrice("ipoPrice", message.IpoPrice, EnginePriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnLuldAuctionCollar(ItchLuldAuctionCollar message)
    {
        Begin("LuldAuctionCollar", (byte)'J');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WritePrice("auctionCollarReferencePrice", message.AuctionCollarReferencePrice, EnginePriceDecimals);
        _sink.WritePrice("upperAuctionCollarPrice", message.UpperAuctionCollarPrice, EnginePriceDecimals);
        _sink.WritePrice("lowerAuctionCollarPrice", message.LowerAuctionCollarPrice, EnginePriceDecimals);
        _sink.Writer.WriteNumber("auctionCollarExtension", message.AuctionCollarExtension);
        _sink.EndLine();
    }

    public readonly void OnOperationalHalt(ItchOperationalHalt message)
    {
        Begin("OperationalHalt", (byte)'h');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WriteCode("marketCode", (byte)message.MarketCode);
        _sink.WriteCode("operationalHaltAction", (byte)message.OperationalHaltAction);
        _sink.EndLine();
    }

    public readonly void OnAddOrder(ItchAddOrder message)
    {
        Begin("AddOrder", (byte)'A');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("orderReferenceNumber", message.OrderReferenceNumber);
        _sink.WriteCode("buySellIndicator", (byte)message.BuySellIndicator);
        _sink.Writer.WriteNumber("shares", message.Shares);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WritePrice("price", message.Price, EnginePriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnAddOrderMpid(ItchAddOrderMpid message)
    {
        Begin("AddOrderMpid", (byte)'F');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("orderReferenceNumber", message.OrderReferenceNumber);
        _sink.WriteCode("buySellIndicator", (byte)message.BuySellIndicator);
        _sink.Writer.WriteNumber("shares", message.Shares);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WritePrice("price", message.Price, EnginePriceDecimals);
        _sink.WriteAscii("attribution", message.Attribution);
        _sink.EndLine();
    }

    public readonly void OnOrderExecuted(ItchOrderExecuted message)
    {
        Begin("OrderExecuted", (byte)'E');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("orderReferenceNumber", message.OrderReferenceNumber);
        _sink.Writer.WriteNumber("executedShares", message.ExecutedShares);
        _sink.Writer.WriteNumber("matchNumber", message.MatchNumber);
        _sink.EndLine();
    }

    public readonly void OnOrderExecutedWithPrice(ItchOrderExecutedWithPrice message)
    {
        Begin("OrderExecutedWithPrice", (byte)'C');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("orderReferenceNumber", message.OrderReferenceNumber);
        _sink.Writer.WriteNumber("executedShares", message.ExecutedShares);
        _sink.Writer.WriteNumber("matchNumber", message.MatchNumber);
        _sink.WriteCode("printable", (byte)message.Printable);
        _sink.WritePrice("executionPrice", message.ExecutionPrice, EnginePriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnOrderCancel(ItchOrderCancel message)
    {
        Begin("OrderCancel", (byte)'X');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("orderReferenceNumber", message.OrderReferenceNumber);
        _sink.Writer.WriteNumber("canceledShares", message.CanceledShares);
        _sink.EndLine();
    }

    public readonly void OnOrderDelete(ItchOrderDelete message)
    {
        Begin("OrderDelete", (byte)'D');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("orderReferenceNumber", message.OrderReferenceNumber);
        _sink.EndLine();
    }

    public readonly void OnOrderReplace(ItchOrderReplace message)
    {
        Begin("OrderReplace", (byte)'U');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("originalOrderReferenceNumber", message.OriginalOrderReferenceNumber);
        _sink.Writer.WriteNumber("newOrderReferenceNumber", message.NewOrderReferenceNumber);
        _sink.Writer.WriteNumber("shares", message.Shares);
        _sink.WritePrice("price", message.Price, EnginePriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnTrade(ItchTrade message)
    {
        Begin("Trade", (byte)'P');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("orderReferenceNumber", message.OrderReferenceNumber);
        _sink.WriteCode("buySellIndicator", (byte)message.BuySellIndicator);
        _sink.Writer.WriteNumber("shares", message.Shares);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WritePrice("price", message.Price, EnginePriceDecimals);
        _sink.Writer.WriteNumber("matchNumber", message.MatchNumber);
        _sink.EndLine();
    }

    public readonly void OnCrossTrade(ItchCrossTrade message)
    {
        Begin("CrossTrade", (byte)'Q');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("shares", message.Shares);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WritePrice("crossPrice", message.CrossPrice, EnginePriceDecimals);
        _sink.Writer.WriteNumber("matchNumber", message.MatchNumber);
        _sink.WriteCode("crossType", (byte)message.CrossType);
        _sink.EndLine();
    }

    public readonly void OnBrokenTrade(ItchBrokenTrade message)
    {
        Begin("BrokenTrade", (byte)'B');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("matchNumber", message.MatchNumber);
        _sink.EndLine();
    }

    public readonly void OnNetOrderImbalanceIndicator(ItchNetOrderImbalanceIndicator message)
    {
        Begin("NetOrderImbalanceIndicator", (byte)'I');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.Writer.WriteNumber("pairedShares", message.PairedShares);
        _sink.Writer.WriteNumber("imbalanceShares", message.ImbalanceShares);
        _sink.WriteCode("imbalanceDirection", (byte)message.ImbalanceDirection);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WritePrice("farPrice", message.FarPrice, EnginePriceDecimals);
        _sink.WritePrice("nearPrice", message.NearPrice, EnginePriceDecimals);
        _sink.WritePrice("currentReferencePrice", message.CurrentReferencePrice, EnginePriceDecimals);
        _sink.WriteCode("crossType", (byte)message.CrossType);
        _sink.WriteCode("priceVariationIndicator", (byte)message.PriceVariationIndicator);
        _sink.EndLine();
    }

    public readonly void OnRetailPriceImprovementIndicator(ItchRetailPriceImprovementIndicator message)
    {
        Begin("RetailPriceImprovementIndicator", (byte)'N');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WriteCode("interestFlag", (byte)message.InterestFlag);
        _sink.EndLine();
    }

    public readonly void OnDirectListingWithCapitalRaise(ItchDirectListingWithCapitalRaise message)
    {
        Begin("DirectListingWithCapitalRaise", (byte)'O');
        _sink.Writer.WriteNumber("stockLocate", message.StockLocate);
        _sink.Writer.WriteNumber("trackingNumber", message.TrackingNumber);
        _sink.WriteTimeOfDay("timestamp", message.Timestamp);
        _sink.WriteAscii("stock", message.Stock);
        _sink.WriteCode("openEligibilityStatus", (byte)message.OpenEligibilityStatus);
        _sink.WritePrice("minimumAllowablePrice", message.MinimumAllowablePrice, EnginePriceDecimals);
        _sink.WritePrice("maximumAllowablePrice", message.MaximumAllowablePrice, EnginePriceDecimals);
        _sink.WritePrice("nearExecutionPrice", message.NearExecutionPrice, EnginePriceDecimals);
        _sink.Writer.WriteNumber("nearExecutionTime", message.NearExecutionTime);
        _sink.WritePrice("lowerPriceRangeCollar", message.LowerPriceRangeCollar, EnginePriceDecimals);
        _sink.WritePrice("upperPriceRangeCollar", message.UpperPriceRangeCollar, EnginePriceDecimals);
        _sink.EndLine();
    }

    public readonly void OnMalformed(ItchMalformedReason reason, ReadOnlySpan<byte> message) =>
        _report.MalformedMessage(Sequence, reason.ToString(), message.Length, message.IsEmpty ? -1 : message[0]);

    private readonly void Begin(string name, byte messageType)
    {
        _sink.BeginLine();
        _sink.Writer.WriteString("message", name);
        _sink.Writer.WriteNumber("sequence", Sequence);
        _sink.WriteCode("messageType", messageType);
    }
}
