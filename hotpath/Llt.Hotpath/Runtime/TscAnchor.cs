using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// One published piece of the TSC → CLOCK_MONOTONIC mapping: time as a function of the counter, in three segments.
/// Rates are fixed point, nanoseconds per cycle × 2^32 (<see cref="Scale"/>).
/// <code>
///   tsc &lt; SwitchTsc             PrevNs   + Scale(max(tsc, PrevTsc) - PrevTsc, PrevMult)   the previous anchor's line
///   SwitchTsc &lt;= tsc &lt; NextTsc   SwitchNs + Scale(tsc - SwitchTsc, Mult)                this anchor's line
///   NextTsc &lt;= tsc              NsAtNext + Scale(tsc - NextTsc, floorMult)               overdue: the slowest allowed rate
/// </code>
/// Why monotonic whichever anchor a reader holds: the next anchor switches exactly at this one's
/// <see cref="NextTsc"/>, from at least the value this one gives there, at a rate no lower than
/// <c>floorMult</c>; so for every count it gives at least what this one gives (<see cref="TscDiscipline"/> builds
/// it so), and a thread that reads a newer anchor later never sees time go back. An anchoring thread that is late
/// (descheduled past <see cref="NextTsc"/>) slows the clock to the floor rate for that while, never backwards.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct TscAnchor
{
    /// <summary>One fixed-point unit of rate: 2^-32 ns per cycle.</summary>
    public const int RateShift = 32;

    public readonly ulong PrevTsc;
    public readonly long PrevNs;
    public readonly ulong PrevMult;
    public readonly ulong SwitchTsc;
    public readonly long SwitchNs;
    public readonly ulong Mult;
    public readonly ulong NextTsc;

    public TscAnchor(ulong prevTsc, long prevNs, ulong prevMult, ulong switchTsc, long switchNs, ulong mult, ulong nextTsc)
    {
        PrevTsc = prevTsc;
        PrevNs = prevNs;
        PrevMult = prevMult;
        SwitchTsc = switchTsc;
        SwitchNs = switchNs;
        Mult = mult;
        NextTsc = nextTsc;
    }

    /// <summary>This anchor's time at <see cref="NextTsc"/>, where the next anchor takes over.</summary>
    public long NsAtNext => SwitchNs + Scale(NextTsc - SwitchTsc, Mult);

    /// <summary>Nanoseconds on the CLOCK_MONOTONIC timeline for a counter value.</summary>
    /// <remarks>
    /// Both lines are inline: an anchor is published a quarter period before its switch, so for that while readers
    /// are on the previous line. Each test is one unsigned compare (below the start wraps to a large difference).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ToNanos(ulong tsc, ulong floorMult)
    {
        if (tsc - SwitchTsc < NextTsc - SwitchTsc)
        {
            return SwitchNs + ScaleWithinLine(tsc - SwitchTsc, Mult);
        }

        if (tsc - PrevTsc < SwitchTsc - PrevTsc)
        {
            return PrevNs + ScaleWithinLine(tsc - PrevTsc, PrevMult);
        }

        return ToNanosOutsideLines(tsc, floorMult);
    }

    // overdue (past NextTsc: the next anchor is late), or before the previous line began (clamped to its start)
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long ToNanosOutsideLines(ulong tsc, ulong floorMult)
    {
        return tsc >= NextTsc ? NsAtNext + Scale(tsc - NextTsc, floorMult) : PrevNs;
    }

    /// <summary>
    /// <see cref="Scale"/> with a 64-bit product, exact for counts within a line: <see cref="TscDiscipline"/> keeps
    /// every line shorter than <c>ulong.MaxValue / mult</c> cycles (~4 s of time at any counter rate), so the product
    /// cannot overflow, and the compiler emits one multiply instead of a 128-bit one through the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ScaleWithinLine(ulong cycles, ulong mult) => (long)((cycles * mult) >> RateShift);

    /// <summary>cycles × mult / 2^32 with a 128-bit product, so no count of cycles in a process's life overflows it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Scale(ulong cycles, ulong mult)
    {
        ulong high = Math.BigMul(cycles, mult, out ulong low);
        return (long)((high << (64 - RateShift)) | (low >> RateShift));
    }
}
