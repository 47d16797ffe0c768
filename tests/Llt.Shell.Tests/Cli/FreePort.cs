using System.Net;
using System.Net.Sockets;

namespace Llt.Shell.Tests.Cli;

/// <summary>A loopback TCP port free at the moment of asking (the OS picks it).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
