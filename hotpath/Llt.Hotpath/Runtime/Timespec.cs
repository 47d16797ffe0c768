using System.Runtime.InteropServices;

namespace Llt.Hotpath.Runtime;

/// <summary>The C <c>struct timespec</c> on Linux x86-64 / arm64: two 64-bit fields.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Timespec
{
    public const long NanosPerSecond = 1_000_000_000L;

    public long Seconds;
    public long Nanoseconds;

    public static Timespec FromNanos(long durationNs)
    {
        return new Timespec { Seconds = durationNs / NanosPerSecond, Nanoseconds = durationNs % NanosPerSecond };
    }

    public readonly long ToNanos()
    {
        return (Seconds * NanosPerSecond) + Nanoseconds;
    }
}
