using Llt.Hotpath.Feeds.Iex;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Feeds.Iex;

public sealed class IexParserTests
{
    private const long Ts = 1_492_462_800_000_000_000; // 2017-04-17 21:00:00 UTC

    [Fact]
    public void SystemEvent_SpecExampleBytes_DecodeEventAndTimestamp()
    {
        // the spec's example: 53 45 00a09997e93db614 = End of System Hours, 2017-04-17 17:00:00 ET
        byte[] message = [0x53, 0x45, 0x00, 0xa0, 0x99, 0x97, 0xe9, 0x3d, 0xb6, 0x14];

        DecodedMessage m = ParseOne(IexProtocol.Deep, message);

        Assert.Equal("SystemEvent", m.Kind);
        Assert.Equal((byte)'E', m.Code);
        Assert.Equal(0x14b63de99799a000, m.Timestamp);
    }

    [Fact]
    public void SecurityDirectory_SpecExample_DecodesEveryField()
    {
        // ZIEXT, test security, round lot 100, adjusted POC $99.05 (0x0f1d24), LULD tier 1
        byte[] message = IexWire.SecurityDirectory(0x80, Ts, "ZIEXT", 100, 0x0f1d24, 1);

        DecodedMessage m = ParseOne(IexProtocol.Tops, message);

        Assert.Equal("SecurityDirectory", m.Kind);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
        Assert.Equal(100, m["RoundLotSize"]);
        Assert.Equal(IexWire.Price8(99.05m), m["AdjustedPocPrice"]);
        Assert.Equal(1, m["LuldTier"]);
        Assert.Equal(1, m["IsTestSecurity"]);
        Assert.Equal(0, m["IsWhenIssued"]);
        Assert.Equal(0, m["IsEtp"]);
    }

    [Fact]
    public void TradingStatus_DecodesStatusAndReason()
    {
        DecodedMessage m = ParseOne(IexProtocol.Deep, IexWire.TradingStatus((byte)'H', Ts, "ZIEXT", "T1"));

        Assert.Equal("TradingStatus", m.Kind);
        Assert.Equal((byte)'H', m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
        Assert.Equal(BitConverter.ToUInt32("T1  "u8), (uint)m["Reason"]);
    }

    [Fact]
    public void RetailLiquidityIndicator_DecodesIndicator()
    {
        DecodedMessage m = ParseOne(IexProtocol.Tops, IexWire.RetailLiquidityIndicator((byte)'A', Ts, "ZIEXT"));

        Assert.Equal("RetailLiquidityIndicator", m.Kind);
        Assert.Equal((byte)'A', m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
    }

    [Fact]
    public void OperationalHaltStatus_DecodesHalted()
    {
        DecodedMessage m = ParseOne(IexProtocol.Deep, IexWire.OperationalHaltStatus((byte)'O', Ts, "ZIEXT"));

        Assert.Equal("OperationalHaltStatus", m.Kind);
        Assert.Equal((byte)'O', m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
        Assert.Equal(1, m["IsHalted"]);
        Assert.Equal(0, ParseOne(IexProtocol.Deep, IexWire.OperationalHaltStatus((byte)'N', Ts, "ZIEXT"))["IsHalted"]);
    }

    [Fact]
    public void ShortSalePriceTestStatus_DecodesStatusAndDetail()
    {
        DecodedMessage m = ParseOne(IexProtocol.Tops, IexWire.ShortSalePriceTestStatus(1, Ts, "ZIEXT", (byte)'A'));

        Assert.Equal("ShortSalePriceTestStatus", m.Kind);
        Assert.Equal(1, m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
        Assert.Equal(1, m["IsInEffect"]);
        Assert.Equal((byte)'A', m["Detail"]);
    }

    [Fact]
    public void SecurityEvent_DeepOnly_DecodesEvent()
    {
        DecodedMessage m = ParseOne(IexProtocol.Deep, IexWire.SecurityEvent((byte)'O', Ts, "ZIEXT"));

        Assert.Equal("SecurityEvent", m.Kind);
        Assert.Equal((byte)'O', m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
    }

    [Fact]
    public void QuoteUpdate_Tops_DecodesBothSidesInEnginePrices()
    {
        byte[] message = IexWire.QuoteUpdate(0x40, Ts, "ZIEXT", 9700, IexWire.Price4(99.05m), IexWire.Price4(99.07m), 1000);

        DecodedMessage m = ParseOne(IexProtocol.Tops, message);

        Assert.Equal("QuoteUpdate", m.Kind);
        Assert.Equal(0x40, m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
        Assert.Equal(9700, m["BidSize"]);
        Assert.Equal(9_905_000_000, m["BidPrice"]);
        Assert.Equal(9_907_000_000, m["AskPrice"]);
        Assert.Equal(1000, m["AskSize"]);
        Assert.Equal(1, m["IsSymbolAvailable"]);
        Assert.Equal(1, m["IsPrePostMarketSession"]);
    }

    [Theory]
    [InlineData(true, Side.Buy, (byte)'8')]
    [InlineData(false, Side.Sell, (byte)'5')]
    public void PriceLevelUpdate_Deep_DecodesSideFlagsSizeAndPrice(bool buy, Side side, byte type)
    {
        byte[] message = IexWire.PriceLevel(buy, 1, Ts, "ZIEXT", 9700, 0x0f1d24);

        DecodedMessage m = ParseOne(IexProtocol.Deep, message);

        Assert.Equal("PriceLevelUpdate", m.Kind);
        Assert.Equal(1, m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
        Assert.Equal(type, m["MessageType"]);
        Assert.Equal((long)side, m["Side"]);
        Assert.Equal(1, m["IsEventProcessingComplete"]);
        Assert.Equal(9700, m["Size"]);
        Assert.Equal(0x0f1d24, m["RawPrice"]);
        Assert.Equal(9_905_000_000, m["Price"]);
    }

    [Fact]
    public void TradeReport_DecodesFlagsSizePriceAndTradeId()
    {
        byte[] message = IexWire.Trade('T', 0xc0, Ts, "ZIEXT", 100, IexWire.Price4(99.05m), 429974);

        DecodedMessage m = ParseOne(IexProtocol.Deep, message);

        Assert.Equal("TradeReport", m.Kind);
        Assert.Equal(0xc0, m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
        Assert.Equal(100, m["Size"]);
        Assert.Equal(9_905_000_000, m["Price"]);
        Assert.Equal(429974, m["TradeId"]);
    }

    [Fact]
    public void TradeBreak_DecodesTheBrokenTrade()
    {
        DecodedMessage m = ParseOne(IexProtocol.Tops, IexWire.Trade('B', 0x20, Ts, "ZIEXT", 100, IexWire.Price4(99.05m), 429974));

        Assert.Equal("TradeBreak", m.Kind);
        Assert.Equal(0x20, m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
        Assert.Equal(100, m["Size"]);
        Assert.Equal(429974, m["TradeId"]);
        Assert.Equal(9_905_000_000, m["Price"]);
    }

    [Fact]
    public void OfficialPrice_DecodesTypeAndPrice()
    {
        DecodedMessage m = ParseOne(IexProtocol.Deep, IexWire.OfficialPrice((byte)'Q', Ts, "ZIEXT", IexWire.Price4(99.05m)));

        Assert.Equal("OfficialPrice", m.Kind);
        Assert.Equal((byte)'Q', m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
        Assert.Equal(9_905_000_000, m["OfficialPrice"]);
    }

    [Fact]
    public void AuctionInformation_DecodesEveryField()
    {
        byte[] message = IexWire.AuctionInformation(
            (byte)'C', Ts, "ZIEXT", 93_000, IexWire.Price4(35.56m), IexWire.Price4(35.57m), 1_200, (byte)'B', 2, 1_492_461_000,
            IexWire.Price4(35.58m), IexWire.Price4(35.50m), IexWire.Price4(31.95m), IexWire.Price4(39.05m));

        DecodedMessage m = ParseOne(IexProtocol.Tops, message);

        Assert.Equal("AuctionInformation", m.Kind);
        Assert.Equal((byte)'C', m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(Ts, m.Timestamp);
        Assert.Equal(93_000, m["PairedShares"]);
        Assert.Equal(IexWire.Price8(35.56m), m["ReferencePrice"]);
        Assert.Equal(IexWire.Price8(35.57m), m["IndicativeClearingPrice"]);
        Assert.Equal(1_200, m["ImbalanceShares"]);
        Assert.Equal((byte)'B', m["ImbalanceSide"]);
        Assert.Equal(2, m["ExtensionNumber"]);
        Assert.Equal(1_492_461_000, m["ScheduledAuctionTime"]);
        Assert.Equal(IexWire.Price8(35.58m), m["AuctionBookClearingPrice"]);
        Assert.Equal(IexWire.Price8(35.50m), m["CollarReferencePrice"]);
        Assert.Equal(IexWire.Price8(31.95m), m["LowerAuctionCollar"]);
        Assert.Equal(IexWire.Price8(39.05m), m["UpperAuctionCollar"]);
    }

    [Fact]
    public void DeepPlusOrderMessages_DecodeEveryField()
    {
        var handler = new RecordingIexHandler();
        Parse(IexProtocol.DeepPlus, IexWire.Order('a', (byte)'8', Ts, "ZIEXT", 429974, 100, IexWire.Price4(99.05m)), ref handler);
        Parse(IexProtocol.DeepPlus, IexWire.Order('M', 1, Ts + 1, "ZIEXT", 429974, 60, IexWire.Price4(99.06m)), ref handler);
        Parse(IexProtocol.DeepPlus, IexWire.OrderExecuted(0x20, Ts + 2, "ZIEXT", 429974, 10, IexWire.Price4(99.06m), 167830), ref handler);
        Parse(IexProtocol.DeepPlus, IexWire.OrderDelete(Ts + 3, "ZIEXT", 429974), ref handler);
        Parse(IexProtocol.DeepPlus, IexWire.ClearBook(Ts + 4, "ZIEXT"), ref handler);

        Assert.Empty(handler.Malformed);
        Assert.Equal(["AddOrder", "OrderModify", "OrderExecuted", "OrderDelete", "ClearBook"], handler.Messages.Select(m => m.Kind));
        DecodedMessage add = handler.Messages[0];
        Assert.Equal((long)Side.Buy, add["Side"]);
        Assert.Equal(429974, add["OrderId"]);
        Assert.Equal(100, add["Size"]);
        Assert.Equal(9_905_000_000, add["Price"]);
        DecodedMessage modify = handler.Messages[1];
        Assert.Equal(1, modify["MaintainsPriority"]);
        Assert.Equal(60, modify["Size"]);
        Assert.Equal(9_906_000_000, modify["Price"]);
        DecodedMessage executed = handler.Messages[2];
        Assert.Equal(10, executed["Size"]);
        Assert.Equal(167830, executed["TradeId"]);
        Assert.Equal(429974, handler.Messages[3]["OrderIdReference"]);
        Assert.Equal("ZIEXT", handler.Messages[4].Symbol);
        Assert.Equal(Ts + 4, handler.Messages[4].Timestamp);
    }

    [Fact]
    public void LongerThanSpecMessage_IsDecodedByItsKnownPrefix()
    {
        // IEX may grow a message by appending fields: the known fields still decode
        byte[] grown = [.. IexWire.Bid("ZIEXT", 99.05m, 100), 0xAA, 0xBB];

        DecodedMessage m = ParseOne(IexProtocol.Deep, grown);

        Assert.Equal(9_905_000_000, m["Price"]);
        Assert.Equal(100, m["Size"]);
    }

    [Fact]
    public void EmptyMessage_IsMalformed()
    {
        var handler = new RecordingIexHandler();

        IexMalformedReason reason = IexParser.Parse(IexProtocol.Deep, ReadOnlySpan<byte>.Empty, ref handler);

        Assert.Equal(IexMalformedReason.Empty, reason);
        Assert.Equal([(IexMalformedReason.Empty, 0)], handler.Malformed);
        Assert.Empty(handler.Messages);
    }

    [Theory]
    [InlineData(IexWire.Deep, 'Z')]
    [InlineData(IexWire.Deep, 'Q')] // TOPS only
    [InlineData(IexWire.Deep, 'C')] // DEEP+ only
    [InlineData(IexWire.Deep, 'a')]
    [InlineData(IexWire.Tops, '8')] // DEEP only
    [InlineData(IexWire.Tops, 'E')]
    [InlineData(IexWire.DeepPlus, 'Q')]
    [InlineData(IexWire.DeepPlus, 'A')] // TOPS and DEEP only
    [InlineData(IexWire.DeepPlus, 'X')]
    public void TypeNotInTheProtocol_IsUnknownMessageType(ushort protocol, char type)
    {
        var message = new byte[80];
        message[0] = (byte)type;
        var handler = new RecordingIexHandler();

        IexMalformedReason reason = IexParser.Parse((IexProtocol)protocol, message, ref handler);

        Assert.Equal(IexMalformedReason.UnknownMessageType, reason);
        Assert.Empty(handler.Messages);
    }

    [Theory]
    [InlineData(IexWire.Tops, 'S', 10)]
    [InlineData(IexWire.Tops, 'D', 31)]
    [InlineData(IexWire.Tops, 'H', 22)]
    [InlineData(IexWire.Tops, 'I', 18)]
    [InlineData(IexWire.Tops, 'O', 18)]
    [InlineData(IexWire.Tops, 'P', 19)]
    [InlineData(IexWire.Tops, 'Q', 42)]
    [InlineData(IexWire.Tops, 'T', 38)]
    [InlineData(IexWire.Tops, 'X', 26)]
    [InlineData(IexWire.Tops, 'B', 38)]
    [InlineData(IexWire.Tops, 'A', 80)]
    [InlineData(IexWire.Deep, 'E', 18)]
    [InlineData(IexWire.Deep, '8', 30)]
    [InlineData(IexWire.Deep, '5', 30)]
    [InlineData(IexWire.Deep, 'T', 38)]
    [InlineData(IexWire.Deep, 'A', 80)]
    [InlineData(IexWire.DeepPlus, 'a', 38)]
    [InlineData(IexWire.DeepPlus, 'M', 38)]
    [InlineData(IexWire.DeepPlus, 'R', 26)]
    [InlineData(IexWire.DeepPlus, 'L', 46)]
    [InlineData(IexWire.DeepPlus, 'C', 18)]
    [InlineData(IexWire.DeepPlus, 'T', 38)]
    public void OneByteShorterThanItsType_IsTooShort_AndItsExactLengthDecodes(ushort protocol, char type, int specLength)
    {
        var exact = new byte[specLength];
        exact[0] = (byte)type;
        exact[1] = (byte)'8'; // a valid side for Add Order; any code elsewhere
        var handler = new RecordingIexHandler();

        IexMalformedReason shortReason = IexParser.Parse((IexProtocol)protocol, exact.AsSpan(0, specLength - 1), ref handler);
        IexMalformedReason exactReason = IexParser.Parse((IexProtocol)protocol, exact, ref handler);

        Assert.Equal(IexMalformedReason.TooShort, shortReason);
        Assert.Equal(IexMalformedReason.None, exactReason);
        Assert.Single(handler.Messages);
        Assert.Equal(specLength, IexParser.MessageLength((IexProtocol)protocol, (byte)type));
    }

    [Fact]
    public void AddOrderWithAnUnknownSide_IsInvalidSide()
    {
        var handler = new RecordingIexHandler();

        IexMalformedReason reason = IexParser.Parse(IexProtocol.DeepPlus, IexWire.Order('a', (byte)'X', Ts, "ZIEXT", 1, 100, 990500), ref handler);

        Assert.Equal(IexMalformedReason.InvalidSide, reason);
        Assert.Empty(handler.Messages);
    }

    [Fact]
    public void UnknownProtocol_IsRefusedWithoutReadingTheMessage()
    {
        var handler = new RecordingIexHandler();

        IexMalformedReason reason = IexParser.Parse(IexProtocol.Unknown, IexWire.Bid("ZIEXT", 1m, 1), ref handler);

        Assert.Equal(IexMalformedReason.UnknownProtocol, reason);
        Assert.Empty(handler.Messages);
    }

    [Fact]
    public void Symbol_RoundTripsThroughItsKey_AndTrimsPadding()
    {
        IexSymbol symbol = IexSymbol.From("BRK.A");

        Assert.Equal("BRK.A", symbol.ToString());
        Assert.Equal(symbol, IexSymbol.Read("BRK.A   "u8));
        Assert.NotEqual(IexSymbol.From("BRK.B"), symbol);
        Assert.Throws<ArgumentException>(() => IexSymbol.From("TOOLONGSYM"));
        Assert.Throws<ArgumentException>(() => IexSymbol.From(""));
    }

    private static DecodedMessage ParseOne(IexProtocol protocol, byte[] message)
    {
        var handler = new RecordingIexHandler();
        IexMalformedReason reason = Parse(protocol, message, ref handler);
        Assert.Equal(IexMalformedReason.None, reason);
        return Assert.Single(handler.Messages);
    }

    private static IexMalformedReason Parse(IexProtocol protocol, byte[] message, ref RecordingIexHandler handler) =>
        IexParser.Parse(protocol, message, ref handler);
}
