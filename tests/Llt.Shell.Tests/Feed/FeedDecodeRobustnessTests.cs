using System.Text.Json;

namespace Llt.Shell.Tests.Feed;

/// <summary>Whatever bytes it is given, <c>llt feed decode</c> exits 0 with valid JSON lines and never throws.</summary>
public sealed class FeedDecodeRobustnessTests
{
    private const long Ts = FeedFiles.Ts;

    public static TheoryData<string> Formats => new() { "itch50", "iex-tops", "iex-deep", "iex-deepplus" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void RandomBytes_DecodeWithoutThrowing(string format)
    {
        var random = new Random(7);
        for (int i = 0; i < 50; i++)
        {
            var file = new byte[random.Next(0, 600)];
            random.NextBytes(file);

            FeedDecodeRun run = FeedDecodeRun.Of(file, format);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("decoded", run.Error);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void BitFlippedCaptures_DecodeWithoutThrowing_AndEveryLineIsJson(string format)
    {
        byte[] iex = FeedFiles.IexSegment(
            format == "iex-tops" ? FeedFiles.Tops : format == "iex-deep" ? FeedFiles.Deep : (ushort)0x8005,
            1,
            1,
            FeedFiles.IexMessage(22, 'H', (byte)'H', Ts, "ZIEXT").WithAscii(18, "T1", 4),
            FeedFiles.IexMessage(31, 'D', 0x80, Ts, "ZIEXT").With(18, 100, 4).With(22, 990500, 8),
            FeedFiles.IexMessage(30, '8', 1, Ts, "V").With(18, 190, 4).With(22, 2027700, 8),
            FeedFiles.IexMessage(42, 'Q', 0, Ts, "ATSG").With(18, 1, 4).With(22, 241900, 8).With(30, 242500, 8).With(38, 1, 4));
        byte[] itch = FeedFiles.MoldUdp64("000012345A", 1, FeedFiles.ItchAddOrder(34_238_952_381_153, 1, 'B', 1, "META", 805200));
        byte[] capture = FeedFiles.Pcap(format == "itch50" ? itch : iex, format == "itch50" ? itch : iex);
        var random = new Random(11);
        for (int i = 0; i < 200; i++)
        {
            byte[] mutated = (byte[])capture.Clone();
            for (int flips = random.Next(1, 6); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
            }

            FeedDecodeRun run = FeedDecodeRun.Of(mutated[..random.Next(mutated.Length / 2, mutated.Length + 1)], format);

            Assert.Equal(0, run.ExitCode);
            Assert.All(run.Lines, line => Assert.Equal(JsonValueKind.Object, line.ValueKind));
        }
    }

    [Fact]
    public void NonAsciiBytesInATextField_ArePrintedNotThrown()
    {
        byte[] status = FeedFiles.IexMessage(22, 'H', (byte)'H', Ts, "ZIEXT");
        status[18] = 0xFF;
        status[19] = 0xC3;

        FeedDecodeRun run = FeedDecodeRun.Of(FeedFiles.Pcap(FeedFiles.IexSegment(FeedFiles.Deep, 1, 1, status)), "iex-deep");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\u00FF\u00C3", Assert.Single(run.Lines).GetProperty("reason").GetString());
    }
}
