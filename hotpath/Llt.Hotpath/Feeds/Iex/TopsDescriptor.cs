namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// IEX TOPS 1.6 (message protocol id 0x8003): the messages only TOPS carries. TOPS also carries System Event,
/// Security Directory, Trading Status, Retail Liquidity Indicator, Operational Halt Status, Short Sale Price
/// Test Status, Trade Report, Official Price, Trade Break and Auction Information (<see cref="IexMessageDescriptor"/>).
/// TOPS 1.5 uses the same layouts.
/// <code>
///   Quote Update 'Q' (0x51), 42 bytes
///   0    1     2          10       18            22            30            38          42
///   +----+-----+----------+--------+-------------+-------------+-------------+-----------+
///   |'Q' |flags|timestamp |symbol  |bid size u32 |bid price    |ask price    |ask size u32|
///   +----+-----+----------+--------+-------------+-------------+-------------+-----------+
/// </code>
/// </summary>
public static class TopsDescriptor
{
    public const ushort ProtocolId = IexTpDescriptor.TopsProtocolId;

    public const byte QuoteUpdateType = (byte)'Q';

    public const int QuoteUpdateLength = 42;

    public const int BidSizeOffset = 18;

    public const int BidPriceOffset = 22;

    public const int AskPriceOffset = 30;

    public const int AskSizeOffset = 38;

    /// <summary>Quote flag: 1 = symbol halted, paused or otherwise not available for trading on IEX.</summary>
    public const byte QuoteSymbolAvailabilityFlag = 0x80;

    /// <summary>Quote flag: 1 = pre/post-market session, 0 = regular market session.</summary>
    public const byte QuoteMarketSessionFlag = 0x40;
}
