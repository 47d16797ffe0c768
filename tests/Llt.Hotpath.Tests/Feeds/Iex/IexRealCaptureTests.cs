using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>
/// Decodes the real IEX captures in ../shared/data/captures/Iex (IEX's published TOPS samples, real DEEP price
/// level updates, DEEP+ order messages), checking field values read off the wire by hand.
/// </summary>
public sealed class IexRealCaptureTests
{
    [SharedCapturesFact]
    public void DeepPriceLevelBuyUpdate_DecodesEveryField_AndBuildsTheBook()
    {
        (DecodedMessage m, IexTpHeader header) = DecodeSingle("Deep.IexTp.v1.0/PriceLevelBuyUpdateMessage.pcap", IexProtocol.Deep);

        Assert.Equal(IexProtocol.Deep, header.Protocol);
        Assert.Equal(355166, header.FirstSequence);
        Assert.Equal("PriceLevelUpdate", m.Kind);
        Assert.Equal((byte)'8', m["MessageType"]);
        Assert.Equal(1, m["IsEventProcessingComplete"]);
        Assert.Equal(1611692981294956478, m.Timestamp);
        Assert.Equal("V", m.Symbol);
        Assert.Equal(190, m["Size"]);
        Assert.Equal(2027700, m["RawPrice"]); // $202.77

        using var books = new DeepBookBuilder<RecordingBookListener>(4, 8, new RecordingBookListener());
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Deep, books, 1_000, long.MaxValue);
        byte[] file = SharedCaptures.Read("Deep.IexTp.v1.0/PriceLevelBuyUpdateMessage.pcap");
        var source = new IexCaptureSource(file, UdpLineFilter.Any, UdpLineFilter.None);
        source.Poll(file, feed, 10);
        IexQuote quote = Assert.Single(books.Listener.Quotes);
        Assert.Equal((20_277_000_000L, 190L, "V"), (quote.BidPrice, quote.BidSize, quote.Symbol.ToString()));
    }

    [SharedCapturesFact]
    public void DeepPriceLevelSellUpdate_DecodesEveryField()
    {
        (DecodedMessage m, _) = DecodeSingle("Deep.IexTp.v1.0/PriceLevelSellUpdateMessage.pcap", IexProtocol.Deep);

        Assert.Equal((byte)'5', m["MessageType"]);
        Assert.Equal("UNH", m.Symbol);
        Assert.Equal(1611692982062856490, m.Timestamp);
        Assert.Equal(82, m["Size"]);
        Assert.Equal(34_414_000_000, m["Price"]); // $344.14
    }

    [SharedCapturesFact]
    public void DeepHeartbeat_IsASegmentWithNoMessages()
    {
        byte[] file = SharedCaptures.Read("Deep.IexTp.v1.0/Heartbeat.pcap");
        CaptureReader reader = CaptureReader.Open(file);
        Assert.True(reader.TryReadNextUdp(out UdpDatagram datagram));

        Assert.Equal(IexTpError.None, IexTpSegment.Wrap(datagram.Payload, out IexTpSegment segment));
        Assert.True(segment.IsHeartbeat);
        Assert.Equal(1, segment.FirstMessageSequenceNumber);
        Assert.Equal(1_222_443_008u, segment.SessionId);
    }

    [SharedCapturesFact]
    public void TopsQuoteUpdate_DecodesEveryField()
    {
        (DecodedMessage m, IexTpHeader header) = DecodeSingle("Tops.IexTp.v1.6/QuoteUpdateMessage.pcap", IexProtocol.Tops);

        Assert.Equal(49821, header.FirstSequence);
        Assert.Equal("QuoteUpdate", m.Kind);
        Assert.Equal(0, m.Code);
        Assert.Equal(1517065700930439360, m.Timestamp);
        Assert.Equal("ATSG", m.Symbol);
        Assert.Equal(18773, m["BidSize"]);
        Assert.Equal(2_419_000_000, m["BidPrice"]);
        Assert.Equal(2_425_000_000, m["AskPrice"]);
        Assert.Equal(60677, m["AskSize"]);
    }

    [SharedCapturesFact]
    public void TopsAuctionInformation_DecodesEveryField()
    {
        (DecodedMessage m, _) = DecodeSingle("Tops.IexTp.v1.5/AuctionInformationMessage.pcap", IexProtocol.Tops);

        Assert.Equal((byte)'H', m.Code);
        Assert.Equal("ZIEXT", m.Symbol);
        Assert.Equal(1517060400125130311, m.Timestamp);
        Assert.Equal(0, m["PairedShares"]);
        Assert.Equal(100_000_000, m["ReferencePrice"]);
        Assert.Equal(100_000_000, m["IndicativeClearingPrice"]);
        Assert.Equal(251, m["ImbalanceShares"]);
        Assert.Equal((byte)'S', m["ImbalanceSide"]);
        Assert.Equal(0, m["ExtensionNumber"]);
        Assert.Equal(1517060700, m["ScheduledAuctionTime"]);
        Assert.Equal(100_000_000, m["AuctionBookClearingPrice"]);
        Assert.Equal(0, m["CollarReferencePrice"]);
        Assert.Equal(0, m["LowerAuctionCollar"]);
        Assert.Equal(0, m["UpperAuctionCollar"]);
    }

    [SharedCapturesFact]
    public void TopsAdministrativeAndTradeMessages_DecodeTheirFields()
    {
        DecodedMessage trade = DecodeSingle("Tops.IexTp.v1.5/TradeReportMessage.pcap", IexProtocol.Tops).Message;
        Assert.Equal((0xC0, "ZIEXT", 100L, 99_980_000L, 972306L), (trade.Code, trade.Symbol, trade["Size"], trade["Price"], trade["TradeId"]));

        DecodedMessage official = DecodeSingle("Tops.IexTp.v1.5/OfficialPriceMessage.pcap", IexProtocol.Tops).Message;
        Assert.Equal(((byte)'Q', "ZXIET", 10_000_000_000L), (official.Code, official.Symbol, official["OfficialPrice"]));

        DecodedMessage system = DecodeSingle("Tops.IexTp.v1.5/SystemEventMessage.pcap", IexProtocol.Tops).Message;
        Assert.Equal(((byte)'R', 1517063400001073818L), (system.Code, system.Timestamp));

        DecodedMessage status = DecodeSingle("Tops.IexTp.v1.5/TradingStatusMessage.pcap", IexProtocol.Tops).Message;
        Assert.Equal(((byte)'H', "JHMU", BitConverter.ToUInt32("NA  "u8)), (status.Code, status.Symbol, (uint)status["Reason"]));
    }

    [SharedCapturesFact]
    public void EveryIexCapture_DecodesWithNoMalformedMessage()
    {
        foreach (string path in Directory.EnumerateFiles(SharedCaptures.IexDirectory!, "*.pcap", SearchOption.AllDirectories))
        {
            IexProtocol protocol = path.Contains("DeepPlus", StringComparison.Ordinal) ? IexProtocol.DeepPlus
                : path.Contains("Deep", StringComparison.Ordinal) ? IexProtocol.Deep : IexProtocol.Tops;
            var handler = new RecordingIexHandler();
            int segments = Decode(File.ReadAllBytes(path), protocol, ref handler, out _);

            Assert.True(segments > 0, path);
            Assert.Empty(handler.Malformed);
        }
    }

    [SharedCapturesFact]
    public void EveryIexCapture_ThroughTheFeedHandler_BuildsTheBooksOfItsMessagesAppliedInOrder()
    {
        foreach (string path in Directory.EnumerateFiles(SharedCaptures.IexDirectory!, "*.pcap", SearchOption.AllDirectories))
        {
            IexProtocol protocol = path.Contains("DeepPlus", StringComparison.Ordinal) ? IexProtocol.DeepPlus
                : path.Contains("Deep", StringComparison.Ordinal) ? IexProtocol.Deep : IexProtocol.Tops;
            byte[] file = File.ReadAllBytes(path);
            using var reference = new DeepBookBuilder<RecordingBookListener>(64, 64, new RecordingBookListener());
            CaptureReader reader = CaptureReader.Open(file);
            while (reader.TryReadNextUdp(out UdpDatagram datagram))
            {
                Assert.Equal(IexTpError.None, IexTpSegment.Wrap(datagram.Payload, out IexTpSegment segment));
                foreach (ReadOnlySpan<byte> message in segment)
                {
                    reference.Apply(protocol, message, datagram.TimestampNs);
                }
            }

            using var books = new DeepBookBuilder<RecordingBookListener>(64, 64, new RecordingBookListener());
            var feed = new IexFeedHandler<RecordingBookListener>(protocol, books, 1_000, long.MaxValue);
            var source = new IexCaptureSource(file, UdpLineFilter.Any, UdpLineFilter.None);
            while (!source.IsFinished)
            {
                source.Poll(file, feed, 8);
            }

            Assert.True(feed.Segments > 0, path);
            if (path.EndsWith("all_message_types.pcap", StringComparison.Ordinal))
            {
                // stitched from the per-type samples of one session: its sequence numbers go back after the first
                // segment (a trade break at 59330), so a sequenced feed applies that one and drops the rest as duplicates
                Assert.Equal(1, feed.MessagesApplied);
                Assert.Equal(reference.Messages - 1, feed.Arbiter.Duplicates);
                continue;
            }

            Assert.Equal(reference.Messages, feed.MessagesApplied);
            Assert.Equal(reference.Count, books.Count);
            Assert.Equal(reference.Listener.Quotes, books.Listener.Quotes);
            Assert.Equal(reference.Listener.Levels, books.Listener.Levels);
            Assert.Equal(reference.Listener.Trades, books.Listener.Trades);
            Assert.Equal(reference.Listener.Statuses, books.Listener.Statuses);
        }
    }

    [SharedCapturesFact]
    public void DeepPlusAllMessageTypes_CoversTheOrderMessages()
    {
        var handler = new RecordingIexHandler();
        Decode(SharedCaptures.Read("DeepPlus.IexTp.1.0.2/all_message_types.pcap"), IexProtocol.DeepPlus, ref handler, out _);

        string[] kinds = handler.Messages.Select(m => m.Kind).Distinct().ToArray();
        Assert.Contains("AddOrder", kinds);
        Assert.Contains("OrderModify", kinds);
        Assert.Contains("OrderDelete", kinds);
        Assert.Contains("OrderExecuted", kinds);
        Assert.Contains("TradeBreak", kinds);
        Assert.Contains("SecurityEvent", kinds);
        Assert.All(handler.Messages.Where(m => m.Kind == "AddOrder"), m => Assert.True(m["Price"] > 0 && m["Size"] > 0));
    }

    private static (DecodedMessage Message, IexTpHeader Header) DecodeSingle(string path, IexProtocol protocol)
    {
        var handler = new RecordingIexHandler();
        Decode(SharedCaptures.Read(path), protocol, ref handler, out IexTpHeader header);
        Assert.Empty(handler.Malformed);
        return (Assert.Single(handler.Messages), header);
    }

    private static int Decode(byte[] file, IexProtocol protocol, ref RecordingIexHandler handler, out IexTpHeader first)
    {
        first = default;
        int segments = 0;
        CaptureReader reader = CaptureReader.Open(file);
        while (reader.TryReadNextUdp(out UdpDatagram datagram))
        {
            Assert.Equal(IexTpError.None, IexTpSegment.Wrap(datagram.Payload, out IexTpSegment segment));
            Assert.Equal(protocol, segment.Protocol);
            if (segments++ == 0)
            {
                first = new IexTpHeader(segment.Protocol, segment.FirstMessageSequenceNumber);
            }

            foreach (ReadOnlySpan<byte> message in segment)
            {
                IexParser.Parse(segment.Protocol, message, ref handler);
            }
        }

        Assert.Equal(CaptureError.None, reader.Error);
        return segments;
    }

    private readonly record struct IexTpHeader(IexProtocol Protocol, long FirstSequence);
}
