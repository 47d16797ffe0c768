using System.Runtime.InteropServices;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// The few libc calls the engine needs that .NET does not expose: memory mapping with explicit flags,
/// page advice, memory locking and CPU affinity. Linux x86-64 constants.
/// </summary>
internal static unsafe partial class Libc
{
    public const int ProtRead = 0x1;
    public const int ProtWrite = 0x2;
    public const int ProtExec = 0x4;
    public const int MapShared = 0x01;
    public const int MapPrivate = 0x02;
    public const int MapAnonymous = 0x20;
    public const int MapPopulate = 0x8000;
    public const int MadvHugePage = 14;
    public const int MadvWillNeed = 3;
    /// <summary>Prefault page tables writable (Linux 5.14+); EINVAL on older kernels.</summary>
    public const int MadvPopulateWrite = 23;
    public const int MsSync = 4;
    public const int MsAsync = 1;
    public const int McLCurrent = 1;
    public const int McLFuture = 2;

    public static readonly nint MapFailed = -1;

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint addr, nuint length, int prot, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    public static partial int Mprotect(nint addr, nuint length, int prot);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint addr, nuint length);

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    public static partial int Madvise(nint addr, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "msync", SetLastError = true)]
    public static partial int Msync(nint addr, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "mlockall", SetLastError = true)]
    public static partial int Mlockall(int flags);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    public static partial int SchedSetAffinity(int pid, nuint cpuSetSize, byte* mask);

    [LibraryImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    public static partial int SchedGetAffinity(int pid, nuint cpuSetSize, byte* mask);

    [LibraryImport("libc", EntryPoint = "sched_getcpu")]
    public static partial int SchedGetCpu();

    [LibraryImport("libc", EntryPoint = "gettid")]
    public static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nint arg2, nint arg3, nint arg4, nint arg5);

    public const int PrSetName = 15;

    // Agent runtime: wall clock, parking and memory unlocking (SystemEpochClock, NanoSleepParker, MemoryLock).
    public const int ClockRealtime = 0;

    public const int ClockMonotonic = 1;

    public const int ClockThreadCpuTime = 3;

    // No GC transition: clock_gettime is a vDSO read of a few ns that never blocks or calls back into the runtime
    // (Stopwatch's own shim takes the same shortcut); the transition frame would cost about as much as the read.
    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [SuppressGCTransition]
    public static partial int ClockGetTime(int clockId, Timespec* time);

    [LibraryImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    public static partial int NanoSleep(Timespec* request, Timespec* remaining);

    [LibraryImport("libc", EntryPoint = "munlockall", SetLastError = true)]
    public static partial int Munlockall();

    // Journal pre-toucher: its own page-fault count (getrusage RUSAGE_THREAD) and the journal directory's
    // filesystem (statfs f_type), to skip pre-touching where pages are never written back (tmpfs).
    public const int RusageThread = 1;

    /// <summary>sizeof(struct rusage) on Linux x86-64.</summary>
    public const int RusageSize = 144;

    /// <summary>Offset of ru_minflt in struct rusage: two struct timevals (16 bytes each), then 4 longs.</summary>
    public const int RusageMinorFaultsOffset = 64;

    /// <summary>sizeof(struct statfs) on Linux x86-64; f_type is its first field (a long).</summary>
    public const int StatfsSize = 120;

    public const long TmpfsMagic = 0x01021994;
    public const long RamfsMagic = 0x858458f6;
    public const long HugetlbfsMagic = 0x958458f6;

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    public static partial int Getrusage(int who, byte* usage);

    [LibraryImport("libc", EntryPoint = "statfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statfs(string path, byte* buffer);
}
