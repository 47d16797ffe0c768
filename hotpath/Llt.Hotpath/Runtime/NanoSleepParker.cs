namespace Llt.Hotpath.Runtime;

/// <summary>
/// Parks with <c>nanosleep(2)</c>. <see cref="Thread.Sleep(int)"/> rounds to whole milliseconds, which would turn
/// a 1 µs back-off park into 1 ms; nanosleep honours microseconds (plus the kernel's timer slack, 50 µs by
/// default, less for SCHED_FIFO threads).
/// </summary>
public sealed unsafe class NanoSleepParker : IThreadParker
{
    public static readonly NanoSleepParker Instance = new();

    private NanoSleepParker()
    {
    }

    public void ParkNanos(long durationNs)
    {
        if (durationNs <= 0)
        {
            return;
        }

        // A signal may cut the sleep short (EINTR); parking is advisory, so a short park is fine and is not retried.
        Timespec request = Timespec.FromNanos(durationNs);
        Libc.NanoSleep(&request, null);
    }
}
