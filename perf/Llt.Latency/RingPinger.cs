using System.Buffers.Binary;
using System.Diagnostics;
using Llt.Hotpath.Ipc;

namespace Llt.Latency;

/// <summary>Sends one timestamp at a time and busy-spins for its echo: one sample per round trip.</summary>
internal static class RingPinger
{
    private const long ReplyTimeoutMs = 10_000;

    /// <returns>Round-trip samples in Stopwatch ticks (warm-up excluded), or null if a reply never came.</returns>
    public static long[]? Run(RingBuffer ping, RingBuffer pong, int warmup, int samples)
    {
        var results = new long[samples];
        var handler = new RoundTripHandler();
        Span<byte> payload = stackalloc byte[32];
        for (int i = 0; i < warmup + samples; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(payload, Stopwatch.GetTimestamp());
            while (ping.Write(1, payload) != WriteResult.Success)
            {
                Thread.SpinWait(1);
            }

            long expected = handler.Received + 1;
            long sentTicks = Stopwatch.GetTimestamp();
            long spins = 0;
            while (handler.Received < expected)
            {
                // the clock is read only every 2^20 empty polls, so it never perturbs a normal round trip
                if (pong.Read(ref handler, 1) == 0 && (++spins & 0xFFFFF) == 0
                    && Stopwatch.GetElapsedTime(sentTicks).TotalMilliseconds > ReplyTimeoutMs)
                {
                    return null;
                }
            }

            if (i >= warmup)
            {
                results[i - warmup] = handler.LastRoundTripTicks;
            }
        }

        return results;
    }
}
