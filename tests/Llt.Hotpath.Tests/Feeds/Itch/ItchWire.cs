using System.Buffers.Binary;
using System.Text;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>
/// Builds Nasdaq TotalView-ITCH 5.0 messages byte by byte at the offsets of the specification (section 4), written
/// out here as literals rather than through <c>ItchDescriptor</c>, so a wrong descriptor offset or length fails the
/// tests instead of agreeing with itself. Every message: type (0), stock locate (1, u16), tracking number (3, u16),
/// timestamp (5, 6 bytes ns since midnight); integers big-endian; alpha fields left-justified, space-padded.
/// </summary>
internal static class ItchWire
{
    /// <summary>$ amount → Price(4) wire value.</summary>
    public static uint Price4(decimal dollars) => (uint)(dollars * 10_000m);

    /// <summary>$ amount → engine fixed point (10^-8).</summary>
    public static long Engine(decimal dollars) => (long)(dollars * 100_000_000m);

    public static byte[] SystemEvent(ushort locate, ushort tracking, long timestamp, char eventCode)
    {
        byte[] m = Header('S', 12, locate, tracking, timestamp);
        m[11] = (byte)eventCode;
        return m;
    }

    public static byte[] StockDirectory(
        ushort locate, ushort tracking, long timestamp, string stock, char marketCategory, char financialStatus,
        uint roundLotSize, char roundLotsOnly, char issueClassification, string issueSubType, char authenticity,
        char shortSaleThreshold, char ipoFlag, char luldTier, char etpFlag, uint etpLeverageFactor, char inverse)
    {
        byte[] m = Header('R', 39, locate, tracking, timestamp);
        Alpha(m, 11, stock, 8);
        m[19] = (byte)marketCategory;
        m[20] = (byte)financialStatus;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(21), roundLotSize);
        m[25] = (byte)roundLotsOnly;
        m[26] = (byte)issueClassification;
        Alpha(m, 27, issueSubType, 2);
        m[29] = (byte)authenticity;
        m[30] = (byte)shortSaleThreshold;
        m[31] = (byte)ipoFlag;
        m[32] = (byte)luldTier;
        m[33] = (byte)etpFlag;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(34), etpLeverageFactor);
        m[38] = (byte)inverse;
        return m;
    }

    /// <summary>A directory entry with typical values for the fields book building does not read.</summary>
    public static byte[] StockDirectory(ushort locate, string stock, long timestamp = 1) =>
        StockDirectory(locate, 0, timestamp, stock, 'Q', 'N', 100, 'N', 'C', "Z ", 'P', 'N', 'N', '1', 'N', 1, 'N');

    public static byte[] StockTradingAction(ushort locate, ushort tracking, long timestamp, string stock, char state, char reserved, string reason)
    {
        byte[] m = Header('H', 25, locate, tracking, timestamp);
        Alpha(m, 11, stock, 8);
        m[19] = (byte)state;
        m[20] = (byte)reserved;
        Alpha(m, 21, reason, 4);
        return m;
    }

    public static byte[] RegShoRestriction(ushort locate, ushort tracking, long timestamp, string stock, char action)
    {
        byte[] m = Header('Y', 20, locate, tracking, timestamp);
        Alpha(m, 11, stock, 8);
        m[19] = (byte)action;
        return m;
    }

    public static byte[] MarketParticipantPosition(ushort locate, ushort tracking, long timestamp, string mpid, string stock, char primary, char mode, char state)
    {
        byte[] m = Header('L', 26, locate, tracking, timestamp);
        Alpha(m, 11, mpid, 4);
        Alpha(m, 15, stock, 8);
        m[23] = (byte)primary;
        m[24] = (byte)mode;
        m[25] = (byte)state;
        return m;
    }

    public static byte[] MwcbDeclineLevel(ushort locate, ushort tracking, long timestamp, ulong level1, ulong level2, ulong level3)
    {
        byte[] m = Header('V', 35, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), level1);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(19), level2);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(27), level3);
        return m;
    }

    public static byte[] MwcbStatus(ushort locate, ushort tracking, long timestamp, char breachedLevel)
    {
        byte[] m = Header('W', 12, locate, tracking, timestamp);
        m[11] = (byte)breachedLevel;
        return m;
    }

    public static byte[] IpoQuotingPeriodUpdate(ushort locate, ushort tracking, long timestamp, string stock, uint releaseTime, char qualifier, uint ipoPrice4)
    {
        byte[] m = Header('K', 28, locate, tracking, timestamp);
        Alpha(m, 11, stock, 8);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(19), releaseTime);
        m[23] = (byte)qualifier;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(24), ipoPrice4);
        return m;
    }

    public static byte[] LuldAuctionCollar(ushort locate, ushort tracking, long timestamp, string stock, uint reference4, uint upper4, uint lower4, uint extension)
    {
        byte[] m = Header('J', 35, locate, tracking, timestamp);
        Alpha(m, 11, stock, 8);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(19), reference4);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(23), upper4);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(27), lower4);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(31), extension);
        return m;
    }

    public static byte[] OperationalHalt(ushort locate, ushort tracking, long timestamp, string stock, char marketCode, char action)
    {
        byte[] m = Header('h', 21, locate, tracking, timestamp);
        Alpha(m, 11, stock, 8);
        m[19] = (byte)marketCode;
        m[20] = (byte)action;
        return m;
    }

    public static byte[] AddOrder(ushort locate, ushort tracking, long timestamp, ulong orderRef, char side, uint shares, string stock, uint price4)
    {
        byte[] m = Header('A', 36, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), orderRef);
        m[19] = (byte)side;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), shares);
        Alpha(m, 24, stock, 8);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(32), price4);
        return m;
    }

    public static byte[] AddOrderMpid(ushort locate, ushort tracking, long timestamp, ulong orderRef, char side, uint shares, string stock, uint price4, string attribution)
    {
        byte[] m = Header('F', 40, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), orderRef);
        m[19] = (byte)side;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), shares);
        Alpha(m, 24, stock, 8);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(32), price4);
        Alpha(m, 36, attribution, 4);
        return m;
    }

    public static byte[] OrderExecuted(ushort locate, ushort tracking, long timestamp, ulong orderRef, uint shares, ulong matchNumber)
    {
        byte[] m = Header('E', 31, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), orderRef);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(19), shares);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(23), matchNumber);
        return m;
    }

    public static byte[] OrderExecutedWithPrice(ushort locate, ushort tracking, long timestamp, ulong orderRef, uint shares, ulong matchNumber, char printable, uint price4)
    {
        byte[] m = Header('C', 36, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), orderRef);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(19), shares);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(23), matchNumber);
        m[31] = (byte)printable;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(32), price4);
        return m;
    }

    public static byte[] OrderCancel(ushort locate, ushort tracking, long timestamp, ulong orderRef, uint shares)
    {
        byte[] m = Header('X', 23, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), orderRef);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(19), shares);
        return m;
    }

    public static byte[] OrderDelete(ushort locate, ushort tracking, long timestamp, ulong orderRef)
    {
        byte[] m = Header('D', 19, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), orderRef);
        return m;
    }

    public static byte[] OrderReplace(ushort locate, ushort tracking, long timestamp, ulong originalRef, ulong newRef, uint shares, uint price4)
    {
        byte[] m = Header('U', 35, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), originalRef);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(19), newRef);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(27), shares);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(31), price4);
        return m;
    }

    public static byte[] Trade(ushort locate, ushort tracking, long timestamp, ulong orderRef, char side, uint shares, string stock, uint price4, ulong matchNumber)
    {
        byte[] m = Header('P', 44, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), orderRef);
        m[19] = (byte)side;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), shares);
        Alpha(m, 24, stock, 8);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(32), price4);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(36), matchNumber);
        return m;
    }

    public static byte[] CrossTrade(ushort locate, ushort tracking, long timestamp, ulong shares, string stock, uint crossPrice4, ulong matchNumber, char crossType)
    {
        byte[] m = Header('Q', 40, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), shares);
        Alpha(m, 19, stock, 8);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(27), crossPrice4);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(31), matchNumber);
        m[39] = (byte)crossType;
        return m;
    }

    public static byte[] BrokenTrade(ushort locate, ushort tracking, long timestamp, ulong matchNumber)
    {
        byte[] m = Header('B', 19, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), matchNumber);
        return m;
    }

    public static byte[] NetOrderImbalanceIndicator(
        ushort locate, ushort tracking, long timestamp, ulong paired, ulong imbalance, char direction, string stock,
        uint far4, uint near4, uint reference4, char crossType, char priceVariation)
    {
        byte[] m = Header('I', 50, locate, tracking, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), paired);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(19), imbalance);
        m[27] = (byte)direction;
        Alpha(m, 28, stock, 8);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(36), far4);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(40), near4);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(44), reference4);
        m[48] = (byte)crossType;
        m[49] = (byte)priceVariation;
        return m;
    }

    public static byte[] RetailPriceImprovementIndicator(ushort locate, ushort tracking, long timestamp, string stock, char interest)
    {
        byte[] m = Header('N', 20, locate, tracking, timestamp);
        Alpha(m, 11, stock, 8);
        m[19] = (byte)interest;
        return m;
    }

    public static byte[] DirectListingWithCapitalRaise(
        ushort locate, ushort tracking, long timestamp, string stock, char eligibility, uint min4, uint max4,
        uint nearPrice4, ulong nearTime, uint lower4, uint upper4)
    {
        byte[] m = Header('O', 48, locate, tracking, timestamp);
        Alpha(m, 11, stock, 8);
        m[19] = (byte)eligibility;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), min4);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(24), max4);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(28), nearPrice4);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(32), nearTime);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(40), lower4);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(44), upper4);
        return m;
    }

    /// <summary>Messages as NASDAQ distributes its daily files: each preceded by a 2-byte big-endian length.</summary>
    public static byte[] LengthPrefixed(IEnumerable<byte[]> messages)
    {
        using var stream = new MemoryStream();
        Span<byte> prefix = stackalloc byte[2];
        foreach (byte[] message in messages)
        {
            BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)message.Length);
            stream.Write(prefix);
            stream.Write(message);
        }

        return stream.ToArray();
    }

    private static byte[] Header(char type, int length, ushort locate, ushort tracking, long timestamp)
    {
        if (timestamp < 0 || timestamp >= 1L << 48)
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp, "an ITCH timestamp is 48 bits");
        }

        var m = new byte[length];
        m[0] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(1), locate);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(3), tracking);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(5), (ushort)(timestamp >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(7), (uint)timestamp);
        return m;
    }

    private static void Alpha(byte[] m, int offset, string value, int length)
    {
        if (value.Length > length)
        {
            throw new ArgumentException($"'{value}' is longer than {length}", nameof(value));
        }

        m.AsSpan(offset, length).Fill((byte)' ');
        Encoding.ASCII.GetBytes(value, m.AsSpan(offset));
    }
}
