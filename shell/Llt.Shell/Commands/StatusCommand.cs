using System.CommandLine;
using System.Text.Json;
using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Shell.Hosting;

namespace Llt.Shell.Commands;

/// <summary>
/// `llt status`: is the engine up (counters file: writer process and heartbeat), and what its journal says now:
/// engine state, kill switch, orders, fills, rejects, P&amp;L, strategies enabled, venues up. Exit 0 when the
/// engine runs, 3 when it does not (what the journal shows is still printed).
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var options = new EngineOptions();
        var command = new Command("status", "Engine liveness, kill switch, orders, fills, P&L, strategies and venues at a glance");
        options.AddReadOptions(command);
        command.SetAction(parseResult =>
        {
            EngineConfig? config = options.Resolve(parseResult);
            if (config is null)
            {
                return ExitCodes.BadUsage;
            }

            bool running = EngineLiveness.IsRunning(config, out string? why);
            long pid = 0;
            long startNs = 0;
            long heartbeatAgeMs = -1;
            if (CountersReader.TryOpen(config.CountersPath, out CountersReader? reader, out _))
            {
                using (reader)
                {
                    pid = reader.WriterPid;
                    startNs = reader.StartTimeEpochNs;
                    heartbeatAgeMs = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000 - reader.HeartbeatEpochNs) / 1_000_000;
                }
            }

            using JournalProjection? projection = JournalProjection.Replay(config, out string? journalError);
            if (parseResult.GetValue(options.Json))
            {
                WriteJson(config, running, why, pid, startNs, heartbeatAgeMs, projection);
            }
            else
            {
                WriteText(config, running, why, pid, startNs, heartbeatAgeMs, projection, journalError);
            }

            return running ? ExitCodes.Ok : ExitCodes.NoEngine;
        });
        return command;
    }

    private static void WriteText(EngineConfig config, bool running, string? why, long pid, long startNs, long heartbeatAgeMs,
        JournalProjection? p, string? journalError)
    {
        TextWriter o = Console.Out;
        o.WriteLine(running
            ? $"engine   {config.Name}: running, pid {pid}, up {Uptime(startNs)}, heartbeat {heartbeatAgeMs} ms ago"
            : $"engine   {config.Name}: NOT RUNNING; {why}");
        if (p is null)
        {
            o.WriteLine($"journal  {journalError}");
            return;
        }

        o.WriteLine($"journal  {Path.GetFullPath(config.Journal.Directory)}: {p.Frames} frames, last seq {p.LastSequence}"
            + (p.Heartbeat is { } hb ? $", last heartbeat {hb.State}" : ""));
        o.WriteLine(p.KillSwitch is { Engaged: true } ks
            ? $"kill     ENGAGED by {ks.Source} ({(ks.Reason.Length > 0 ? ks.Reason : ks.Breach.ToString())}), {ks.CanceledOrders} orders cancelled"
            : "kill     released");
        o.WriteLine($"orders   {p.OpenOrders.Count()} open, {p.OrdersSeen} sent, {p.Fills} fills ({p.FilledQty} shares), {p.Rejects} rejects, {p.Cancels} cancels");
        if (p.Pnl is { } pnl)
        {
            o.WriteLine($"pnl      realized {Money.Format(pnl.RealizedPnl)}, unrealized {Money.Format(pnl.UnrealizedPnl)}, daily {Money.Format(pnl.DailyPnl)}, gross exposure {Money.Format(pnl.GrossExposure)}");
        }

        o.WriteLine($"strategy {string.Join(", ", p.Strategies.Select(s => $"{s.Name} {(s.Enabled ? "on" : "OFF")}"))}");
        o.WriteLine($"venues   {string.Join(", ", p.Venues.Select(v => $"{v.Name} {(v.Up ? "up" : "DOWN")}"))}");
    }

    private static void WriteJson(EngineConfig config, bool running, string? why, long pid, long startNs, long heartbeatAgeMs, JournalProjection? p)
    {
        using Stream stdout = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("engine", config.Name);
        json.WriteBoolean("running", running);
        if (why is not null)
        {
            json.WriteString("notRunningReason", why);
        }

        json.WriteNumber("pid", pid);
        json.WriteNumber("startTimeEpochNs", startNs);
        json.WriteNumber("heartbeatAgeMs", heartbeatAgeMs);
        json.WriteString("journal", Path.GetFullPath(config.Journal.Directory));
        if (p is not null)
        {
            json.WriteNumber("journalFrames", p.Frames);
            json.WriteNumber("lastSequence", p.LastSequence);
            json.WriteString("lastHeartbeatState", p.Heartbeat?.State.ToString());
            json.WriteBoolean("killSwitchEngaged", p.KillSwitch?.Engaged ?? false);
            json.WriteNumber("openOrders", p.OpenOrders.Count());
            json.WriteNumber("ordersSent", p.OrdersSeen);
            json.WriteNumber("fills", p.Fills);
            json.WriteNumber("filledQty", p.FilledQty);
            json.WriteNumber("rejects", p.Rejects);
            json.WriteNumber("cancels", p.Cancels);
            if (p.Pnl is { } pnl)
            {
                json.WriteNumber("realizedPnl", Money.ToDecimal(pnl.RealizedPnl));
                json.WriteNumber("unrealizedPnl", Money.ToDecimal(pnl.UnrealizedPnl));
                json.WriteNumber("dailyPnl", Money.ToDecimal(pnl.DailyPnl));
            }

            json.WriteStartObject("strategies");
            foreach (StrategyRow s in p.Strategies)
            {
                json.WriteBoolean(s.Name, s.Enabled);
            }

            json.WriteEndObject();
            json.WriteStartObject("venues");
            foreach (VenueRow v in p.Venues)
            {
                json.WriteBoolean(v.Name, v.Up);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Uptime(long startNs)
    {
        var up = TimeSpan.FromTicks(Math.Max(0, (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000) - startNs) / 100);
        return up.TotalHours >= 1 ? $"{(int)up.TotalHours}h{up.Minutes:00}m" : up.TotalMinutes >= 1 ? $"{up.Minutes}m{up.Seconds:00}s" : $"{up.TotalSeconds:0.0}s";
    }
}
