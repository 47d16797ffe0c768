using Llt.Hotpath.Feeds.Itch;

namespace Llt.Hotpath.Tests.Feeds.Itch;

// the decoded-message records of RecordingItchHandler: one small record per ITCH message type, kept together
// because they are one family of test values
/// <summary>One decoded message as plain values (the views are ref structs and die with the call).</summary>
internal abstract record ItchRecord(char Type, ushort Locate, ushort Tracking, long Timestamp);

internal sealed record SystemEventRecord(ushort Locate, ushort Tracking, long Timestamp, char EventCode)
    : ItchRecord('S', Locate, Tracking, Timestamp);

internal sealed record StockDirectoryRecord(
    ushort Locate, ushort Tracking, long Timestamp, string Stock, string Symbol, char MarketCategory, char FinancialStatus,
    uint RoundLotSize, char RoundLotsOnly, char IssueClassification, string IssueSubType, char Authenticity,
    char ShortSaleThreshold, char IpoFlag, char LuldTier, char EtpFlag, uint EtpLeverageFactor, char Inverse)
    : ItchRecord('R', Locate, Tracking, Timestamp);

internal sealed record StockTradingActionRecord(ushort Locate, ushort Tracking, long Timestamp, string Stock, char State, char Reserved, string Reason)
    : ItchRecord('H', Locate, Tracking, Timestamp);

internal sealed record RegShoRecord(ushort Locate, ushort Tracking, long Timestamp, string Stock, char Action)
    : ItchRecord('Y', Locate, Tracking, Timestamp);

internal sealed record MarketParticipantPositionRecord(ushort Locate, ushort Tracking, long Timestamp, string Mpid, string Stock, char Primary, char Mode, char State)
    : ItchRecord('L', Locate, Tracking, Timestamp);

internal sealed record MwcbDeclineLevelRecord(ushort Locate, ushort Tracking, long Timestamp, long Level1, long Level2, long Level3)
    : ItchRecord('V', Locate, Tracking, Timestamp);

internal sealed record MwcbStatusRecord(ushort Locate, ushort Tracking, long Timestamp, char BreachedLevel)
    : ItchRecord('W', Locate, Tracking, Timestamp);

internal sealed record IpoQuotingPeriodRecord(ushort Locate, ushort Tracking, long Timestamp, string Stock, uint ReleaseTime, char Qualifier, long IpoPrice)
    : ItchRecord('K', Locate, Tracking, Timestamp);

internal sealed record LuldAuctionCollarRecord(ushort Locate, ushort Tracking, long Timestamp, string Stock, long Reference, long Upper, long Lower, uint Extension)
    : ItchRecord('J', Locate, Tracking, Timestamp);

internal sealed record OperationalHaltRecord(ushort Locate, ushort Tracking, long Timestamp, string Stock, char MarketCode, char Action)
    : ItchRecord('h', Locate, Tracking, Timestamp);

internal sealed record AddOrderRecord(ushort Locate, ushort Tracking, long Timestamp, long OrderRef, char Side, uint Shares, string Stock, long Price)
    : ItchRecord('A', Locate, Tracking, Timestamp);

internal sealed record AddOrderMpidRecord(ushort Locate, ushort Tracking, long Timestamp, long OrderRef, char Side, uint Shares, string Stock, long Price, string Attribution)
    : ItchRecord('F', Locate, Tracking, Timestamp);

internal sealed record OrderExecutedRecord(ushort Locate, ushort Tracking, long Timestamp, long OrderRef, uint Shares, long MatchNumber)
    : ItchRecord('E', Locate, Tracking, Timestamp);

internal sealed record OrderExecutedWithPriceRecord(ushort Locate, ushort Tracking, long Timestamp, long OrderRef, uint Shares, long MatchNumber, char Printable, long Price)
    : ItchRecord('C', Locate, Tracking, Timestamp);

internal sealed record OrderCancelRecord(ushort Locate, ushort Tracking, long Timestamp, long OrderRef, uint Shares)
    : ItchRecord('X', Locate, Tracking, Timestamp);

internal sealed record OrderDeleteRecord(ushort Locate, ushort Tracking, long Timestamp, long OrderRef)
    : ItchRecord('D', Locate, Tracking, Timestamp);

internal sealed record OrderReplaceRecord(ushort Locate, ushort Tracking, long Timestamp, long OriginalRef, long NewRef, uint Shares, long Price)
    : ItchRecord('U', Locate, Tracking, Timestamp);

internal sealed record TradeRecord(ushort Locate, ushort Tracking, long Timestamp, long OrderRef, char Side, uint Shares, string Stock, long Price, long MatchNumber)
    : ItchRecord('P', Locate, Tracking, Timestamp);

internal sealed record CrossTradeRecord(ushort Locate, ushort Tracking, long Timestamp, long Shares, string Stock, long CrossPrice, long MatchNumber, char CrossType)
    : ItchRecord('Q', Locate, Tracking, Timestamp);

internal sealed record BrokenTradeRecord(ushort Locate, ushort Tracking, long Timestamp, long MatchNumber)
    : ItchRecord('B', Locate, Tracking, Timestamp);

internal sealed record NoiiRecord(
    ushort Locate, ushort Tracking, long Timestamp, long Paired, long Imbalance, char Direction, string Stock,
    long Far, long Near, long Reference, char CrossType, char PriceVariation)
    : ItchRecord('I', Locate, Tracking, Timestamp);

internal sealed record RpiiRecord(ushort Locate, ushort Tracking, long Timestamp, string Stock, char Interest)
    : ItchRecord('N', Locate, Tracking, Timestamp);

internal sealed record DlcrRecord(
    ushort Locate, ushort Tracking, long Timestamp, string Stock, char Eligibility, long Min, long Max, long NearPrice,
    long NearTime, long Lower, long Upper)
    : ItchRecord('O', Locate, Tracking, Timestamp);

internal sealed record MalformedRecord(ItchMalformedReason Reason, int Length) : ItchRecord('?', 0, 0, 0);
