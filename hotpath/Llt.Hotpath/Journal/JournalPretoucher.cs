using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Journal;

/// <summary>
/// Keeps the journal pages just ahead of the writer writable, on its own thread, so the writer (the engine's
/// trader thread) never takes the page fault itself (Chronicle Queue's pretoucher does the same job).
/// </summary>
/// <remarks>
/// <para>Why: segments are file pages mapped MAP_SHARED and pre-touched writable when created. On a filesystem
/// with writeback (ext4, xfs) the kernel writes dirty pages back on its own schedule — every
/// <c>dirty_writeback_centisecs</c> once the file has been dirty for <c>dirty_expire_centisecs</c> (30 s),
/// at once when other processes push dirty memory over <c>dirty_background_ratio</c>, on <c>sync</c>, on the
/// journal's own periodic msync — and writing a page back cleans it: <c>page_mkclean</c> write-protects
/// every mapping of it so the next store is noticed. The pre-touched pages ahead of the writer are dirty (zero)
/// pages, so one writeback cleans all of them, and the writer's first store to each later page then takes a
/// write fault (<c>ext4_page_mkwrite</c>: a journal handle for the inode's mtime, dirty throttling, a wait for the
/// page's writeback to finish): measured ~1 fault per 4 KiB journal page on the trader (perf/results/sinks.md).
/// A tmpfs journal has no writeback and never faults; this type is not started there.</para>
/// <para>How: every 1 to 10 ms (<see cref="NextIntervalMs"/>), one write access to the last 8-byte word of every
/// page from the writer's committed position forward over a window of pages, with
/// <c>Interlocked.CompareExchange(ref word, 0, 0)</c>. On x86-64 <c>lock cmpxchg</c> is a write to the
/// destination whether or not the comparison succeeds (the SDM: the destination "receives a write cycle without
/// regard to the result of the comparison"), so a write-protected page faults here, on this thread, and is
/// writable again before the writer arrives; an already writable page costs one locked instruction (~20-100 ns,
/// no fault). It can never change data: it stores 0 only where it reads 0, as one indivisible operation.</para>
/// <para>The race with the writer, which stores without locks anywhere from its committed position on (a claim
/// in progress) while this thread touches words from the committed position it last read:
/// <list type="bullet">
/// <item>A word the writer is storing right now: the locked compare-and-store is atomic against the writer's
/// store to the same word. Either the writer's store is ordered first (this CAS reads non-zero and leaves it)
/// or the CAS is (it writes 0 over 0, then the writer's value lands). No value is lost or replaced in either
/// order, even while the writer's store still sits in its store buffer (it drains after the CAS in coherence
/// order).</item>
/// <item>A stale position (the writer committed more since): the words touched may already hold committed
/// frame bytes. Non-zero: the CAS fails and writes the same value back; zero: 0 over 0. Readers see the same
/// bytes either way, and the committed frame's checksum is unaffected.</item>
/// <item>The writer's current, partly written page: only its last word is touched, and only while that word is
/// at or after the committed position, so the already-written bytes of the page are never the target; the
/// line touched is the page's last, which the writer reaches last (no cache-line ping-pong while it fills the
/// page).</item>
/// <item>The segment under the writer changes on a roll: <see cref="SetActive"/> publishes the new one before the
/// writer hands the old one to the preparer, and the preparer calls <see cref="WaitForPass"/> before unmapping it,
/// so a pass never touches an unmapped segment.</item>
/// </list></para>
/// <para>The window is <see cref="MinWindowPages"/> pages, or four times what the writer covered since the
/// previous pass when that is more (at most <see cref="MaxWindowPages"/>): pages the writer reaches before the
/// next pass. What remains for the writer: a writeback that cleans its current page between two of its stores
/// (that page is being written continuously, so the writer's next store wins the race), and, right after a roll
/// into a segment the kernel cleaned while it waited as the spare, the pages it writes before the next pass.</para>
/// <para>The pass itself allocates nothing: a lock that is uncontended but for the preparer, locked
/// instructions and two getrusage calls to count the faults it absorbed (<see cref="PagesRetouched"/>). Its cost
/// is mostly the wake-up (~17-35 µs of CPU per pass in a KVM guest, timer and context switch), hence the pacing:
/// one pass per quarter page the writer fills, at most one per millisecond, at least one per 10 ms.</para>
/// </remarks>
internal sealed unsafe class JournalPretoucher : IDisposable
{
    /// <summary>Shortest pause between passes: while the writer fills a quarter page (1 KiB) per millisecond or more.</summary>
    public const int MinIntervalMs = 1;

    /// <summary>Longest pause between passes: while the writer writes little or nothing.</summary>
    public const int MaxIntervalMs = 10;

    /// <summary>Pages ahead of the writer's current page touched on every pass (64 KiB).</summary>
    public const int MinWindowPages = 16;

    /// <summary>Upper bound of the window (4 MiB): covers ~1 GB/s of journal writes per 1 ms pass.</summary>
    public const int MaxWindowPages = 1024;

    // x86-64 base page: the unit of write protection. Segment lengths are multiples of it (JournalOptions).
    private const int PageSize = 4096;
    private const int PageShift = 12;
    private const int PacingBytes = PageSize / 4;

    private readonly ExclusiveJournalWriter _writer;
    private readonly Lock _passLock = new();
    private readonly Thread _thread;

    // The writer's active segment: written by the writer on roll (release), read by passes (acquire).
    private JournalSegment? _active;

    // Pass state, guarded by _passLock (passes run on this thread and, after a periodic msync, on the preparer's).
    private long _lastPosition;
    private long _pagesRetouched;
    private volatile bool _stopping;

    public JournalPretoucher(ExclusiveJournalWriter writer, JournalSegment active)
    {
        _writer = writer;
        _active = active;
        _lastPosition = writer.Position;
        _thread = new Thread(Run) { IsBackground = true, Name = "journal-pretouch" };
    }

    /// <summary>
    /// Pages a pass found write-protected (the kernel had written them back) and made writable again: each one is
    /// a page fault the writer did not take.
    /// </summary>
    public long PagesRetouched => Volatile.Read(ref _pagesRetouched);

    public void Start() => _thread.Start();

    /// <summary>Writer thread, on roll, before it hands <paramref name="active"/>'s predecessor to the preparer.</summary>
    public void SetActive(JournalSegment active)
    {
        // release: a pass that starts after the preparer's WaitForPass for the old segment reads this one
        Volatile.Write(ref _active, active);
    }

    /// <summary>
    /// Returns once no pass is touching a segment the writer has rolled past: the preparer calls it before
    /// unmapping a retired segment. A pass already running may be in the old segment; one that starts later reads
    /// the new active segment (published by <see cref="SetActive"/> before the old segment was queued for retiring).
    /// </summary>
    public void WaitForPass()
    {
        // Entering the lock waits for the pass in progress, if any; there is nothing to do inside.
        _passLock.Enter();
        _passLock.Exit();
    }

    /// <summary>
    /// One pass over the window ahead of the writer's committed position; returns how far (bytes) the writer
    /// committed since the previous pass.
    /// </summary>
    public long Pass()
    {
        lock (_passLock)
        {
            // acquire: pairs with SetActive; the segment stays mapped while this lock is held (see WaitForPass)
            JournalSegment? segment = Volatile.Read(ref _active);
            if (segment == null || _stopping)
            {
                return 0;
            }

            // acquire: the writer's committed position; it may move on while this pass runs (see the remarks)
            long position = _writer.Position;
            long advanced = Math.Max(0, position - _lastPosition);
            _lastPosition = position;

            // Before the first commit in a new segment the position is still the old segment's end: start at the
            // new segment's first frame; past this segment's end (the writer rolled again): nothing to touch here.
            long offset = Math.Clamp(position - segment.BasePosition, JournalDescriptor.SegmentHeaderLength, segment.SegmentLength);
            long windowPages = Math.Clamp(4 * ((advanced + PageSize - 1) >> PageShift), MinWindowPages, MaxWindowPages);
            long firstPage = offset >> PageShift;
            long endPage = Math.Min(firstPage + 1 + windowPages, segment.SegmentLength >> PageShift);
            byte* pointer = segment.Pointer;

            long faultsBefore = MinorFaultsOfThisThread();
            for (long page = firstPage; page < endPage; page++)
            {
                long word = ((page + 1) << PageShift) - sizeof(long);
                if (word < offset)
                {
                    // The current page's last word is already committed: the writer is about to leave the page.
                    continue;
                }

                // A write access that cannot change data: stores 0 only over 0, atomically (see the remarks).
                Interlocked.CompareExchange(ref *(long*)(pointer + word), 0, 0);
            }

            long faults = MinorFaultsOfThisThread() - faultsBefore;
            if (faults > 0)
            {
                // release: read by monitoring threads through ExclusiveJournalWriter.PagesRetouched
                Volatile.Write(ref _pagesRetouched, _pagesRetouched + faults);
            }

            return advanced;
        }
    }

    /// <summary>
    /// The pause before the next pass. The pages the writer enters between a writeback and the next pass fault in
    /// the writer, so pace the passes for the writer to fill at most a quarter page in between (a writeback then
    /// costs the writer its current page and rarely one more): the last pause scaled by a quarter page over what
    /// it wrote meanwhile, within [<see cref="MinIntervalMs"/>, <see cref="MaxIntervalMs"/>]. A busy writer gets a
    /// pass every millisecond; a quiet one (nights, a halted market) every 10 ms, which costs a tenth of the CPU.
    /// </summary>
    public static int NextIntervalMs(long advancedBytes, int lastIntervalMs) =>
        advancedBytes <= 0
            ? MaxIntervalMs
            : (int)Math.Clamp(PacingBytes * (long)lastIntervalMs / advancedBytes, MinIntervalMs, MaxIntervalMs);

    private void Run()
    {
        int intervalMs = MinIntervalMs;
        while (!_stopping)
        {
            intervalMs = NextIntervalMs(Pass(), intervalMs);
            Thread.Sleep(intervalMs);
        }
    }

    private static long MinorFaultsOfThisThread()
    {
        byte* usage = stackalloc byte[Libc.RusageSize];
        return Libc.Getrusage(Libc.RusageThread, usage) == 0 ? *(long*)(usage + Libc.RusageMinorFaultsOffset) : 0;
    }

    /// <summary>Stops the thread and waits for it; the segments stay mapped (the writer and preparer own them).</summary>
    public void Dispose()
    {
        _stopping = true;
        if (_thread.IsAlive)
        {
            _thread.Join();
        }
    }
}
