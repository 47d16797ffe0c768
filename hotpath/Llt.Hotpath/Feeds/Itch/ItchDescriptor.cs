namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// Nasdaq TotalView-ITCH 5.0 message layouts (offsets from the message type byte, big-endian integers, ASCII alpha
/// fields left-justified and space-padded). Every message starts with the same header, and the stock locate sits
/// at the same place in all of them so a filter can read it without knowing the type:
/// <code>
///   0      1              3                 5                     11
///   +------+--------------+-----------------+---------------------+---- type-specific fields
///   | type | stock locate | tracking number | timestamp (6 bytes) |
///   +------+--------------+-----------------+---------------------+
/// </code>
/// Timestamps are nanoseconds since midnight; Price(4) has 4 implied decimals (×10^4 gives the engine's 10^-8),
/// Price(8) has 8. The nested classes hold each message's type byte, total length and field offsets.
/// </summary>
public static class ItchDescriptor
{
    public const int MessageTypeOffset = 0;
    public const int StockLocateOffset = 1;
    public const int TrackingNumberOffset = 3;
    public const int TimestampOffset = 5;
    public const int TimestampLength = 6;
    public const int HeaderLength = 11;
    public const int StockLength = 8;

    /// <summary>Longest message of the protocol (NOII).</summary>
    public const int MaxMessageLength = 50;

    /// <summary>Price(4) to the engine's fixed point with exponent −8.</summary>
    public const long Price4Scale = 10_000;

    /// <summary>Total length of a message of type <paramref name="messageType"/>, or 0 for a type ITCH 5.0 does not define.</summary>
    public static int LengthOf(byte messageType) => Lengths[messageType];

    private static ReadOnlySpan<byte> Lengths =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 36, 19, 36, 19, 31, 40, 0, 25, 50, 35, 28, 26, 0, 20, 48,
        44, 40, 39, 12, 0, 35, 35, 12, 23, 20, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 21, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>'S' System Event Message (4.1).</summary>
    public static class SystemEvent
    {
        public const byte Type = (byte)'S';
        public const int Length = 12;
        public const int EventCodeOffset = 11;
    }

    /// <summary>'R' Stock Directory (4.2.1).</summary>
    public static class StockDirectory
    {
        public const byte Type = (byte)'R';
        public const int Length = 39;
        public const int StockOffset = 11;
        public const int MarketCategoryOffset = 19;
        public const int FinancialStatusIndicatorOffset = 20;
        public const int RoundLotSizeOffset = 21;
        public const int RoundLotsOnlyOffset = 25;
        public const int IssueClassificationOffset = 26;
        public const int IssueSubTypeOffset = 27;
        public const int AuthenticityOffset = 29;
        public const int ShortSaleThresholdIndicatorOffset = 30;
        public const int IpoFlagOffset = 31;
        public const int LuldReferencePriceTierOffset = 32;
        public const int EtpFlagOffset = 33;
        public const int EtpLeverageFactorOffset = 34;
        public const int InverseIndicatorOffset = 38;
    }

    /// <summary>'H' Stock Trading Action (4.2.2).</summary>
    public static class StockTradingAction
    {
        public const byte Type = (byte)'H';
        public const int Length = 25;
        public const int StockOffset = 11;
        public const int TradingStateOffset = 19;
        public const int ReservedOffset = 20;
        public const int ReasonOffset = 21;
    }

    /// <summary>'Y' Reg SHO Short Sale Price Test Restricted Indicator (4.2.3).</summary>
    public static class RegShoRestriction
    {
        public const byte Type = (byte)'Y';
        public const int Length = 20;
        public const int StockOffset = 11;
        public const int RegShoActionOffset = 19;
    }

    /// <summary>'L' Market Participant Position (4.2.4).</summary>
    public static class MarketParticipantPosition
    {
        public const byte Type = (byte)'L';
        public const int Length = 26;
        public const int MpidOffset = 11;
        public const int StockOffset = 15;
        public const int PrimaryMarketMakerOffset = 23;
        public const int MarketMakerModeOffset = 24;
        public const int MarketParticipantStateOffset = 25;
    }

    /// <summary>'V' MWCB Decline Level (4.2.5.1).</summary>
    public static class MwcbDeclineLevel
    {
        public const byte Type = (byte)'V';
        public const int Length = 35;
        public const int Level1Offset = 11;
        public const int Level2Offset = 19;
        public const int Level3Offset = 27;
    }

    /// <summary>'W' MWCB Status (4.2.5.2).</summary>
    public static class MwcbStatus
    {
        public const byte Type = (byte)'W';
        public const int Length = 12;
        public const int BreachedLevelOffset = 11;
    }

    /// <summary>'K' IPO Quoting Period Update (4.2.6).</summary>
    public static class IpoQuotingPeriodUpdate
    {
        public const byte Type = (byte)'K';
        public const int Length = 28;
        public const int StockOffset = 11;
        public const int IpoQuotationReleaseTimeOffset = 19;
        public const int IpoQuotationReleaseQualifierOffset = 23;
        public const int IpoPriceOffset = 24;
    }

    /// <summary>'J' LULD Auction Collar (4.2.7).</summary>
    public static class LuldAuctionCollar
    {
        public const byte Type = (byte)'J';
        public const int Length = 35;
        public const int StockOffset = 11;
        public const int AuctionCollarReferencePriceOffset = 19;
        public const int UpperAuctionCollarPriceOffset = 23;
        public const int LowerAuctionCollarPriceOffset = 27;
        public const int AuctionCollarExtensionOffset = 31;
    }

    /// <summary>'h' Operational Halt (4.2.8).</summary>
    public static class OperationalHalt
    {
        public const byte Type = (byte)'h';
        public const int Length = 21;
        public const int StockOffset = 11;
        public const int MarketCodeOffset = 19;
        public const int OperationalHaltActionOffset = 20;
    }

    /// <summary>'A' Add Order – No MPID Attribution (4.3.1).</summary>
    public static class AddOrder
    {
        public const byte Type = (byte)'A';
        public const int Length = 36;
        public const int OrderReferenceNumberOffset = 11;
        public const int BuySellIndicatorOffset = 19;
        public const int SharesOffset = 20;
        public const int StockOffset = 24;
        public const int PriceOffset = 32;
    }

    /// <summary>'F' Add Order with MPID Attribution (4.3.2).</summary>
    public static class AddOrderMpid
    {
        public const byte Type = (byte)'F';
        public const int Length = 40;
        public const int OrderReferenceNumberOffset = 11;
        public const int BuySellIndicatorOffset = 19;
        public const int SharesOffset = 20;
        public const int StockOffset = 24;
        public const int PriceOffset = 32;
        public const int AttributionOffset = 36;
    }

    /// <summary>'E' Order Executed (4.4.1).</summary>
    public static class OrderExecuted
    {
        public const byte Type = (byte)'E';
        public const int Length = 31;
        public const int OrderReferenceNumberOffset = 11;
        public const int ExecutedSharesOffset = 19;
        public const int MatchNumberOffset = 23;
    }

    /// <summary>'C' Order Executed With Price (4.4.2).</summary>
    public static class OrderExecutedWithPrice
    {
        public const byte Type = (byte)'C';
        public const int Length = 36;
        public const int OrderReferenceNumberOffset = 11;
        public const int ExecutedSharesOffset = 19;
        public const int MatchNumberOffset = 23;
        public const int PrintableOffset = 31;
        public const int ExecutionPriceOffset = 32;
    }

    /// <summary>'X' Order Cancel (4.4.3).</summary>
    public static class OrderCancel
    {
        public const byte Type = (byte)'X';
        public const int Length = 23;
        public const int OrderReferenceNumberOffset = 11;
        public const int CanceledSharesOffset = 19;
    }

    /// <summary>'D' Order Delete (4.4.4).</summary>
    public static class OrderDelete
    {
        public const byte Type = (byte)'D';
        public const int Length = 19;
        public const int OrderReferenceNumberOffset = 11;
    }

    /// <summary>'U' Order Replace (4.4.5).</summary>
    public static class OrderReplace
    {
        public const byte Type = (byte)'U';
        public const int Length = 35;
        public const int OriginalOrderReferenceNumberOffset = 11;
        public const int NewOrderReferenceNumberOffset = 19;
        public const int SharesOffset = 27;
        public const int PriceOffset = 31;
    }

    /// <summary>'P' Trade Message (Non-Cross) (4.5.1).</summary>
    public static class Trade
    {
        public const byte Type = (byte)'P';
        public const int Length = 44;
        public const int OrderReferenceNumberOffset = 11;
        public const int BuySellIndicatorOffset = 19;
        public const int SharesOffset = 20;
        public const int StockOffset = 24;
        public const int PriceOffset = 32;
        public const int MatchNumberOffset = 36;
    }

    /// <summary>'Q' Cross Trade (4.5.2).</summary>
    public static class CrossTrade
    {
        public const byte Type = (byte)'Q';
        public const int Length = 40;
        public const int SharesOffset = 11;
        public const int StockOffset = 19;
        public const int CrossPriceOffset = 27;
        public const int MatchNumberOffset = 31;
        public const int CrossTypeOffset = 39;
    }

    /// <summary>'B' Broken Trade / Order Execution (4.5.3).</summary>
    public static class BrokenTrade
    {
        public const byte Type = (byte)'B';
        public const int Length = 19;
        public const int MatchNumberOffset = 11;
    }

    /// <summary>'I' Net Order Imbalance Indicator (NOII) (4.6).</summary>
    public static class NetOrderImbalanceIndicator
    {
        public const byte Type = (byte)'I';
        public const int Length = 50;
        public const int PairedSharesOffset = 11;
        public const int ImbalanceSharesOffset = 19;
        public const int ImbalanceDirectionOffset = 27;
        public const int StockOffset = 28;
        public const int FarPriceOffset = 36;
        public const int NearPriceOffset = 40;
        public const int CurrentReferencePriceOffset = 44;
        public const int CrossTypeOffset = 48;
        public const int PriceVariationIndicatorOffset = 49;
    }

    /// <summary>'N' Retail Price Improvement Indicator (RPII) (4.7).</summary>
    public static class RetailPriceImprovementIndicator
    {
        public const byte Type = (byte)'N';
        public const int Length = 20;
        public const int StockOffset = 11;
        public const int InterestFlagOffset = 19;
    }

    /// <summary>'O' Direct Listing with Capital Raise Price Discovery (4.8).</summary>
    public static class DirectListingWithCapitalRaise
    {
        public const byte Type = (byte)'O';
        public const int Length = 48;
        public const int StockOffset = 11;
        public const int OpenEligibilityStatusOffset = 19;
        public const int MinimumAllowablePriceOffset = 20;
        public const int MaximumAllowablePriceOffset = 24;
        public const int NearExecutionPriceOffset = 28;
        public const int NearExecutionTimeOffset = 32;
        public const int LowerPriceRangeCollarOffset = 40;
        public const int UpperPriceRangeCollarOffset = 44;
    }
}
