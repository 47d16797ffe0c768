using System.Diagnostics;
using Llt.Shell.Sinks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Llt.Integration.Tests.Sink;

/// <summary>A <see cref="JournalSink"/> started on a store for one test, with bounded waits on its status.</summary>
public sealed class RunningSink : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private RunningSink(JournalSink sink)
    {
        Sink = sink;
    }

    public JournalSink Sink { get; }

    public JournalSinkStatus Status => Sink.Status;

    /// <summary>Options with short retry delays, so an outage test sees several reconnect attempts.</summary>
    public static JournalSinkOptions Options(string journalDirectory, int batchSize = 512) => new()
    {
        JournalDirectory = journalDirectory,
        BatchSize = batchSize,
        RetryMinDelay = TimeSpan.FromMilliseconds(50),
        RetryMaxDelay = TimeSpan.FromMilliseconds(500),
        StatusInterval = TimeSpan.FromMilliseconds(20),
    };

    public static async Task<RunningSink> StartAsync(IJournalEventStore store, JournalSinkOptions options)
    {
        var sink = new JournalSink(store, options, NullLogger<JournalSink>.Instance);
        await sink.StartAsync(CancellationToken.None);
        return new RunningSink(sink);
    }

    /// <summary>Waits until the sink's status satisfies <paramref name="condition"/>; fails the test with the status otherwise.</summary>
    public async Task WaitForAsync(Func<JournalSinkStatus, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(Sink.Status))
        {
            if (clock.Elapsed > Timeout)
            {
                Assert.Fail($"timed out after {Timeout.TotalSeconds}s waiting for {what}; sink status: {Sink.Status}");
            }

            if (Sink.ExecuteTask is { IsCompleted: true } task)
            {
                Assert.Fail($"the sink stopped while waiting for {what}: {task.Exception?.GetBaseException().Message ?? "no error"}");
            }

            await Task.Delay(20);
        }
    }

    public Task WaitForDeliveredAsync(long sequence) =>
        WaitForAsync(s => s.DeliveredSequence >= sequence, $"delivery up to sequence {sequence}");

    public async ValueTask DisposeAsync()
    {
        await Sink.StopAsync(CancellationToken.None);
        Sink.Dispose();
    }
}
