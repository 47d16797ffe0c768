using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Memory;

/// <summary>
/// A view over unmanaged memory (a mapped file or an aligned native allocation) with plain, acquire/release
/// and atomic accessors, in the manner of Agrona's AtomicBuffer. A struct of a pointer and a length: copying
/// it copies the view, not the memory. Offsets are trusted (checked only in Debug builds): the ring, journal
/// and counters types validate their layouts once at wrap time and then index within them.
/// </summary>
public readonly unsafe struct UnsafeBuffer
{
    private readonly byte* _pointer;

    public UnsafeBuffer(byte* pointer, int capacity)
    {
        _pointer = pointer;
        Capacity = capacity;
    }

    public byte* Pointer => _pointer;

    public int Capacity { get; }

    public Span<byte> AsSpan() => new(_pointer, Capacity);

    public Span<byte> AsSpan(int offset, int length)
    {
        CheckBounds(offset, length);
        return new Span<byte>(_pointer + offset, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetInt32(int offset)
    {
        CheckBounds(offset, sizeof(int));
        return Unsafe.ReadUnaligned<int>(_pointer + offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PutInt32(int offset, int value)
    {
        CheckBounds(offset, sizeof(int));
        Unsafe.WriteUnaligned(_pointer + offset, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long GetInt64(int offset)
    {
        CheckBounds(offset, sizeof(long));
        return Unsafe.ReadUnaligned<long>(_pointer + offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PutInt64(int offset, long value)
    {
        CheckBounds(offset, sizeof(long));
        Unsafe.WriteUnaligned(_pointer + offset, value);
    }

    /// <summary>Acquire load: later loads are not reordered before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetInt32Acquire(int offset)
    {
        CheckAligned(offset, sizeof(int));
        return Volatile.Read(ref *(int*)(_pointer + offset));
    }

    /// <summary>Release store: earlier stores are visible before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PutInt32Release(int offset, int value)
    {
        CheckAligned(offset, sizeof(int));
        Volatile.Write(ref *(int*)(_pointer + offset), value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long GetInt64Acquire(int offset)
    {
        CheckAligned(offset, sizeof(long));
        return Volatile.Read(ref *(long*)(_pointer + offset));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PutInt64Release(int offset, long value)
    {
        CheckAligned(offset, sizeof(long));
        Volatile.Write(ref *(long*)(_pointer + offset), value);
    }

    /// <summary>Full-fence compare-and-set; true when the value was <paramref name="expected"/> and is now <paramref name="update"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CompareAndSetInt64(int offset, long expected, long update)
    {
        CheckAligned(offset, sizeof(long));
        return Interlocked.CompareExchange(ref *(long*)(_pointer + offset), update, expected) == expected;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CompareAndSetInt32(int offset, int expected, int update)
    {
        CheckAligned(offset, sizeof(int));
        return Interlocked.CompareExchange(ref *(int*)(_pointer + offset), update, expected) == expected;
    }

    /// <summary>Atomic add; returns the value before the add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long GetAndAddInt64(int offset, long delta)
    {
        CheckAligned(offset, sizeof(long));
        return Interlocked.Add(ref *(long*)(_pointer + offset), delta) - delta;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PutBytes(int offset, ReadOnlySpan<byte> source)
    {
        CheckBounds(offset, source.Length);
        source.CopyTo(new Span<byte>(_pointer + offset, source.Length));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void GetBytes(int offset, Span<byte> destination)
    {
        CheckBounds(offset, destination.Length);
        new ReadOnlySpan<byte>(_pointer + offset, destination.Length).CopyTo(destination);
    }

    public void SetMemory(int offset, int length, byte value)
    {
        CheckBounds(offset, length);
        new Span<byte>(_pointer + offset, length).Fill(value);
    }

    [Conditional("DEBUG")]
    private void CheckBounds(int offset, int length)
    {
        Debug.Assert(offset >= 0 && length >= 0 && (long)offset + length <= Capacity,
            "Invariant: access within the buffer");
    }

    [Conditional("DEBUG")]
    private void CheckAligned(int offset, int size)
    {
        CheckBounds(offset, size);
        Debug.Assert(((nint)(_pointer + offset) & (size - 1)) == 0, "Invariant: atomic access is naturally aligned");
    }
}
