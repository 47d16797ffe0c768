using System.Runtime.InteropServices;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Memory;

/// <summary>
/// An owned block of unmanaged memory aligned to a cache line (or to 2 MiB when huge pages are asked for),
/// zeroed and pre-touched at allocation so the hot path never page-faults on first use. The engine's
/// struct arrays and in-process rings live in these.
/// </summary>
public sealed unsafe class AlignedMemory : IDisposable
{
    public const int CacheLineSize = 64;
    private const int HugePageSize = 2 * 1024 * 1024;

    private byte* _pointer;
    private readonly bool _mapped;

    private AlignedMemory(byte* pointer, long length, bool mapped)
    {
        _pointer = pointer;
        Length = length;
        _mapped = mapped;
    }

    public byte* Pointer => _pointer;

    public long Length { get; }

    public UnsafeBuffer AsBuffer()
    {
        if (Length > int.MaxValue)
        {
            throw new InvalidOperationException("region larger than 2 GiB cannot be viewed as one buffer");
        }

        return new UnsafeBuffer(_pointer, (int)Length);
    }

    /// <summary>
    /// Allocates <paramref name="length"/> bytes aligned to 64. With <paramref name="hugePages"/> and a
    /// region of at least 2 MiB, the block is an anonymous mapping aligned to 2 MiB and advised
    /// MADV_HUGEPAGE (transparent huge pages must be enabled or madvise-mode on the host).
    /// </summary>
    public static AlignedMemory Allocate(long length, bool hugePages = false)
    {
        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "length must be positive");
        }

        if (hugePages && length >= HugePageSize)
        {
            long rounded = (length + HugePageSize - 1) & ~(long)(HugePageSize - 1);
            nint address = Libc.Mmap(0, (nuint)rounded, Libc.ProtRead | Libc.ProtWrite, Libc.MapPrivate | Libc.MapAnonymous, -1, 0);
            if (address == Libc.MapFailed)
            {
                throw new OutOfMemoryException($"anonymous mmap of {rounded} bytes failed, errno {Marshal.GetLastPInvokeError()}");
            }

            Libc.Madvise(address, (nuint)rounded, Libc.MadvHugePage);
            var mapped = new AlignedMemory((byte*)address, rounded, mapped: true);
            mapped.PreTouch();
            return mapped;
        }

        var pointer = (byte*)NativeMemory.AlignedAlloc((nuint)length, CacheLineSize);
        NativeMemory.Clear(pointer, (nuint)length);
        return new AlignedMemory(pointer, length, mapped: false);
    }

    private void PreTouch()
    {
        for (long i = 0; i < Length; i += 4096)
        {
            _pointer[i] = 0;
        }
    }

    public void Dispose()
    {
        byte* pointer = _pointer;
        _pointer = null;
        if (pointer != null)
        {
            if (_mapped)
            {
                Libc.Munmap((nint)pointer, (nuint)Length);
            }
            else
            {
                NativeMemory.AlignedFree(pointer);
            }
        }

        GC.SuppressFinalize(this);
    }

    ~AlignedMemory()
    {
        Dispose();
    }
}
