using System.Net;
using System.Net.Sockets;
using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.MarketData.Books;
using Llt.Hotpath.Tests.Feeds.Iex;
using Llt.Hotpath.Tests.Feeds.Itch;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// An engine configured with <c>feed.type</c> "itch-udp": its feed agent receives MoldUDP64 packets on lines A and B
/// (unicast on 127.0.0.1 standing in for the multicast groups; this host's loopback has no multicast) and the
/// trader's books move as the exchange's orders arrive.
/// </summary>
public sealed class EngineLiveFeedTests : IDisposable
{
    private const ushort Aapl = 1;
    private const byte FeedId = 7;
    private readonly Socket _sender = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public void Dispose() => _sender.Dispose();

    /// <summary>Two ports free on 127.0.0.1 just now (the engine binds them by number, as it would a group's port).</summary>
    private static (int A, int B) FreePorts()
    {
        using var a = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var b = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        a.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        b.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (((IPEndPoint)a.LocalEndPoint!).Port, ((IPEndPoint)b.LocalEndPoint!).Port);
    }

    private static EngineHarness LiveEngine(int portA, int portB, bool withFailover = false) =>
        new(customize: c => c with
        {
            // parsed from text, as llt.json would give it
            Feed = EngineConfigLoader.Parse($$"""
                { "feed": { "type": "itch-udp", "feedId": {{FeedId}}, "lineA": "127.0.0.1:{{portA}}", "lineB": "127.0.0.1:{{portB}}",
                            "interface": "127.0.0.1", "receiveBuffer": 1048576, "gapWindow": "1ms", "heartbeatInterval": "20ms",
                            "sessionDate": "2024-01-02" } }
                """).Feed,
            Feeds = withFailover
                ? [new FeedLineConfig { Name = "nasdaq", Id = FeedId, StaleAfterNs = 50_000_000 }, new FeedLineConfig { Name = "backup", Id = 9, StaleAfterNs = 50_000_000 }]
                : [],
        });

    private static byte[] Packet(long sequence, params byte[][] messages) => MoldWire.Packet(MoldUdpFeedWriter.Session, sequence, messages);

    /// <summary>Runs the engine until <paramref name="until"/> holds (the datagrams are in the kernel's queue already).</summary>
    private static void RunUntil(EngineHarness h, Func<bool> until)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (!until() && DateTime.UtcNow < deadline)
        {
            h.Drain();
        }

        Assert.True(until(), "the engine did not see the packets within 10 s");
    }

    [Fact]
    public void ItchOverUdp_BuildsTheBook_AndAPacketLostOnLineA_ComesFromLineB()
    {
        (int portA, int portB) = FreePorts();
        using EngineHarness h = LiveEngine(portA, portB);
        Assert.NotNull(h.Engine.LiveFeed);
        Assert.Null(h.Engine.ReplayFeed);
        Assert.Null(h.Engine.Feed);
        var lineA = new IPEndPoint(IPAddress.Loopback, portA);
        var lineB = new IPEndPoint(IPAddress.Loopback, portB);

        byte[][] packets =
        [
            Packet(1, ItchWire.StockDirectory(Aapl, "AAPL")),
            Packet(2, ItchWire.AddOrder(Aapl, 0, 1_000, 1, 'B', 300, "AAPL", ItchWire.Price4(189.99m))),
            Packet(3, ItchWire.AddOrder(Aapl, 0, 2_000, 2, 'S', 500, "AAPL", ItchWire.Price4(190.01m))),
            Packet(4, ItchWire.AddOrder(Aapl, 0, 3_000, 3, 'B', 200, "AAPL", ItchWire.Price4(190.00m))),
        ];
        for (int i = 0; i < packets.Length; i++)
        {
            if (i != 2)
            {
                _sender.SendTo(packets[i], lineA); // packet 3 lost on A
            }

            _sender.SendTo(packets[i], lineB);
        }

        L3Book book = h.Engine.Books.L3(0)!;
        RunUntil(h, () => book.OrderCount == 3 && h.Engine.LiveFeed!.Packets == 7); // 3 on A, 4 on B

        Assert.Equal(190_00000000, book.BestBidPrice);
        Assert.Equal(200, book.BestBidSize);
        Assert.Equal(190_01000000, book.BestAskPrice);
        Assert.Equal(500, book.BestAskSize);
        Assert.Equal(1, h.Engine.LiveFeed!.Sequencing.Recovered); // packet 3, from B
        Assert.Equal(0, h.Engine.LiveFeed.Gaps);
        Assert.Equal(3, h.Engine.Counters.MdAccepted.Get());
        Assert.Equal(0, h.Engine.Counters.MdRejected.Get());
        Assert.Equal(0, h.Engine.Errors.ErrorCount);
    }

    [Fact]
    public void IexDeepOverUdp_OneLine_MovesTheL2Book()
    {
        (int port, _) = FreePorts();
        using EngineHarness h = new(customize: c => c with
        {
            Feed = EngineConfigLoader.Parse($$"""{ "feed": { "type": "iex-udp", "feedId": 8, "lineA": "127.0.0.1:{{port}}", "iexProtocol": "deep" } }""").Feed,
        });
        var lineA = new IPEndPoint(IPAddress.Loopback, port);

        _sender.SendTo(IexWire.Segment(IexWire.Deep, 9, 1, IexWire.Bid("AAPL", 189.99m, 100), IexWire.Ask("AAPL", 190.01m, 300)), lineA);
        _sender.SendTo(IexWire.Segment(IexWire.Deep, 9, 3, IexWire.Bid("AAPL", 190.00m, 200)), lineA);

        L2Book book = h.Engine.Books.L2(0);
        RunUntil(h, () => h.Engine.LiveFeed!.Packets == 2 && book.BestBidPrice == 190_00000000);

        Assert.Equal(200, book.BestBidSize);
        Assert.Equal(190_01000000, book.BestAskPrice);
        Assert.Equal(300, book.BestAskSize);
        Assert.Equal(3, h.Engine.Counters.MdBookUpdates.Get());
        Assert.Equal(0, h.Engine.Counters.MdRejected.Get());
    }

    [Fact]
    public void ALiveLineThatGoesQuiet_StopsHeartbeating_AndFailoverLeavesIt()
    {
        (int portA, int portB) = FreePorts();
        using EngineHarness h = LiveEngine(portA, portB, withFailover: true);
        var lineA = new IPEndPoint(IPAddress.Loopback, portA);
        long sequence = 1;

        // the exchange's heartbeats (empty MoldUDP64 packets) keep coming: the handler tells failover it is alive
        _sender.SendTo(Packet(sequence++, ItchWire.StockDirectory(Aapl, "AAPL")), lineA);
        for (int i = 0; i < 20; i++)
        {
            _sender.SendTo(MoldWire.Heartbeat(MoldUdpFeedWriter.Session, sequence), lineA);
            RunUntil(h, () => h.Engine.LiveFeed!.Packets >= i + 2);
            h.Clock.Advance(10_000_000);
            h.Drain();
        }

        Assert.Equal(FeedId, h.Engine.FeedSelector.ActiveFeed(0));
        Assert.Equal(FeedState.Healthy, h.Engine.FeedSelector.StateOf(0));
        Assert.True(h.Engine.LiveFeed!.Heartbeats > 0);

        // the line goes silent: no heartbeats, stale after 50 ms, instruments move to the backup
        for (int i = 0; i < 8; i++)
        {
            h.Clock.Advance(10_000_000);
            h.Drain();
        }

        Assert.Equal(FeedState.Stale, h.Engine.FeedSelector.StateOf(0));
        Assert.Equal(9, h.Engine.FeedSelector.ActiveFeed(0));
    }

    [Theory]
    [InlineData("192.0.2.1:26477", null, "feed.lineA")]
    [InlineData("free", "192.0.2.1:26477", "feed.lineB")]
    public void ALineTheHostCannotReceiveOn_RefusesToStart_NamingIt(string a, string? b, string key)
    {
        string root = Path.Combine(Path.GetTempPath(), "llt-live-feed-test-" + Guid.NewGuid().ToString("N"));
        var config = new EngineConfig
        {
            Name = "t-" + Guid.NewGuid().ToString("N"),
            ShmDirectory = Path.Combine(root, "shm"),
            Journal = new JournalConfig { Directory = Path.Combine(root, "journal"), SegmentLength = 1 << 20 },
            Strategies = [],
            // 192.0.2.1 (TEST-NET-1) is no address of this host: binding a line to it fails
            Feed = new FeedConfig { Type = "itch-udp", LineA = a == "free" ? new IPEndPoint(IPAddress.Loopback, FreePorts().A) : IPEndPoint.Parse(a), LineB = b is null ? null : IPEndPoint.Parse(b) },
        };
        try
        {
            var e = Assert.Throws<ConfigException>(() => Llt.Hotpath.Engine.TradingEngine.Create(config));

            Assert.Equal(key, e.Key);
            Assert.Contains("cannot receive 192.0.2.1:26477", e.Message, StringComparison.Ordinal);

            // the refused start let go of what it had opened: no file under its directories is still open or mapped
            Assert.Empty(OpenedUnder(root));
            using var engine = Llt.Hotpath.Engine.TradingEngine.Create(config with { Feed = new FeedConfig { Type = "none" } });
            Assert.NotEmpty(OpenedUnder(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>This process's open file descriptors and memory mappings of files under <paramref name="root"/>.</summary>
    private static List<string> OpenedUnder(string root)
    {
        var found = new List<string>();
        foreach (string fd in Directory.GetFiles("/proc/self/fd"))
        {
            string? target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith(root, StringComparison.Ordinal))
            {
                found.Add(target);
            }
        }

        foreach (string line in File.ReadLines("/proc/self/maps"))
        {
            if (line.Contains(root, StringComparison.Ordinal))
            {
                found.Add(line);
            }
        }

        return found;
    }
}
