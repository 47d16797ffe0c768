using System.Net;
using System.Net.Sockets;

namespace Llt.Shell.Tests.Cli;

/// <summary>
/// A loopback TCP port free at the moment of asking, for a child process (llt run's health server) to bind a moment
/// later. Taken below the kernel's ephemeral range (net.ipv4.ip_local_port_range, 32768-60999 by default): a port the
/// OS picked for a probe is free again for any outgoing connection to take as its local port, and one did (CI: the
/// health server's bind failed with "Address already in use" while the test processes' client connections churned).
/// Below the range only explicit binds compete; each test process starts at its own offset.
/// </summary>
internal static class FreePort
{
    private const int First = 20_000;
    private const int Last = 32_000;

    private static int s_next = First + ((Environment.ProcessId % 1_000) * 10);

    public static int Next()
    {
        for (int attempt = 0; attempt < Last - First; attempt++)
        {
            int port = Interlocked.Increment(ref s_next);
            if (port >= Last)
            {
                Interlocked.CompareExchange(ref s_next, First, port);
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
                return port;
            }
            catch (SocketException)
            {
                // bound by someone else: the next one
            }
        }

        throw new InvalidOperationException($"no free loopback port between {First} and {Last}");
    }
}
