using System.Globalization;
using Llt.Hotpath.Ipc;

namespace Llt.Latency;

/// <summary>
/// Usage:
///   dotnet Llt.Latency.dll [all|inproc|ipc|channels] [--samples N] [--warmup N]
///   dotnet Llt.Latency.dll baseline [--ticks N] [--json]   (llt engine against the ordinary-service baseline)
///   dotnet Llt.Latency.dll echo REQUEST_RING RESPONSE_RING COUNT [--yield]   (peer mode)
///   dotnet Llt.Latency.dll clock [--reads N] [--agreement-seconds S]   (one clock read's cost; perf/results/clock.md)
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        if (mode == "echo")
        {
            return RunEcho(args);
        }

        if (mode == "baseline")
        {
            return BaselineComparison.Run(args);
        }

        if (mode == "clock")
        {
            return ClockReadBench.Run(args);
        }

        int samples = IntOption(args, "--samples", 200_000);
        int warmup = IntOption(args, "--warmup", 50_000);
        var reports = new List<LatencyReport>();
        bool failed = false;
        foreach (string part in mode == "all" ? new[] { "inproc", "ipc", "channels" } : new[] { mode })
        {
            LatencyReport? report = part switch
            {
                "inproc" => InProcessPingPong.Run(warmup, samples),
                "ipc" => CrossProcessPingPong.Run(warmup, samples),
                "channels" => ChannelPingPong.Run(warmup, samples),
                _ => null,
            };
            if (report is null)
            {
                Console.Error.WriteLine($"{part}: no result (unknown mode, or the peer stopped answering)");
                failed = true;
                continue;
            }

            reports.Add(report);
        }

        Console.WriteLine(LatencyReport.Header);
        foreach (LatencyReport report in reports)
        {
            Console.WriteLine(report);
        }

        LatencyReport? ring = reports.Find(r => r.Name.StartsWith("ring in-process", StringComparison.Ordinal));
        LatencyReport? channels = reports.Find(r => r.Name.StartsWith("channels", StringComparison.Ordinal));
        if (ring is not null && channels is not null)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "channels / ring (in-process): p50 x{0:F2}  p99 x{1:F2}  p99.9 x{2:F2}",
                channels.P50Ns / ring.P50Ns, channels.P99Ns / ring.P99Ns, channels.P999Ns / ring.P999Ns));
        }

        return failed ? 1 : 0;
    }

    private static int RunEcho(string[] args)
    {
        if (args.Length < 4 || !long.TryParse(args[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out long count))
        {
            Console.Error.WriteLine("usage: echo REQUEST_RING RESPONSE_RING COUNT [--yield]");
            return 2;
        }

        using RingBufferFile requestFile = RingBufferFile.Open(args[1]);
        using RingBufferFile responseFile = RingBufferFile.Open(args[2]);
        var requests = new ManyToOneRingBuffer(requestFile.Buffer);
        var responses = new ManyToOneRingBuffer(responseFile.Buffer);
        return EchoPeer.Run(requests, responses, count, yieldWhenIdle: Array.IndexOf(args, "--yield") >= 0);
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
    }
}
