using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Latency;

/// <summary>Two threads, two one-to-one rings in aligned unmanaged memory, both sides busy-spinning.</summary>
internal static class InProcessPingPong
{
    public static LatencyReport? Run(int warmup, int samples)
    {
        int capacity = 64 * 1024;
        using var pingMemory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(capacity));
        using var pongMemory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(capacity));
        var ping = new OneToOneRingBuffer(pingMemory.AsBuffer());
        var pong = new OneToOneRingBuffer(pongMemory.AsBuffer());

        int echoResult = -1;
        var echo = new Thread(() => echoResult = EchoPeer.Run(ping, pong, warmup + samples, yieldWhenIdle: false))
        {
            Name = "echo",
            IsBackground = true,
        };
        echo.Start();
        long[]? ticks = RingPinger.Run(ping, pong, warmup, samples);
        echo.Join(TimeSpan.FromSeconds(30));
        return ticks is null || echoResult != 0 ? null : LatencyReport.FromTicks("ring in-process (2 threads)", ticks);
    }
}
