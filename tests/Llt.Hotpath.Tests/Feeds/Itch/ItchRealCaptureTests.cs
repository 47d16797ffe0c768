using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.MarketData.Books;
using Llt.Hotpath.Tests.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>
/// Real Nasdaq TotalView-ITCH 5.0 traffic (MoldUDP64 over UDP in pcap, ../shared/data/captures/Nasdaq) decoded end to
/// end: every datagram frames as MoldUDP64, every message parses, fields hold values the specification allows, and
/// books built from the adds are never crossed.
/// </summary>
public sealed class ItchRealCaptureTests
{
    private const long NanosPerDay = 86_400_000_000_000;

    [NasdaqCapturesFact]
    public void EveryCapture_FramesAndParses_WithNoMalformedMessage()
    {
        int files = 0;
        long messages = 0;
        foreach (string path in NasdaqCaptures.All())
        {
            byte[] capture = NasdaqCaptures.Read(path);
            CaptureReader reader = CaptureReader.Open(capture);
            var checker = new PlausibilityChecker(path);
            while (reader.TryReadNextUdp(out UdpDatagram datagram))
            {
                Assert.True(MoldUdp64Packet.TryWrap(datagram.Payload, out MoldUdp64Packet packet), $"{path}: datagram shorter than a MoldUDP64 header");
                Assert.Equal(MoldUdp64PacketError.None, packet.Validate());
                foreach (ReadOnlySpan<byte> message in packet)
                {
                    Assert.True(ItchParser.Parse(message, ref checker), $"{path}: message '{(char)message[0]}' of {message.Length} bytes did not parse");
                    messages++;
                }
            }

            Assert.Equal(CaptureError.None, reader.Error);
            Assert.Equal(0, reader.SkippedPackets);
            Assert.True(reader.DatagramsRead > 0, $"{path}: no datagram");
            files++;
        }

        Assert.True(files >= 20, $"only {files} capture files");
        Assert.True(messages >= 100, $"only {messages} messages");
    }

    [NasdaqCapturesFact]
    public void OneTypePerFile_Captures_HoldOnlyTheTypeTheirNameSays()
    {
        var expected = new Dictionary<string, char>
        {
            ["AddOrderNoMPID"] = 'A', ["AddOrderWithMPID"] = 'F', ["CrossTrade"] = 'Q', ["LULDAuctionCollar"] = 'J',
            ["MarketParticipantPosition"] = 'L', ["NetOrderImbalanceIndicator"] = 'I', ["NonCrossTrade"] = 'P',
            ["OrderCancel"] = 'X', ["OrderDelete"] = 'D', ["OrderExecuted"] = 'E', ["OrderExecutedWithPrice"] = 'C',
            ["OrderReplace"] = 'U', ["RegSHORestriction"] = 'Y', ["StockTradingAction"] = 'H', ["SystemEvent"] = 'S',
        };
        int checkedFiles = 0;
        foreach (string path in NasdaqCaptures.All().Where(p => p.Contains("20230822", StringComparison.Ordinal)))
        {
            char type = expected[Path.GetFileNameWithoutExtension(path)];
            byte[] capture = NasdaqCaptures.Read(path);
            CaptureReader reader = CaptureReader.Open(capture);
            while (reader.TryReadNextUdp(out UdpDatagram datagram))
            {
                MoldUdp64Packet.TryWrap(datagram.Payload, out MoldUdp64Packet packet);
                foreach (ReadOnlySpan<byte> message in packet)
                {
                    Assert.Equal(type, (char)message[0]);
                }
            }

            checkedFiles++;
        }

        Assert.Equal(expected.Count, checkedFiles);
    }

    [NasdaqCapturesFact]
    public void RealSession_ThroughReceiverAndBookBuilder_SequencesAdvance_BooksNotCrossed()
    {
        byte[] capture = NasdaqCaptures.Read(Path.Combine("Nasdaq.Equities.TotalView.Itch.v5.0", "Multiple.Packets.pcap"));
        using var builder = new ItchBookBuilder<NoItchBookListener>(64, 1 << 10, 256, default, addSymbolsOnFirstSight: true);
        // joining mid-session: adopt the first packet's sequence
        var receiver = new MoldUdp64Receiver(new LineArbiter(long.MaxValue, long.MaxValue, startSequence: 0));
        var source = new MoldUdp64CaptureSource(capture, UdpLineFilter.Any, UdpLineFilter.None);
        var handler = builder.Handler;
        var gaps = new RecordingGapHandler();
        while (source.Poll(capture, ref receiver, 8, ref handler, ref gaps) > 0)
        {
        }

        Assert.Equal(CaptureError.None, source.Cursor.Error);
        Assert.Equal(0, receiver.MalformedPackets);
        Assert.Equal(SessionId.FromAscii("000010059B"u8), receiver.Arbiter.Session);
        Assert.Equal(39, receiver.Arbiter.Delivered);
        Assert.Equal(1, receiver.Arbiter.Gaps); // the two packets are far apart in the session
        Assert.Equal(0, builder.MalformedTotal);
        Assert.Equal(38, builder.Applied); // every add
        Assert.Equal(1, builder.UnknownLocateMessages); // the delete comes before any add or directory names its locate
        Assert.Equal(0, builder.RejectedTotal);
        Assert.True(builder.Locates.Count > 0);
        for (int i = 0; i < builder.Locates.Count; i++)
        {
            L3Book book = builder.Book(i);
            Assert.False(book.IsCrossed, $"{builder.Locates.SymbolOf(i)} crossed: {book.BestBidPrice} > {book.BestAskPrice}");
            Assert.True(book.OrderCount > 0);
        }
    }

    /// <summary>Checks each message's fields against what the specification allows.</summary>
    private readonly struct PlausibilityChecker(string path) : IItchHandler
    {
        public void OnSystemEvent(ItchSystemEvent m)
        {
            Time(m.Timestamp);
            Assert.Contains(m.EventCode, "OSQMEC");
        }

        public void OnStockDirectory(ItchStockDirectory m)
        {
            Time(m.Timestamp);
            Symbol(m.Stock);
        }

        public void OnStockTradingAction(ItchStockTradingAction m)
        {
            Time(m.Timestamp);
            Symbol(m.Stock);
            Assert.Contains(m.TradingState, "HPQT");
        }

        public void OnRegShoRestriction(ItchRegShoRestriction m)
        {
            Time(m.Timestamp);
            Symbol(m.Stock);
            Assert.Contains(m.RegShoAction, "012");
        }

        public void OnMarketParticipantPosition(ItchMarketParticipantPosition m)
        {
            Time(m.Timestamp);
            Symbol(m.Stock);
            Assert.Contains(m.PrimaryMarketMaker, "YN");
            Assert.Contains(m.MarketParticipantState, "AEWSD");
        }

        public void OnMwcbDeclineLevel(ItchMwcbDeclineLevel m) => Time(m.Timestamp);

        public void OnMwcbStatus(ItchMwcbStatus m) => Time(m.Timestamp);

        public void OnIpoQuotingPeriodUpdate(ItchIpoQuotingPeriodUpdate m) => Time(m.Timestamp);

        public void OnLuldAuctionCollar(ItchLuldAuctionCollar m)
        {
            Time(m.Timestamp);
            Symbol(m.Stock);
            Assert.True(m.LowerAuctionCollarPrice <= m.AuctionCollarReferencePrice && m.AuctionCollarReferencePrice <= m.UpperAuctionCollarPrice, path);
        }

        public void OnOperationalHalt(ItchOperationalHalt m) => Time(m.Timestamp);

        public void OnAddOrder(ItchAddOrder m)
        {
            Time(m.Timestamp);
            Symbol(m.Stock);
            Assert.Contains(m.BuySellIndicator, "BS");
            Assert.True(m.Shares > 0 && m.Price > 0 && m.OrderReferenceNumber > 0, path);
        }

        public void OnAddOrderMpid(ItchAddOrderMpid m)
        {
            Time(m.Timestamp);
            Symbol(m.Stock);
            Symbol(m.Attribution);
            Assert.Contains(m.BuySellIndicator, "BS");
            Assert.True(m.Shares > 0 && m.Price > 0 && m.OrderReferenceNumber > 0, path);
        }

        public void OnOrderExecuted(ItchOrderExecuted m)
        {
            Time(m.Timestamp);
            Assert.True(m.ExecutedShares > 0 && m.MatchNumber > 0 && m.OrderReferenceNumber > 0, path);
        }

        public void OnOrderExecutedWithPrice(ItchOrderExecutedWithPrice m)
        {
            Time(m.Timestamp);
            Assert.Contains(m.Printable, "YN");
            Assert.True(m.ExecutedShares > 0 && m.MatchNumber > 0, path);
        }

        public void OnOrderCancel(ItchOrderCancel m)
        {
            Time(m.Timestamp);
            Assert.True(m.CanceledShares > 0, path);
        }

        public void OnOrderDelete(ItchOrderDelete m)
        {
            Time(m.Timestamp);
            Assert.True(m.OrderReferenceNumber > 0, path);
        }

        public void OnOrderReplace(ItchOrderReplace m)
        {
            Time(m.Timestamp);
            Assert.True(m.NewOrderReferenceNumber > m.OriginalOrderReferenceNumber, $"{path}: a replacement gets a newer reference");
            Assert.True(m.Shares > 0 && m.Price > 0, path);
        }

        public void OnTrade(ItchTrade m)
        {
            Time(m.Timestamp);
            Symbol(m.Stock);
            Assert.True(m.Shares > 0 && m.Price > 0 && m.MatchNumber > 0, path);
        }

        public void OnCrossTrade(ItchCrossTrade m)
        {
            Time(m.Timestamp);
            Symbol(m.Stock);
            Assert.Contains(m.CrossType, "OCHIA");
        }

        public void OnBrokenTrade(ItchBrokenTrade m) => Time(m.Timestamp);

        public void OnNetOrderImbalanceIndicator(ItchNetOrderImbalanceIndicator m)
        {
            Time(m.Timestamp);
            Symbol(m.Stock);
            Assert.Contains(m.ImbalanceDirection, "BSNOP");
            Assert.Contains(m.CrossType, "OCHA");
        }

        public void OnRetailPriceImprovementIndicator(ItchRetailPriceImprovementIndicator m) => Time(m.Timestamp);

        public void OnDirectListingWithCapitalRaise(ItchDirectListingWithCapitalRaise m) => Time(m.Timestamp);

        public void OnMalformed(ItchMalformedReason reason, ReadOnlySpan<byte> message) =>
            Assert.Fail($"{path}: malformed ({reason}) message of {message.Length} bytes");

        private void Time(long timestamp) => Assert.True(timestamp is > 0 and < NanosPerDay, $"{path}: timestamp {timestamp} is not within a day");

        /// <summary>Alpha fields: printable ASCII, left-justified (no leading space), space padded.</summary>
        private void Symbol(ReadOnlySpan<byte> field)
        {
            Assert.True(field[0] != (byte)' ', $"{path}: alpha field starts with a space");
            foreach (byte b in field)
            {
                Assert.True(b is >= 0x20 and < 0x7F, $"{path}: non-printable byte 0x{b:X2} in an alpha field");
            }
        }
    }
}
