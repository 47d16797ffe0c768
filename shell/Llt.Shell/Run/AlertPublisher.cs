using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Llt.Shell.Configuration;
using Llt.Shell.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Run;

/// <summary>
/// Delivers alerts: each is logged at once (warning), then POSTed as JSON to ALERT_WEBHOOK_URL when set, from a
/// bounded queue on this service's own task, so a slow or dead webhook never holds up the supervisor or the journal
/// follower. A failed POST is logged with the URL redacted and dropped (the log already has the alert).
/// </summary>
public sealed class AlertPublisher : BackgroundService
{
    private const int QueueCapacity = 1024;
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<PlatformAlert> _queue = Channel.CreateBounded<PlatformAlert>(new BoundedChannelOptions(QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    private readonly Uri? _webhook;
    private readonly string _engineName;
    private readonly ILogger _logger;
    private long _published;
    private long _delivered;
    private long _failed;

    public AlertPublisher(AlertSettings settings, string engineName, ILogger<AlertPublisher> logger)
    {
        _webhook = settings.WebhookUrl;
        _engineName = engineName;
        _logger = logger;
    }

    public long Published => Interlocked.Read(ref _published);

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Failed => Interlocked.Read(ref _failed);

    public void Publish(PlatformAlert alert)
    {
        Interlocked.Increment(ref _published);
        using (_logger.BeginComponent("alerts"))
        using (_logger.BeginSymbolOrder(alert.Fields.TryGetValue("symbol", out string? symbol) ? symbol : null, null))
        {
            RunLog.Alert(_logger, alert.Kind, alert.Text);
        }

        if (_webhook is not null)
        {
            _queue.Writer.TryWrite(alert);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_webhook is null)
        {
            return;
        }

        using var http = new HttpClient { Timeout = PostTimeout };
        // drained until StopAsync completes the queue, so alerts raised while the platform stops (the engine's
        // last kill switch, say) are still delivered; each POST is bounded by the client's timeout
        await foreach (PlatformAlert alert in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await PostAsync(http, alert).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // deliver what is queued (bounded by the host's shutdown timeout), then stop
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PostAsync(HttpClient http, PlatformAlert alert)
    {
        try
        {
            using var content = new ByteArrayContent(Serialize(alert));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using HttpResponseMessage response = await http.PostAsync(_webhook, content).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _delivered);
                return;
            }

            Interlocked.Increment(ref _failed);
            RunLog.WebhookFailed(_logger, SecretRedactor.RedactUrl(_webhook!.ToString()), $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Interlocked.Increment(ref _failed);
            RunLog.WebhookFailed(_logger, SecretRedactor.RedactUrl(_webhook!.ToString()), e.Message);
        }
    }

    private byte[] Serialize(PlatformAlert alert)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", alert.Kind);
            json.WriteString("severity", alert.Severity);
            json.WriteString("text", alert.Text);
            json.WriteString("engine", _engineName);
            json.WriteString("time", alert.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject("fields");
            foreach ((string key, string value) in alert.Fields)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
