namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// One method per ITCH 5.0 message type, called by <see cref="ItchParser.Parse{THandler}"/> with a view of a
/// message whose type and length have been checked. Implement it on a struct so every call is devirtualised (and
/// inlined where small); the views are valid only during the call.
/// </summary>
/// <example>
/// <code>
/// struct AddCounter : IItchHandler
/// {
///     public long Adds;
///     public void OnAddOrder(ItchAddOrder message) => Adds++;
///     // ... every other method, most of them empty
/// }
/// ItchParser.Parse(message, ref counter);
/// </code>
/// </example>
public interface IItchHandler
{
    /// <summary>'S' System Event Message (4.1).</summary>
    void OnSystemEvent(ItchSystemEvent message);

    /// <summary>'R' Stock Directory (4.2.1).</summary>
    void OnStockDirectory(ItchStockDirectory message);

    /// <summary>'H' Stock Trading Action (4.2.2).</summary>
    void OnStockTradingAction(ItchStockTradingAction message);

    /// <summary>'Y' Reg SHO Short Sale Price Test Restricted Indicator (4.2.3).</summary>
    void OnRegShoRestriction(ItchRegShoRestriction message);

    /// <summary>'L' Market Participant Position (4.2.4).</summary>
    void OnMarketParticipantPosition(ItchMarketParticipantPosition message);

    /// <summary>'V' MWCB Decline Level (4.2.5.1).</summary>
    void OnMwcbDeclineLevel(ItchMwcbDeclineLevel message);

    /// <summary>'W' MWCB Status (4.2.5.2).</summary>
    void OnMwcbStatus(ItchMwcbStatus message);

    /// <summary>'K' IPO Quoting Period Update (4.2.6).</summary>
    void OnIpoQuotingPeriodUpdate(ItchIpoQuotingPeriodUpdate message);

    /// <summary>'J' LULD Auction Collar (4.2.7).</summary>
    void OnLuldAuctionCollar(ItchLuldAuctionCollar message);

    /// <summary>'h' Operational Halt (4.2.8).</summary>
    void OnOperationalHalt(ItchOperationalHalt message);

    /// <summary>'A' Add Order – No MPID Attribution (4.3.1).</summary>
    void OnAddOrder(ItchAddOrder message);

    /// <summary>'F' Add Order with MPID Attribution (4.3.2).</summary>
    void OnAddOrderMpid(ItchAddOrderMpid message);

    /// <summary>'E' Order Executed (4.4.1).</summary>
    void OnOrderExecuted(ItchOrderExecuted message);

    /// <summary>'C' Order Executed With Price (4.4.2).</summary>
    void OnOrderExecutedWithPrice(ItchOrderExecutedWithPrice message);

    /// <summary>'X' Order Cancel (4.4.3).</summary>
    void OnOrderCancel(ItchOrderCancel message);

    /// <summary>'D' Order Delete (4.4.4).</summary>
    void OnOrderDelete(ItchOrderDelete message);

    /// <summary>'U' Order Replace (4.4.5).</summary>
    void OnOrderReplace(ItchOrderReplace message);

    /// <summary>'P' Trade Message (Non-Cross) (4.5.1).</summary>
    void OnTrade(ItchTrade message);

    /// <summary>'Q' Cross Trade (4.5.2).</summary>
    void OnCrossTrade(ItchCrossTrade message);

    /// <summary>'B' Broken Trade / Order Execution (4.5.3).</summary>
    void OnBrokenTrade(ItchBrokenTrade message);

    /// <summary>'I' Net Order Imbalance Indicator (NOII) (4.6).</summary>
    void OnNetOrderImbalanceIndicator(ItchNetOrderImbalanceIndicator message);

    /// <summary>'N' Retail Price Improvement Indicator (RPII) (4.7).</summary>
    void OnRetailPriceImprovementIndicator(ItchRetailPriceImprovementIndicator message);

    /// <summary>'O' Direct Listing with Capital Raise Price Discovery (4.8).</summary>
    void OnDirectListingWithCapitalRaise(ItchDirectListingWithCapitalRaise message);

    /// <summary>A message that could not be parsed: counted by the caller, never thrown.</summary>
    void OnMalformed(ItchMalformedReason reason, ReadOnlySpan<byte> message);
}
