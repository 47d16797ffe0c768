using System.Text;
using Llt.Hotpath.Feeds.Itch;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>Copies every field of every message it is handed into <see cref="Records"/>.</summary>
internal struct RecordingItchHandler : IItchHandler
{
    public RecordingItchHandler()
    {
    }

    public List<ItchRecord> Records { get; } = [];

    public readonly void OnSystemEvent(ItchSystemEvent m) =>
        Records.Add(new SystemEventRecord(m.StockLocate, m.TrackingNumber, m.Timestamp, m.EventCode));

    public readonly void OnStockDirectory(ItchStockDirectory m) => Records.Add(new StockDirectoryRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, Ascii(m.Stock), m.Symbol.ToString(), m.MarketCategory, m.FinancialStatusIndicator,
        m.RoundLotSize, m.RoundLotsOnly, m.IssueClassification, Ascii(m.IssueSubType), m.Authenticity,
        m.ShortSaleThresholdIndicator, m.IpoFlag, m.LuldReferencePriceTier, m.EtpFlag, m.EtpLeverageFactor, m.InverseIndicator));

    public readonly void OnStockTradingAction(ItchStockTradingAction m) => Records.Add(new StockTradingActionRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, Ascii(m.Stock), m.TradingState, m.Reserved, Ascii(m.Reason)));

    public readonly void OnRegShoRestriction(ItchRegShoRestriction m) =>
        Records.Add(new RegShoRecord(m.StockLocate, m.TrackingNumber, m.Timestamp, Ascii(m.Stock), m.RegShoAction));

    public readonly void OnMarketParticipantPosition(ItchMarketParticipantPosition m) => Records.Add(new MarketParticipantPositionRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, Ascii(m.Mpid), Ascii(m.Stock), m.PrimaryMarketMaker, m.MarketMakerMode, m.MarketParticipantState));

    public readonly void OnMwcbDeclineLevel(ItchMwcbDeclineLevel m) =>
        Records.Add(new MwcbDeclineLevelRecord(m.StockLocate, m.TrackingNumber, m.Timestamp, m.Level1, m.Level2, m.Level3));

    public readonly void OnMwcbStatus(ItchMwcbStatus m) =>
        Records.Add(new MwcbStatusRecord(m.StockLocate, m.TrackingNumber, m.Timestamp, m.BreachedLevel));

    public readonly void OnIpoQuotingPeriodUpdate(ItchIpoQuotingPeriodUpdate m) => Records.Add(new IpoQuotingPeriodRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, Ascii(m.Stock), m.IpoQuotationReleaseTime, m.IpoQuotationReleaseQualifier, m.IpoPrice));

    public readonly void OnLuldAuctionCollar(ItchLuldAuctionCollar m) => Records.Add(new LuldAuctionCollarRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, Ascii(m.Stock), m.AuctionCollarReferencePrice, m.UpperAuctionCollarPrice,
        m.LowerAuctionCollarPrice, m.AuctionCollarExtension));

    public readonly void OnOperationalHalt(ItchOperationalHalt m) => Records.Add(new OperationalHaltRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, Ascii(m.Stock), m.MarketCode, m.OperationalHaltAction));

    public readonly void OnAddOrder(ItchAddOrder m) => Records.Add(new AddOrderRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, m.OrderReferenceNumber, m.BuySellIndicator, m.Shares, Ascii(m.Stock), m.Price));

    public readonly void OnAddOrderMpid(ItchAddOrderMpid m) => Records.Add(new AddOrderMpidRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, m.OrderReferenceNumber, m.BuySellIndicator, m.Shares, Ascii(m.Stock), m.Price, Ascii(m.Attribution)));

    public readonly void OnOrderExecuted(ItchOrderExecuted m) => Records.Add(new OrderExecutedRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, m.OrderReferenceNumber, m.ExecutedShares, m.MatchNumber));

    public readonly void OnOrderExecutedWithPrice(ItchOrderExecutedWithPrice m) => Records.Add(new OrderExecutedWithPriceRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, m.OrderReferenceNumber, m.ExecutedShares, m.MatchNumber, m.Printable, m.ExecutionPrice));

    public readonly void OnOrderCancel(ItchOrderCancel m) =>
        Records.Add(new OrderCancelRecord(m.StockLocate, m.TrackingNumber, m.Timestamp, m.OrderReferenceNumber, m.CanceledShares));

    public readonly void OnOrderDelete(ItchOrderDelete m) =>
        Records.Add(new OrderDeleteRecord(m.StockLocate, m.TrackingNumber, m.Timestamp, m.OrderReferenceNumber));

    public readonly void OnOrderReplace(ItchOrderReplace m) => Records.Add(new OrderReplaceRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, m.OriginalOrderReferenceNumber, m.NewOrderReferenceNumber, m.Shares, m.Price));

    public readonly void OnTrade(ItchTrade m) => Records.Add(new TradeRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, m.OrderReferenceNumber, m.BuySellIndicator, m.Shares, Ascii(m.Stock), m.Price, m.MatchNumber));

    public readonly void OnCrossTrade(ItchCrossTrade m) => Records.Add(new CrossTradeRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, m.Shares, Ascii(m.Stock), m.CrossPrice, m.MatchNumber, m.CrossType));

    public readonly void OnBrokenTrade(ItchBrokenTrade m) =>
        Records.Add(new BrokenTradeRecord(m.StockLocate, m.TrackingNumber, m.Timestamp, m.MatchNumber));

    public readonly void OnNetOrderImbalanceIndicator(ItchNetOrderImbalanceIndicator m) => Records.Add(new NoiiRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, m.PairedShares, m.ImbalanceShares, m.ImbalanceDirection, Ascii(m.Stock),
        m.FarPrice, m.NearPrice, m.CurrentReferencePrice, m.CrossType, m.PriceVariationIndicator));

    public readonly void OnRetailPriceImprovementIndicator(ItchRetailPriceImprovementIndicator m) =>
        Records.Add(new RpiiRecord(m.StockLocate, m.TrackingNumber, m.Timestamp, Ascii(m.Stock), m.InterestFlag));

    public readonly void OnDirectListingWithCapitalRaise(ItchDirectListingWithCapitalRaise m) => Records.Add(new DlcrRecord(
        m.StockLocate, m.TrackingNumber, m.Timestamp, Ascii(m.Stock), m.OpenEligibilityStatus, m.MinimumAllowablePrice,
        m.MaximumAllowablePrice, m.NearExecutionPrice, m.NearExecutionTime, m.LowerPriceRangeCollar, m.UpperPriceRangeCollar));

    public readonly void OnMalformed(ItchMalformedReason reason, ReadOnlySpan<byte> message) =>
        Records.Add(new MalformedRecord(reason, message.Length));

    private static string Ascii(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);
}
