using System.Runtime.InteropServices;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// Optional <c>mlockall</c> so the engine never takes a major page fault or is swapped out. It needs
/// CAP_IPC_LOCK or a large enough RLIMIT_MEMLOCK, so failure is reported, not thrown: the engine logs
/// <see cref="MemoryLockResult.Describe"/> and runs on (or refuses to start, if its config demands it).
/// Call it once at start-up after the big allocations, before the agents start.
/// </summary>
public static class MemoryLock
{
    /// <summary>Locks the process's memory; the default is MCL_CURRENT | MCL_FUTURE.</summary>
    public static MemoryLockResult LockAll(MemoryLockFlags flags = MemoryLockFlags.Current | MemoryLockFlags.Future)
    {
        return Libc.Mlockall((int)flags) == 0
            ? MemoryLockResult.Success
            : MemoryLockResult.Failure(Marshal.GetLastPInvokeError());
    }

    /// <summary>Undoes <see cref="LockAll"/> (<c>munlockall</c>).</summary>
    public static MemoryLockResult UnlockAll()
    {
        return Libc.Munlockall() == 0
            ? MemoryLockResult.Success
            : MemoryLockResult.Failure(Marshal.GetLastPInvokeError());
    }
}
