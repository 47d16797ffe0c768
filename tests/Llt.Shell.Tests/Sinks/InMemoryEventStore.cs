using Llt.Shell.Sinks;
using Llt.Shell.Sinks.Events;

namespace Llt.Shell.Tests.Sinks;

/// <summary>
/// A store that keeps events in memory and honours the <see cref="IJournalEventStore"/> contract (rows and
/// position together, a sequence it already holds is a no-op), with switches a test flips to make it fail:
/// unreachable, failing writes, or a write that lands but whose acknowledgement is lost.
/// </summary>
internal sealed class InMemoryEventStore : IJournalEventStore
{
    private readonly object _lock = new();
    private readonly SortedDictionary<long, JournalEvent> _events = new();
    private readonly List<int> _batchSizes = [];
    private long _position;
    private bool _open;

    public InMemoryEventStore(long initialPosition = 0)
    {
        _position = initialPosition;
    }

    public string Name => "memory";

    /// <summary>While true, opening and writing fail as an unreachable server would.</summary>
    public volatile bool Down;

    /// <summary>Write attempts left that land the batch and then fail (the acknowledgement is lost).</summary>
    public int LoseAcknowledgements;

    /// <summary>How long each write takes, as a busy server would.</summary>
    public TimeSpan WriteDelay;

    public int Opens { get; private set; }

    public int Closes { get; private set; }

    /// <summary>Events offered again that the store already held (ignored, as a sequence key would).</summary>
    public int Redelivered { get; private set; }

    public long Position
    {
        get { lock (_lock) { return _position; } }
    }

    public List<long> Sequences()
    {
        lock (_lock)
        {
            return [.. _events.Keys];
        }
    }

    public List<JournalEvent> Events()
    {
        lock (_lock)
        {
            return [.. _events.Values];
        }
    }

    public List<int> BatchSizes()
    {
        lock (_lock)
        {
            return [.. _batchSizes];
        }
    }

    public Task<long> OpenAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Opens++;
            if (Down)
            {
                throw new IOException("connection refused (store is down)");
            }

            _open = true;
            return Task.FromResult(_position);
        }
    }

    public async Task WriteAsync(JournalEventBatch batch, CancellationToken cancellationToken)
    {
        if (WriteDelay > TimeSpan.Zero)
        {
            await Task.Delay(WriteDelay, cancellationToken);
        }

        lock (_lock)
        {
            if (!_open)
            {
                throw new InvalidOperationException("write on a store that is not open");
            }

            if (Down)
            {
                _open = false;
                throw new IOException("connection reset (store went down)");
            }

            _batchSizes.Add(batch.Count);
            long expected = batch.FirstSequence;
            foreach (JournalEvent journalEvent in batch.Events)
            {
                Assert.Equal(expected++, journalEvent.Sequence);
                if (!_events.TryAdd(journalEvent.Sequence, journalEvent))
                {
                    Redelivered++;
                }
            }

            _position = Math.Max(_position, batch.LastSequence);
            if (LoseAcknowledgements > 0)
            {
                LoseAcknowledgements--;
                throw new TimeoutException("acknowledgement lost");
            }
        }
    }

    public ValueTask CloseAsync()
    {
        lock (_lock)
        {
            Closes++;
            _open = false;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => CloseAsync();
}
