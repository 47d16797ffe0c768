using System.Runtime.InteropServices;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// Reads and sets the calling thread's CPU affinity with <c>sched_getaffinity</c>/<c>sched_setaffinity</c>
/// (pid 0 means the calling thread, not the process). Runners pin themselves on their own thread before
/// <c>OnStart</c>, so the agent's first-touch allocations land on the pinned CPU's NUMA node.
/// </summary>
public static unsafe class ThreadAffinity
{
    private const int MaskBytes = CpuSet.MaxCpus / 8;
    private const int EInval = 22;

    /// <summary>The CPUs the calling thread may run on.</summary>
    public static CpuSet GetCurrentThreadAffinity()
    {
        byte* mask = stackalloc byte[MaskBytes];
        new Span<byte>(mask, MaskBytes).Clear();
        if (Libc.SchedGetAffinity(0, MaskBytes, mask) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            ThrowHelper.ThrowThreadAffinity($"sched_getaffinity failed, errno {errno}", errno);
        }

        var cpus = new List<int>();
        for (int cpu = 0; cpu < CpuSet.MaxCpus; cpu++)
        {
            if ((mask[cpu >> 3] & (1 << (cpu & 7))) != 0)
            {
                cpus.Add(cpu);
            }
        }

        return CpuSet.FromList(cpus);
    }

    /// <summary>
    /// Pins the calling thread to <paramref name="cpus"/>. Returns 0 on success or the errno: EINVAL when no
    /// CPU of the set is online and allowed (e.g. outside the cgroup's cpuset), EPERM without permission.
    /// </summary>
    public static int TrySetCurrentThreadAffinity(CpuSet cpus)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        if (cpus.IsEmpty)
        {
            return EInval;
        }

        byte* mask = stackalloc byte[MaskBytes];
        new Span<byte>(mask, MaskBytes).Clear();
        foreach (int cpu in cpus.Cpus)
        {
            mask[cpu >> 3] |= (byte)(1 << (cpu & 7));
        }

        return Libc.SchedSetAffinity(0, MaskBytes, mask) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Pins the calling thread to <paramref name="cpus"/>; throws <see cref="ThreadAffinityException"/> on failure.</summary>
    public static void SetCurrentThreadAffinity(CpuSet cpus)
    {
        int errno = TrySetCurrentThreadAffinity(cpus);
        if (errno != 0)
        {
            ThrowHelper.ThrowThreadAffinity($"cannot pin thread to CPUs \"{cpus}\": sched_setaffinity errno {errno}{(errno == EInval ? " (no CPU of the set is online and allowed for this process)" : string.Empty)}", errno);
        }
    }

    /// <summary>The CPU the calling thread is running on right now (may change unless pinned to one CPU).</summary>
    public static int CurrentCpu()
    {
        return Libc.SchedGetCpu();
    }
}
