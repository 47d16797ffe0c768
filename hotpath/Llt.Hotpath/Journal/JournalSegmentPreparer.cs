
namespace Llt.Hotpath.Journal;

/// <summary>
/// The writer's background thread: creates, sizes and pre-touches the next segment before the writer needs
/// it, msyncs and unmaps segments the writer has rolled past, msyncs the active segment periodically and
/// applies retention. The writer talks to it only through <see cref="RequestSegment"/>,
/// <see cref="TakeSegment"/> and <see cref="Retire"/>; it never touches the writer's fields except the
/// published position.
/// </summary>
internal sealed class JournalSegmentPreparer : IDisposable
{
    private readonly string _directory;
    private readonly long _segmentLength;
    private readonly bool _preTouch;
    private readonly JournalFsyncPolicy _fsyncPolicy;
    private readonly int _fsyncIntervalMs;
    private readonly JournalRetentionPolicy _retention;
    private readonly ExclusiveJournalWriter _writer;
    private readonly JournalPretoucher? _pretoucher;
    private readonly AutoResetEvent _wake = new(false);
    private readonly RetiredSegmentQueue _retiring = new();
    private readonly Lock _createLock = new();
    private readonly Thread _thread;

    // Written by the writer, read by this thread: the index of the segment to prepare next, -1 for none.
    private long _requestedIndex = -1;

    // Hand-off slot: this thread stores a ready segment, the writer takes it with an exchange.
    private JournalSegment? _ready;

    // The segment the writer appends to, for periodic msync; replaced by the writer on roll.
    private JournalSegment? _active;
    private long _syncedPosition;
    private volatile bool _stopping;
    private Exception? _failure;

    public JournalSegmentPreparer(string directory, long segmentLength, bool preTouch, JournalFsyncPolicy fsyncPolicy,
        int fsyncIntervalMs, JournalRetentionPolicy retention, ExclusiveJournalWriter writer, JournalPretoucher? pretoucher)
    {
        _directory = directory;
        _segmentLength = segmentLength;
        _preTouch = preTouch;
        _fsyncPolicy = fsyncPolicy;
        _fsyncIntervalMs = fsyncIntervalMs;
        _retention = retention;
        _writer = writer;
        _pretoucher = pretoucher;
        _thread = new Thread(Run) { IsBackground = true, Name = "journal-preparer" };
    }

    /// <summary>The first exception the background thread hit, if any (it keeps running, the writer stalls instead).</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Whether a prepared segment waits for the writer's next roll (the roll will not stall).</summary>
    public bool HasReadySegment => Volatile.Read(ref _ready) != null;

    public void Start(JournalSegment active, long nextIndex)
    {
        // release: published before the thread starts (Thread.Start is itself a full barrier; this says why)
        Volatile.Write(ref _active, active);
        _syncedPosition = active.BasePosition;
        Volatile.Write(ref _requestedIndex, nextIndex);
        _thread.Start();
        _wake.Set();
    }

    public void RequestSegment(long index)
    {
        // release: the request is visible before the wake-up that makes the thread look for it
        Volatile.Write(ref _requestedIndex, index);
        _wake.Set();
    }

    /// <summary>
    /// The prepared segment <paramref name="index"/>, or null when it is not ready; in that case the caller
    /// creates it itself with <see cref="CreateNow"/>.
    /// </summary>
    public JournalSegment? TakeSegment(long index)
    {
        // acquire (full fence): the segment's header and pre-touched pages were written before it was published
        JournalSegment? ready = Interlocked.Exchange(ref _ready, null);
        if (ready != null && ready.Index != index)
        {
            DiscardSpare(ready);
            return null;
        }

        return ready;
    }

    /// <summary>Roll stall: create <paramref name="index"/> on the caller's thread, unless this thread just finished it.</summary>
    public JournalSegment CreateNow(long index)
    {
        lock (_createLock)
        {
            // The background thread may have been creating this very segment while the writer waited for the lock.
            JournalSegment? ready = TakeSegment(index);
            if (ready != null)
            {
                return ready;
            }

            // Under the lock: the background thread cannot start creating this index after the writer has.
            Volatile.Write(ref _requestedIndex, -1);
            return JournalSegment.Create(_directory, index, _segmentLength, _preTouch);
        }
    }

    /// <summary>Hands over a segment the writer rolled past, and the new active segment.</summary>
    public void Retire(JournalSegment completed, JournalSegment active)
    {
        // release: periodic sync switches to the new segment no later than it sees the old one retired
        Volatile.Write(ref _active, active);
        // Full only if the preparer is 16 segments behind: then the writer waits for it (back-pressure
        // from a stalled disk), since dropping a retired segment would skip its fsync and retention.
        while (!_retiring.TryEnqueue(completed))
        {
            _wake.Set();
            Thread.Yield();
        }

        _wake.Set();
    }

    private void Run()
    {
        int timeoutMs = _fsyncPolicy == JournalFsyncPolicy.Periodic ? _fsyncIntervalMs : Timeout.Infinite;
        while (!_stopping)
        {
            _wake.WaitOne(timeoutMs);
            try
            {
                DoWork();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException)
            {
                // Keep the first failure for the writer to report; the writer falls back to creating segments itself.
                Interlocked.CompareExchange(ref _failure, exception, null);
            }
        }
    }

    private void DoWork()
    {
        if (_fsyncPolicy == JournalFsyncPolicy.Periodic)
        {
            SyncActive();
        }

        bool retired = false;
        while (_retiring.TryDequeue(out JournalSegment? completed) && completed is not null)
        {
            if (_fsyncPolicy != JournalFsyncPolicy.None)
            {
                completed.File.Flush(0, completed.SegmentLength, wait: true);
            }

            // The pre-toucher may still be in its pass over this segment: unmap only after it has left.
            _pretoucher?.WaitForPass();
            completed.Dispose();
            retired = true;
        }

        PrepareRequested();

        if (retired && _retention.IsEnabled)
        {
            // acquire: the newest active index, so retention never removes the segment being written
            JournalSegment? active = Volatile.Read(ref _active);
            if (active != null)
            {
                JournalRetention.Apply(_directory, _retention, active.Index, JournalSegment.UnixTimeNs());
            }
        }
    }

    private void PrepareRequested()
    {
        lock (_createLock)
        {
            // acquire: pairs with the writer's release in RequestSegment; a filled slot means the writer has not taken it yet
            long index = Volatile.Read(ref _requestedIndex);
            if (index < 0 || Volatile.Read(ref _ready) != null || _stopping)
            {
                return;
            }

            JournalSegment segment = JournalSegment.Create(_directory, index, _segmentLength, _preTouch);
            // Done with this request; the writer posts the next one after it takes the segment.
            Volatile.Write(ref _requestedIndex, -1);
            // release: header and pre-touched pages are complete before the writer can take the segment
            Volatile.Write(ref _ready, segment);
        }
    }

    private void SyncActive()
    {
        // acquire: pairs with the release in Retire, so a retired segment is never synced after its disposal
        JournalSegment? active = Volatile.Read(ref _active);
        if (active == null)
        {
            return;
        }

        long committed = _writer.Position;
        long from = Math.Max(_syncedPosition, active.BasePosition);
        long to = Math.Min(committed, active.BasePosition + active.SegmentLength);
        if (to > from)
        {
            active.File.Flush(from - active.BasePosition, to - from, wait: true);
            _syncedPosition = to;
            // The msync just cleaned (write-protected) the writer's current, partly written page: make it writable
            // again now rather than at the pre-toucher's next pass, so the writer's next store is less likely to
            // take the fault (it still does when it stores to that page before this pass gets there).
            _pretoucher?.Pass();
        }
    }

    private static void DiscardSpare(JournalSegment spare)
    {
        string path = spare.Path;
        spare.Dispose();
        File.Delete(path);
    }

    /// <summary>Stops the thread, retires what is queued and deletes a spare segment that was never used.</summary>
    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        if (_thread.IsAlive)
        {
            _thread.Join();
        }

        while (_retiring.TryDequeue(out JournalSegment? completed) && completed is not null)
        {
            if (_fsyncPolicy != JournalFsyncPolicy.None)
            {
                completed.File.Flush(0, completed.SegmentLength, wait: true);
            }

            // The pre-toucher may still be in its pass over this segment: unmap only after it has left.
            _pretoucher?.WaitForPass();
            completed.Dispose();
        }

        JournalSegment? spare = Interlocked.Exchange(ref _ready, null);
        if (spare != null)
        {
            DiscardSpare(spare);
        }

        _wake.Dispose();
    }
}
