namespace Llt.Hotpath.Runtime;

/// <summary>Raised when <c>sched_setaffinity</c>/<c>sched_getaffinity</c> fail; carries the errno.</summary>
public sealed class ThreadAffinityException : Exception
{
    public ThreadAffinityException(string message, int errno)
        : base(message)
    {
        Errno = errno;
    }

    public int Errno { get; }
}
