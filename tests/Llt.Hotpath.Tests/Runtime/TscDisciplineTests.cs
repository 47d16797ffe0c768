using CsCheck;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>
/// The anchor sequence against a simulated CLOCK_MONOTONIC (exact arithmetic, no real time): how closely it follows,
/// and that no anchor ever gives a count less time than the anchor before it did.
/// </summary>
public sealed class TscDisciplineTests
{
    private const long PeriodNs = 1_000_000_000;

    // 2.6 GHz: 1/2.6 ns per cycle
    private static readonly ulong Rate = (ulong)((1UL << 32) / 2.6);

    /// <summary>Rounding only: each Scale floors, and the rate is quantised to 2^-32 ns a cycle (0.6 ns a second at 2.6 GHz).</summary>
    [Fact]
    public void Next_AtAConstantRate_StaysWithinFourNanosecondsOfTheClock()
    {
        var clock = new SimulatedMonotonic(Rate, startNs: 5_000_000_000);
        TscSample first = clock.SampleAt(1_000_000);
        TscSample second = clock.SampleAt(1_000_000 + 5_200_000); // 2 ms of calibration
        TscAnchor anchor = TscDiscipline.First(second, TscDiscipline.MeasureRate(first, second), PeriodNs);
        ulong floor = TscDiscipline.FloorMult(anchor.Mult);
        TscSample last = second;
        long worstFirstHalf = 0;
        long worstSecondHalf = 0;

        for (int i = 0; i < 40; i++)
        {
            TscSample sample = clock.SampleAt(anchor.NextTsc - TscDiscipline.CyclesFor(PeriodNs / 4, Rate));
            anchor = TscDiscipline.Next(anchor, sample, TscDiscipline.MeasureRate(last, sample), PeriodNs, floor);
            last = sample;

            for (ulong step = 0; step <= 4; step++)
            {
                ulong tsc = anchor.SwitchTsc + ((anchor.NextTsc - anchor.SwitchTsc) * step / 4);
                long error = Math.Abs(anchor.ToNanos(tsc, floor) - clock.NsAt(tsc));
                if (i < 20)
                {
                    worstFirstHalf = Math.Max(worstFirstHalf, error);
                }
                else
                {
                    worstSecondHalf = Math.Max(worstSecondHalf, error);
                }
            }
        }

        // bounded, and not drifting: rounding does not accumulate from anchor to anchor
        Assert.InRange(worstFirstHalf, 0, 4);
        Assert.InRange(worstSecondHalf, 0, 4);
    }

    [Fact]
    public void Next_WhenTheKernelChangesTheClocksRateBy100Ppm_IsBackWithin100NsTwoPeriodsLater()
    {
        var clock = new SimulatedMonotonic(Rate, startNs: 0);
        TscSample last = clock.SampleAt(0);
        TscAnchor anchor = TscDiscipline.First(last, Rate, PeriodNs);
        ulong floor = TscDiscipline.FloorMult(Rate);
        clock.ChangeRate(anchor.SwitchTsc, Rate + (Rate / 10_000));

        long errorAfterTwoPeriods = 0;
        for (int i = 0; i < 4; i++)
        {
            TscSample sample = clock.SampleAt(anchor.NextTsc - TscDiscipline.CyclesFor(PeriodNs / 4, Rate));
            anchor = TscDiscipline.Next(anchor, sample, TscDiscipline.MeasureRate(last, sample), PeriodNs, floor);
            last = sample;
            if (i >= 2)
            {
                errorAfterTwoPeriods = Math.Max(errorAfterTwoPeriods, Math.Abs(anchor.ToNanos(anchor.NextTsc - 1, floor) - clock.NsAt(anchor.NextTsc - 1)));
            }
        }

        Assert.InRange(errorAfterTwoPeriods, 0, 100);
    }

    [Fact]
    public void Next_WhenTheClockIsAheadOfTheCounterByMoreThanASlew_StepsForwardToIt()
    {
        var clock = new SimulatedMonotonic(Rate, startNs: 0);
        TscSample sample = clock.SampleAt(0);
        TscAnchor anchor = TscDiscipline.First(sample, Rate, PeriodNs);
        ulong floor = TscDiscipline.FloorMult(Rate);
        clock.Jump(5_000_000); // CLOCK_MONOTONIC 5 ms ahead, more than 500 ppm of a second can close

        TscSample later = clock.SampleAt(anchor.NextTsc - TscDiscipline.CyclesFor(PeriodNs / 4, Rate));
        TscAnchor next = TscDiscipline.Next(anchor, later, Rate, PeriodNs, floor);

        Assert.InRange(next.ToNanos(next.SwitchTsc, floor) - clock.NsAt(next.SwitchTsc), -2, 2);
        Assert.True(next.ToNanos(next.SwitchTsc, floor) >= anchor.ToNanos(next.SwitchTsc, floor));
    }

    [Fact]
    public void Next_WhenTheCounterRunsAheadOfTheClock_SlowsAtMost500PpmAndCatchesUpWithoutGoingBack()
    {
        var clock = new SimulatedMonotonic(Rate, startNs: 0);
        TscAnchor anchor = TscDiscipline.First(clock.SampleAt(0), Rate, PeriodNs);
        ulong floor = TscDiscipline.FloorMult(Rate);
        clock.Jump(-300_000); // our line 300 us ahead of CLOCK_MONOTONIC

        TscSample later = clock.SampleAt(anchor.NextTsc - TscDiscipline.CyclesFor(PeriodNs / 4, Rate));
        TscAnchor next = TscDiscipline.Next(anchor, later, Rate, PeriodNs, floor);

        Assert.Equal(anchor.ToNanos(next.SwitchTsc, floor), next.ToNanos(next.SwitchTsc, floor));
        Assert.InRange((double)next.Mult / Rate, 1 - 500e-6 - 1e-9, 1);
        Assert.InRange(next.ToNanos(next.NextTsc, floor) - clock.NsAt(next.NextTsc), -2, 2);
    }

    [Fact]
    public void ToNanos_WhenTheNextAnchorIsOverdue_RunsAtTheFloorRateFromTheEndOfTheLine()
    {
        TscAnchor anchor = TscDiscipline.First(new TscSample(1_000, 1_000_000), Rate, PeriodNs);
        ulong floor = TscDiscipline.FloorMult(Rate);
        ulong overdue = TscDiscipline.CyclesFor(10_000_000, Rate);

        long atEnd = anchor.ToNanos(anchor.NextTsc, floor);
        long later = anchor.ToNanos(anchor.NextTsc + overdue, floor);

        Assert.Equal(anchor.NsAtNext, atEnd);
        Assert.InRange(later - atEnd, 10_000_000 - 6_001, 10_000_000 - 5_999); // 600 ppm slow over 10 ms
    }

    [Fact]
    public void Scale_OfTheLargestCountAndRate_DoesNotOverflow()
    {
        // 2^63 cycles at 1 ns a cycle: 2^63 ns, the largest time a long holds
        Assert.Equal(long.MaxValue, TscAnchor.Scale(long.MaxValue, 1UL << 32));
        Assert.Equal(1_000_000_000L * 3600 * 24 * 365 * 100, TscAnchor.Scale(1_000_000_000UL * 3600 * 24 * 365 * 100, 1UL << 32));
    }

    /// <summary>
    /// Any schedule (early, late or very late anchoring; noisy samples; the kernel changing its rate; clock jumps
    /// either way): every anchor gives every count at least what the one before gave, and each anchor's time rises
    /// with the count, so whichever anchors a thread reads, in order, its readings never go back.
    /// </summary>
    [Fact]
    public void Next_UnderAnySchedule_NeverGivesACountLessTimeThanThePreviousAnchor()
    {
        Gen<(long NoiseNs, long WakeOffsetNs, long RateChangePpm, long JumpNs)> genStep = Gen.Select(
            Gen.Long[-200, 200],
            Gen.Frequency((6, Gen.Long[-PeriodNs / 2, 0]), (2, Gen.Long[0, PeriodNs / 10]), (1, Gen.Long[0, 6 * PeriodNs])),
            Gen.Frequency((6, Gen.Const(0L)), (2, Gen.Long[-300, 300])),
            Gen.Frequency((8, Gen.Const(0L)), (1, Gen.Long[-2_000_000, 20_000_000])));
        Gen<ulong> genRate = Gen.ULong[(1UL << 32) / 5, (1UL << 32) * 2];
        Gen<long> genPeriod = Gen.Long[1_000_000, PeriodNs];

        Gen.Select(genRate, genPeriod, genStep.Array[1, 12]).Sample((rate, periodNs, steps) =>
        {
            var clock = new SimulatedMonotonic(rate, startNs: 1_000_000_000);
            TscSample last = clock.SampleAt(10_000);
            TscAnchor anchor = TscDiscipline.First(last, rate, periodNs);
            ulong floor = TscDiscipline.FloorMult(rate);

            foreach ((long noiseNs, long wakeOffsetNs, long ratePpm, long jumpNs) in steps)
            {
                if (ratePpm != 0)
                {
                    clock.ChangeRate(anchor.SwitchTsc, (ulong)((long)clock.Rate + ((long)clock.Rate / 1_000_000 * ratePpm)));
                }

                if (jumpNs != 0)
                {
                    clock.Jump(jumpNs);
                }

                long wakeCycles = (long)TscDiscipline.CyclesFor(Math.Abs(wakeOffsetNs), rate);
                ulong at = wakeOffsetNs < 0 ? anchor.NextTsc - Math.Min((ulong)wakeCycles, anchor.NextTsc - anchor.SwitchTsc) : anchor.NextTsc + (ulong)wakeCycles;
                TscSample sample = clock.SampleAt(at, noiseNs);
                ulong measured = TscDiscipline.MeasureRate(last, sample);
                TscAnchor next = TscDiscipline.Next(anchor, sample, measured == 0 ? anchor.Mult : measured, periodNs, floor);
                last = sample;

                foreach (ulong probe in Probes(anchor, next))
                {
                    long before = anchor.ToNanos(probe, floor);
                    long after = next.ToNanos(probe, floor);
                    if (after < before)
                    {
                        throw new Exception($"at tsc {probe} the new anchor gives {after}, the old one {before}");
                    }

                    if (probe - next.SwitchTsc < next.NextTsc - next.SwitchTsc && after != next.SwitchNs + TscAnchor.Scale(probe - next.SwitchTsc, next.Mult))
                    {
                        throw new Exception($"at tsc {probe} the 64-bit scaling within the line gives {after}, the 128-bit one differs");
                    }

                    if (next.ToNanos(probe + 1, floor) < after || anchor.ToNanos(probe + 1, floor) < before)
                    {
                        throw new Exception($"an anchor's time fell between tsc {probe} and {probe + 1}");
                    }
                }

                anchor = next;
            }
        });
    }

    private static IEnumerable<ulong> Probes(TscAnchor anchor, TscAnchor next)
    {
        foreach (ulong edge in new[] { anchor.PrevTsc, anchor.SwitchTsc, anchor.NextTsc, next.SwitchTsc, next.NextTsc })
        {
            yield return edge > 0 ? edge - 1 : 0;
            yield return edge;
            yield return edge + 1;
        }

        ulong span = next.NextTsc - anchor.SwitchTsc;
        for (ulong i = 1; i < 16; i++)
        {
            yield return anchor.SwitchTsc + (span * i / 16);
        }

        yield return next.NextTsc + (span * 7);
        yield return next.NextTsc + (span * 7) + 1;
    }

    /// <summary>CLOCK_MONOTONIC as a piecewise-linear function of the counter, with optional steps and sample noise.</summary>
    private sealed class SimulatedMonotonic
    {
        private ulong _baseTsc;
        private long _baseNs;

        public SimulatedMonotonic(ulong rate, long startNs)
        {
            Rate = rate;
            _baseNs = startNs;
        }

        public ulong Rate { get; private set; }

        public long NsAt(ulong tsc)
        {
            return tsc >= _baseTsc ? _baseNs + TscAnchor.Scale(tsc - _baseTsc, Rate) : _baseNs - TscAnchor.Scale(_baseTsc - tsc, Rate);
        }

        public TscSample SampleAt(ulong tsc, long noiseNs = 0) => new(tsc, NsAt(tsc) + noiseNs);

        public void ChangeRate(ulong atTsc, ulong rate)
        {
            _baseNs = NsAt(atTsc);
            _baseTsc = atTsc;
            Rate = rate;
        }

        public void Jump(long ns) => _baseNs += ns;
    }
}
