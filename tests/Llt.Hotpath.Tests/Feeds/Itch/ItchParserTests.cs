using Llt.Hotpath.Feeds.Itch;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>
/// Every ITCH 5.0 message type built at the specification's offsets (<see cref="ItchWire"/>) and parsed back: each
/// field must come out as written. Values are chosen so that a field read at a neighbouring offset, with the wrong
/// width or byte order, gives a different number.
/// </summary>
public sealed class ItchParserTests
{
    private const ushort Locate = 0xA1B2;
    private const ushort Tracking = 0xC3D4;
    private const long Timestamp = 0x1234_5678_9ABC; // 48 bits, every byte distinct
    private const ulong OrderRef = 0x7F01_0203_0405_0607;
    private const ulong Match = 0x0A0B_0C0D_0E0F_1011;

    [Fact]
    public void SystemEvent_AllFields()
    {
        Assert.Equal(new SystemEventRecord(Locate, Tracking, Timestamp, 'Q'), ParseOne(ItchWire.SystemEvent(Locate, Tracking, Timestamp, 'Q')));
    }

    [Fact]
    public void StockDirectory_AllFields()
    {
        byte[] m = ItchWire.StockDirectory(Locate, Tracking, Timestamp, "BRK.A", 'N', 'D', 0x0102_0304, 'Y', 'C', "AB", 'T', 'Y', 'Y', '2', 'Y', 0x0506_0708, 'Y');
        Assert.Equal(
            new StockDirectoryRecord(Locate, Tracking, Timestamp, "BRK.A   ", "BRK.A", 'N', 'D', 0x0102_0304, 'Y', 'C', "AB", 'T', 'Y', 'Y', '2', 'Y', 0x0506_0708, 'Y'),
            ParseOne(m));
    }

    [Fact]
    public void StockTradingAction_AllFields()
    {
        Assert.Equal(
            new StockTradingActionRecord(Locate, Tracking, Timestamp, "AAPL    ", 'H', 'R', "LUDP"),
            ParseOne(ItchWire.StockTradingAction(Locate, Tracking, Timestamp, "AAPL", 'H', 'R', "LUDP")));
    }

    [Fact]
    public void RegShoRestriction_AllFields()
    {
        Assert.Equal(new RegShoRecord(Locate, Tracking, Timestamp, "MSFT    ", '1'), ParseOne(ItchWire.RegShoRestriction(Locate, Tracking, Timestamp, "MSFT", '1')));
    }

    [Fact]
    public void MarketParticipantPosition_AllFields()
    {
        Assert.Equal(
            new MarketParticipantPositionRecord(Locate, Tracking, Timestamp, "GSCO", "ZVZZT   ", 'Y', 'P', 'E'),
            ParseOne(ItchWire.MarketParticipantPosition(Locate, Tracking, Timestamp, "GSCO", "ZVZZT", 'Y', 'P', 'E')));
    }

    [Fact]
    public void MwcbDeclineLevel_PricesArePrice8_AlreadyTheEngineScale()
    {
        // Price(8): 8 implied decimals, the engine's own exponent; no rescaling
        Assert.Equal(
            new MwcbDeclineLevelRecord(Locate, Tracking, Timestamp, 0x0000_0102_0304_0506, 0x0000_0708_090A_0B0C, 0x0000_0D0E_0F10_1112),
            ParseOne(ItchWire.MwcbDeclineLevel(Locate, Tracking, Timestamp, 0x0000_0102_0304_0506, 0x0000_0708_090A_0B0C, 0x0000_0D0E_0F10_1112)));
    }

    [Fact]
    public void MwcbStatus_AllFields()
    {
        Assert.Equal(new MwcbStatusRecord(Locate, Tracking, Timestamp, '2'), ParseOne(ItchWire.MwcbStatus(Locate, Tracking, Timestamp, '2')));
    }

    [Fact]
    public void IpoQuotingPeriodUpdate_AllFields()
    {
        Assert.Equal(
            new IpoQuotingPeriodRecord(Locate, Tracking, Timestamp, "NEWCO   ", 34_200, 'A', ItchWire.Engine(17.25m)),
            ParseOne(ItchWire.IpoQuotingPeriodUpdate(Locate, Tracking, Timestamp, "NEWCO", 34_200, 'A', ItchWire.Price4(17.25m))));
    }

    [Fact]
    public void LuldAuctionCollar_AllFields()
    {
        Assert.Equal(
            new LuldAuctionCollarRecord(Locate, Tracking, Timestamp, "TSLA    ", ItchWire.Engine(250.5m), ItchWire.Engine(263.0250m), ItchWire.Engine(237.9750m), 3),
            ParseOne(ItchWire.LuldAuctionCollar(Locate, Tracking, Timestamp, "TSLA", ItchWire.Price4(250.5m), ItchWire.Price4(263.0250m), ItchWire.Price4(237.9750m), 3)));
    }

    [Fact]
    public void OperationalHalt_AllFields()
    {
        Assert.Equal(
            new OperationalHaltRecord(Locate, Tracking, Timestamp, "QQQ     ", 'B', 'H'),
            ParseOne(ItchWire.OperationalHalt(Locate, Tracking, Timestamp, "QQQ", 'B', 'H')));
    }

    [Fact]
    public void AddOrder_AllFields_PriceScaledToEngine()
    {
        Assert.Equal(
            new AddOrderRecord(Locate, Tracking, Timestamp, (long)OrderRef, 'S', 0x0102_0304, "AAPL    ", ItchWire.Engine(123.4567m)),
            ParseOne(ItchWire.AddOrder(Locate, Tracking, Timestamp, OrderRef, 'S', 0x0102_0304, "AAPL", ItchWire.Price4(123.4567m))));
    }

    [Fact]
    public void AddOrder_MaximumPrice_DoesNotOverflow()
    {
        // Price(4) is unsigned 32-bit: 429496.7295 is the largest; × 10^4 must stay exact in the engine's long
        var record = (AddOrderRecord)ParseOne(ItchWire.AddOrder(1, 0, 1, 1, 'B', 1, "X", uint.MaxValue));
        Assert.Equal(uint.MaxValue * 10_000L, record.Price);
    }

    [Fact]
    public void AddOrderMpid_AllFields()
    {
        Assert.Equal(
            new AddOrderMpidRecord(Locate, Tracking, Timestamp, (long)OrderRef, 'B', 300, "GOOGL   ", ItchWire.Engine(0.0001m), "VIRT"),
            ParseOne(ItchWire.AddOrderMpid(Locate, Tracking, Timestamp, OrderRef, 'B', 300, "GOOGL", ItchWire.Price4(0.0001m), "VIRT")));
    }

    [Fact]
    public void OrderExecuted_AllFields()
    {
        Assert.Equal(
            new OrderExecutedRecord(Locate, Tracking, Timestamp, (long)OrderRef, 0x0A0B_0C0D, (long)Match),
            ParseOne(ItchWire.OrderExecuted(Locate, Tracking, Timestamp, OrderRef, 0x0A0B_0C0D, Match)));
    }

    [Fact]
    public void OrderExecutedWithPrice_AllFields()
    {
        Assert.Equal(
            new OrderExecutedWithPriceRecord(Locate, Tracking, Timestamp, (long)OrderRef, 77, (long)Match, 'N', ItchWire.Engine(99.99m)),
            ParseOne(ItchWire.OrderExecutedWithPrice(Locate, Tracking, Timestamp, OrderRef, 77, Match, 'N', ItchWire.Price4(99.99m))));
    }

    [Fact]
    public void OrderCancel_AllFields()
    {
        Assert.Equal(
            new OrderCancelRecord(Locate, Tracking, Timestamp, (long)OrderRef, 0x0102_0304),
            ParseOne(ItchWire.OrderCancel(Locate, Tracking, Timestamp, OrderRef, 0x0102_0304)));
    }

    [Fact]
    public void OrderDelete_AllFields()
    {
        Assert.Equal(new OrderDeleteRecord(Locate, Tracking, Timestamp, (long)OrderRef), ParseOne(ItchWire.OrderDelete(Locate, Tracking, Timestamp, OrderRef)));
    }

    [Fact]
    public void OrderReplace_AllFields()
    {
        Assert.Equal(
            new OrderReplaceRecord(Locate, Tracking, Timestamp, (long)OrderRef, (long)Match, 0x0001_0203, ItchWire.Engine(42.4242m)),
            ParseOne(ItchWire.OrderReplace(Locate, Tracking, Timestamp, OrderRef, Match, 0x0001_0203, ItchWire.Price4(42.4242m))));
    }

    [Fact]
    public void Trade_AllFields()
    {
        Assert.Equal(
            new TradeRecord(Locate, Tracking, Timestamp, 0, 'B', 0x0102_0304, "AMZN    ", ItchWire.Engine(181.07m), (long)Match),
            ParseOne(ItchWire.Trade(Locate, Tracking, Timestamp, 0, 'B', 0x0102_0304, "AMZN", ItchWire.Price4(181.07m), Match)));
    }

    [Fact]
    public void CrossTrade_SharesAre64Bit()
    {
        Assert.Equal(
            new CrossTradeRecord(Locate, Tracking, Timestamp, 0x0000_0001_0203_0405, "SPY     ", ItchWire.Engine(450.01m), (long)Match, 'C'),
            ParseOne(ItchWire.CrossTrade(Locate, Tracking, Timestamp, 0x0000_0001_0203_0405, "SPY", ItchWire.Price4(450.01m), Match, 'C')));
    }

    [Fact]
    public void BrokenTrade_AllFields()
    {
        Assert.Equal(new BrokenTradeRecord(Locate, Tracking, Timestamp, (long)Match), ParseOne(ItchWire.BrokenTrade(Locate, Tracking, Timestamp, Match)));
    }

    [Fact]
    public void NetOrderImbalanceIndicator_AllFields()
    {
        byte[] m = ItchWire.NetOrderImbalanceIndicator(
            Locate, Tracking, Timestamp, 0x0000_0102_0304_0506, 0x0000_0708_090A_0B0C, 'S', "NVDA",
            ItchWire.Price4(1.1m), ItchWire.Price4(2.2m), ItchWire.Price4(3.3m), 'O', 'A');
        Assert.Equal(
            new NoiiRecord(Locate, Tracking, Timestamp, 0x0000_0102_0304_0506, 0x0000_0708_090A_0B0C, 'S', "NVDA    ",
                ItchWire.Engine(1.1m), ItchWire.Engine(2.2m), ItchWire.Engine(3.3m), 'O', 'A'),
            ParseOne(m));
    }

    [Fact]
    public void RetailPriceImprovementIndicator_AllFields()
    {
        Assert.Equal(new RpiiRecord(Locate, Tracking, Timestamp, "IBM     ", 'A'), ParseOne(ItchWire.RetailPriceImprovementIndicator(Locate, Tracking, Timestamp, "IBM", 'A')));
    }

    [Fact]
    public void DirectListingWithCapitalRaise_AllFields()
    {
        byte[] m = ItchWire.DirectListingWithCapitalRaise(
            Locate, Tracking, Timestamp, "DLCR", 'Y', ItchWire.Price4(8m), ItchWire.Price4(54m), ItchWire.Price4(30.5m),
            0x0000_1111_2222_3333, ItchWire.Price4(24m), ItchWire.Price4(36.6m));
        Assert.Equal(
            new DlcrRecord(Locate, Tracking, Timestamp, "DLCR    ", 'Y', ItchWire.Engine(8m), ItchWire.Engine(54m), ItchWire.Engine(30.5m),
                0x0000_1111_2222_3333, ItchWire.Engine(24m), ItchWire.Engine(36.6m)),
            ParseOne(m));
    }

    [Fact]
    public void EveryType_LengthTableAgreesWithTheSpecification()
    {
        // type → total length from the specification, including the type byte
        var lengths = new Dictionary<char, int>
        {
            ['S'] = 12, ['R'] = 39, ['H'] = 25, ['Y'] = 20, ['L'] = 26, ['V'] = 35, ['W'] = 12, ['K'] = 28, ['J'] = 35,
            ['h'] = 21, ['A'] = 36, ['F'] = 40, ['E'] = 31, ['C'] = 36, ['X'] = 23, ['D'] = 19, ['U'] = 35, ['P'] = 44,
            ['Q'] = 40, ['B'] = 19, ['I'] = 50, ['N'] = 20, ['O'] = 48,
        };
        for (int type = 0; type < 256; type++)
        {
            int expected = lengths.TryGetValue((char)type, out int length) ? length : 0;
            Assert.True(expected == ItchDescriptor.LengthOf((byte)type), $"type '{(char)type}' (0x{type:X2}): expected {expected}, table says {ItchDescriptor.LengthOf((byte)type)}");
        }

        Assert.Equal(50, lengths.Values.Max());
        Assert.Equal(50, ItchDescriptor.MaxMessageLength);
    }

    [Fact]
    public void Empty_IsMalformed()
    {
        var handler = new RecordingItchHandler();
        Assert.False(ItchParser.Parse(ReadOnlySpan<byte>.Empty, ref handler));
        Assert.Equal(new MalformedRecord(ItchMalformedReason.Empty, 0), Assert.Single(handler.Records));
    }

    [Theory]
    [InlineData('Z')]
    [InlineData('T')] // ITCH 4.x seconds message, gone in 5.0
    [InlineData('a')]
    [InlineData(0)]
    public void UnknownType_IsMalformed_NotDispatched(int type)
    {
        byte[] m = new byte[20];
        m[0] = (byte)type;
        var handler = new RecordingItchHandler();
        Assert.False(ItchParser.Parse(m, ref handler));
        Assert.Equal(new MalformedRecord(ItchMalformedReason.UnknownType, 20), Assert.Single(handler.Records));
    }

    [Fact]
    public void Truncated_IsLengthMismatch_ForEveryType()
    {
        foreach (byte[] full in OneOfEach())
        {
            var handler = new RecordingItchHandler();
            Assert.False(ItchParser.Parse(full.AsSpan(0, full.Length - 1), ref handler));
            Assert.Equal(new MalformedRecord(ItchMalformedReason.LengthMismatch, full.Length - 1), Assert.Single(handler.Records));

            handler = new RecordingItchHandler();
            Assert.False(ItchParser.Parse(full.AsSpan(0, 1), ref handler));
            Assert.Equal(new MalformedRecord(ItchMalformedReason.LengthMismatch, 1), Assert.Single(handler.Records));
        }
    }

    [Fact]
    public void TooLong_IsLengthMismatch_ForEveryType()
    {
        foreach (byte[] full in OneOfEach())
        {
            byte[] longer = new byte[full.Length + 1];
            full.CopyTo(longer, 0);
            var handler = new RecordingItchHandler();
            Assert.False(ItchParser.Parse(longer, ref handler));
            Assert.Equal(new MalformedRecord(ItchMalformedReason.LengthMismatch, longer.Length), Assert.Single(handler.Records));
        }
    }

    [Fact]
    public void OneOfEach_CoversEveryDefinedType_AndEachParses()
    {
        var types = new HashSet<char>();
        foreach (byte[] m in OneOfEach())
        {
            var handler = new RecordingItchHandler();
            Assert.True(ItchParser.Parse(m, ref handler));
            ItchRecord record = Assert.Single(handler.Records);
            Assert.Equal((char)m[0], record.Type);
            types.Add(record.Type);
        }

        Assert.Equal(23, types.Count);
    }

    [Fact]
    public void Views_TryWrap_RefuseOtherTypesAndLengths()
    {
        byte[] add = ItchWire.AddOrder(1, 0, 1, 5, 'B', 100, "X", 10_000);
        Assert.True(ItchAddOrder.TryWrap(add, out ItchAddOrder view));
        Assert.Equal(5, view.OrderReferenceNumber);
        Assert.False(ItchAddOrder.TryWrap(add.AsSpan(0, 35), out _));
        Assert.False(ItchOrderDelete.TryWrap(add, out _));
        byte[] wrongType = (byte[])add.Clone();
        wrongType[0] = (byte)'F';
        Assert.False(ItchAddOrder.TryWrap(wrongType, out _));
    }

    /// <summary>One valid message of each of the 23 types of ITCH 5.0.</summary>
    internal static IEnumerable<byte[]> OneOfEach()
    {
        yield return ItchWire.SystemEvent(0, 1, 2, 'O');
        yield return ItchWire.StockDirectory(1, "AAPL");
        yield return ItchWire.StockTradingAction(1, 1, 2, "AAPL", 'T', ' ', "    ");
        yield return ItchWire.RegShoRestriction(1, 1, 2, "AAPL", '0');
        yield return ItchWire.MarketParticipantPosition(1, 1, 2, "GSCO", "AAPL", 'N', 'N', 'A');
        yield return ItchWire.MwcbDeclineLevel(0, 1, 2, 1, 2, 3);
        yield return ItchWire.MwcbStatus(0, 1, 2, '1');
        yield return ItchWire.IpoQuotingPeriodUpdate(1, 1, 2, "AAPL", 1, 'A', 1);
        yield return ItchWire.LuldAuctionCollar(1, 1, 2, "AAPL", 1, 2, 3, 4);
        yield return ItchWire.OperationalHalt(1, 1, 2, "AAPL", 'Q', 'T');
        yield return ItchWire.AddOrder(1, 1, 2, 3, 'B', 100, "AAPL", 10_000);
        yield return ItchWire.AddOrderMpid(1, 1, 2, 3, 'B', 100, "AAPL", 10_000, "GSCO");
        yield return ItchWire.OrderExecuted(1, 1, 2, 3, 10, 4);
        yield return ItchWire.OrderExecutedWithPrice(1, 1, 2, 3, 10, 4, 'Y', 10_000);
        yield return ItchWire.OrderCancel(1, 1, 2, 3, 10);
        yield return ItchWire.OrderDelete(1, 1, 2, 3);
        yield return ItchWire.OrderReplace(1, 1, 2, 3, 4, 100, 10_000);
        yield return ItchWire.Trade(1, 1, 2, 0, 'B', 100, "AAPL", 10_000, 5);
        yield return ItchWire.CrossTrade(1, 1, 2, 100, "AAPL", 10_000, 5, 'O');
        yield return ItchWire.BrokenTrade(1, 1, 2, 5);
        yield return ItchWire.NetOrderImbalanceIndicator(1, 1, 2, 1, 2, 'B', "AAPL", 1, 2, 3, 'O', 'L');
        yield return ItchWire.RetailPriceImprovementIndicator(1, 1, 2, "AAPL", 'N');
        yield return ItchWire.DirectListingWithCapitalRaise(1, 1, 2, "AAPL", 'N', 1, 2, 3, 4, 5, 6);
    }

    private static ItchRecord ParseOne(byte[] message)
    {
        var handler = new RecordingItchHandler();
        Assert.True(ItchParser.Parse(message, ref handler));
        return Assert.Single(handler.Records);
    }
}
