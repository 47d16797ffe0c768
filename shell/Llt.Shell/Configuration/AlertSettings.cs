namespace Llt.Shell.Configuration;

/// <summary>Alert delivery beyond the log: an optional webhook (ALERT_WEBHOOK_URL).</summary>
public sealed record AlertSettings(Uri? WebhookUrl);
