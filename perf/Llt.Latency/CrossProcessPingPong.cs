using System.Diagnostics;
using System.Globalization;
using Llt.Hotpath.Ipc;

namespace Llt.Latency;

/// <summary>
/// This process and a copy of itself (mode echo) ping-pong over two many-to-one rings in /dev/shm files,
/// both busy-spinning. The files are removed afterwards.
/// </summary>
internal static class CrossProcessPingPong
{
    public static LatencyReport? Run(int warmup, int samples)
    {
        string stem = $"/dev/shm/llt-latency-{Environment.ProcessId}";
        string pingPath = stem + "-ping.ring";
        string pongPath = stem + "-pong.ring";
        try
        {
            using RingBufferFile pingFile = RingBufferFile.Create(pingPath, 64 * 1024);
            using RingBufferFile pongFile = RingBufferFile.Create(pongPath, 64 * 1024);
            var ping = new ManyToOneRingBuffer(pingFile.Buffer);
            var pong = new ManyToOneRingBuffer(pongFile.Buffer);

            using Process peer = StartSelf("echo", pingPath, pongPath, (warmup + samples).ToString(CultureInfo.InvariantCulture));
            long[]? ticks = RingPinger.Run(ping, pong, warmup, samples);
            if (!peer.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                peer.Kill();
                return null;
            }

            return ticks is null || peer.ExitCode != 0 ? null : LatencyReport.FromTicks("ring cross-process (/dev/shm)", ticks);
        }
        finally
        {
            File.Delete(pingPath);
            File.Delete(pongPath);
        }
    }

    /// <summary>Starts this harness again: via `dotnet Llt.Latency.dll` or the apphost, whichever ran us.</summary>
    private static Process StartSelf(params string[] args)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CrossProcessPingPong).Assembly.Location);
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the echo peer process");
    }
}
