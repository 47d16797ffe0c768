using System.Globalization;
using System.Runtime.InteropServices;
using Llt.Hotpath.Runtime;

namespace Llt.Shell.Run;

/// <summary>
/// Confines every thread of this process to a CPU set (LLT_SHELL_CPUS), so the shell's sinks, drivers, health
/// server and runtime threads stay off the CPUs reserved for the engine's pinned agents. Linux affinity is per
/// thread (<c>sched_setaffinity</c> on a thread id), and a new thread inherits its creator's mask, so pinning
/// every thread listed in <c>/proc/self/task</c> once, before the host starts, covers the threads made later too;
/// passes repeat until one finds no thread it has not pinned (a thread may start during a pass). Processes the
/// shell starts (the engine) inherit the set; the engine's threads with <c>engine.threads[].cpus</c> re-pin
/// themselves to their own CPUs.
/// </summary>
internal static partial class ShellCpuConfinement
{
    private const int MaskBytes = CpuSet.MaxCpus / 8;
    private const string TaskDirectory = "/proc/self/task";

    /// <summary>Pins every thread of the process to <paramref name="cpus"/>; returns how many threads it pinned.</summary>
    /// <exception cref="InvalidOperationException">A thread could not be pinned (errno in the message).</exception>
    public static int Apply(CpuSet cpus)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        if (cpus.IsEmpty)
        {
            throw new ArgumentException("the CPU set is empty", nameof(cpus));
        }

        byte[] mask = new byte[MaskBytes];
        foreach (int cpu in cpus.Cpus)
        {
            mask[cpu >> 3] |= (byte)(1 << (cpu & 7));
        }

        var pinned = new HashSet<int>();
        bool found = true;
        while (found)
        {
            found = false;
            foreach (string entry in Directory.EnumerateDirectories(TaskDirectory))
            {
                if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out int tid) || pinned.Contains(tid))
                {
                    continue;
                }

                if (SchedSetAffinity(tid, (nuint)MaskBytes, mask) != 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    const int NoSuchThread = 3; // ESRCH: the thread ended between the listing and the call
                    if (errno == NoSuchThread)
                    {
                        continue;
                    }

                    throw new InvalidOperationException(
                        $"cannot confine thread {tid} to CPUs \"{cpus}\": sched_setaffinity errno {errno}" +
                        (errno == 22 ? " (no CPU of the set is online and allowed for this process)" : string.Empty));
                }

                pinned.Add(tid);
                found = true;
            }
        }

        return pinned.Count;
    }

    /// <summary>The CPUs the calling thread may run on (the process's set before <see cref="Apply"/>).</summary>
    public static CpuSet Allowed() => ThreadAffinity.GetCurrentThreadAffinity();

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nuint cpuSetSize, byte[] mask);
}
