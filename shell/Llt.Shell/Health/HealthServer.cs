using System.Net;
using System.Text;
using Llt.Shell.Configuration;
using Llt.Shell.Logging;
using Llt.Shell.Run;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Health;

/// <summary>
/// /health and /metrics over HTTP (System.Net.HttpListener: no web framework), bound to HEALTH_HOST (127.0.0.1 by
/// default) on HEALTH_PORT; off when the port is 0. GET and HEAD only (405 otherwise), unknown paths 404, requests
/// with a body 400. Answers from the monitor's latest snapshot, so a request never touches the journal or the
/// engine; a failing request is logged and never stops the server. A port already taken is logged and the
/// platform runs on without the endpoint.
/// </summary>
internal sealed class HealthServer : BackgroundService
{
    private readonly RunContext _context;
    private readonly PlatformMonitor _monitor;
    private readonly ILogger _logger;

    public HealthServer(RunContext context, PlatformMonitor monitor, ILogger<HealthServer> logger)
    {
        _context = context;
        _monitor = monitor;
        _logger = logger;
    }

    /// <summary>The port actually listened on (0 while not listening).</summary>
    public int Port { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        HealthSettings settings = _context.Settings.Health;
        if (!settings.Enabled)
        {
            return;
        }

        using IDisposable? scope = _logger.BeginComponent("health");
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://{settings.Host}:{settings.Port}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException e)
        {
            RunLog.HealthListenFailed(_logger, settings.Host, settings.Port, e.Message);
            return;
        }

        Port = settings.Port;
        RunLog.HealthListening(_logger, settings.Host, settings.Port);
        // Close, not Stop: Stop then the using's Dispose would remove the listener twice, and the second removal makes the
        // managed HttpListener bind the port again to look it up (failing when another process took it meanwhile)
        using CancellationTokenRegistration stop = stoppingToken.Register(listener.Close);
        bool feedConfigured = !string.Equals(_context.Engine.Feed.Type, "none", StringComparison.OrdinalIgnoreCase);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext request;
            try
            {
                request = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                RunLog.HealthRequestFailed(_logger, e.Message);
                continue;
            }

            try
            {
                Respond(request, settings, feedConfigured);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                RunLog.HealthRequestFailed(_logger, e.Message);
            }
            finally
            {
                Close(request.Response);
            }
        }
    }

    private void Respond(HttpListenerContext context, HealthSettings settings, bool feedConfigured)
    {
        HttpListenerRequest request = context.Request;
        HttpListenerResponse response = context.Response;
        string path = request.Url?.AbsolutePath ?? "";
        if (path is not ("/health" or "/metrics"))
        {
            Write(response, 404, "text/plain; charset=utf-8", "not found: try /health or /metrics\n", request.HttpMethod == "HEAD");
            return;
        }

        if (request.HttpMethod is not ("GET" or "HEAD"))
        {
            response.AddHeader("Allow", "GET, HEAD");
            Write(response, 405, "text/plain; charset=utf-8", $"method {request.HttpMethod} not allowed: GET or HEAD\n", false);
            return;
        }

        if (request.HasEntityBody)
        {
            Write(response, 400, "text/plain; charset=utf-8", "a GET takes no body\n", false);
            return;
        }

        PlatformSnapshot snapshot = _monitor.Latest;
        bool head = request.HttpMethod == "HEAD";
        if (path == "/metrics")
        {
            Write(response, 200, PrometheusText.ContentType, PrometheusText.Write(snapshot), head);
            return;
        }

        IReadOnlyList<HealthCheck> checks = HealthReport.Evaluate(snapshot, settings, feedConfigured);
        byte[] body = HealthReport.ToJson(snapshot, checks);
        response.StatusCode = checks.All(c => c.Healthy) ? 200 : 503;
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        if (!head)
        {
            response.OutputStream.Write(body);
        }
    }

    private static void Close(HttpListenerResponse response)
    {
        try
        {
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // the client went away, or the listener already answered this request itself (411, 400): nothing to send
        }
    }

    private static void Write(HttpListenerResponse response, int status, string contentType, string text, bool head)
    {
        byte[] body = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        if (!head)
        {
            response.OutputStream.Write(body);
        }
    }
}
