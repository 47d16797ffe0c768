using System.Diagnostics.CodeAnalysis;
using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;

namespace Llt.Shell.Hosting;

/// <summary>
/// Whether an engine is up, judged from its counters file as `llt stat` does: the file exists, its writer
/// process is alive, and its heartbeat is fresh. A CLI command checks this before writing into cmd.ring, so it
/// says "not running" at once instead of waiting out a timeout.
/// </summary>
public static class EngineLiveness
{
    public static bool IsRunning(EngineConfig engine, [NotNullWhen(false)] out string? why)
    {
        if (!CountersReader.TryOpen(engine.CountersPath, out CountersReader? reader, out string error))
        {
            why = $"engine '{engine.Name}' is not running ({error})";
            return false;
        }

        using (reader)
        {
            if (!CountersReader.IsProcessRunning(reader.WriterPid))
            {
                why = $"engine '{engine.Name}' is not running (its process {reader.WriterPid} is gone)";
                return false;
            }

            long ageNs = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000) - reader.HeartbeatEpochNs;
            if (ageNs >= CountersConfig.DefaultLivenessTimeoutNs)
            {
                why = $"engine '{engine.Name}' is not responding (pid {reader.WriterPid}, heartbeat {ageNs / 1_000_000} ms old)";
                return false;
            }
        }

        why = null;
        return true;
    }
}
