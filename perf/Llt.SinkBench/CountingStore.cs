using Llt.Shell.Sinks;

namespace Llt.SinkBench;

/// <summary>Passes through to a store and adds up what it reports per acknowledged batch (rows, commands).</summary>
internal sealed class CountingStore(IJournalEventStore inner, Func<IJournalEventStore, long> perBatch) : IJournalEventStore
{
    public long Operations { get; private set; }

    /// <summary>Time spent inside the store's writes (the rest of a run is reading and decoding the journal).</summary>
    public TimeSpan WriteTime { get; private set; }

    public string Name => inner.Name;

    public Task<long> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    public async Task WriteAsync(JournalEventBatch batch, CancellationToken cancellationToken)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        await inner.WriteAsync(batch, cancellationToken);
        WriteTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        Operations += perBatch(inner);
    }

    public ValueTask CloseAsync() => inner.CloseAsync();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
