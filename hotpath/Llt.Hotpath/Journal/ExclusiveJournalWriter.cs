using System.Diagnostics;
using System.Runtime.CompilerServices;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Journal;

/// <summary>
/// The journal's only writer ("exclusive": one thread appends, as Aeron's ExclusivePublication). Appends
/// sequenced, checksummed frames to memory-mapped segments and rolls to a segment its background thread has
/// already created and pre-touched. Opening an existing journal recovers it first (see <see cref="Recovery"/>).
/// </summary>
/// <example>
/// <code>
/// using var writer = ExclusiveJournalWriter.Open(new JournalOptions { Directory = "/var/lib/llt/journal" });
/// long result = writer.TryClaim(type: 7, length: 64, timestampNs: clock.NowNs, out Span&lt;byte&gt; payload);
/// if (result &gt; 0) { encoder.Wrap(payload)...; writer.Commit(); }
/// </code>
/// </example>
public sealed unsafe class ExclusiveJournalWriter : IDisposable
{
    private const int NoClaim = -1;

    private readonly string _directory;
    private readonly long _segmentLength;
    private readonly int _maxPayloadLength;
    private readonly JournalFsyncPolicy _fsyncPolicy;
    private readonly JournalSegmentPreparer _preparer;
    private readonly JournalPretoucher? _pretoucher;

    private JournalSegment _segment;
    private byte* _segmentPointer;
    private long _segmentBasePosition;
    private int _tailOffset;
    private long _nextSequence;
    private int _claimOffset = NoClaim;
    private int _claimFrameLength;
    private long _rollStalls;
    private long _rolls;
    private bool _closed;

    // Read by the background thread for periodic msync; written with release after each commit.
    private long _position;

    private ExclusiveJournalWriter(JournalOptions options, JournalSegment active, int tailOffset, long nextSequence, JournalRecoveryReport recovery)
    {
        _directory = options.Directory;
        _segmentLength = options.SegmentLength;
        _maxPayloadLength = JournalDescriptor.MaxPayloadLength(_segmentLength);
        _fsyncPolicy = options.FsyncPolicy;
        _segment = active;
        _segmentPointer = active.Pointer;
        _segmentBasePosition = active.BasePosition;
        _tailOffset = tailOffset;
        _nextSequence = nextSequence;
        _position = _segmentBasePosition + tailOffset;
        Recovery = recovery;
        // Pages on tmpfs are never written back, so they stay writable once touched: no pre-toucher there.
        _pretoucher = options.PreTouch && !MappedFile.IsOnMemoryFileSystem(options.Directory)
            ? new JournalPretoucher(this, active)
            : null;
        _preparer = new JournalSegmentPreparer(options.Directory, options.SegmentLength, options.PreTouch,
            options.FsyncPolicy, options.FsyncIntervalMs, options.Retention, this, _pretoucher);
        _preparer.Start(active, active.Index + 1);
        _pretoucher?.Start();
    }

    /// <summary>What opening found: a new journal, a clean tail, or a torn tail truncated (and by how much).</summary>
    public JournalRecoveryReport Recovery { get; }

    public string Directory => _directory;

    public long SegmentLength => _segmentLength;

    public int MaxPayloadLength => _maxPayloadLength;

    /// <summary>Journal position after the last committed frame (where the next frame goes, barring a roll).</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>Sequence the next committed frame gets.</summary>
    public long NextSequence => _nextSequence;

    public long ActiveSegmentIndex => _segment.Index;

    /// <summary>Rolls that found no prepared segment and created one on the writer's thread.</summary>
    public long RollStalls => _rollStalls;

    public long Rolls => _rolls;

    /// <summary>
    /// Journal pages the background pre-toucher found written back by the kernel (so write-protected) and made
    /// writable again before the writer reached them: page faults the writer did not take. Always 0 with
    /// <see cref="JournalOptions.PreTouch"/> off or the journal on tmpfs (no pre-toucher runs).
    /// </summary>
    public long PagesRetouched => _pretoucher?.PagesRetouched ?? 0;

    /// <summary>The background thread's first failure (segment creation, msync, retention), if any.</summary>
    public Exception? BackgroundFailure => _preparer.Failure;

    /// <summary>
    /// Whether the next segment is created and pre-touched already. Benchmarks wait for it so the background
    /// thread's page zeroing does not share the measured window.
    /// </summary>
    public bool NextSegmentReady => _preparer.HasReadySegment;

    /// <summary>Opens (recovering if needed) or creates the journal in <see cref="JournalOptions.Directory"/>.</summary>
    public static ExclusiveJournalWriter Open(JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (JournalSegment active, int tailOffset, long nextSequence, JournalRecoveryReport report) = JournalRecovery.Recover(options);
        return new ExclusiveJournalWriter(options, active, tailOffset, nextSequence, report);
    }

    /// <summary>
    /// Reserves a frame for <paramref name="length"/> payload bytes and returns the position after it, or a
    /// negative <see cref="JournalWriteResult"/> code. Write the payload into <paramref name="payload"/>, then
    /// <see cref="Commit()"/> (or <see cref="Abort"/>). Readers see nothing of the frame before the commit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long TryClaim(int type, int length, long timestampNs, out Span<byte> payload)
    {
        payload = default;
        if (_closed)
        {
            return JournalWriteResult.Closed;
        }

        if (_claimOffset != NoClaim)
        {
            return JournalWriteResult.ClaimPending;
        }

        if ((uint)length > (uint)_maxPayloadLength)
        {
            return JournalWriteResult.InvalidLength;
        }

        if (type < 0)
        {
            return JournalWriteResult.InvalidType;
        }

        int frameLength = JournalDescriptor.FrameHeaderLength + length;
        int alignedLength = JournalDescriptor.AlignFrame(frameLength);
        // The end-of-segment frame must always fit after this one.
        if (_tailOffset + (long)alignedLength > _segmentLength - JournalDescriptor.FrameHeaderLength)
        {
            Roll(timestampNs);
        }

        byte* frame = _segmentPointer + _tailOffset;
        // Plain stores: nothing of the header is visible to readers until Commit publishes the length.
        *(long*)(frame + JournalDescriptor.SequenceOffset) = _nextSequence;
        *(long*)(frame + JournalDescriptor.TimestampOffset) = timestampNs;
        *(int*)(frame + JournalDescriptor.TypeOffset) = type;
        *(int*)(frame + JournalDescriptor.ReservedOffset) = 0;
        _claimOffset = _tailOffset;
        _claimFrameLength = frameLength;
        payload = new Span<byte>(frame + JournalDescriptor.FrameHeaderLength, length);
        return _segmentBasePosition + _tailOffset + alignedLength;
    }

    /// <summary>
    /// Publishes the claimed frame: checksum, then the length with a release store. Returns the position after
    /// the frame, or <see cref="JournalWriteResult.NotClaimed"/> when there is no claim.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Commit()
    {
        int offset = _claimOffset;
        if (offset == NoClaim)
        {
            return JournalWriteResult.NotClaimed;
        }

        int frameLength = _claimFrameLength;
        byte* frame = _segmentPointer + offset;
        *(uint*)(frame + JournalDescriptor.ChecksumOffset) = JournalSegment.FrameChecksum(frame, frameLength);
        // release: header, checksum and payload are visible to any reader that sees this length
        Volatile.Write(ref *(int*)(frame + JournalDescriptor.FrameLengthOffset), frameLength);
        _tailOffset = offset + JournalDescriptor.AlignFrame(frameLength);
        _nextSequence++;
        _claimOffset = NoClaim;
        long position = _segmentBasePosition + _tailOffset;
        // release: the background thread msyncs up to this position only after the frame is in place
        Volatile.Write(ref _position, position);
        return position;
    }

    /// <summary>
    /// <see cref="Commit()"/> for a frame whose payload turned out shorter than claimed (a message encoded in place
    /// whose length is known only once written): only the first <paramref name="length"/> payload bytes are published
    /// and the next frame starts after them. The claimed bytes beyond were never written (segments start zeroed).
    /// </summary>
    public long Commit(int length)
    {
        if (_claimOffset == NoClaim)
        {
            return JournalWriteResult.NotClaimed;
        }

        if ((uint)length > (uint)(_claimFrameLength - JournalDescriptor.FrameHeaderLength))
        {
            return JournalWriteResult.InvalidLength;
        }

        _claimFrameLength = JournalDescriptor.FrameHeaderLength + length;
        return Commit();
    }

    /// <summary>Drops the claimed frame: its bytes are zeroed and the next claim reuses the space and sequence.</summary>
    public void Abort()
    {
        int offset = _claimOffset;
        if (offset == NoClaim)
        {
            return;
        }

        new Span<byte>(_segmentPointer + offset, JournalDescriptor.AlignFrame(_claimFrameLength)).Clear();
        _claimOffset = NoClaim;
    }

    /// <summary>Copies <paramref name="payload"/> into a new frame; returns the position after it or a negative code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Append(int type, ReadOnlySpan<byte> payload, long timestampNs)
    {
        long result = TryClaim(type, payload.Length, timestampNs, out Span<byte> destination);
        if (result < 0)
        {
            return result;
        }

        payload.CopyTo(destination);
        return Commit();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Roll(long timestampNs)
    {
        JournalSegment completed = _segment;
        long nextIndex = completed.Index + 1;
        JournalSegment? next = _preparer.TakeSegment(nextIndex);
        if (next == null)
        {
            _rollStalls++;
            next = _preparer.CreateNow(nextIndex);
        }

        // release: a reader that follows the end-of-segment frame into the next segment finds its initial sequence
        next.InitialSequence = _nextSequence;

        byte* frame = _segmentPointer + _tailOffset;
        int frameLength = (int)(_segmentLength - _tailOffset);
        *(long*)(frame + JournalDescriptor.SequenceOffset) = _nextSequence;
        *(long*)(frame + JournalDescriptor.TimestampOffset) = timestampNs;
        *(int*)(frame + JournalDescriptor.TypeOffset) = JournalDescriptor.EndOfSegmentType;
        *(int*)(frame + JournalDescriptor.ReservedOffset) = 0;
        *(uint*)(frame + JournalDescriptor.ChecksumOffset) = JournalSegment.FrameChecksum(frame, frameLength);
        // release: the end-of-segment frame is published only after the next segment file exists
        Volatile.Write(ref *(int*)(frame + JournalDescriptor.FrameLengthOffset), frameLength);

        _segment = next;
        _segmentPointer = next.Pointer;
        _segmentBasePosition = next.BasePosition;
        _tailOffset = JournalDescriptor.SegmentHeaderLength;
        _rolls++;
        // The pre-toucher moves to the new segment before the preparer can see (and unmap) the completed one.
        _pretoucher?.SetActive(next);
        _preparer.Retire(completed, next);
        _preparer.RequestSegment(nextIndex + 1);
        Debug.Assert(_claimOffset == NoClaim, "Invariant: roll happens only before a claim is taken");
    }

    /// <summary>Aborts an open claim, stops the background thread, msyncs per policy and unmaps.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        Abort();
        _closed = true;
        // First the pre-toucher: it touches the active segment, which is unmapped below.
        _pretoucher?.Dispose();
        _preparer.Dispose();
        if (_fsyncPolicy != JournalFsyncPolicy.None)
        {
            _segment.File.Flush(0, _segmentLength, wait: true);
        }

        _segment.Dispose();
    }
}
