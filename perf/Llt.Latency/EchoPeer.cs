using Llt.Hotpath.Ipc;

namespace Llt.Latency;

/// <summary>
/// The far side of a ping-pong: reads the request ring and echoes every record onto the response ring
/// until <c>count</c> records were echoed. Runs as a thread in-process or as its own process (mode echo).
/// </summary>
internal static class EchoPeer
{
    /// <summary>Gives up after this long without a message, so an orphaned peer never spins forever.</summary>
    private const long IdleTimeoutMs = 20_000;

    /// <returns>0 when every record was echoed, 3 on idle timeout.</returns>
    public static int Run(RingBuffer requests, RingBuffer responses, long count, bool yieldWhenIdle)
    {
        var echo = new EchoHandler(responses);
        long lastActivityMs = Environment.TickCount64;
        requests.SetConsumerHeartbeatTimeMs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        int idleLoops = 0;
        while (echo.Echoed < count)
        {
            if (requests.Read(ref echo, 64) > 0)
            {
                idleLoops = 0;
                continue;
            }

            if (++idleLoops % 4096 == 0)
            {
                long nowMs = Environment.TickCount64;
                requests.SetConsumerHeartbeatTimeMs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                if (idleLoops == 4096)
                {
                    lastActivityMs = nowMs;
                }
                else if (nowMs - lastActivityMs > IdleTimeoutMs)
                {
                    Console.Error.WriteLine($"echo: no message for {IdleTimeoutMs} ms after {echo.Echoed} of {count}; giving up");
                    return 3;
                }
            }

            if (yieldWhenIdle)
            {
                Thread.Yield();
            }
        }

        requests.SetConsumerHeartbeatTimeMs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return 0;
    }
}
