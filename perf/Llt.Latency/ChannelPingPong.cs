using System.Diagnostics;
using System.Threading.Channels;

namespace Llt.Latency;

/// <summary>
/// The same ping-pong over two bounded single-reader/single-writer System.Threading.Channels, both sides
/// busy-spinning on TryRead/TryWrite so the comparison is mechanism against mechanism, not wake-up cost.
/// </summary>
internal static class ChannelPingPong
{
    public static LatencyReport? Run(int warmup, int samples)
    {
        var options = new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait };
        Channel<long> ping = Channel.CreateBounded<long>(options);
        Channel<long> pong = Channel.CreateBounded<long>(options);
        int total = warmup + samples;

        var echo = new Thread(() =>
        {
            for (int i = 0; i < total; i++)
            {
                long value;
                while (!ping.Reader.TryRead(out value))
                {
                }

                while (!pong.Writer.TryWrite(value))
                {
                }
            }
        })
        {
            Name = "channel-echo",
            IsBackground = true,
        };
        echo.Start();

        var ticks = new long[samples];
        for (int i = 0; i < total; i++)
        {
            ping.Writer.TryWrite(Stopwatch.GetTimestamp());
            long sent;
            while (!pong.Reader.TryRead(out sent))
            {
            }

            if (i >= warmup)
            {
                ticks[i - warmup] = Stopwatch.GetTimestamp() - sent;
            }
        }

        return echo.Join(TimeSpan.FromSeconds(30)) ? LatencyReport.FromTicks("channels in-process (2 thr)", ticks) : null;
    }
}
