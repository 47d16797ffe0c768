namespace Llt.Shell.Sinks;

/// <summary>
/// A store a <see cref="JournalSink"/> delivers journal events to (PostgreSQL, Redis, ...). The sink drives it
/// from one thread: <see cref="OpenAsync"/> after start and after every failure, then <see cref="WriteAsync"/>
/// per batch. Any exception means "not acknowledged": the sink closes the store, backs off, reopens it and
/// re-reads the journal from the position the store reports, so a store must make a batch and its position
/// land together or not at all, and must treat an event it already holds (same journal sequence) as a no-op.
/// </summary>
/// <example>
/// <code>
/// long delivered = await store.OpenAsync(ct);          // 0: holds nothing yet
/// using var tailer = JournalTailer.OpenAtSequence(dir, delivered + 1);
/// // ... fill a batch from the tailer ...
/// await store.WriteAsync(batch, ct);                   // rows + position, atomically
/// </code>
/// </example>
public interface IJournalEventStore : IAsyncDisposable
{
    /// <summary>Sink name as configured ("postgres", "redis", ...), used in status, logs and the stored position.</summary>
    string Name { get; }

    /// <summary>Connects (and prepares: migrations, staging), returns the last journal sequence the store holds (0: none).</summary>
    Task<long> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Writes the batch idempotently and records its last sequence as delivered, in one atomic step.</summary>
    Task WriteAsync(JournalEventBatch batch, CancellationToken cancellationToken);

    /// <summary>Drops the connection after a failure; the next <see cref="OpenAsync"/> reconnects.</summary>
    ValueTask CloseAsync();
}
