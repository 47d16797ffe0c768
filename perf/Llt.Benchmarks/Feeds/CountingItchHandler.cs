using Llt.Hotpath.Feeds.Itch;

namespace Llt.Benchmarks.Feeds;

/// <summary>Counts the well-formed messages it is handed and reads one field of each, so parsing is not optimised away.</summary>
internal struct CountingItchHandler : IItchHandler
{
    public long Count;
    public long Checksum;

    public void OnSystemEvent(ItchSystemEvent message) => Count++;

    public void OnStockDirectory(ItchStockDirectory message) => Count++;

    public void OnStockTradingAction(ItchStockTradingAction message) => Count++;

    public void OnRegShoRestriction(ItchRegShoRestriction message) => Count++;

    public void OnMarketParticipantPosition(ItchMarketParticipantPosition message) => Count++;

    public void OnMwcbDeclineLevel(ItchMwcbDeclineLevel message) => Count++;

    public void OnMwcbStatus(ItchMwcbStatus message) => Count++;

    public void OnIpoQuotingPeriodUpdate(ItchIpoQuotingPeriodUpdate message) => Count++;

    public void OnLuldAuctionCollar(ItchLuldAuctionCollar message) => Count++;

    public void OnOperationalHalt(ItchOperationalHalt message) => Count++;

    public void OnAddOrder(ItchAddOrder message)
    {
        Count++;
        Checksum += message.OrderReferenceNumber + message.Price + message.Shares;
    }

    public void OnAddOrderMpid(ItchAddOrderMpid message)
    {
        Count++;
        Checksum += message.OrderReferenceNumber + message.Price + message.Shares;
    }

    public void OnOrderExecuted(ItchOrderExecuted message)
    {
        Count++;
        Checksum += message.OrderReferenceNumber + message.ExecutedShares;
    }

    public void OnOrderExecutedWithPrice(ItchOrderExecutedWithPrice message)
    {
        Count++;
        Checksum += message.OrderReferenceNumber + message.ExecutionPrice;
    }

    public void OnOrderCancel(ItchOrderCancel message)
    {
        Count++;
        Checksum += message.OrderReferenceNumber + message.CanceledShares;
    }

    public void OnOrderDelete(ItchOrderDelete message)
    {
        Count++;
        Checksum += message.OrderReferenceNumber;
    }

    public void OnOrderReplace(ItchOrderReplace message)
    {
        Count++;
        Checksum += message.NewOrderReferenceNumber + message.Price;
    }

    public void OnTrade(ItchTrade message) => Count++;

    public void OnCrossTrade(ItchCrossTrade message) => Count++;

    public void OnBrokenTrade(ItchBrokenTrade message) => Count++;

    public void OnNetOrderImbalanceIndicator(ItchNetOrderImbalanceIndicator message) => Count++;

    public void OnRetailPriceImprovementIndicator(ItchRetailPriceImprovementIndicator message) => Count++;

    public void OnDirectListingWithCapitalRaise(ItchDirectListingWithCapitalRaise message) => Count++;

    public void OnMalformed(ItchMalformedReason reason, ReadOnlySpan<byte> message)
    {
    }
}
