using System.Net;
using System.Net.Sockets;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>An HttpListener on a free 127.0.0.1 port for the fake Alpaca servers.</summary>
internal static class LoopbackListener
{
    /// <summary>
    /// Probes a free port and listens on it, trying again with another port when something else took it in between
    /// (other test processes on the same machine do).
    /// </summary>
    public static HttpListener Start(out int port)
    {
        for (int attempt = 1; ; attempt++)
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return listener;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }
}
