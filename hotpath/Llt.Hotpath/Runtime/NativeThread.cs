using System.Text;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// The calling thread as the kernel sees it: its tid (the name in <c>/proc/self/task</c>) and its name
/// (<c>comm</c>, what <c>top -H</c>, <c>ps -L</c> and <c>perf</c> show).
/// </summary>
public static unsafe class NativeThread
{
    /// <summary>The kernel keeps 16 bytes for a thread name, including the terminating NUL.</summary>
    public const int MaxNameBytes = 15;

    /// <summary>The calling thread's kernel thread id.</summary>
    public static int CurrentThreadId()
    {
        return Libc.GetTid();
    }

    /// <summary>
    /// Names the calling thread for both .NET (<see cref="Thread.Name"/>, debuggers, dumps) and the kernel
    /// (<c>prctl(PR_SET_NAME)</c>; truncated to <see cref="MaxNameBytes"/> UTF-8 bytes). Returns false if the
    /// kernel rejected the name.
    /// </summary>
    public static bool SetCurrentThreadName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Thread.CurrentThread.Name = name;

        byte* buffer = stackalloc byte[MaxNameBytes + 1];
        var span = new Span<byte>(buffer, MaxNameBytes + 1);
        span.Clear();
        Encoding.UTF8.GetBytes(TruncateToBytes(name, MaxNameBytes), span);
        return Libc.Prctl(Libc.PrSetName, (nint)buffer, 0, 0, 0) == 0;
    }

    /// <summary>The name the kernel will show for <paramref name="name"/>: at most 15 UTF-8 bytes, never a split character.</summary>
    public static string KernelName(string name)
    {
        return TruncateToBytes(name, MaxNameBytes);
    }

    private static string TruncateToBytes(string name, int maxBytes)
    {
        int bytes = 0;
        int length = 0;
        foreach (Rune rune in name.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > maxBytes)
            {
                break;
            }

            length += rune.Utf16SequenceLength;
        }

        return name[..length];
    }
}
