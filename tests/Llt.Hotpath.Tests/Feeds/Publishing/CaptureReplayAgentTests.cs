using Llt.Hotpath.Config;
using Llt.Hotpath.Feeds.Publishing;
using Llt.Hotpath.MarketData.Books;
using Llt.Hotpath.Tests.Engine;
using Llt.Hotpath.Tests.Feeds.Itch;
using static Llt.Hotpath.Tests.Feeds.Publishing.ItchSbePublisherTests;

namespace Llt.Hotpath.Tests.Feeds.Publishing;

/// <summary>
/// <c>feed.type: "itch"</c>: the engine replays a capture through the ITCH handler into its own md.ring — raw
/// NASDAQ files and pcaps of MoldUDP64, gaps announced to failover, duplicates dropped, the end of the file
/// announced as the feed going down.
/// </summary>
public sealed class CaptureReplayAgentTests : IDisposable
{
    private const ushort Aapl = 13;
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("llt-replay-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static EngineHarness Replaying(string path, string mode = "max") =>
        new(customize: c => c with
        {
            Feed = new FeedConfig { Type = "itch", Path = path, Mode = mode, FeedId = 7, Batch = 4, SessionDate = new DateOnly(2024, 1, 2) },
        });

    [Fact]
    public void RawNasdaqFile_IsReplayedIntoTheL3Book()
    {
        string path = Write("01022024.NASDAQ_ITCH50", PcapFile.RawItch(
            Directory(Aapl, "AAPL"),
            Add(Aapl, 1, 'B', 300, "AAPL", 189_9900),
            Add(Aapl, 2, 'S', 500, "AAPL", 190_0100),
            Cancel(Aapl, 2, 100),
            Executed(Aapl, 1, 100)));
        using EngineHarness h = Replaying(path);
        h.Drain();

        L3Book book = h.Engine.Books.L3(0)!;
        Assert.Equal(189_99000000, book.BestBidPrice);
        Assert.Equal(200, book.BestBidSize);
        Assert.Equal(400, book.BestAskSize);
        CaptureReplayAgent replay = h.Engine.ReplayFeed!;
        Assert.True(replay.IsFinished);
        Assert.Equal(5, replay.Packets);
        Assert.Equal(4, replay.Itch.Published);
        Assert.Equal(1, h.Engine.Counters.MdFeedHealth.Get()); // Down at the end of the file
        Assert.Equal(0, h.Engine.Counters.MdRejected.Get());
    }

    [Fact]
    public void MoldUdp64Pcap_GapsAreCountedAndAnnounced_DuplicatesDropped()
    {
        var pcap = new PcapFile();
        long t0 = 1_704_200_000_000_000_000;
        pcap.Udp(t0, PcapFile.MoldUdp64("SESSION01", 1, Directory(Aapl, "AAPL"), Add(Aapl, 1, 'B', 300, "AAPL", 189_9900)));
        pcap.Udp(t0 + 1_000, PcapFile.MoldUdp64("SESSION01", 1, Directory(Aapl, "AAPL"), Add(Aapl, 1, 'B', 300, "AAPL", 189_9900))); // B-line copy
        pcap.Udp(t0 + 2_000, PcapFile.MoldUdp64("SESSION01", 3, Add(Aapl, 2, 'S', 500, "AAPL", 190_0100)));
        pcap.Udp(t0 + 3_000, PcapFile.MoldUdp64("SESSION01", 7, Add(Aapl, 3, 'B', 100, "AAPL", 190_0000))); // 4, 5, 6 lost
        pcap.Udp(t0 + 4_000, PcapFile.MoldUdp64("SESSION01", 8)); // heartbeat
        string path = Write("itch.pcap", pcap.ToArray());
        using EngineHarness h = Replaying(path);
        h.Drain();

        CaptureReplayAgent replay = h.Engine.ReplayFeed!;
        Assert.True(replay.IsFinished);
        Assert.Equal(5, replay.Packets);
        Assert.Equal(2, replay.Duplicates); // both messages of the B-line copy
        Assert.Equal(1, replay.Gaps); // neither line had 4..6: announced when the capture ended
        Assert.Equal(3, replay.GapMessages);
        Assert.Equal(2, h.Engine.Counters.MdFeedHealth.Get()); // the gap, then Down
        L3Book book = h.Engine.Books.L3(0)!;
        Assert.Equal(3, book.OrderCount); // the duplicate add was not applied twice
        Assert.Equal(190_00000000, book.BestBidPrice);
    }

    /// <summary>The generator's session as an A/B capture (line A leads; B's copy of each packet follows).</summary>
    private (EngineHarness Harness, IReadOnlyList<byte[]> Messages, IReadOnlyList<GeneratedStock> Stocks) ReplayingAB(
        int seed, MoldUdpFeedFaults faults, bool pcapng = false)
    {
        var generator = new ItchSessionGenerator(seed).Generate(2_000);
        byte[] capture = pcapng
            ? MoldUdpFeedWriter.PcapNg(generator.Messages, 5, faults)
            : MoldUdpFeedWriter.Pcap(generator.Messages, 5, faults);
        string path = Write(pcapng ? "ab.pcapng" : "ab.pcap", capture);
        var harness = new EngineHarness(customize: c => c with
        {
            Instruments = [.. generator.Stocks.Select(s => new InstrumentConfig { Symbol = s.Symbol, TickSize = 1, StartPrice = s.Mid * 10_000L })],
            Feed = new FeedConfig { Type = "itch", Path = path, Mode = "max", FeedId = 7, Batch = 16, SessionDate = new DateOnly(2024, 1, 2) },
        });
        harness.Drain();
        return (harness, generator.Messages, generator.Stocks);
    }

    /// <summary>The engine's L3 book of each stock against one built from the session applied once, in order.</summary>
    private static void AssertBooksAsIfAppliedInOrder(EngineHarness h, IReadOnlyList<byte[]> messages, IReadOnlyList<GeneratedStock> stocks)
    {
        using var reference = new Llt.Hotpath.Feeds.Itch.ItchBookBuilder<Llt.Hotpath.Feeds.Itch.NoItchBookListener>(8, 1 << 12, 512, default);
        foreach (byte[] message in messages)
        {
            reference.Apply(message);
        }

        for (int i = 0; i < stocks.Count; i++)
        {
            L3Book expected = reference.Book(reference.Locates.InstrumentOf(stocks[i].Locate));
            L3Book actual = h.Engine.Books.L3(i)!;
            Assert.Equal(
                (expected.OrderCount, expected.BestBidPrice, expected.BestBidSize, expected.BestAskPrice, expected.BestAskSize),
                (actual.OrderCount, actual.BestBidPrice, actual.BestBidSize, actual.BestAskPrice, actual.BestAskSize));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ABCapture_PacketsTheLeadingLineLost_ComeFromTheOtherLine_AndTheBooksAreExact(bool pcapng)
    {
        var faults = new MoldUdpFeedFaults
        {
            DropOnA = new HashSet<int>(Enumerable.Range(0, 30).Select(i => 3 + (i * 11))),
            BLagNs = MoldUdpFeedWriter.PacketIntervalNs * 4,
        };
        (EngineHarness h, IReadOnlyList<byte[]> messages, IReadOnlyList<GeneratedStock> stocks) = ReplayingAB(seed: 11, faults, pcapng);
        using (h)
        {
            CaptureReplayAgent replay = h.Engine.ReplayFeed!;
            Assert.True(replay.IsFinished);
            Assert.Equal(30 * 5, replay.Recovered);
            Assert.Equal(0, replay.Gaps); // every hole was filled from B: no FeedHealth Gap
            Assert.Equal(messages.Count - (30 * 5), replay.Duplicates); // the rest of B
            Assert.Equal(messages.Count, replay.Sequencing.Delivered);
            Assert.Equal(0, replay.Damaged);
            Assert.Equal(0, replay.Itch.RingFull);
            Assert.Equal(1, h.Engine.Counters.MdFeedHealth.Get()); // only Down at the end
            Assert.Equal(0, h.Engine.Counters.MdRejected.Get()); // no execution overtook its add
            AssertBooksAsIfAppliedInOrder(h, messages, stocks);
        }
    }

    [Fact]
    public void ABCapture_PacketLostOnBothLines_IsAnnouncedAsAGapOnce_AndTheRestApplies()
    {
        var faults = new MoldUdpFeedFaults { DropOnA = new HashSet<int> { 40 }, DropOnB = new HashSet<int> { 40 }, DuplicateOnA = new HashSet<int> { 41 } };
        (EngineHarness h, IReadOnlyList<byte[]> messages, _) = ReplayingAB(seed: 12, faults);
        using (h)
        {
            CaptureReplayAgent replay = h.Engine.ReplayFeed!;
            Assert.Equal(1, replay.Gaps);
            Assert.Equal(5, replay.GapMessages);
            Assert.Equal(messages.Count - 5, replay.Sequencing.Delivered);
            Assert.Equal(0, replay.Sequencing.PendingGapCount);
            Assert.Equal(2, h.Engine.Counters.MdFeedHealth.Get()); // the gap, then Down
            Assert.Equal(0, h.Engine.Errors.ErrorCount);
        }
    }

    [Fact]
    public void DamagedTail_IsCounted_AndEverythingBeforeItApplies()
    {
        byte[] good = PcapFile.RawItch(Directory(Aapl, "AAPL"), Add(Aapl, 1, 'B', 300, "AAPL", 189_9900));
        byte[] damaged = [.. good, 0x00, 0x24, (byte)'A', 0x00]; // a length of 36 with 2 bytes behind it
        using EngineHarness h = Replaying(Write("cut.itch", damaged));
        h.Drain();

        Assert.Equal(1, h.Engine.ReplayFeed!.Damaged);
        Assert.Equal(1, h.Engine.Books.L3(0)!.OrderCount);
        Assert.Equal(0, h.Engine.Errors.ErrorCount);
    }

    [Fact]
    public void PacedReplay_KeepsTheRecordedSpacing()
    {
        var pcap = new PcapFile();
        long t0 = 1_704_200_000_000_000_000;
        pcap.Udp(t0, PcapFile.MoldUdp64("S", 1, Directory(Aapl, "AAPL")));
        pcap.Udp(t0 + 5_000_000, PcapFile.MoldUdp64("S", 2, Add(Aapl, 1, 'B', 300, "AAPL", 189_9900)));
        using EngineHarness h = Replaying(Write("paced.pcap", pcap.ToArray()), mode: "paced");
        h.Drain();
        Assert.Equal(1, h.Engine.ReplayFeed!.Packets);

        h.Clock.Advance(4_000_000);
        h.Drain();
        Assert.Equal(1, h.Engine.ReplayFeed.Packets);

        h.Clock.Advance(1_000_000);
        h.Drain();
        Assert.Equal(2, h.Engine.ReplayFeed.Packets);
        Assert.Equal(1, h.Engine.Books.L3(0)!.OrderCount);
    }

    [Fact]
    public void MissingCapture_RefusesToStart_NamingTheKey()
    {
        var e = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse("""{ "feed": { "type": "itch", "path": "/nonexistent/x.pcap" } }"""));
        Assert.Equal("feed.path", e.Key);
    }
}

/// <summary>Every real ITCH and IEX capture beside the repository replays into the engine without a damaged packet or a malformed message.</summary>
public sealed class RealCaptureReplayTests
{
    private static CaptureReplayAgent Replay(string path, string type, string[] symbols, out EngineHarness harness)
    {
        harness = new EngineHarness(customize: c => c with
        {
            Instruments = [.. symbols.Select(s => new InstrumentConfig { Symbol = s, TickSize = 1, StartPrice = 100 * FixedPoint.Scale })],
            Feed = new FeedConfig { Type = type, Path = path, Mode = "max", FeedId = 3, SessionDate = new DateOnly(2023, 8, 22) },
        });
        harness.Drain();
        return harness.Engine.ReplayFeed!;
    }

    [RealCapturesFact]
    public void NasdaqItchCaptures_ReplayCleanly()
    {
        string[] files = System.IO.Directory.GetFiles(Path.Combine(RealCapturesFactAttribute.Directory!, "Nasdaq"), "*.pcap", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        long messages = 0;
        foreach (string file in files)
        {
            CaptureReplayAgent replay = Replay(file, "itch", ["AAPL", "MSFT", "QQQ", "SPY"], out EngineHarness h);
            using (h)
            {
                Assert.True(replay.IsFinished, file);
                Assert.True(replay.Packets > 0, file);
                Assert.Equal(0, replay.Damaged);
                Assert.Equal(0, replay.Itch.Malformed);
                Assert.Equal(0, h.Engine.Errors.ErrorCount);
                messages += replay.Itch.Published + replay.Itch.Skipped + replay.Itch.Ignored;
            }
        }

        Assert.True(messages >= files.Length, $"{messages} messages in {files.Length} captures");
    }

    [RealCapturesFact]
    public void IexCaptures_ReplayCleanly()
    {
        string[] files = System.IO.Directory.GetFiles(Path.Combine(RealCapturesFactAttribute.Directory!, "Iex"), "*.pcap", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            CaptureReplayAgent replay = Replay(file, "iex", ["AAPL", "ZIEXT", "SPY"], out EngineHarness h);
            using (h)
            {
                Assert.True(replay.IsFinished, file);
                Assert.Equal(0, replay.Damaged);
                Assert.Equal(0, replay.Iex.Malformed);
                Assert.Equal(0, h.Engine.Errors.ErrorCount);
            }
        }
    }
}
