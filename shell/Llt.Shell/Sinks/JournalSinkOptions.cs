namespace Llt.Shell.Sinks;

/// <summary>How a <see cref="JournalSink"/> reads the journal, batches and retries; validated once at construction.</summary>
public sealed record JournalSinkOptions
{
    /// <summary>The engine's journal directory (llt.json journal.directory; default data/journal).</summary>
    public required string JournalDirectory { get; init; }

    /// <summary>
    /// Where the engine's retention moves retired segments (llt.json journal.archiveDir), or null. A sink that falls
    /// behind retention reads the moved segments from there: a store outage longer than the retained segments loses
    /// nothing. Without an archive retention deletes them, and the sink counts and logs what it never received.
    /// </summary>
    public string? ArchiveDirectory { get; init; }

    /// <summary>Most events per store write (and per transaction).</summary>
    public int BatchSize { get; init; } = 2048;

    /// <summary>
    /// Longest an event waits for companions before a partial batch is written. Under load batches fill while
    /// the previous write is in flight (smart batching), so this only matters for a trickle of events.
    /// </summary>
    public TimeSpan BatchDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>First delay after a failed store attempt; doubles per failure up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryMinDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest sleep while the journal is idle (the wait starts at 1 ms and doubles).</summary>
    public TimeSpan IdleMaxDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often the status (lag) is refreshed while the sink waits.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// At stop, how long the sink keeps delivering what the journal holds (the engine stops first, so that is
    /// its last frames) before it leaves the rest for its next start. Zero: stop at once.
    /// </summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(JournalDirectory))
        {
            throw new ArgumentException("journal directory is empty", nameof(JournalDirectory));
        }

        if (BatchSize < 1 || BatchSize > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "batch size must be 1..1000000");
        }

        if (BatchDelay < TimeSpan.Zero || IdleMaxDelay <= TimeSpan.Zero || StatusInterval <= TimeSpan.Zero || DrainTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchDelay), "sink delays must be positive");
        }

        _ = new RetryBackoff(RetryMinDelay, RetryMaxDelay);
    }
}
