using System.Runtime.CompilerServices;
using Llt.Hotpath.Feeds.MoldUdp;

namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// The struct face of an <see cref="ItchBookBuilder{TListener}"/>: an <see cref="IItchHandler"/> for
/// <see cref="ItchParser"/> and an <see cref="IMoldUdp64MessageHandler"/> for <c>MoldUdp64Receiver</c>, so both
/// dispatch with direct calls. Get one from <see cref="ItchBookBuilder{TListener}.Handler"/>; it is only a reference.
/// </summary>
public readonly struct ItchBookHandler<TListener> : IItchHandler, IMoldUdp64MessageHandler
    where TListener : struct, IItchBookListener
{
    private readonly ItchBookBuilder<TListener> _builder;

    internal ItchBookHandler(ItchBookBuilder<TListener> builder) => _builder = builder;

    /// <summary>A message delivered by MoldUDP64 arbitration: parsed and applied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs)
    {
        _builder.ReceiveTimestampNs = receiveTimestampNs;
        ItchBookHandler<TListener> self = this;
        ItchParser.Parse(message, ref self);
    }

    public void OnSystemEvent(ItchSystemEvent message)
    {
        _builder.CountMessage(ItchDescriptor.SystemEvent.Type);
        _builder.OnSystemEvent(message.EventCode, message.Timestamp);
    }

    public void OnStockDirectory(ItchStockDirectory message)
    {
        _builder.CountMessage(ItchDescriptor.StockDirectory.Type);
        _builder.OnStockDirectory(message.StockLocate, message.Symbol);
    }

    public void OnStockTradingAction(ItchStockTradingAction message)
    {
        _builder.CountMessage(ItchDescriptor.StockTradingAction.Type);
        _builder.OnTradingAction(message.StockLocate, message.TradingState, message.Timestamp);
    }

    public void OnRegShoRestriction(ItchRegShoRestriction message) => _builder.CountMessage(ItchDescriptor.RegShoRestriction.Type);

    public void OnMarketParticipantPosition(ItchMarketParticipantPosition message) => _builder.CountMessage(ItchDescriptor.MarketParticipantPosition.Type);

    public void OnMwcbDeclineLevel(ItchMwcbDeclineLevel message) => _builder.CountMessage(ItchDescriptor.MwcbDeclineLevel.Type);

    public void OnMwcbStatus(ItchMwcbStatus message) => _builder.CountMessage(ItchDescriptor.MwcbStatus.Type);

    public void OnIpoQuotingPeriodUpdate(ItchIpoQuotingPeriodUpdate message) => _builder.CountMessage(ItchDescriptor.IpoQuotingPeriodUpdate.Type);

    public void OnLuldAuctionCollar(ItchLuldAuctionCollar message) => _builder.CountMessage(ItchDescriptor.LuldAuctionCollar.Type);

    public void OnOperationalHalt(ItchOperationalHalt message) => _builder.CountMessage(ItchDescriptor.OperationalHalt.Type);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnAddOrder(ItchAddOrder message)
    {
        _builder.CountMessage(ItchDescriptor.AddOrder.Type);
        _builder.Add(message.StockLocate, message.OrderReferenceNumber, (byte)message.BuySellIndicator, message.Shares, message.Symbol, message.Price, message.Timestamp);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnAddOrderMpid(ItchAddOrderMpid message)
    {
        _builder.CountMessage(ItchDescriptor.AddOrderMpid.Type);
        _builder.Add(message.StockLocate, message.OrderReferenceNumber, (byte)message.BuySellIndicator, message.Shares, message.Symbol, message.Price, message.Timestamp);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnOrderExecuted(ItchOrderExecuted message)
    {
        _builder.CountMessage(ItchDescriptor.OrderExecuted.Type);
        _builder.Execute(message.StockLocate, message.OrderReferenceNumber, message.ExecutedShares, message.MatchNumber, message.Timestamp);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnOrderExecutedWithPrice(ItchOrderExecutedWithPrice message)
    {
        _builder.CountMessage(ItchDescriptor.OrderExecutedWithPrice.Type);
        _builder.ExecuteWithPrice(
            message.StockLocate, message.OrderReferenceNumber, message.ExecutedShares, message.MatchNumber, message.Printable != 'N', message.ExecutionPrice, message.Timestamp);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnOrderCancel(ItchOrderCancel message)
    {
        _builder.CountMessage(ItchDescriptor.OrderCancel.Type);
        _builder.Cancel(message.StockLocate, message.OrderReferenceNumber, message.CanceledShares, message.Timestamp);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnOrderDelete(ItchOrderDelete message)
    {
        _builder.CountMessage(ItchDescriptor.OrderDelete.Type);
        _builder.Delete(message.StockLocate, message.OrderReferenceNumber, message.Timestamp);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnOrderReplace(ItchOrderReplace message)
    {
        _builder.CountMessage(ItchDescriptor.OrderReplace.Type);
        _builder.Replace(message.StockLocate, message.OriginalOrderReferenceNumber, message.NewOrderReferenceNumber, message.Shares, message.Price, message.Timestamp);
    }

    public void OnTrade(ItchTrade message)
    {
        _builder.CountMessage(ItchDescriptor.Trade.Type);
        _builder.Trade(ItchExecutionKind.NonCrossTrade, message.StockLocate, message.Shares, message.Price, message.MatchNumber, message.Timestamp);
    }

    public void OnCrossTrade(ItchCrossTrade message)
    {
        _builder.CountMessage(ItchDescriptor.CrossTrade.Type);
        _builder.Trade(ItchExecutionKind.CrossTrade, message.StockLocate, message.Shares, message.CrossPrice, message.MatchNumber, message.Timestamp);
    }

    public void OnBrokenTrade(ItchBrokenTrade message) => _builder.CountMessage(ItchDescriptor.BrokenTrade.Type);

    public void OnNetOrderImbalanceIndicator(ItchNetOrderImbalanceIndicator message) => _builder.CountMessage(ItchDescriptor.NetOrderImbalanceIndicator.Type);

    public void OnRetailPriceImprovementIndicator(ItchRetailPriceImprovementIndicator message) => _builder.CountMessage(ItchDescriptor.RetailPriceImprovementIndicator.Type);

    public void OnDirectListingWithCapitalRaise(ItchDirectListingWithCapitalRaise message) => _builder.CountMessage(ItchDescriptor.DirectListingWithCapitalRaise.Type);

    public void OnMalformed(ItchMalformedReason reason, ReadOnlySpan<byte> message) => _builder.OnMalformed(reason, message);
}
