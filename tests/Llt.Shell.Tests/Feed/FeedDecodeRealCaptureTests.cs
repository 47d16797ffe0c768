namespace Llt.Shell.Tests.Feed;

/// <summary>
/// <c>llt feed decode</c> on the real captures in ../shared/data/captures (never committed; skipped when absent).
/// </summary>
public sealed class FeedDecodeRealCaptureTests
{
    [SharedCapturesFact]
    public void EveryIexCapture_DecodesWithNoWarning_AndOneLinePerMessage()
    {
        int files = 0;
        foreach (string path in Directory.EnumerateFiles(Path.Combine(SharedCaptures.Directory!, "Iex"), "*.pcap", SearchOption.AllDirectories))
        {
            string format = path.Contains("DeepPlus", StringComparison.Ordinal) ? "iex-deepplus"
                : path.Contains("Deep", StringComparison.Ordinal) ? "iex-deep" : "iex-tops";

            FeedDecodeRun run = FeedDecodeRun.OfPath(path, format);

            Assert.Equal(0, run.ExitCode);
            Assert.DoesNotContain("warning", run.Error);
            Assert.Contains($"decoded {run.Lines.Length} messages", run.Error);
            Assert.All(run.Lines, l => Assert.True(l.GetProperty("timestamp").GetInt64() > 1_400_000_000_000_000_000, path));
            files++;
        }

        Assert.True(files >= 20);
    }

    [SharedCapturesFact]
    public void TopsQuoteUpdate_PrintsTheQuoteInDecimals()
    {
        FeedDecodeRun run = FeedDecodeRun.OfPath(Path.Combine(SharedCaptures.Directory!, "Iex", "Tops.IexTp.v1.6", "QuoteUpdateMessage.pcap"), "iex-tops");

        Assert.Equal(
            """{"message":"QuoteUpdate","sequence":49821,"messageType":"Q","flags":0,"timestamp":1517065700930439360,"timestampIso":"2018-01-27T15:08:20.930439360Z","symbol":"ATSG","bidSize":18773,"bidPrice":24.19,"askPrice":24.25,"askSize":60677}""" + "\n",
            run.Output);
    }

    [SharedCapturesFact]
    public void EveryNasdaqCapture_DecodesAsItch50WithNoMalformedMessage()
    {
        foreach (string path in Directory.EnumerateFiles(Path.Combine(SharedCaptures.Directory!, "Nasdaq"), "*.pcap", SearchOption.AllDirectories))
        {
            FeedDecodeRun run = FeedDecodeRun.OfPath(path, "itch50");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains(" 0 malformed messages", run.Error);
            Assert.NotEmpty(run.Lines);
        }
    }
}
