using System.Buffers.Binary;
using System.Text.Json;

namespace Llt.Shell.Tests.Feed;

/// <summary>
/// <c>llt feed replay</c> and <c>llt feed status</c> against a running llt-engine with a failover feeds list: an ITCH
/// file replayed under feed 1 builds the engine's book, and the feed's state, messages and silence show up.
/// </summary>
public sealed class FeedReplayAndStatusTests
{
    private static byte[] Itch(byte type, int length, ushort locate, Action<byte[]> fill)
    {
        var m = new byte[length];
        m[0] = type;
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(1), locate);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(7), 1_000);
        fill(m);
        return m;
    }

    private static void Stock(byte[] m, int offset, string symbol)
    {
        m.AsSpan(offset, 8).Fill((byte)' ');
        for (int i = 0; i < symbol.Length; i++)
        {
            m[offset + i] = (byte)symbol[i];
        }
    }

    /// <summary>A raw NASDAQ-style file (2-byte length prefixes): AAPL's directory, then a bid and an ask.</summary>
    private static string WriteItchFile(string dir)
    {
        byte[][] messages =
        [
            Itch((byte)'R', 39, 5, m => Stock(m, 11, "AAPL")),
            Itch((byte)'A', 36, 5, m =>
            {
                BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), 1);
                m[19] = (byte)'B';
                BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), 300);
                Stock(m, 24, "AAPL");
                BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(32), 189_9900);
            }),
            Itch((byte)'A', 36, 5, m =>
            {
                BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), 2);
                m[19] = (byte)'S';
                BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), 500);
                Stock(m, 24, "AAPL");
                BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(32), 190_0100);
            }),
        ];
        var file = new MemoryStream();
        foreach (byte[] message in messages)
        {
            file.Write([(byte)(message.Length >> 8), (byte)message.Length]);
            file.Write(message);
        }

        string path = Path.Combine(dir, "aapl.itch");
        File.WriteAllBytes(path, file.ToArray());
        return path;
    }

    [Fact]
    public void ReplayedItchFile_ReachesTheEngine_AndFeedStatusShowsTheFeedDownAtItsEnd()
    {
        using var site = new EngineTestSite();
        site.WriteConfig($$"""
            {
              "engine": { "name": "{{site.Name}}", "heartbeatInterval": "100ms", "journal": { "dir": "{{site.JournalDirectory}}", "segmentSize": 1048576 } },
              "feed": { "type": "none" },
              "feeds": [ { "name": "nasdaq", "id": 1, "staleAfter": "30s" }, { "name": "iex", "id": 2, "staleAfter": "30s" } ]
            }
            """);
        using EngineProcess engine = EngineProcess.Start("--config", site.ConfigPath);
        engine.WaitForOutput("ready;");
        string file = WriteItchFile(site.Root);

        var replay = EngineProcess.RunCli("feed", "replay", file, "--format", "itch50", "--speed", "max", "--feed-id", "1", "--date", "2024-01-02", "--config", site.ConfigPath);
        Assert.True(replay.ExitCode == 0, replay.Stderr + replay.Stdout);
        Assert.Contains("2 ticks published", replay.Stdout, StringComparison.Ordinal);

        // the engine applies the two orders; the end of the file reached it as FeedHealth Down, so feed 1 ends down
        site.WaitForJournal(f => f.Exists(x => x.Type == Llt.Sbe.OrderAddDecoder.TemplateId), "the replayed orders in the journal");
        DateTime deadline = DateTime.UtcNow + EngineProcess.Timeout;
        JsonElement nasdaq = default;
        int exit = -1;
        while (DateTime.UtcNow < deadline)
        {
            var status = EngineProcess.RunCli("feed", "status", "--json", "--config", site.ConfigPath);
            exit = status.ExitCode;
            using JsonDocument document = JsonDocument.Parse(status.Stdout);
            nasdaq = document.RootElement.GetProperty("feeds")[0].Clone();
            if (nasdaq.GetProperty("state").GetString() == "down")
            {
                Assert.True(document.RootElement.GetProperty("failover").GetBoolean());
                Assert.Equal("iex", document.RootElement.GetProperty("feeds")[1].GetProperty("name").GetString());
                break;
            }

            Thread.Sleep(50);
        }

        Assert.Equal("nasdaq", nasdaq.GetProperty("name").GetString());
        Assert.Equal("down", nasdaq.GetProperty("state").GetString());
        Assert.Equal(3, nasdaq.GetProperty("messages").GetInt64()); // two orders and the end-of-file FeedHealth
        Assert.True(nasdaq.GetProperty("silenceMs").GetInt64() >= 0);
        Assert.Equal(1, exit); // a feed down (and feed 2 never seen): the status is degraded
    }

    [Fact]
    public void Replay_WithoutARunningEngine_ExitsThree()
    {
        using var site = new EngineTestSite();
        site.WriteConfig();
        string file = WriteItchFile(site.Root);

        var replay = EngineProcess.RunCli("feed", "replay", file, "--format", "itch50", "--config", site.ConfigPath);

        Assert.Equal(3, replay.ExitCode);
    }
}
