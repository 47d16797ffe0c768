namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// IEX DEEP 1.0 (message protocol id 0x8004): the messages only DEEP carries. DEEP also carries System Event,
/// Security Directory, Trading Status, Retail Liquidity Indicator, Operational Halt Status, Short Sale Price
/// Test Status, Security Event, Trade Report, Official Price, Trade Break and Auction Information
/// (<see cref="IexMessageDescriptor"/>).
/// <code>
///   Price Level Update '8' (0x38, buy side) / '5' (0x35, sell side), 30 bytes
///   0    1           2          10       18          22             30
///   +----+-----------+----------+--------+-----------+--------------+
///   |type|event flags|timestamp |symbol  |size u32   |price         |
///   +----+-----------+----------+--------+-----------+--------------+
/// </code>
/// Size 0 removes the level. Event flags 1 marks the end of the event (e.g. a taking order) that caused the
/// update: the book is in transition after an update with the flag clear and consistent — its best bid and
/// offer can be computed — only after one with the flag set.
/// </summary>
public static class DeepDescriptor
{
    public const ushort ProtocolId = IexTpDescriptor.DeepProtocolId;

    public const byte PriceLevelUpdateBuyType = (byte)'8';

    public const byte PriceLevelUpdateSellType = (byte)'5';

    public const int PriceLevelUpdateLength = 30;

    public const int SizeOffset = 18;

    public const int PriceOffset = 22;

    /// <summary>Event flags: the order book is processing an event (in transition).</summary>
    public const byte EventInTransition = 0x0;

    /// <summary>Event flags: event processing complete (the book is consistent).</summary>
    public const byte EventProcessingComplete = 0x1;
}
