using System.Buffers.Binary;
using System.Text;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>
/// Builds IEX messages and IEX-TP segments byte by byte at the offsets the specifications give, written out
/// here as literals (not through the production descriptors) so a wrong descriptor fails the tests.
/// </summary>
internal static class IexWire
{
    public const ushort Tops = 0x8003;
    public const ushort Deep = 0x8004;
    public const ushort DeepPlus = 0x8005;

    /// <summary>$ amount → IEX price (4 implied decimals).</summary>
    public static long Price4(decimal dollars) => (long)(dollars * 10_000m);

    /// <summary>$ amount → engine price (8 implied decimals).</summary>
    public static long Price8(decimal dollars) => (long)(dollars * 100_000_000m);

    public static byte[] SystemEvent(byte systemEvent, long timestamp)
    {
        var m = new byte[10];
        m[0] = (byte)'S';
        m[1] = systemEvent;
        PutInt64(m, 2, timestamp);
        return m;
    }

    public static byte[] SecurityDirectory(byte flags, long timestamp, string symbol, uint roundLotSize, long adjustedPocPrice4, byte luldTier)
    {
        var m = Prefixed(31, 'D', flags, timestamp, symbol);
        PutUInt32(m, 18, roundLotSize);
        PutInt64(m, 22, adjustedPocPrice4);
        m[30] = luldTier;
        return m;
    }

    public static byte[] TradingStatus(byte status, long timestamp, string symbol, string reason)
    {
        var m = Prefixed(22, 'H', status, timestamp, symbol);
        PutAscii(m, 18, reason, 4);
        return m;
    }

    public static byte[] RetailLiquidityIndicator(byte indicator, long timestamp, string symbol) => Prefixed(18, 'I', indicator, timestamp, symbol);

    public static byte[] OperationalHaltStatus(byte status, long timestamp, string symbol) => Prefixed(18, 'O', status, timestamp, symbol);

    public static byte[] ShortSalePriceTestStatus(byte status, long timestamp, string symbol, byte detail)
    {
        var m = Prefixed(19, 'P', status, timestamp, symbol);
        m[18] = detail;
        return m;
    }

    public static byte[] SecurityEvent(byte securityEvent, long timestamp, string symbol) => Prefixed(18, 'E', securityEvent, timestamp, symbol);

    public static byte[] QuoteUpdate(byte flags, long timestamp, string symbol, uint bidSize, long bidPrice4, long askPrice4, uint askSize)
    {
        var m = Prefixed(42, 'Q', flags, timestamp, symbol);
        PutUInt32(m, 18, bidSize);
        PutInt64(m, 22, bidPrice4);
        PutInt64(m, 30, askPrice4);
        PutUInt32(m, 38, askSize);
        return m;
    }

    /// <summary>DEEP price level update: buy '8' or sell '5'.</summary>
    public static byte[] PriceLevel(bool buy, byte eventFlags, long timestamp, string symbol, uint size, long price4)
    {
        var m = Prefixed(30, buy ? '8' : '5', eventFlags, timestamp, symbol);
        PutUInt32(m, 18, size);
        PutInt64(m, 22, price4);
        return m;
    }

    public static byte[] Bid(string symbol, decimal price, uint size, bool complete = true, long timestamp = 1_000) =>
        PriceLevel(true, complete ? (byte)1 : (byte)0, timestamp, symbol, size, Price4(price));

    public static byte[] Ask(string symbol, decimal price, uint size, bool complete = true, long timestamp = 1_000) =>
        PriceLevel(false, complete ? (byte)1 : (byte)0, timestamp, symbol, size, Price4(price));

    /// <summary>Trade Report 'T' or Trade Break 'B' (same layout).</summary>
    public static byte[] Trade(char type, byte saleConditionFlags, long timestamp, string symbol, uint size, long price4, long tradeId)
    {
        var m = Prefixed(38, type, saleConditionFlags, timestamp, symbol);
        PutUInt32(m, 18, size);
        PutInt64(m, 22, price4);
        PutInt64(m, 30, tradeId);
        return m;
    }

    public static byte[] OfficialPrice(byte priceType, long timestamp, string symbol, long price4)
    {
        var m = Prefixed(26, 'X', priceType, timestamp, symbol);
        PutInt64(m, 18, price4);
        return m;
    }

    public static byte[] AuctionInformation(
        byte auctionType, long timestamp, string symbol, uint pairedShares, long referencePrice4, long indicativeClearingPrice4,
        uint imbalanceShares, byte imbalanceSide, byte extensionNumber, uint scheduledAuctionTime, long auctionBookClearingPrice4,
        long collarReferencePrice4, long lowerAuctionCollar4, long upperAuctionCollar4)
    {
        var m = Prefixed(80, 'A', auctionType, timestamp, symbol);
        PutUInt32(m, 18, pairedShares);
        PutInt64(m, 22, referencePrice4);
        PutInt64(m, 30, indicativeClearingPrice4);
        PutUInt32(m, 38, imbalanceShares);
        m[42] = imbalanceSide;
        m[43] = extensionNumber;
        PutUInt32(m, 44, scheduledAuctionTime);
        PutInt64(m, 48, auctionBookClearingPrice4);
        PutInt64(m, 56, collarReferencePrice4);
        PutInt64(m, 64, lowerAuctionCollar4);
        PutInt64(m, 72, upperAuctionCollar4);
        return m;
    }

    /// <summary>DEEP+ Add Order 'a' / Order Modify 'M' (same layout).</summary>
    public static byte[] Order(char type, byte sideOrFlags, long timestamp, string symbol, long orderId, uint size, long price4)
    {
        var m = Prefixed(38, type, sideOrFlags, timestamp, symbol);
        PutInt64(m, 18, orderId);
        PutUInt32(m, 26, size);
        PutInt64(m, 30, price4);
        return m;
    }

    public static byte[] OrderDelete(long timestamp, string symbol, long orderId)
    {
        var m = Prefixed(26, 'R', 0, timestamp, symbol);
        PutInt64(m, 18, orderId);
        return m;
    }

    public static byte[] OrderExecuted(byte saleConditionFlags, long timestamp, string symbol, long orderId, uint size, long price4, long tradeId)
    {
        var m = Prefixed(46, 'L', saleConditionFlags, timestamp, symbol);
        PutInt64(m, 18, orderId);
        PutUInt32(m, 26, size);
        PutInt64(m, 30, price4);
        PutInt64(m, 38, tradeId);
        return m;
    }

    public static byte[] ClearBook(long timestamp, string symbol) => Prefixed(18, 'C', 0, timestamp, symbol);

    /// <summary>
    /// An IEX-TP v1 segment: 40-byte header (version 1, reserved 0, protocol, channel 1, session, payload
    /// length, message count, stream offset, first sequence, send time) and the messages with 2-byte lengths.
    /// </summary>
    public static byte[] Segment(ushort protocol, uint session, long firstSequence, params byte[][] messages) =>
        Segment(protocol, session, firstSequence, streamOffset: 0, sendTime: 1_700_000_000_000_000_000, messages);

    public static byte[] Segment(ushort protocol, uint session, long firstSequence, long streamOffset, long sendTime, params byte[][] messages)
    {
        int payload = 0;
        foreach (byte[] message in messages)
        {
            payload += 2 + message.Length;
        }

        var s = new byte[40 + payload];
        s[0] = 1;
        s[1] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(2), protocol);
        PutUInt32(s, 4, 1);
        PutUInt32(s, 8, session);
        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(12), (ushort)payload);
        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(14), (ushort)messages.Length);
        PutInt64(s, 16, streamOffset);
        PutInt64(s, 24, firstSequence);
        PutInt64(s, 32, sendTime);
        int position = 40;
        foreach (byte[] message in messages)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(position), (ushort)message.Length);
            message.CopyTo(s, position + 2);
            position += 2 + message.Length;
        }

        return s;
    }

    public static void PutInt64(byte[] buffer, int offset, long value) => BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(offset), value);

    public static void PutUInt32(byte[] buffer, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(offset), value);

    private static byte[] Prefixed(int length, char type, byte second, long timestamp, string symbol)
    {
        var m = new byte[length];
        m[0] = (byte)type;
        m[1] = second;
        PutInt64(m, 2, timestamp);
        PutAscii(m, 10, symbol, 8);
        return m;
    }

    private static void PutAscii(byte[] buffer, int offset, string text, int width)
    {
        buffer.AsSpan(offset, width).Fill((byte)' ');
        Encoding.ASCII.GetBytes(text, buffer.AsSpan(offset, width));
    }
}
