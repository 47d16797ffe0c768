using Llt.Shell.Sinks;

namespace Llt.Shell.Tests.Sinks;

/// <summary>Sink settings fast enough for tests, and the bounded wait they poll with.</summary>
internal static class SinkTestSupport
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Short batching, retry and idle delays, so an outage test sees several reconnect attempts within a second.</summary>
    public static JournalSinkOptions Options(string journalDirectory, string? archiveDirectory = null, int batchSize = 256) => new()
    {
        JournalDirectory = journalDirectory,
        ArchiveDirectory = archiveDirectory,
        BatchSize = batchSize,
        BatchDelay = TimeSpan.FromMilliseconds(2),
        RetryMinDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(40),
        IdleMaxDelay = TimeSpan.FromMilliseconds(5),
        StatusInterval = TimeSpan.FromMilliseconds(10),
    };

    /// <summary>Polls <paramref name="condition"/> every 5 ms for at most <see cref="Timeout"/>; fails the test with <paramref name="describe"/> otherwise.</summary>
    public static void Eventually(Func<bool> condition, Func<string> describe)
    {
        bool met = SpinWait.SpinUntil(() =>
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(5);
            return false;
        }, Timeout);
        Assert.True(met, $"timed out after {Timeout.TotalSeconds}s: {describe()}");
    }
}
