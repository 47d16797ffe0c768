using Llt.Hotpath.Journal;
using static Llt.Hotpath.Tests.Journal.JournalTestSupport;

namespace Llt.Hotpath.Tests.Journal;

public sealed class JournalFsyncPolicyTests
{
    [Theory]
    [InlineData(JournalFsyncPolicy.None)]
    [InlineData(JournalFsyncPolicy.Periodic)]
    [InlineData(JournalFsyncPolicy.OnRoll)]
    public void Writer_WithEachFsyncPolicy_RollsSyncsAndKeepsEveryFrame(JournalFsyncPolicy policy)
    {
        using var temp = new TempJournalDirectory();
        var options = new JournalOptions
        {
            Directory = temp.Journal,
            SegmentLength = 4096,
            PreTouch = true,
            FsyncPolicy = policy,
            FsyncIntervalMs = 5,
        };
        using (var writer = ExclusiveJournalWriter.Open(options))
        {
            for (int batch = 0; batch < 10; batch++)
            {
                AppendFrames(writer, 30, payloadLength: 64);
                // Let the periodic msync run between batches.
                Thread.Sleep(10);
            }

            Assert.True(writer.Rolls >= 5);
            Assert.Null(writer.BackgroundFailure);
        }

        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), ReadAll(tailer).Select(f => f.Sequence));
    }

    [Fact]
    public void Options_WithPeriodicPolicyAndNoInterval_AreRefused()
    {
        var options = new JournalOptions { Directory = "/tmp/unused", FsyncPolicy = JournalFsyncPolicy.Periodic, FsyncIntervalMs = 0 };
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void Options_WithSegmentLengthNotAPageMultiple_AreRefused()
    {
        var options = new JournalOptions { Directory = "/tmp/unused", SegmentLength = 5000 };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("multiple of 4096", error.Message);
    }
}
