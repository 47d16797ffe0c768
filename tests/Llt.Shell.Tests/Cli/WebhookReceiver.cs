using System.Net;
using System.Text;
using System.Text.Json;

namespace Llt.Shell.Tests.Cli;

/// <summary>A local webhook endpoint (HttpListener on 127.0.0.1): records every POSTed JSON body and answers 204.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<JsonElement> _bodies = [];
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public List<JsonElement> Bodies
    {
        get
        {
            lock (_bodies)
            {
                return [.. _bodies];
            }
        }
    }

    /// <summary>Waits (bounded) for an alert of <paramref name="kind"/>; returns it.</summary>
    public JsonElement WaitFor(string kind)
    {
        JsonElement found = default;
        bool seen = SpinWait.SpinUntil(() =>
        {
            foreach (JsonElement body in Bodies)
            {
                if (body.TryGetProperty("kind", out JsonElement k) && k.GetString() == kind)
                {
                    found = body;
                    return true;
                }
            }

            Thread.Sleep(50);
            return false;
        }, EngineProcess.Timeout);
        Assert.True(seen, $"no '{kind}' alert reached the webhook; got: {string.Join(" | ", Bodies)}");
        return found;
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                string text = await reader.ReadToEndAsync().ConfigureAwait(false);
                using JsonDocument document = JsonDocument.Parse(text);
                lock (_bodies)
                {
                    _bodies.Add(document.RootElement.Clone());
                }
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        // Close alone: Stop then Close removes the listener twice (see FakeAlpacaTradingServer.DisposeAsync)
        _listener.Close();
        _loop.Wait(EngineProcess.Timeout);
    }
}
