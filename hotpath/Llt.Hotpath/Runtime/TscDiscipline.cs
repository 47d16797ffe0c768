namespace Llt.Hotpath.Runtime;

/// <summary>
/// Builds each <see cref="TscAnchor"/> from the one before and a fresh calibration sample, so a
/// <see cref="TscNanoClock"/> follows CLOCK_MONOTONIC (including NTP's frequency corrections, which the kernel applies
/// to its own TSC conversion) without ever stepping back: the next line starts where the current one ends, and
/// its rate is chosen to meet CLOCK_MONOTONIC's predicted value at the end of its period (slewing, as NTP does),
/// within <see cref="MaxSlewPpm"/> of the measured rate. A clock that has fallen behind by more than a period's
/// slew can recover steps forward instead; one ahead slews down, never back.
/// </summary>
public static class TscDiscipline
{
    /// <summary>The most a line's rate differs from the measured rate to close a gap (500 ppm, NTP's own limit).</summary>
    public const long MaxSlewPpm = 500;

    /// <summary>
    /// How much slower than the first measured rate an overdue anchor runs: below any rate a line may take (by at least
    /// <see cref="FloorMarginPpm"/>), so an anchoring thread that is late never makes time go back.
    /// </summary>
    public const long FloorPpm = 600;

    /// <summary>
    /// The least a line's rate exceeds the floor: over a period of 1 ms or more that is at least 2 ns, more than the
    /// 1 ns the two lines' roundings can differ by, which keeps each anchor at or above the one before for every count.
    /// </summary>
    public const long FloorMarginPpm = 10;

    private const long PpmDivisor = 1_000_000;

    /// <summary>The floor rate for a clock whose first measured rate is <paramref name="rate"/>.</summary>
    public static ulong FloorMult(ulong rate) => rate - (ulong)((UInt128)rate * FloorPpm / PpmDivisor);

    /// <summary>Cycles in <paramref name="durationNs"/> at <paramref name="rate"/> (ns per cycle × 2^32).</summary>
    public static ulong CyclesFor(long durationNs, ulong rate) => (ulong)(((UInt128)(ulong)durationNs << TscAnchor.RateShift) / rate);

    /// <summary>The rate between two samples, or 0 when they are too close or out of order to say.</summary>
    public static ulong MeasureRate(TscSample earlier, TscSample later)
    {
        if (later.Tsc <= earlier.Tsc || later.MonotonicNs <= earlier.MonotonicNs)
        {
            return 0;
        }

        return (ulong)(((UInt128)(ulong)(later.MonotonicNs - earlier.MonotonicNs) << TscAnchor.RateShift) / (later.Tsc - earlier.Tsc));
    }

    /// <summary>The first anchor: one line through <paramref name="sample"/> for <paramref name="periodNs"/>.</summary>
    public static TscAnchor First(TscSample sample, ulong rate, long periodNs)
    {
        return new TscAnchor(sample.Tsc, sample.MonotonicNs, rate, sample.Tsc, sample.MonotonicNs, rate, sample.Tsc + CyclesFor(periodNs, rate));
    }

    /// <summary>
    /// The anchor that takes over from <paramref name="current"/> at its <see cref="TscAnchor.NextTsc"/>:
    /// <paramref name="sample"/> is CLOCK_MONOTONIC read just now, <paramref name="rate"/> its measured rate against
    /// the counter, and the new line runs <paramref name="periodNs"/> from its switch (or from now, when the
    /// switch is already past).
    /// </summary>
    public static TscAnchor Next(in TscAnchor current, TscSample sample, ulong rate, long periodNs, ulong floorMult)
    {
        ulong switchTsc = current.NextTsc;
        long switchNs = current.NsAtNext;
        ulong nextTsc = Math.Max(switchTsc, sample.Tsc) + CyclesFor(periodNs, rate);

        // CLOCK_MONOTONIC predicted at the switch: behind it by more than this period could slew, step forward.
        long monotonicAtSwitch = switchTsc >= sample.Tsc
            ? sample.MonotonicNs + TscAnchor.Scale(switchTsc - sample.Tsc, rate)
            : sample.MonotonicNs - TscAnchor.Scale(sample.Tsc - switchTsc, rate);
        long slewableNs = periodNs / PpmDivisor * MaxSlewPpm;
        if (monotonicAtSwitch - switchNs > slewableNs)
        {
            switchNs = monotonicAtSwitch;
        }

        ulong lowest = Math.Max(rate - (ulong)((UInt128)rate * MaxSlewPpm / PpmDivisor), floorMult + (ulong)((UInt128)floorMult * FloorMarginPpm / PpmDivisor));
        ulong highest = Math.Max(lowest, rate + (ulong)((UInt128)rate * MaxSlewPpm / PpmDivisor));

        // a line shorter than ulong.MaxValue / mult cycles, so readers scale within it with a 64-bit product
        // (TscAnchor.ScaleWithinLine); a switch so late the line would be longer (seconds) ends it early, in the
        // past if need be: readers run at the floor rate until the anchoring thread, catching up, steps forward
        nextTsc = Math.Min(nextTsc, switchTsc + (ulong.MaxValue / highest));

        // the rate that meets CLOCK_MONOTONIC at the end of the line, within the slew limit and above the floor
        long targetNs = nextTsc >= sample.Tsc
            ? sample.MonotonicNs + TscAnchor.Scale(nextTsc - sample.Tsc, rate)
            : sample.MonotonicNs - TscAnchor.Scale(sample.Tsc - nextTsc, rate);
        ulong span = nextTsc - switchTsc;
        ulong mult = targetNs <= switchNs
            ? lowest
            : (ulong)(UInt128.Min((UInt128)(ulong)(targetNs - switchNs) << TscAnchor.RateShift, (UInt128)ulong.MaxValue * span) / span);
        mult = Math.Clamp(mult, lowest, highest);

        return new TscAnchor(current.SwitchTsc, current.SwitchNs, current.Mult, switchTsc, switchNs, mult, nextTsc);
    }
}
