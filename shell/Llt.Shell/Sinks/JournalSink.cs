using Llt.Hotpath.Journal;
using Llt.Shell.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Sinks;

/// <summary>
/// Delivers the engine journal to one <see cref="IJournalEventStore"/>: asks the store how far it holds the
/// journal, tails from the next sequence, hands the store batches of consecutive events and moves on only once
/// the store acknowledged a batch (the store records the batch's last sequence with the rows, atomically). Any
/// store failure closes the store, waits with exponential backoff and starts over from the position the store
/// reports, so an outage loses nothing and, the stores being idempotent on the sequence, duplicates nothing.
/// </summary>
/// <remarks>
/// Smart batching: a batch takes whatever the journal holds, up to <see cref="JournalSinkOptions.BatchSize"/>,
/// without waiting; under load the journal fills while the previous write is in flight, so batches grow with the
/// load and the per-event cost falls. A partial batch waits at most <see cref="JournalSinkOptions.BatchDelay"/>
/// for companions. The engine never waits on a sink: the sink only reads the journal's mapped segments.
/// </remarks>
public sealed class JournalSink : BackgroundService, IJournalSinkStatusSource
{
    private readonly IJournalEventStore _store;
    private readonly JournalSinkOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<string, string> _scrub;
    private readonly RetryBackoff _backoff;
    private readonly object _statusLock = new();

    private bool _connected;
    private long _deliveredSequence = -1;
    private long _deliveredEvents;
    private long _errors;
    private string? _lastError;
    private long _journalHeadSequence;
    private long _oldestUnackedTimestampNs;
    private long _lostToRetention;
    private volatile bool _draining;

    /// <param name="scrub">Masks secrets in a store's error text before it reaches the status or the log (default: none).</param>
    public JournalSink(IJournalEventStore store, JournalSinkOptions options, ILogger<JournalSink> logger,
        TimeProvider? time = null, Func<string, string>? scrub = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _store = store;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _scrub = scrub ?? (static text => text);
        _backoff = new RetryBackoff(options.RetryMinDelay, options.RetryMaxDelay);
    }

    public string Name => _store.Name;

    /// <summary>Events the journal no longer held when the sink asked for them (retention removed them first).</summary>
    public long LostToRetention => Interlocked.Read(ref _lostToRetention);

    public JournalSinkStatus Status
    {
        get
        {
            lock (_statusLock)
            {
                long delivered = Math.Max(0, _deliveredSequence);
                long lagEvents = Math.Max(0, _journalHeadSequence - delivered);
                double lagSeconds = 0;
                if (lagEvents > 0 && _oldestUnackedTimestampNs > 0)
                {
                    long nowNs = (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
                    lagSeconds = Math.Max(0, (nowNs - _oldestUnackedTimestampNs) / 1e9);
                }

                return new JournalSinkStatus(_store.Name, _connected, _deliveredSequence, lagEvents, lagSeconds,
                    _deliveredEvents, _errors, _lastError);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave StartAsync at once: the host starts the other services while this one connects.
        await Task.Yield();
        using IDisposable? scope = _logger.BeginComponent("sink:" + _store.Name);
        using var head = new JournalHead(_options.JournalDirectory);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                long delivered = await _store.OpenAsync(stoppingToken).ConfigureAwait(false);
                OnOpened(delivered);
                await PumpAsync(delivered, head, stoppingToken).ConfigureAwait(false);
                // PumpAsync returns only when draining and caught up
                break;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                TimeSpan delay = _backoff.Next();
                OnFailed(ex, delay);
                await CloseQuietlyAsync().ConfigureAwait(false);
                // stopping with the store down: what is left waits in the journal for the next start
                if (_draining || !await WaitAsync(delay, head, stoppingToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }

        await CloseQuietlyAsync().ConfigureAwait(false);
    }

    private async Task PumpAsync(long delivered, JournalHead head, CancellationToken ct)
    {
        // Until the engine created the journal there is nothing to read; the store stays open meanwhile.
        while (!JournalHead.HasSegments(_options.JournalDirectory))
        {
            if (_draining)
            {
                return;
            }

            RefreshHead(head, delivered);
            await Task.Delay(_options.IdleMaxDelay, _time, ct).ConfigureAwait(false);
        }

        CheckSameJournal(delivered);
        using JournalTailer tailer = JournalTailer.OpenAtSequence(_options.JournalDirectory, delivered + 1, archiveDirectory: _options.ArchiveDirectory);
        var batch = new JournalEventBatch(_options.BatchSize);
        long expected = delivered + 1;
        long lastStatusRefresh = 0;
        long batchStartedAt = 0;
        TimeSpan idle = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            JournalReadResult result = FillBatch(tailer, batch, ref expected);
            if (result == JournalReadResult.Corrupted)
            {
                // The tailer stays put at the damaged frame; deliver what precedes it, then fail so the error is
                // reported and retried with backoff (the engine's recovery repairs a torn tail at its restart).
                if (!batch.IsEmpty)
                {
                    await WriteAsync(batch, ct).ConfigureAwait(false);
                }

                throw new InvalidDataException(
                    $"journal {_options.JournalDirectory}: frame at position {tailer.Position} fails its length or checksum check");
            }

            // also while a backlog keeps every pass writing: the lag must show how far behind the sink is
            if (_time.GetElapsedTime(lastStatusRefresh) >= _options.StatusInterval)
            {
                RefreshHead(head, Math.Max(0, Volatile.Read(ref _deliveredSequence)));
                lastStatusRefresh = _time.GetTimestamp();
            }

            if (!batch.IsEmpty && batchStartedAt == 0)
            {
                batchStartedAt = _time.GetTimestamp();
            }

            bool write = batch.IsFull
                || (!batch.IsEmpty && (_draining || _time.GetElapsedTime(batchStartedAt) >= _options.BatchDelay));
            if (write)
            {
                await WriteAsync(batch, ct).ConfigureAwait(false);
                batch.Clear();
                batchStartedAt = 0;
                idle = TimeSpan.FromMilliseconds(1);
                continue;
            }

            if (batch.IsEmpty)
            {
                if (_draining)
                {
                    // Stopping, and everything the journal held is delivered.
                    RefreshHead(head, Math.Max(0, Volatile.Read(ref _deliveredSequence)));
                    return;
                }

                // Caught up: back off from 1 ms to IdleMaxDelay while the journal stays quiet.
                await Task.Delay(idle, _time, ct).ConfigureAwait(false);
                idle = idle * 2 > _options.IdleMaxDelay ? _options.IdleMaxDelay : idle * 2;
            }
            else
            {
                // A partial batch: give the engine a moment to add companions, never longer than BatchDelay.
                TimeSpan remaining = _options.BatchDelay - _time.GetElapsedTime(batchStartedAt);
                TimeSpan wait = remaining < TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// Stops after delivering what the journal holds now (the host stops the engine before the sinks, so that is
    /// its last frames), within <see cref="JournalSinkOptions.DrainTimeout"/> and the host's shutdown budget;
    /// with the store down it stops at once. Whatever is left is delivered at the next start.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        Task? running = ExecuteTask;
        if (running is not null && !running.IsCompleted && _options.DrainTimeout > TimeSpan.Zero)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(_options.DrainTimeout);
            try
            {
                await running.WaitAsync(budget.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                JournalSinkStatus status = Status;
                _logger.LogWarning("sink {Sink}: stopping before the journal's end; {Lag} events wait for the next start",
                    _store.Name, status.LagEvents);
            }
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The store's position must be a sequence this journal has written: when the journal ends before it, the
    /// journal was replaced (deleted, or another engine's), and its events would collide with the store's keys.
    /// Fails loudly (retried with backoff, shown in the status) instead of skipping events.
    /// </summary>
    private void CheckSameJournal(long delivered)
    {
        if (delivered <= 0)
        {
            return;
        }

        using JournalTailer probe = JournalTailer.OpenAtSequence(_options.JournalDirectory, delivered, verifyChecksums: false, _options.ArchiveDirectory);
        if (probe.TryRead(out JournalFrame frame) != JournalReadResult.FrameRead)
        {
            throw new JournalStoreException(
                $"store {_store.Name} holds journal sequences up to {delivered} but journal {_options.JournalDirectory} ends before that: " +
                "it is a different or reset journal. Give this journal its own store (schema / key prefix) or clear the sink's position");
        }

        _ = frame.Sequence;
    }

    /// <summary>Reads frames into the batch until it is full or the journal has no more; returns the last read result.</summary>
    private JournalReadResult FillBatch(JournalTailer tailer, JournalEventBatch batch, ref long expected)
    {
        while (!batch.IsFull)
        {
            JournalReadResult result = tailer.TryRead(out JournalFrame frame);
            if (result != JournalReadResult.FrameRead)
            {
                return result;
            }

            if (frame.Sequence < expected)
            {
                // Already acknowledged (OpenAtSequence lands on the first frame >= the sequence asked for); never resend.
                continue;
            }

            if (batch.IsEmpty && Volatile.Read(ref _oldestUnackedTimestampNs) == 0)
            {
                lock (_statusLock)
                {
                    _oldestUnackedTimestampNs = frame.TimestampNs;
                }
            }

            batch.Add(JournalEventDecoder.Decode(in frame));
            expected = frame.Sequence + 1;
        }

        return JournalReadResult.FrameRead;
    }

    private async Task WriteAsync(JournalEventBatch batch, CancellationToken ct)
    {
        await _store.WriteAsync(batch, ct).ConfigureAwait(false);
        long skipped;
        lock (_statusLock)
        {
            // The store holds every sequence up to _deliveredSequence and now this batch: what lies between the two
            // retention removed before it was delivered (at a start, after an outage, or while the sink fell behind).
            // Counted here, once, when the store moves past it: a failed write and its retry meet the hole again.
            skipped = batch.FirstSequence - (_deliveredSequence + 1);
            _deliveredSequence = batch.LastSequence;
            _deliveredEvents += batch.Count;
            _connected = true;
            _oldestUnackedTimestampNs = 0;
            if (_journalHeadSequence < batch.LastSequence)
            {
                _journalHeadSequence = batch.LastSequence;
            }
        }

        _backoff.Reset();
        if (skipped > 0)
        {
            Interlocked.Add(ref _lostToRetention, skipped);
            _logger.LogError(
                "sink {Sink}: journal no longer held sequences {From}..{To} ({Lost} events) - retention removed them before delivery",
                _store.Name, batch.FirstSequence - skipped, batch.FirstSequence - 1, skipped);
        }
    }

    private void OnOpened(long delivered)
    {
        if (delivered < 0)
        {
            throw new InvalidDataException($"sink {_store.Name}: store reported delivered sequence {delivered} (must be >= 0)");
        }

        bool recovered;
        lock (_statusLock)
        {
            recovered = _errors > 0 && !_connected;
            _connected = true;
            _deliveredSequence = delivered;
            _lastError = null;
        }

        _backoff.Reset();
        if (recovered)
        {
            _logger.LogInformation("sink {Sink}: store reachable again, resuming after sequence {Sequence}", _store.Name, delivered);
        }
        else
        {
            _logger.LogInformation("sink {Sink}: store open, delivering after sequence {Sequence}", _store.Name, delivered);
        }
    }

    private void OnFailed(Exception ex, TimeSpan delay)
    {
        string message = _scrub(Describe(ex));
        long errors;
        lock (_statusLock)
        {
            _connected = false;
            _errors++;
            errors = _errors;
            _lastError = message;
        }

        // The first failure of an outage is a warning with the cause; repeats are debug so a long outage does not flood the log.
        if (errors == 1 || delay == _options.RetryMaxDelay)
        {
            _logger.LogWarning("sink {Sink}: store failed ({Error}); retrying in {Delay} ms", _store.Name, message,
                (long)delay.TotalMilliseconds);
        }
        else
        {
            _logger.LogDebug("sink {Sink}: store failed ({Error}); retrying in {Delay} ms", _store.Name, message,
                (long)delay.TotalMilliseconds);
        }
    }

    private static string Describe(Exception ex)
    {
        // Drivers wrap the useful cause (socket refused, auth failed) in generic outer exceptions.
        Exception inner = ex;
        string text = ex.Message;
        while (inner.InnerException is { } next && !text.Contains(next.Message, StringComparison.Ordinal))
        {
            text += ": " + next.Message;
            inner = next;
        }

        return $"{ex.GetType().Name}: {text}";
    }

    private async Task<bool> WaitAsync(TimeSpan delay, JournalHead head, CancellationToken ct)
    {
        try
        {
            RefreshHead(head, Math.Max(0, Volatile.Read(ref _deliveredSequence)));
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void RefreshHead(JournalHead head, long delivered)
    {
        try
        {
            if (!head.Refresh(delivered + 1))
            {
                return;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            // Lag is advisory; a journal being rolled or pruned under the head is retried on the next refresh.
            _logger.LogDebug("sink {Sink}: journal head refresh failed: {Error}", _store.Name, ex.Message);
            return;
        }

        lock (_statusLock)
        {
            if (head.LastSequence > _journalHeadSequence)
            {
                _journalHeadSequence = head.LastSequence;
            }

            if (_oldestUnackedTimestampNs == 0 && _journalHeadSequence > Math.Max(0, _deliveredSequence)
                && head.FirstTimestampNs > 0 && _deliveredEvents == 0)
            {
                // Nothing read since start: the oldest unacknowledged event is the first frame the head saw.
                _oldestUnackedTimestampNs = head.FirstTimestampNs;
            }
        }
    }

    private async Task CloseQuietlyAsync()
    {
        try
        {
            await _store.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogDebug("sink {Sink}: close failed: {Error}", _store.Name, _scrub(ex.Message));
        }
    }
}
