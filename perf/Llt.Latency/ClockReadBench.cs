using System.Diagnostics;
using System.Runtime.CompilerServices;
using Llt.Hotpath.Runtime;

namespace Llt.Latency;

/// <summary>
/// <c>Llt.Latency clock [--reads N] [--agreement-seconds S]</c>: what one monotonic clock read costs in this build
/// (Native AOT when published so: perf/results/clock.md has the command), in CPU ns a read over back-to-back reads (the best of five rounds, so a
/// preempted round does not count), and how far <see cref="SystemNanoClock"/> sits from <c>clock_gettime</c>
/// when it reads the time-stamp counter. Figures and machine in perf/results/clock.md.
/// </summary>
internal static unsafe class ClockReadBench
{
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        int reads = 5_000_000;
        double agreementSeconds = 2;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--reads" when i + 1 < args.Length && int.TryParse(args[i + 1], out int n) && n > 0:
                    reads = n;
                    i++;
                    break;
                case "--agreement-seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], out double s) && s > 0:
                    agreementSeconds = s;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine("usage: Llt.Latency clock [--reads N] [--agreement-seconds S]");
                    return 2;
            }
        }

        Console.Out.WriteLine(SystemNanoClock.IsTscBacked
            ? "SystemNanoClock reads the time-stamp counter (TscNanoClock)"
            : $"SystemNanoClock reads clock_gettime: {SystemNanoClock.TscUnusableReason}");
        Report("SystemNanoClock.Now", reads, &SystemNow);
        Report("SystemNanoClock via INanoClock", reads, &InterfaceNow);
        Report("clock_gettime(CLOCK_MONOTONIC)", reads, &MonotonicNow);
        Report("Stopwatch.GetTimestamp", reads, &StopwatchNow);
        if (TimeStampCounter.IsUsable)
        {
            Report("rdtsc (bare)", reads, &BareTsc);
            Report("lfence; rdtsc", reads, &OrderedTsc);
        }

        Report("empty loop (call overhead)", reads, &Nothing);
        if (SystemNanoClock.IsTscBacked)
        {
            ReportAgreement(agreementSeconds);
        }

        return 0;
    }

    private static long SystemNow() => SystemNanoClock.Now();

    private static long InterfaceNow() => s_clock.NanoTime();

    private static long MonotonicNow() => MonotonicClock.NowNs();

    private static long StopwatchNow() => Stopwatch.GetTimestamp();

    private static long BareTsc() => (long)TimeStampCounter.Read();

    private static long OrderedTsc() => (long)TimeStampCounter.ReadOrdered();

    private static long Nothing() => 0;

    private static readonly INanoClock s_clock = SystemNanoClock.Instance;

    private static void Report(string name, int reads, delegate*<long> read)
    {
        double best = double.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            // the sum is returned from a method that is not inlined, so the reads cannot be optimised away
            (double nsPerRead, _) = Measure(reads, read);
            best = Math.Min(best, nsPerRead);
        }

        Console.Out.WriteLine($"  {name,-34} {best,6:F2} ns a read (thread CPU, best of {Rounds} x {reads:N0})");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (double NsPerRead, long Sum) Measure(int reads, delegate*<long> read)
    {
        long sum = 0;
        long cpuStart = ThreadCpuClock.NowNs();
        for (int i = 0; i < reads; i++)
        {
            sum += read();
        }

        return ((ThreadCpuClock.NowNs() - cpuStart) / (double)reads, sum);
    }

    // SystemNanoClock between two clock_gettime reads: how far outside that bracket it lands (0 when inside)
    private static void ReportAgreement(double seconds)
    {
        ClockAgreement agreement = ClockAgreement.Measure(SystemNanoClock.Instance, (long)(seconds * 1e9));
        Console.Out.WriteLine($"  agreement with clock_gettime over {seconds:F1} s: {agreement.Samples:N0} readings, {agreement.Outside:N0} outside the clock_gettime reads around them, the farthest by {agreement.WorstNs} ns");
    }
}
