namespace Llt.Shell.Configuration;

/// <summary>Where /health and /metrics listen (port 0 = off) and when /health reports degraded.</summary>
public sealed record HealthSettings(string Host, int Port, TimeSpan HeartbeatTimeout, TimeSpan SinkMaxLag)
{
    public bool Enabled => Port != 0;
}
