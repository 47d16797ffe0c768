using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// CLOCK_MONOTONIC in nanoseconds, the clock <see cref="Stopwatch.GetTimestamp"/> reads on Linux: from the process's
/// <see cref="TscNanoClock"/> where the CPU's time-stamp counter is usable (~17.5 ns a read here), otherwise
/// <c>clock_gettime</c> (<see cref="MonotonicClock"/>, ~22 ns). Both give the same timeline, so stamps compare across
/// processes whichever each uses. <c>LLT_TSC_CLOCK=off</c> in the environment keeps every read on
/// <c>clock_gettime</c>. <see cref="ToNanos"/> scales Stopwatch ticks for code that has them: on Linux the
/// frequency is 1e9, so scaling is a multiply by one; other frequencies that divide 1e9 use a precomputed
/// multiplier, and any other frequency splits whole seconds from the remainder so the product cannot overflow.
/// </summary>
public sealed class SystemNanoClock : INanoClock
{
    public static readonly SystemNanoClock Instance = new();

    /// <summary>The environment variable that, set to <c>off</c>, keeps the clock on <c>clock_gettime</c>.</summary>
    public const string TscSwitchVariable = "LLT_TSC_CLOCK";

    // Started with the first use of this type (the engine's is on its main thread, before agents pin theirs, so the
    // anchoring thread does not inherit an isolated core); null where the counter cannot stand in for the clock.
    private static readonly TscNanoClock? s_tsc = StartTsc(out s_tscUnusableReason);

    private static readonly string? s_tscUnusableReason;

    private const long NanosPerSecond = 1_000_000_000L;

    private static readonly long s_frequency = Stopwatch.Frequency;

    // 0 when the frequency does not divide 1e9 evenly; then NanoTime takes the split path.
    private static readonly long s_multiplier = NanosPerSecond % Stopwatch.Frequency == 0 ? NanosPerSecond / Stopwatch.Frequency : 0;

    private SystemNanoClock()
    {
    }

    public long NanoTime()
    {
        return Now();
    }

    /// <summary>Whether reads come from the time-stamp counter; if not, <see cref="TscUnusableReason"/> says why.</summary>
    public static bool IsTscBacked => s_tsc is not null;

    public static string? TscUnusableReason => s_tscUnusableReason;

    /// <summary>The same reading without an interface call, for code that does not need to swap clocks.</summary>
    /// <remarks>
    /// Read twice on every order's critical path (decision and commit) and once per tick on the receive side: the
    /// fenced counter read saves ~4 ns a read over <c>clock_gettime</c> (17.5 against 21.4 ns here).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Now()
    {
        TscNanoClock? tsc = s_tsc;
        return tsc is not null ? tsc.NanoTime() : MonotonicClock.NowNs();
    }

    private static TscNanoClock? StartTsc(out string? unusableReason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable(TscSwitchVariable), "off", StringComparison.OrdinalIgnoreCase))
        {
            unusableReason = $"{TscSwitchVariable}=off";
            return null;
        }

        return TscNanoClock.TryStart(out unusableReason);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ToNanos(long timestamp)
    {
        long multiplier = s_multiplier;
        if (multiplier != 0)
        {
            return timestamp * multiplier;
        }

        // ticks = s·f + r, so ns = s·1e9 + r·1e9/f; r < f keeps r·1e9 in range for any f below ~9.2e9.
        long seconds = timestamp / s_frequency;
        long remainder = timestamp % s_frequency;
        return (seconds * NanosPerSecond) + (remainder * NanosPerSecond / s_frequency);
    }
}
