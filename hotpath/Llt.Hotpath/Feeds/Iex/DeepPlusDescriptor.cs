namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// IEX DEEP+ 1.0 (message protocol id 0x8005): the order-by-order messages. DEEP+ also carries System Event,
/// Security Directory, Trading Status, Retail Liquidity Indicator, Operational Halt Status, Short Sale Price
/// Test Status, Security Event, Trade (the Trade Report layout) and Trade Break (<see cref="IexMessageDescriptor"/>).
/// <code>
///   Add Order 'a' (0x61) / Order Modify 'M' (0x4d), 38 bytes
///   0    1                2          10       18           26         30          38
///   +----+----------------+----------+--------+------------+----------+-----------+
///   |type|side/modify flags|timestamp|symbol  |order id i64|size u32  |price      |
///   +----+----------------+----------+--------+------------+----------+-----------+
///   Order Delete 'R' (0x52), 26 bytes: reserved @1, order id @18
///   Order Executed 'L' (0x4c), 46 bytes: sale condition flags @1, order id @18, size @26, price @30, trade id @38
///   Clear Book 'C' (0x43), 18 bytes: reserved @1
/// </code>
/// </summary>
public static class DeepPlusDescriptor
{
    public const ushort ProtocolId = IexTpDescriptor.DeepPlusProtocolId;

    public const byte AddOrderType = (byte)'a';

    public const byte OrderModifyType = (byte)'M';

    public const byte OrderDeleteType = (byte)'R';

    public const byte OrderExecutedType = (byte)'L';

    public const byte ClearBookType = (byte)'C';

    public const int AddOrderLength = 38;

    public const int OrderModifyLength = 38;

    public const int OrderDeleteLength = 26;

    public const int OrderExecutedLength = 46;

    public const int ClearBookLength = 18;

    public const int OrderIdOffset = 18;

    public const int SizeOffset = 26;

    public const int PriceOffset = 30;

    public const int TradeIdOffset = 38;

    /// <summary>Add Order side: buy.</summary>
    public const byte SideBuy = (byte)'8';

    /// <summary>Add Order side: sell.</summary>
    public const byte SideSell = (byte)'5';

    /// <summary>Order Modify flags bit 0: 1 = the order keeps its priority, 0 = priority reset.</summary>
    public const byte ModifyMaintainPriorityFlag = 0x01;
}
