using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Ipc;

/// <summary>
/// A ring buffer's memory in a shared file (normally under /dev/shm), for rings between processes. The file
/// is exactly capacity + 768 bytes; <see cref="Create"/> makes it owner-only (0600) and stamps the llt
/// extension (magic, layout version, capacity) into the trailer's first 128 bytes, which Agrona peers treat
/// as padding. <see cref="Open"/> checks size, stamp and positions before handing out a buffer, so a wrong
/// or damaged file is refused with a message instead of being used blindly.
/// <code>
/// using var file = RingBufferFile.Create("/dev/shm/llt-md.ring", 1 &lt;&lt; 20);   // consumer side
/// var ring = new ManyToOneRingBuffer(file.Buffer);
/// using var peer = RingBufferFile.Open("/dev/shm/llt-md.ring");             // producer side
/// </code>
/// </summary>
public sealed class RingBufferFile : IDisposable
{
    private readonly MappedFile _mapped;

    private RingBufferFile(MappedFile mapped, int capacity)
    {
        _mapped = mapped;
        Capacity = capacity;
    }

    public string Path => _mapped.Path;

    /// <summary>Size of the data region (file length - 768).</summary>
    public int Capacity { get; }

    /// <summary>The whole mapping (data region + trailer), to wrap with a ring type.</summary>
    public unsafe UnsafeBuffer Buffer => new(_mapped.Pointer, (int)_mapped.Length);

    // acquire loads below: the fields are written by other processes with release stores or atomics
    public long HeadPosition => Buffer.GetInt64Acquire(Capacity + RingBufferDescriptor.HeadPositionOffset);

    public long TailPosition => Buffer.GetInt64Acquire(Capacity + RingBufferDescriptor.TailPositionOffset);

    public long ConsumerHeartbeatTimeMs => Buffer.GetInt64Acquire(Capacity + RingBufferDescriptor.ConsumerHeartbeatOffset);

    /// <summary>The next id <see cref="RingBuffer.NextCorrelationId"/> would return.</summary>
    public long CorrelationCounter => Buffer.GetInt64Acquire(Capacity + RingBufferDescriptor.CorrelationCounterOffset);

    public long CorruptRecordCount => Buffer.GetInt64Acquire(Capacity + RingBufferDescriptor.CorruptRecordCountOffset);

    /// <summary>
    /// Creates (or replaces) <paramref name="path"/> as an empty ring of <paramref name="capacity"/> bytes,
    /// mode 0600, pre-touched so the hot path takes no first-touch page faults.
    /// </summary>
    public static RingBufferFile Create(string path, int capacity)
    {
        if (!RingBufferDescriptor.IsValidCapacity(capacity))
        {
            RingBufferThrowHelper.ThrowInvalidCapacity(capacity);
        }

        MappedFile mapped = MappedFile.Create(path, RingBufferDescriptor.BufferLength(capacity), preTouch: true);
        var file = new RingBufferFile(mapped, capacity);
        UnsafeBuffer buffer = file.Buffer;
        // a replaced file may hold an old ring: start from all zeroes (positions, records, counters)
        buffer.SetMemory(0, buffer.Capacity, 0);
        buffer.PutInt32(capacity + RingBufferDescriptor.LayoutVersionOffset, RingBufferDescriptor.LayoutVersion);
        buffer.PutInt32(capacity + RingBufferDescriptor.CapacityOffset, capacity);
        // release: an opener that sees the magic also sees the version, capacity and zeroed positions
        buffer.PutInt64Release(capacity + RingBufferDescriptor.MagicOffset, RingBufferDescriptor.Magic);
        return file;
    }

    /// <summary>Maps an existing ring file read-write after checking it; throws <see cref="InvalidDataException"/> with the reason otherwise.</summary>
    public static RingBufferFile Open(string path) => OpenChecked(path, readOnly: false);

    /// <summary>Maps an existing ring file read-only (inspection) after the same checks as <see cref="Open"/>.</summary>
    public static RingBufferFile OpenReadOnly(string path) => OpenChecked(path, readOnly: true);

    private static RingBufferFile OpenChecked(string path, bool readOnly)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            RingBufferThrowHelper.ThrowRingFileNotFound(path);
        }

        // size first: a file that cannot be a ring is never mapped
        long capacity = info.Length - RingBufferDescriptor.TrailerLength;
        if (!RingBufferDescriptor.IsValidCapacity(capacity))
        {
            RingBufferThrowHelper.ThrowInvalidRingFile(path,
                $"length {info.Length} is not a ring (power-of-two data region of {RingBufferDescriptor.MinCapacity}..{RingBufferDescriptor.MaxCapacity} bytes + {RingBufferDescriptor.TrailerLength}-byte trailer)");
        }

        MappedFile mapped = readOnly ? MappedFile.OpenReadOnly(path) : MappedFile.Open(path);
        var file = new RingBufferFile(mapped, (int)(mapped.Length - RingBufferDescriptor.TrailerLength));
        string? problem = file.Check();
        if (problem is not null)
        {
            mapped.Dispose();
            RingBufferThrowHelper.ThrowInvalidRingFile(path, problem);
        }

        return file;
    }

    /// <summary>The first problem found with this mapping's layout, or null when it is a valid ring.</summary>
    private string? Check()
    {
        if (!RingBufferDescriptor.IsValidCapacity(Capacity))
        {
            return $"length {_mapped.Length} changed while opening; not a ring";
        }

        UnsafeBuffer buffer = Buffer;
        int trailer = Capacity;
        // acquire: pairs with the creator's release of the magic, the last field it writes
        long magic = buffer.GetInt64Acquire(trailer + RingBufferDescriptor.MagicOffset);
        if (magic != RingBufferDescriptor.Magic)
        {
            return $"bad magic 0x{magic:X16} (expected 0x{RingBufferDescriptor.Magic:X16}, \"LLT-RING\"): not an llt ring file or not initialised";
        }

        int version = buffer.GetInt32(trailer + RingBufferDescriptor.LayoutVersionOffset);
        if (version != RingBufferDescriptor.LayoutVersion)
        {
            return $"layout version {version} is not supported (this build reads version {RingBufferDescriptor.LayoutVersion})";
        }

        int stampedCapacity = buffer.GetInt32(trailer + RingBufferDescriptor.CapacityOffset);
        if (stampedCapacity != Capacity)
        {
            return $"stamped capacity {stampedCapacity} does not match the file's data region {Capacity} (file truncated or extended)";
        }

        return CheckPositions(HeadPosition, TailPosition, Capacity);
    }

    /// <summary>Checks that a head/tail pair can describe a ring of <paramref name="capacity"/>; null when it can.</summary>
    public static string? CheckPositions(long head, long tail, int capacity)
    {
        if (head < 0 || tail < 0)
        {
            return $"negative position (head {head}, tail {tail})";
        }

        if (head > tail)
        {
            return $"head {head} is ahead of tail {tail}";
        }

        if (tail - head > capacity)
        {
            return $"tail {tail} - head {head} = {tail - head} exceeds capacity {capacity}";
        }

        if (((head | tail) & (RecordDescriptor.Alignment - 1)) != 0)
        {
            return $"positions not {RecordDescriptor.Alignment}-byte aligned (head {head}, tail {tail})";
        }

        return null;
    }

    public void Dispose() => _mapped.Dispose();
}
