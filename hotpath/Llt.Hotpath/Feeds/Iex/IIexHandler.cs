namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Receives the decoded messages of <see cref="IexParser.Parse{THandler}"/>. Implement it on a struct so every
/// call is devirtualised and inlined. The message views are flyweights over the received bytes: read what
/// you need inside the call and do not keep them.
/// </summary>
/// <example>
/// <code>
/// struct LevelCounter : IIexHandler
/// {
///     public long Levels;
///     public void OnPriceLevelUpdate(PriceLevelUpdateMessage message) => Levels++;
///     // … every other On* method (empty bodies where not needed)
/// }
/// var counter = new LevelCounter();
/// foreach (ReadOnlySpan&lt;byte&gt; message in segment) IexParser.Parse(segment.Protocol, message, ref counter);
/// </code>
/// </example>
public interface IIexHandler
{
    void OnSystemEvent(SystemEventMessage message);

    void OnSecurityDirectory(SecurityDirectoryMessage message);

    void OnTradingStatus(TradingStatusMessage message);

    void OnRetailLiquidityIndicator(RetailLiquidityIndicatorMessage message);

    void OnOperationalHaltStatus(OperationalHaltStatusMessage message);

    void OnShortSalePriceTestStatus(ShortSalePriceTestStatusMessage message);

    /// <summary>DEEP, DEEP+.</summary>
    void OnSecurityEvent(SecurityEventMessage message);

    /// <summary>TOPS.</summary>
    void OnQuoteUpdate(QuoteUpdateMessage message);

    /// <summary>DEEP.</summary>
    void OnPriceLevelUpdate(PriceLevelUpdateMessage message);

    /// <summary>TOPS, DEEP; DEEP+ Trade.</summary>
    void OnTradeReport(TradeReportMessage message);

    /// <summary>TOPS, DEEP.</summary>
    void OnOfficialPrice(OfficialPriceMessage message);

    void OnTradeBreak(TradeBreakMessage message);

    /// <summary>TOPS, DEEP.</summary>
    void OnAuctionInformation(AuctionInformationMessage message);

    /// <summary>DEEP+.</summary>
    void OnAddOrder(AddOrderMessage message);

    /// <summary>DEEP+.</summary>
    void OnOrderModify(OrderModifyMessage message);

    /// <summary>DEEP+.</summary>
    void OnOrderDelete(OrderDeleteMessage message);

    /// <summary>DEEP+.</summary>
    void OnOrderExecuted(OrderExecutedMessage message);

    /// <summary>DEEP+.</summary>
    void OnClearBook(ClearBookMessage message);

    /// <summary>A message that could not be decoded; it was skipped. <paramref name="message"/> is its raw bytes.</summary>
    void OnMalformed(IexMalformedReason reason, ReadOnlySpan<byte> message);
}
