using System.Runtime.InteropServices;
using Llt.Hotpath.Runtime;
using Microsoft.Win32.SafeHandles;

namespace Llt.Hotpath.Memory;

/// <summary>
/// A file mapped shared and read-write into this process: the backing store of cross-process rings
/// (/dev/shm), the counters file and journal segments. Files this process creates are owner-only (0600),
/// because they carry orders and positions. The mapping stays valid after the file descriptor is closed.
/// </summary>
public sealed unsafe class MappedFile : IDisposable
{
    private nint _address;

    private MappedFile(string path, nint address, long length)
    {
        Path = path;
        _address = address;
        Length = length;
    }

    public string Path { get; }

    /// <summary>Length of the mapping in bytes (the file length at map time).</summary>
    public long Length { get; }

    public byte* Pointer => (byte*)_address;

    public bool IsDisposed => _address == 0;

    /// <summary>
    /// Creates (or truncates) <paramref name="path"/> with mode 0600, sizes it to <paramref name="length"/>
    /// and maps it. With <paramref name="preTouch"/>, every page is written once so the hot path never
    /// takes a first-touch page fault.
    /// </summary>
    public static MappedFile Create(string path, long length, bool preTouch = false)
    {
        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "mapped file length must be positive");
        }

        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.ReadWrite,
            Share = FileShare.ReadWrite | FileShare.Delete,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var stream = new FileStream(path, options))
        {
            // A file that existed keeps its old mode under O_TRUNC; force owner-only either way.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            stream.SetLength(length);
            var mapped = Map(path, stream.SafeFileHandle, length);
            if (preTouch)
            {
                mapped.PreTouch();
            }

            return mapped;
        }
    }

    /// <summary>Maps an existing file read-write at its current length.</summary>
    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        long length = stream.Length;
        if (length <= 0)
        {
            throw new InvalidDataException($"{path}: file is empty, nothing to map");
        }

        return Map(path, stream.SafeFileHandle, length);
    }

    /// <summary>Maps an existing file read-only at its current length (inspection tools).</summary>
    public static MappedFile OpenReadOnly(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        long length = stream.Length;
        if (length <= 0)
        {
            throw new InvalidDataException($"{path}: file is empty, nothing to map");
        }

        nint address = Libc.Mmap(0, (nuint)length, Libc.ProtRead, Libc.MapShared, (int)stream.SafeFileHandle.DangerousGetHandle(), 0);
        if (address == Libc.MapFailed)
        {
            throw new IOException($"{path}: mmap failed, errno {Marshal.GetLastPInvokeError()}");
        }

        return new MappedFile(path, address, length);
    }

    private static MappedFile Map(string path, SafeFileHandle handle, long length)
    {
        nint address = Libc.Mmap(0, (nuint)length, Libc.ProtRead | Libc.ProtWrite, Libc.MapShared, (int)handle.DangerousGetHandle(), 0);
        if (address == Libc.MapFailed)
        {
            throw new IOException($"{path}: mmap of {length} bytes failed, errno {Marshal.GetLastPInvokeError()}");
        }

        return new MappedFile(path, address, length);
    }

    /// <summary>
    /// Faults every page in, writable, before the hot path needs it: MADV_POPULATE_WRITE (Linux 5.14+) does
    /// it in one call; older kernels get a read-write of one byte per 4 KiB page.
    /// </summary>
    public void PreTouch()
    {
        if (Libc.Madvise(_address, (nuint)Length, Libc.MadvPopulateWrite) == 0)
        {
            return;
        }

        byte* p = Pointer;
        for (long i = 0; i < Length; i += 4096)
        {
            // volatile so the JIT cannot drop the read-modify-write of an unchanged byte
            Volatile.Write(ref p[i], Volatile.Read(ref p[i]));
        }
    }

    /// <summary>
    /// Whether <paramref name="path"/> (a file or directory) is on a filesystem whose pages live only in memory
    /// (tmpfs, ramfs, hugetlbfs): the kernel never writes such pages back, so a page pre-touched writable stays
    /// writable. False when it cannot tell (statfs failed): callers then assume writeback.
    /// </summary>
    public static bool IsOnMemoryFileSystem(string path)
    {
        byte* buffer = stackalloc byte[Libc.StatfsSize];
        if (Libc.Statfs(path, buffer) != 0)
        {
            return false;
        }

        long type = *(long*)buffer;
        return type is Libc.TmpfsMagic or Libc.RamfsMagic or Libc.HugetlbfsMagic;
    }

    /// <summary>Asks the kernel to back the mapping with transparent huge pages where it can.</summary>
    public bool AdviseHugePages() => Libc.Madvise(_address, (nuint)Length, Libc.MadvHugePage) == 0;

    /// <summary>Flushes dirty pages of [offset, offset+length) to the file; blocks when <paramref name="wait"/>.</summary>
    public void Flush(long offset, long length, bool wait)
    {
        long pageStart = offset & ~4095L;
        long end = Math.Min(Length, offset + length);
        if (end <= pageStart)
        {
            return;
        }

        if (Libc.Msync(_address + (nint)pageStart, (nuint)(end - pageStart), wait ? Libc.MsSync : Libc.MsAsync) != 0)
        {
            throw new IOException($"{Path}: msync failed, errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public void Dispose()
    {
        nint address = Interlocked.Exchange(ref _address, 0);
        if (address != 0)
        {
            Libc.Munmap(address, (nuint)Length);
        }

        GC.SuppressFinalize(this);
    }

    ~MappedFile()
    {
        nint address = Interlocked.Exchange(ref _address, 0);
        if (address != 0)
        {
            Libc.Munmap(address, (nuint)Length);
        }
    }
}
