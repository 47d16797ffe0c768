namespace Llt.Hotpath.Runtime;

/// <summary>The outcome of <see cref="MemoryLock.LockAll"/>: success, or the errno with what it means on this host.</summary>
public readonly record struct MemoryLockResult(bool Succeeded, int Errno)
{
    public const int EPerm = 1;
    public const int ENoMem = 12;
    public const int EInval = 22;

    public static MemoryLockResult Success => new(true, 0);

    public static MemoryLockResult Failure(int errno)
    {
        return new MemoryLockResult(false, errno);
    }

    /// <summary>A line for the start-up log that says what to do about a failure.</summary>
    public string Describe()
    {
        return Succeeded
            ? "mlockall succeeded: current and future pages are locked in RAM"
            : Errno switch
            {
                EPerm => "mlockall failed: EPERM (1) - the process lacks CAP_IPC_LOCK; grant it (AmbientCapabilities=CAP_IPC_LOCK) or raise RLIMIT_MEMLOCK (LimitMEMLOCK=infinity)",
                ENoMem => "mlockall failed: ENOMEM (12) - RLIMIT_MEMLOCK is lower than the memory to lock; set LimitMEMLOCK=infinity in the unit or `ulimit -l unlimited`",
                EInval => "mlockall failed: EINVAL (22) - invalid flags (MCL_ONFAULT needs Linux 4.4+)",
                _ => $"mlockall failed: errno {Errno}",
            };
    }

    public override string ToString()
    {
        return Describe();
    }
}
