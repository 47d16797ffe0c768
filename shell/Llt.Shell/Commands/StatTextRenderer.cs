using System.Globalization;
using System.Text;

namespace Llt.Shell.Commands;

/// <summary>
/// The live `llt stat` view, AeronStat-style: header with writer pid and heartbeat age, then each counter's
/// value and rate per second since the previous refresh, then each histogram's count and percentiles.
/// </summary>
internal static class StatTextRenderer
{
    public static string Render(StatSnapshot snapshot, StatSnapshot? previous)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        TimeSpan uptime = TimeSpan.FromTicks(Math.Max(0, snapshot.TakenEpochNs - snapshot.StartTimeEpochNs) / 100);
        string status = !snapshot.WriterRunning ? "STALE (writer gone)" : snapshot.IsStale ? "STALE" : "live";
        text.Append(c, $"{DateTimeOffset.FromUnixTimeMilliseconds(snapshot.TakenEpochNs / 1_000_000):yyyy-MM-dd HH:mm:ss}Z  {snapshot.Path}\n");
        text.Append(c, $"writer pid {snapshot.WriterPid}  up {uptime:d\\.hh\\:mm\\:ss}  heartbeat {snapshot.HeartbeatAgeMs} ms ago  [{status}]\n\n");

        // Rates only against a previous snapshot of the same file generation (the engine may have restarted).
        bool comparable = previous is not null && previous.StartTimeEpochNs == snapshot.StartTimeEpochNs;
        double seconds = comparable ? (snapshot.TakenEpochNs - previous!.TakenEpochNs) / 1e9 : 0;
        text.Append(c, $"{"ID",4} {"TYPE",5} {"VALUE",20} {"RATE/s",14}  LABEL\n");
        foreach (StatCounterRow counter in snapshot.Counters)
        {
            string rate = "-";
            if (comparable && seconds > 0 && TryFindPrevious(previous!, counter, out long previousValue))
            {
                rate = ((counter.Value - previousValue) / seconds).ToString("N1", c);
            }

            text.Append(c, $"{counter.Id,4} {counter.TypeId,5} {counter.Value,20:N0} {rate,14}  {counter.Label}\n");
        }

        if (snapshot.Histograms.Count > 0)
        {
            text.Append(c, $"\n{"ID",4} {"COUNT",12} {"MEAN ns",12} {"P50",10} {"P90",10} {"P99",10} {"P99.9",10} {"MAX",12}  LABEL\n");
            foreach (StatHistogramRow h in snapshot.Histograms)
            {
                string clamped = h.ClampedCount == 0 ? string.Empty : string.Create(c, $"  ({h.ClampedCount} clamped)");
                text.Append(c, $"{h.Id,4} {h.Count,12:N0} {h.MeanNs,12:N0} {h.P50Ns,10:N0} {h.P90Ns,10:N0} {h.P99Ns,10:N0} {h.P999Ns,10:N0} {h.MaxNs,12:N0}  {h.Label}{clamped}\n");
            }
        }

        return text.ToString();
    }

    private static bool TryFindPrevious(StatSnapshot previous, StatCounterRow counter, out long value)
    {
        foreach (StatCounterRow row in previous.Counters)
        {
            // Same slot and label: a slot freed and reused for another counter gets no bogus rate.
            if (row.Id == counter.Id && row.Label == counter.Label)
            {
                value = row.Value;
                return true;
            }
        }

        value = 0;
        return false;
    }
}
