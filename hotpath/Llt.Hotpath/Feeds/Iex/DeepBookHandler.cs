namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// The <see cref="IIexHandler"/> through which <see cref="DeepBookBuilder{TListener}.Apply"/> receives decoded
/// messages: a struct holding the builder, so the parser's calls are direct.
/// </summary>
internal readonly struct DeepBookHandler<TListener> : IIexHandler
    where TListener : struct, IIexBookListener
{
    private readonly DeepBookBuilder<TListener> _builder;

    public DeepBookHandler(DeepBookBuilder<TListener> builder) => _builder = builder;

    public void OnSystemEvent(SystemEventMessage message) => _builder.OnSystemEvent(message);

    public void OnSecurityDirectory(SecurityDirectoryMessage message) => _builder.OnSecurityDirectory(message);

    public void OnTradingStatus(TradingStatusMessage message) => _builder.OnTradingStatus(message);

    public void OnRetailLiquidityIndicator(RetailLiquidityIndicatorMessage message)
    {
    }

    public void OnOperationalHaltStatus(OperationalHaltStatusMessage message) => _builder.OnOperationalHaltStatus(message);

    public void OnShortSalePriceTestStatus(ShortSalePriceTestStatusMessage message)
    {
    }

    public void OnSecurityEvent(SecurityEventMessage message)
    {
    }

    public void OnQuoteUpdate(QuoteUpdateMessage message) => _builder.OnQuoteUpdate(message);

    public void OnPriceLevelUpdate(PriceLevelUpdateMessage message) => _builder.OnPriceLevelUpdate(message);

    public void OnTradeReport(TradeReportMessage message) => _builder.OnTradeReport(message);

    public void OnOfficialPrice(OfficialPriceMessage message)
    {
    }

    public void OnTradeBreak(TradeBreakMessage message) => _builder.OnTradeBreak(message);

    public void OnAuctionInformation(AuctionInformationMessage message)
    {
    }

    public void OnAddOrder(AddOrderMessage message) => _builder.OnOrderMessageNotApplied();

    public void OnOrderModify(OrderModifyMessage message) => _builder.OnOrderMessageNotApplied();

    public void OnOrderDelete(OrderDeleteMessage message) => _builder.OnOrderMessageNotApplied();

    public void OnOrderExecuted(OrderExecutedMessage message) => _builder.OnOrderExecuted(message);

    public void OnClearBook(ClearBookMessage message) => _builder.OnOrderMessageNotApplied();

    public void OnMalformed(IexMalformedReason reason, ReadOnlySpan<byte> message)
    {
        // counted by DeepBookBuilder.Apply from the parser's result
    }
}
