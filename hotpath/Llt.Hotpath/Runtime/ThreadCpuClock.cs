namespace Llt.Hotpath.Runtime;

/// <summary>
/// CPU time the calling thread has run, in nanoseconds (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>). On a shared
/// box the wall clock of a measured loop includes the time the thread sat preempted; its CPU time does not, so the
/// bench reports both.
/// </summary>
public static unsafe class ThreadCpuClock
{
    public static long NowNs()
    {
        Timespec time;
        Libc.ClockGetTime(Libc.ClockThreadCpuTime, &time);
        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }
}
