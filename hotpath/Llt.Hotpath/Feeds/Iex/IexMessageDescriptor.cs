namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Layouts of the IEX messages that TOPS 1.6, DEEP 1.0 and DEEP+ 1.0 share byte for byte (the administrative
/// messages and the trade/auction messages). Every IEX message starts with the same prefix:
/// <code>
///   0            1                         2                     10                    18
///   +------------+-------------------------+---------------------+---------------------+----------
///   |message type| flags / status / event  | timestamp int64     | symbol char[8]      | message-
///   | uint8      | uint8 (per message)     | ns since POSIX epoch| ASCII, space padded | specific
///   +------------+-------------------------+---------------------+---------------------+----------
/// </code>
/// (System Event stops after the timestamp.) Prices are int64 fixed point with 4 decimals; sizes are uint32;
/// Event Time is uint32 seconds since the epoch. Lengths are the spec's; IEX may grow a message by appending
/// fields, so a longer message decodes its known prefix, a shorter one is malformed.
/// </summary>
public static class IexMessageDescriptor
{
    public const int MessageTypeOffset = 0;

    /// <summary>The second byte: flags, a status or an event code depending on the message.</summary>
    public const int SecondByteOffset = 1;

    public const int TimestampOffset = 2;

    public const int SymbolOffset = 10;

    public const int SymbolLength = 8;

    /// <summary>System Event 'S' (0x53): system event @1, timestamp @2.</summary>
    public const byte SystemEventType = (byte)'S';

    public const int SystemEventLength = 10;

    public const byte SystemEventStartOfMessages = (byte)'O';
    public const byte SystemEventStartOfSystemHours = (byte)'S';
    public const byte SystemEventStartOfRegularMarketHours = (byte)'R';
    public const byte SystemEventEndOfRegularMarketHours = (byte)'M';
    public const byte SystemEventEndOfSystemHours = (byte)'E';
    public const byte SystemEventEndOfMessages = (byte)'C';

    /// <summary>Security Directory 'D' (0x44): flags @1, round lot size uint32 @18, adjusted POC price @22, LULD tier @30.</summary>
    public const byte SecurityDirectoryType = (byte)'D';

    public const int SecurityDirectoryLength = 31;

    public const int RoundLotSizeOffset = 18;

    public const int AdjustedPocPriceOffset = 22;

    public const int LuldTierOffset = 30;

    public const byte SecurityDirectoryTestSecurityFlag = 0x80;
    public const byte SecurityDirectoryWhenIssuedFlag = 0x40;
    public const byte SecurityDirectoryEtpFlag = 0x20;

    /// <summary>Trading Status 'H' (0x48): trading status @1, reason char[4] @18.</summary>
    public const byte TradingStatusType = (byte)'H';

    public const int TradingStatusLength = 22;

    public const int ReasonOffset = 18;

    public const int ReasonLength = 4;

    public const byte TradingStatusHalted = (byte)'H';
    public const byte TradingStatusOrderAcceptancePeriod = (byte)'O';
    public const byte TradingStatusPaused = (byte)'P';
    public const byte TradingStatusTrading = (byte)'T';

    /// <summary>Retail Liquidity Indicator 'I' (0x49): indicator @1.</summary>
    public const byte RetailLiquidityIndicatorType = (byte)'I';

    public const int RetailLiquidityIndicatorLength = 18;

    /// <summary>Operational Halt Status 'O' (0x4f): status @1 ('O' halted, 'N' not halted).</summary>
    public const byte OperationalHaltStatusType = (byte)'O';

    public const int OperationalHaltStatusLength = 18;

    public const byte OperationallyHalted = (byte)'O';
    public const byte NotOperationallyHalted = (byte)'N';

    /// <summary>Short Sale Price Test Status 'P' (0x50): status @1 (0/1), detail @18.</summary>
    public const byte ShortSalePriceTestStatusType = (byte)'P';

    public const int ShortSalePriceTestStatusLength = 19;

    public const int DetailOffset = 18;

    /// <summary>Security Event 'E' (0x45, DEEP and DEEP+): security event @1 ('O' opening / 'C' closing process complete).</summary>
    public const byte SecurityEventType = (byte)'E';

    public const int SecurityEventLength = 18;

    /// <summary>
    /// Trade Report 'T' (0x54; DEEP+ calls it Trade) and Trade Break 'B' (0x42): sale condition flags @1,
    /// size uint32 @18, price @22, trade id int64 @30.
    /// </summary>
    public const byte TradeReportType = (byte)'T';

    public const byte TradeBreakType = (byte)'B';

    public const int TradeReportLength = 38;

    public const int TradeSizeOffset = 18;

    public const int TradePriceOffset = 22;

    public const int TradeIdOffset = 30;

    public const byte SaleConditionIntermarketSweep = 0x80;
    public const byte SaleConditionExtendedHours = 0x40;
    public const byte SaleConditionOddLot = 0x20;
    public const byte SaleConditionTradeThroughExempt = 0x10;
    public const byte SaleConditionSinglePriceCross = 0x08;

    /// <summary>Official Price 'X' (0x58): price type @1 ('Q' opening, 'M' closing), official price @18.</summary>
    public const byte OfficialPriceType = (byte)'X';

    public const int OfficialPriceLength = 26;

    public const int OfficialPriceOffset = 18;

    /// <summary>
    /// Auction Information 'A' (0x41): auction type @1, paired shares uint32 @18, reference price @22,
    /// indicative clearing price @30, imbalance shares uint32 @38, imbalance side @42, extension number @43,
    /// scheduled auction time uint32 s @44, auction book clearing price @48, collar reference price @56,
    /// lower auction collar @64, upper auction collar @72.
    /// </summary>
    public const byte AuctionInformationType = (byte)'A';

    public const int AuctionInformationLength = 80;

    public const int PairedSharesOffset = 18;

    public const int ReferencePriceOffset = 22;

    public const int IndicativeClearingPriceOffset = 30;

    public const int ImbalanceSharesOffset = 38;

    public const int ImbalanceSideOffset = 42;

    public const int ExtensionNumberOffset = 43;

    public const int ScheduledAuctionTimeOffset = 44;

    public const int AuctionBookClearingPriceOffset = 48;

    public const int CollarReferencePriceOffset = 56;

    public const int LowerAuctionCollarOffset = 64;

    public const int UpperAuctionCollarOffset = 72;
}
