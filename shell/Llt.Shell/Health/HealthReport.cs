using System.Globalization;
using System.Text.Json;
using Llt.Shell.Configuration;
using Llt.Shell.Run;
using Llt.Shell.Sinks;

namespace Llt.Shell.Health;

/// <summary>
/// /health: healthy when the engine runs and its heartbeat is fresher than HEALTH_HEARTBEAT_TIMEOUT, every sink
/// is connected and trails the journal by less than HEALTH_SINK_MAX_LAG, and (with a feed configured) ticks have
/// arrived within the heartbeat timeout. Degraded otherwise: HTTP 503 with the failing checks named.
/// </summary>
internal static class HealthReport
{
    public static IReadOnlyList<HealthCheck> Evaluate(PlatformSnapshot s, HealthSettings settings, bool feedConfigured)
    {
        var checks = new List<HealthCheck>();
        long timeoutMs = (long)settings.HeartbeatTimeout.TotalMilliseconds;
        if (s.Engine.State != SupervisorState.Running)
        {
            checks.Add(new HealthCheck("engine", false, $"engine is {s.Engine.State.ToString().ToLowerInvariant()} (restarts {s.Engine.Restarts})"));
        }
        else if (s.Counters is not { } counters || !counters.WriterRunning || counters.WriterPid != s.Engine.Pid)
        {
            checks.Add(new HealthCheck("engine", false, $"no counters from engine pid {s.Engine.Pid} yet"));
        }
        else
        {
            bool fresh = counters.HeartbeatAgeMs < timeoutMs;
            checks.Add(new HealthCheck("engine", fresh, string.Create(CultureInfo.InvariantCulture,
                $"pid {s.Engine.Pid}, heartbeat {counters.HeartbeatAgeMs} ms ago (limit {timeoutMs} ms), restarts {s.Engine.Restarts}")));
        }

        foreach (JournalSinkStatus sink in s.Sinks)
        {
            bool ok = sink.Connected && sink.LagSeconds <= settings.SinkMaxLag.TotalSeconds;
            string lastError = sink.LastError is null || sink.Connected ? "" : $", last error: {sink.LastError}";
            string detail = string.Create(CultureInfo.InvariantCulture,
                $"{(sink.Connected ? "connected" : "not connected")}, lag {sink.LagEvents} events / {sink.LagSeconds:0.###} s (limit {settings.SinkMaxLag.TotalSeconds:0.###} s){lastError}");
            checks.Add(new HealthCheck($"sink:{sink.Name}", ok, detail));
        }

        if (feedConfigured)
        {
            long newestTickNs = s.Feeds.Count == 0 ? 0 : s.Feeds.Max(f => f.LastTickNs);
            long ageMs = newestTickNs == 0 ? -1 : s.Taken.ToUnixTimeMilliseconds() - (newestTickNs / 1_000_000);
            bool ok = newestTickNs != 0 && ageMs < timeoutMs;
            checks.Add(new HealthCheck("feed", ok, newestTickNs == 0
                ? "no ticks journaled yet"
                : string.Create(CultureInfo.InvariantCulture, $"last tick {ageMs} ms ago (limit {timeoutMs} ms), {s.Feeds.Count} feed(s)")));
        }

        return checks;
    }

    public static byte[] ToJson(PlatformSnapshot s, IReadOnlyList<HealthCheck> checks)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("status", checks.All(c => c.Healthy) ? "healthy" : "degraded");
            json.WriteString("engine", s.EngineName);
            json.WriteString("time", s.Taken.ToString("O", CultureInfo.InvariantCulture));
            json.WriteNumber("journalSequence", s.LastSequence);
            json.WriteBoolean("killSwitchEngaged", s.KillSwitch?.Engaged ?? false);
            json.WriteStartObject("checks");
            foreach (HealthCheck check in checks)
            {
                json.WriteStartObject(check.Component);
                json.WriteBoolean("healthy", check.Healthy);
                json.WriteString("detail", check.Detail);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
