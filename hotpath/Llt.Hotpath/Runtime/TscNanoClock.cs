using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// CLOCK_MONOTONIC nanoseconds computed from the CPU's time-stamp counter: <c>ns = SwitchNs + (tsc - SwitchTsc) ×
/// mult &gt;&gt; 32</c> (~17.5 ns a read here, against ~21.4 ns for <c>clock_gettime</c>;
/// perf/results/clock.md). Each read is fenced (<c>lfence; rdtsc</c>), as <c>clock_gettime</c>'s is: it cannot be
/// taken before the instructions ahead of it finish, so a latency stamp never flatters the path it ends. The readings are on the CLOCK_MONOTONIC timeline, so a stamp from this clock in one
/// process compares with a <c>clock_gettime</c> stamp, or this clock's stamp, in another; on one thread they never
/// go backwards, across re-anchors included (<see cref="TscAnchor"/> says why).
/// </summary>
/// <remarks>
/// <para>An anchoring thread (background, asleep between anchors) samples CLOCK_MONOTONIC against the counter
/// (<see cref="TscDiscipline"/>) at doubling intervals from <c>initialPeriodNs</c> up to <c>periodNs</c> and
/// publishes each <see cref="TscAnchor"/> through a latch, the double-buffered sequence lock Linux uses for
/// <c>sched_clock</c>: an odd sequence points readers at the odd copy while the even one is rewritten, then the even
/// sequence points them back. Readers never wait for the writer (a descheduled writer cannot stall the trading
/// thread, as a plain seqlock's odd sequence would); a reader whose sequence moved under it reads again.</para>
/// <para>Agreement with CLOCK_MONOTONIC: each line is aimed at CLOCK_MONOTONIC's value at its end, so the gap is the
/// calibration sample's error (half the narrowest of 16 lfence-rdtsc/clock_gettime/lfence-rdtsc brackets, ~10 ns
/// here) plus the rate's error over a period (the rate is measured over up to 8 periods, so two sample errors over
/// ≥8 s: ~0.003 ppm). Measured here: every reading within 15 ns of the clock_gettime reads around it over 20 s. Readings
/// in two processes differ by up to the sum of their two gaps (the sampling bias is the same in every process, so
/// in practice less). A change in NTP's frequency correction reaches the rate over the next periods (a step of f ppm
/// puts it off by up to ~f × 1 s, corrected within ~8 s). If the anchoring thread is starved past a switch (a
/// quarter period, 250 ms, of lead at the 1 s period) the clock runs at the floor rate meanwhile
/// (<see cref="TscDiscipline.FloorPpm"/> slow; counted in <see cref="LateReanchors"/>) and catches up, slewing or
/// stepping forward, once anchored again.</para>
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 6 * CacheLineSize)]
public sealed unsafe class TscNanoClock : INanoClock, IDisposable
{
    /// <summary>The longest anchor period, once calibrated (the rate is then measured over a second).</summary>
    public const long DefaultPeriodNs = 1_000_000_000;

    /// <summary>The first anchor's period; periods double from it, so the rate is measured over a growing span.</summary>
    public const long DefaultInitialPeriodNs = 16_000_000;

    /// <summary>The first rate's measuring span, spent spinning in <see cref="TryStart"/>.</summary>
    public const long DefaultCalibrationNs = 2_000_000;

    private const int CacheLineSize = 64;
    private const int SampleTries = 16;
    private const int SampleAttempts = 4;
    private const int RateSamples = 8;

    // A bracket wider than this was interrupted: its midpoint may be microseconds off, too loose to measure a rate.
    private const long MaxBracketNs = 2_000;

    // 64-byte blocks from the first field (the GC aligns objects to 8 bytes, not 64, so the blocks keep writes a
    // line away from what readers use rather than aligning it). Block 0: what every read needs, never written
    // after construction. Blocks 1-3: the latch, written once per anchor (the sequence shares a block with the
    // even copy). Blocks 4-5: the writer's state and padding.
    private const int SequenceOffset = CacheLineSize;
    private const int EvenOffset = SequenceOffset + 8;
    private const int CopyStride = 2 * CacheLineSize;
    private const int WriterOffset = 4 * CacheLineSize;

    [FieldOffset(0)]
    private readonly delegate* unmanaged[SuppressGCTransition]<ulong> _read;

    [FieldOffset(8)]
    private readonly ulong _floorMult;

    [FieldOffset(16)]
    private readonly delegate* unmanaged[SuppressGCTransition]<ulong> _readOrdered;

    [FieldOffset(24)]
    private readonly long _periodNs;

    [FieldOffset(SequenceOffset)]
    private long _sequence;

    [FieldOffset(EvenOffset)]
    private TscAnchor _even;

    [FieldOffset(EvenOffset + CopyStride)]
    private TscAnchor _odd;

    [FieldOffset(WriterOffset)]
    private ManualResetEventSlim? _stop;

    [FieldOffset(WriterOffset + 8)]
    private Thread? _anchoring;

    [FieldOffset(WriterOffset + 16)]
    private long _reanchors;

    [FieldOffset(WriterOffset + 24)]
    private long _nextPeriodNs;

    // the last RateSamples narrow samples, oldest at _sampleCount % RateSamples once full: the rate is measured
    // from the oldest, over up to RateSamples periods, so one sample's error weighs 1/RateSamples as much
    [FieldOffset(WriterOffset + 32)]
    private readonly TscSample[] _samples;

    [FieldOffset(WriterOffset + 40)]
    private long _sampleCount;

    [FieldOffset(WriterOffset + 48)]
    private long _lateReanchors;

    [FieldOffset(WriterOffset + 56)]
    private ulong _rate;

    private TscNanoClock(
        delegate* unmanaged[SuppressGCTransition]<ulong> read, delegate* unmanaged[SuppressGCTransition]<ulong> readOrdered,
        TscSample calibrated, ulong rate, long initialPeriodNs, long periodNs)
    {
        _read = read;
        _readOrdered = readOrdered;
        _periodNs = periodNs;
        _floorMult = TscDiscipline.FloorMult(rate);
        _rate = rate;
        _samples = new TscSample[RateSamples];
        _samples[0] = calibrated;
        _sampleCount = 1;
        _even = TscDiscipline.First(calibrated, rate, initialPeriodNs);
        _odd = _even;
        _nextPeriodNs = Math.Min(initialPeriodNs * 2, periodNs);
    }

    /// <summary>
    /// A clock on this CPU's counter, or null (with the reason) where <see cref="TimeStampCounter.IsUsable"/> is false.
    /// With <paramref name="startAnchoring"/> false no thread is started and the caller re-anchors with
    /// <see cref="Reanchor"/> (tests drive it so).
    /// </summary>
    public static TscNanoClock? TryStart(
        out string? unusableReason, bool startAnchoring = true, long initialPeriodNs = DefaultInitialPeriodNs,
        long periodNs = DefaultPeriodNs, long calibrationNs = DefaultCalibrationNs)
    {
        // at least 1 ms (TscDiscipline.FloorMarginPpm), at most 2 s (a line's 64-bit scaling holds for ~4 s)
        if (initialPeriodNs < 1_000_000 || periodNs < initialPeriodNs || periodNs > 2_000_000_000)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(periodNs), periodNs, "periods are 1 ms to 2 s, the initial one at most the period");
        }

        unusableReason = TimeStampCounter.UnusableReason;
        if (!TimeStampCounter.IsUsable)
        {
            return null;
        }

        // the first rate, measured across a short spin
        TscSample start = Sample(TimeStampCounter.ReadOrdered, out _);
        long untilNs = start.MonotonicNs + calibrationNs;
        while (MonotonicClock.NowNs() < untilNs)
        {
            // spin
        }

        TscSample end = Sample(TimeStampCounter.ReadOrdered, out _);
        ulong rate = TscDiscipline.MeasureRate(start, end);
        if (rate == 0)
        {
            unusableReason = "the time-stamp counter did not advance with CLOCK_MONOTONIC";
            return null;
        }

        // stamps read the fenced counter: a latency stamp taken before the work it follows has finished would flatter
        // the figure (clock_gettime orders its read the same way)
        var clock = new TscNanoClock(TimeStampCounter.ReadOrdered, TimeStampCounter.ReadOrdered, end, rate, initialPeriodNs, periodNs);
        if (startAnchoring)
        {
            clock.StartAnchoring();
        }

        return clock;
    }

    /// <summary>Anchors published since start.</summary>
    public long Reanchors => Volatile.Read(ref _reanchors);

    /// <summary>
    /// Anchors published after their switch: the anchoring thread was descheduled past it, and readers ran at the
    /// floor rate (<see cref="TscDiscipline.FloorPpm"/> slow) meanwhile. Zero unless the host starves the thread.
    /// </summary>
    public long LateReanchors => Volatile.Read(ref _lateReanchors);

    /// <summary>The anchor readers use now.</summary>
    public TscAnchor CurrentAnchor
    {
        get
        {
            while (true)
            {
                long sequence = Volatile.Read(ref _sequence);
                TscAnchor anchor = (sequence & 1) == 0 ? _even : _odd;
                if (Volatile.Read(ref _sequence) == sequence)
                {
                    return anchor;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long NanoTime()
    {
        while (true)
        {
            // acquire: the anchor loads below stay after this one (x86 keeps loads in order; this keeps the compiler so)
            long sequence = Volatile.Read(ref _sequence);
            ref TscAnchor anchor = ref Unsafe.As<byte, TscAnchor>(ref Unsafe.Add(ref Unsafe.As<TscAnchor, byte>(ref _even), (nint)(sequence & 1) * CopyStride));
            ulong tsc = _read();
            long ns = anchor.ToNanos(tsc, _floorMult);

            // unchanged: no copy was rewritten while we read it (the writer moves the sequence before touching a copy)
            if (Volatile.Read(ref _sequence) == sequence)
            {
                return ns;
            }
        }
    }

    /// <summary>
    /// Samples CLOCK_MONOTONIC and publishes the anchor that takes over at the current one's end. Single writer: the
    /// anchoring thread, or the caller when the clock was started without one.
    /// </summary>
    public void Reanchor()
    {
        TscAnchor current = (_sequence & 1) == 0 ? _even : _odd;
        TscSample sample = default;
        bool narrow = false;
        for (int attempt = 0; attempt < SampleAttempts && !narrow; attempt++)
        {
            sample = Sample(_readOrdered, out ulong width);
            narrow = width <= TscDiscipline.CyclesFor(MaxBracketNs, current.Mult);
        }

        // the rate since the oldest kept sample (up to RateSamples periods back), unless this sample was bracketed too
        // loosely (preempted) to measure with
        long oldest = _sampleCount < RateSamples ? 0 : _sampleCount % RateSamples;
        ulong rate = narrow ? TscDiscipline.MeasureRate(_samples[oldest], sample) : 0;
        if (rate == 0)
        {
            rate = _rate;
        }
        else
        {
            _rate = rate;
            _samples[_sampleCount % RateSamples] = sample;
            _sampleCount++;
        }

        if (sample.Tsc >= current.NextTsc)
        {
            Interlocked.Increment(ref _lateReanchors);
        }

        long periodNs = _nextPeriodNs;
        _nextPeriodNs = Math.Min(periodNs * 2, _periodNs);
        Publish(TscDiscipline.Next(current, sample, rate, periodNs, _floorMult));
    }

    public void Dispose()
    {
        _stop?.Set();
        _anchoring?.Join();
        _stop?.Dispose();
        _anchoring = null;
        _stop = null;
    }

    private void Publish(in TscAnchor next)
    {
        // full fences: readers see the odd sequence before the even copy changes, and the new even copy before the
        // even sequence that sends them to it
        Interlocked.Increment(ref _sequence);
        _even = next;
        Interlocked.Increment(ref _sequence);
        _odd = next;
        Interlocked.Increment(ref _reanchors);
    }

    // CLOCK_MONOTONIC bracketed by two fenced counter reads; the narrowest of a few brackets, at its midpoint
    private static TscSample Sample(delegate* unmanaged[SuppressGCTransition]<ulong> readOrdered, out ulong bestWidth)
    {
        bestWidth = ulong.MaxValue;
        TscSample best = default;
        for (int i = 0; i < SampleTries; i++)
        {
            ulong before = readOrdered();
            long monotonicNs = MonotonicClock.NowNs();
            ulong after = readOrdered();
            if (after >= before && after - before < bestWidth)
            {
                bestWidth = after - before;
                best = new TscSample(before + (bestWidth / 2), monotonicNs);
            }
        }

        return best;
    }

    private void StartAnchoring()
    {
        _stop = new ManualResetEventSlim(false);
        _anchoring = new Thread(RunAnchoring) { IsBackground = true, Name = "llt-tsc-anchor" };
        _anchoring.Start();
    }

    // Wakes a quarter period before each switch, so the next anchor is published before readers need it.
    private void RunAnchoring()
    {
        ManualResetEventSlim stop = _stop!;
        while (true)
        {
            TscAnchor current = (_sequence & 1) == 0 ? _even : _odd;
            ulong now = _readOrdered();
            long untilSwitchNs = now < current.NextTsc ? TscAnchor.Scale(current.NextTsc - now, current.Mult) : 0;
            long waitNs = untilSwitchNs - (_nextPeriodNs / 4);
            if (waitNs > 0 && stop.Wait(TimeSpan.FromTicks(waitNs / 100)))
            {
                return;
            }

            if (stop.IsSet)
            {
                return;
            }

            Reanchor();
        }
    }
}
