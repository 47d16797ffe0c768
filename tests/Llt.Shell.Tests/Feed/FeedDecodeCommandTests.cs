using System.IO.Compression;
using System.Text.Json;
using Llt.Shell.Commands.Feed;

namespace Llt.Shell.Tests.Feed;

public sealed class FeedDecodeCommandTests
{
    private const long Ts = FeedFiles.Ts;

    [Fact]
    public void IexTopsCapture_EveryMessageTypeIsOneJsonLine_WithTheSpecsFieldNamesAndDecimalPrices()
    {
        byte[] segment = FeedFiles.IexSegment(
            FeedFiles.Tops,
            1,
            100,
            FeedFiles.IexMessage(10, 'S', (byte)'R', Ts, null),
            FeedFiles.IexMessage(31, 'D', 0x80, Ts, "ZIEXT").With(18, 100, 4).With(22, 990500, 8).With(30, 1, 1),
            FeedFiles.IexMessage(22, 'H', (byte)'H', Ts, "ZIEXT").WithAscii(18, "T1", 4),
            FeedFiles.IexMessage(18, 'I', (byte)'A', Ts, "ZIEXT"),
            FeedFiles.IexMessage(18, 'O', (byte)'O', Ts, "ZIEXT"),
            FeedFiles.IexMessage(19, 'P', 1, Ts, "ZIEXT").With(18, 'A', 1),
            FeedFiles.IexMessage(42, 'Q', 0x40, Ts, "ATSG").With(18, 18773, 4).With(22, 241900, 8).With(30, 242500, 8).With(38, 60677, 4),
            FeedFiles.IexMessage(38, 'T', 0xc0, Ts, "ZIEXT").With(18, 100, 4).With(22, 9998, 8).With(30, 972306, 8),
            FeedFiles.IexMessage(26, 'X', (byte)'Q', Ts, "ZXIET").With(18, 1000000, 8),
            FeedFiles.IexMessage(38, 'B', 0, Ts, "ZIEXT").With(18, 100, 4).With(22, 9998, 8).With(30, 972306, 8),
            FeedFiles.IexMessage(80, 'A', (byte)'C', Ts, "ZIEXT").With(18, 93000, 4).With(22, 355600, 8).With(30, 355700, 8)
                .With(38, 1200, 4).With(42, 'B', 1).With(43, 2, 1).With(44, 1517086800, 4).With(48, 355800, 8).With(56, 355000, 8)
                .With(64, 319500, 8).With(72, 390500, 8));

        FeedDecodeRun run = FeedDecodeRun.Of(FeedFiles.Pcap(segment), "iex-tops");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(11, run.Lines.Length);
        Assert.Equal(
            ["SystemEvent", "SecurityDirectory", "TradingStatus", "RetailLiquidityIndicator", "OperationalHaltStatus", "ShortSalePriceTestStatus",
             "QuoteUpdate", "TradeReport", "OfficialPrice", "TradeBreak", "AuctionInformation"],
            run.Lines.Select(l => l.GetProperty("message").GetString()));
        Assert.Equal(Enumerable.Range(100, 11).Select(i => (long)i), run.Lines.Select(l => l.GetProperty("sequence").GetInt64()));

        AssertFields(run.Lines[0], """{"messageType":"S","systemEvent":"R","timestamp":1517065700930439360,"timestampIso":"2018-01-27T15:08:20.930439360Z"}""");
        AssertFields(run.Lines[1], """{"flags":128,"testSecurity":true,"whenIssued":false,"etp":false,"symbol":"ZIEXT","roundLotSize":100,"adjustedPocPrice":99.05,"luldTier":1}""");
        AssertFields(run.Lines[2], """{"tradingStatus":"H","symbol":"ZIEXT","reason":"T1"}""");
        AssertFields(run.Lines[3], """{"retailLiquidityIndicator":"A"}""");
        AssertFields(run.Lines[4], """{"operationalHaltStatus":"O"}""");
        AssertFields(run.Lines[5], """{"shortSalePriceTestStatus":1,"detail":"A"}""");
        AssertFields(run.Lines[6], """{"messageType":"Q","flags":64,"symbol":"ATSG","bidSize":18773,"bidPrice":24.19,"askPrice":24.25,"askSize":60677}""");
        AssertFields(run.Lines[7], """{"saleConditionFlags":192,"size":100,"price":0.9998,"tradeId":972306}""");
        AssertFields(run.Lines[8], """{"priceType":"Q","symbol":"ZXIET","officialPrice":100}""");
        AssertFields(run.Lines[9], """{"messageType":"B","price":0.9998,"tradeId":972306}""");
        AssertFields(
            run.Lines[10],
            """{"auctionType":"C","pairedShares":93000,"referencePrice":35.56,"indicativeClearingPrice":35.57,"imbalanceShares":1200,"imbalanceSide":"B","extensionNumber":2,"scheduledAuctionTime":1517086800,"scheduledAuctionTimeIso":"2018-01-27T21:00:00.000000000Z","auctionBookClearingPrice":35.58,"collarReferencePrice":35.5,"lowerAuctionCollar":31.95,"upperAuctionCollar":39.05}""");
        Assert.Contains("decoded 11 messages from 1 packets", run.Error);
        Assert.DoesNotContain("warning", run.Error);
    }

    [Fact]
    public void IexDeepPcapNg_PriceLevelUpdatesOfBothSides_AndAHeartbeatThatPrintsNothing()
    {
        byte[] levels = FeedFiles.IexSegment(
            FeedFiles.Deep,
            5,
            355166,
            FeedFiles.IexMessage(30, '8', 0, 1611692981294956478, "V").With(18, 190, 4).With(22, 2027700, 8),
            FeedFiles.IexMessage(30, '5', 1, 1611692981294956478, "V").With(18, 82, 4).With(22, 2028000, 8));
        byte[] heartbeat = FeedFiles.IexSegment(FeedFiles.Deep, 5, 355168);

        FeedDecodeRun run = FeedDecodeRun.Of(FeedFiles.PcapNg(levels, heartbeat), "iex-deep");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Lines.Length);
        AssertFields(run.Lines[0], """{"message":"PriceLevelUpdateBuy","sequence":355166,"messageType":"8","eventFlags":0,"symbol":"V","size":190,"price":202.77,"timestampIso":"2021-01-26T20:29:41.294956478Z"}""");
        AssertFields(run.Lines[1], """{"message":"PriceLevelUpdateSell","sequence":355167,"messageType":"5","eventFlags":1,"size":82,"price":202.8}""");
        Assert.Contains("(1 heartbeats)", run.Error);
    }

    [Fact]
    public void RawIexTpFile_SegmentsBackToBack_IsDetectedAndDecoded()
    {
        byte[] first = FeedFiles.IexSegment(FeedFiles.Deep, 5, 1, FeedFiles.IexMessage(18, 'E', (byte)'O', Ts, "ZIEXT"));
        byte[] second = FeedFiles.IexSegment(FeedFiles.Deep, 5, 2, FeedFiles.IexMessage(10, 'S', (byte)'C', Ts, null));

        FeedDecodeRun run = FeedDecodeRun.Of([.. first, .. second], "iex-deep");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["SecurityEvent", "SystemEvent"], run.Lines.Select(l => l.GetProperty("message").GetString()));
        AssertFields(run.Lines[0], """{"securityEvent":"O","symbol":"ZIEXT"}""");
    }

    [Fact]
    public void MalformedMessagesAndAForeignSegment_AreReportedOnStderrAndCounted_TheRestIsDecoded()
    {
        byte[] segment = FeedFiles.IexSegment(
            FeedFiles.Deep,
            5,
            10,
            FeedFiles.IexMessage(30, '8', 1, Ts, "V")[..25],
            [(byte)'Z', 0, 0],
            FeedFiles.IexMessage(18, 'E', (byte)'C', Ts, "V"));
        byte[] tops = FeedFiles.IexSegment(FeedFiles.Tops, 5, 1, FeedFiles.IexMessage(10, 'S', (byte)'O', Ts, null));
        byte[] cut = segment[..^4];

        FeedDecodeRun run = FeedDecodeRun.Of(FeedFiles.Pcap(segment, tops, cut), "iex-deep");

        Assert.Equal(0, run.ExitCode);
        JsonElement line = Assert.Single(run.Lines);
        Assert.Equal(12, line.GetProperty("sequence").GetInt64());
        Assert.Contains("warning: message 10: TooShort (type '8', 25 bytes); skipped", run.Error);
        Assert.Contains("warning: message 11: UnknownMessageType (type 'Z', 3 bytes); skipped", run.Error);
        Assert.Contains("packet 2: IEX-TP message protocol 0x8003 (Tops), not Deep as --format says; skipped", run.Error);
        Assert.Contains("packet 3: not a valid IEX-TP segment (PayloadLengthMismatch", run.Error);
        Assert.Contains("2 malformed messages, 2 bad packets", run.Error);
    }

    [Fact]
    public void CaptureCutInsideARecord_DecodesWhatCameBefore_WarnsAndExitsZero()
    {
        byte[] one = FeedFiles.IexSegment(FeedFiles.Deep, 5, 1, FeedFiles.IexMessage(18, 'E', (byte)'O', Ts, "AAA"));
        byte[] two = FeedFiles.IexSegment(FeedFiles.Deep, 5, 2, FeedFiles.IexMessage(18, 'E', (byte)'O', Ts, "BBB"));
        byte[] capture = FeedFiles.Pcap(one, two);

        FeedDecodeRun run = FeedDecodeRun.Of(capture[..^10], "iex-deep");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("AAA", Assert.Single(run.Lines).GetProperty("symbol").GetString());
        Assert.Contains("Truncated", run.Error);
        Assert.Contains("the file ends early (truncated)", run.Error);
    }

    [Fact]
    public void RawItchFile_LengthPrefixedMessages_DecodeWithTimeOfDayAndDecimalPrices()
    {
        byte[] systemEvent = FeedFiles.ItchMessage(12, 'S', 0, 14_400_000_000_000);
        systemEvent[11] = (byte)'O';
        byte[] add = FeedFiles.ItchAddOrder(34_238_952_381_153, 7942047, 'B', 100, "META", 3573300);

        FeedDecodeRun run = FeedDecodeRun.Of(FeedFiles.LengthPrefixed(systemEvent, add), "itch50");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Lines.Length);
        AssertFields(run.Lines[0], """{"message":"SystemEvent","sequence":1,"messageType":"S","eventCode":"O","timestamp":14400000000000,"timestampIso":"04:00:00.000000000"}""");
        AssertFields(
            run.Lines[1],
            """{"message":"AddOrder","sequence":2,"messageType":"A","stockLocate":7,"timestampIso":"09:30:38.952381153","orderReferenceNumber":7942047,"buySellIndicator":"B","shares":100,"stock":"META","price":357.33}""");
    }

    /// <summary>
    /// Every ITCH 5.0 message type (section 1 of the specification), each at its length: one JSON line each, named for
    /// the message, carrying the header fields and exactly the fields the specification lists, in camelCase.
    /// </summary>
    [Fact]
    public void RawItchFile_EveryMessageType_PrintsTheSpecsFieldsForIt()
    {
        string[] header = ["message", "sequence", "messageType", "stockLocate", "trackingNumber", "timestamp", "timestampIso"];
        (char Type, int Length, string Name, string[] Fields)[] spec =
        [
            ('S', 12, "SystemEvent", ["eventCode"]),
            ('R', 39, "StockDirectory", ["stock", "marketCategory", "financialStatusIndicator", "roundLotSize", "roundLotsOnly", "issueClassification", "issueSubType", "authenticity", "shortSaleThresholdIndicator", "ipoFlag", "luldReferencePriceTier", "etpFlag", "etpLeverageFactor", "inverseIndicator"]),
            ('H', 25, "StockTradingAction", ["stock", "tradingState", "reserved", "reason"]),
            ('Y', 20, "RegShoRestriction", ["stock", "regShoAction"]),
            ('L', 26, "MarketParticipantPosition", ["mpid", "stock", "primaryMarketMaker", "marketMakerMode", "marketParticipantState"]),
            ('V', 35, "MwcbDeclineLevel", ["level1", "level2", "level3"]),
            ('W', 12, "MwcbStatus", ["breachedLevel"]),
            ('K', 28, "IpoQuotingPeriodUpdate", ["stock", "ipoQuotationReleaseTime", "ipoQuotationReleaseQualifier", "ipoPrice"]),
            ('J', 35, "LuldAuctionCollar", ["stock", "auctionCollarReferencePrice", "upperAuctionCollarPrice", "lowerAuctionCollarPrice", "auctionCollarExtension"]),
            ('h', 21, "OperationalHalt", ["stock", "marketCode", "operationalHaltAction"]),
            ('A', 36, "AddOrder", ["orderReferenceNumber", "buySellIndicator", "shares", "stock", "price"]),
            ('F', 40, "AddOrderMpid", ["orderReferenceNumber", "buySellIndicator", "shares", "stock", "price", "attribution"]),
            ('E', 31, "OrderExecuted", ["orderReferenceNumber", "executedShares", "matchNumber"]),
            ('C', 36, "OrderExecutedWithPrice", ["orderReferenceNumber", "executedShares", "matchNumber", "printable", "executionPrice"]),
            ('X', 23, "OrderCancel", ["orderReferenceNumber", "canceledShares"]),
            ('D', 19, "OrderDelete", ["orderReferenceNumber"]),
            ('U', 35, "OrderReplace", ["originalOrderReferenceNumber", "newOrderReferenceNumber", "shares", "price"]),
            ('P', 44, "Trade", ["orderReferenceNumber", "buySellIndicator", "shares", "stock", "price", "matchNumber"]),
            ('Q', 40, "CrossTrade", ["shares", "stock", "crossPrice", "matchNumber", "crossType"]),
            ('B', 19, "BrokenTrade", ["matchNumber"]),
            ('I', 50, "NetOrderImbalanceIndicator", ["pairedShares", "imbalanceShares", "imbalanceDirection", "stock", "farPrice", "nearPrice", "currentReferencePrice", "crossType", "priceVariationIndicator"]),
            ('N', 20, "RetailPriceImprovementIndicator", ["stock", "interestFlag"]),
            ('O', 48, "DirectListingWithCapitalRaise", ["stock", "openEligibilityStatus", "minimumAllowablePrice", "maximumAllowablePrice", "nearExecutionPrice", "nearExecutionTime", "lowerPriceRangeCollar", "upperPriceRangeCollar"]),
        ];
        byte[][] messages = [.. spec.Select(m => FeedFiles.ItchMessage(m.Length, m.Type, 7, 34_200_000_000_000))];

        FeedDecodeRun run = FeedDecodeRun.Of(FeedFiles.LengthPrefixed(messages), "itch50");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(spec.Length, run.Lines.Length);
        for (int i = 0; i < spec.Length; i++)
        {
            JsonElement line = run.Lines[i];
            Assert.Equal(spec[i].Name, line.GetProperty("message").GetString());
            Assert.Equal(spec[i].Type.ToString(), line.GetProperty("messageType").GetString());
            // a time field may carry its ISO twin (nearExecutionTime → nearExecutionTimeIso); nothing else is extra
            string[] names = [.. line.EnumerateObject().Select(p => p.Name).Where(n => n == "timestampIso" || !n.EndsWith("Iso", StringComparison.Ordinal))];
            Assert.Equal([.. header, .. spec[i].Fields], names);
        }
    }

    [Fact]
    public void ItchOverMoldUdp64InACapture_UsesThePacketSequenceNumbers()
    {
        byte[] packet = FeedFiles.MoldUdp64(
            "000012345A",
            19009117,
            FeedFiles.ItchAddOrder(34_238_952_381_153, 1, 'B', 1, "META", 805200),
            FeedFiles.ItchAddOrder(34_238_952_381_153, 2, 'S', 100, "META", 3573300));
        byte[] heartbeat = FeedFiles.MoldUdp64("000012345A", 19009119);

        FeedDecodeRun run = FeedDecodeRun.Of(FeedFiles.Pcap(packet, heartbeat), "itch50");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([19009117L, 19009118L], run.Lines.Select(l => l.GetProperty("sequence").GetInt64()));
        Assert.Equal([80.52m, 357.33m], run.Lines.Select(l => l.GetProperty("price").GetDecimal()));
        Assert.Contains("(1 heartbeats)", run.Error);
    }

    [Fact]
    public void GzipCompressedCapture_IsDecompressedFirst()
    {
        byte[] capture = FeedFiles.Pcap(FeedFiles.IexSegment(FeedFiles.Deep, 5, 1, FeedFiles.IexMessage(18, 'E', (byte)'O', Ts, "AAA")));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(capture);
        }

        FeedDecodeRun run = FeedDecodeRun.Of(compressed.ToArray(), "iex-deep");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("AAA", Assert.Single(run.Lines).GetProperty("symbol").GetString());
    }

    [Fact]
    public void MissingFile_ExitsOneWithAClearError()
    {
        FeedDecodeRun run = FeedDecodeRun.OfPath("/nonexistent/feed.pcap", "iex-deep");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: /nonexistent/feed.pcap: no such file", run.Error);
        Assert.Empty(run.Lines);
    }

    [Fact]
    public void UnknownFormat_IsBadUsage()
    {
        var error = new StringWriter();

        int exit = FeedCommands.Run(() => new MemoryStream(), error, "ouch", "/dev/null");
        FeedDecodeRun parsed = FeedDecodeRun.OfPath("/dev/null", "ouch");

        Assert.Equal(2, exit);
        Assert.Contains("--format must be one of itch50, iex-tops, iex-deep", error.ToString());
        Assert.NotEqual(0, parsed.ExitCode);
    }

    [Fact]
    public void EmptyFile_IsReadableAndHasNoMessages()
    {
        FeedDecodeRun run = FeedDecodeRun.Of([], "itch50");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.Contains("decoded 0 messages", run.Error);
    }

    /// <summary>Every property of <paramref name="expectedJson"/> is present on <paramref name="line"/> with the same JSON text.</summary>
    private static void AssertFields(JsonElement line, string expectedJson)
    {
        using JsonDocument expected = JsonDocument.Parse(expectedJson);
        foreach (JsonProperty property in expected.RootElement.EnumerateObject())
        {
            Assert.True(line.TryGetProperty(property.Name, out JsonElement actual), $"missing \"{property.Name}\" in {line}");
            Assert.Equal(property.Value.GetRawText(), actual.GetRawText());
        }
    }
}
