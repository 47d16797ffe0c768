using System.Text.Json;

namespace Llt.Shell.Commands;

/// <summary>`llt stat --json`: one snapshot as a JSON object, written field by field (no reflection, AOT-safe).</summary>
internal static class StatJsonWriter
{
    public static void Write(Stream output, StatSnapshot snapshot)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("file", snapshot.Path);
        json.WriteNumber("writerPid", snapshot.WriterPid);
        json.WriteBoolean("writerRunning", snapshot.WriterRunning);
        json.WriteNumber("startTimeEpochNs", snapshot.StartTimeEpochNs);
        json.WriteNumber("heartbeatEpochNs", snapshot.HeartbeatEpochNs);
        json.WriteNumber("heartbeatAgeMs", snapshot.HeartbeatAgeMs);
        json.WriteBoolean("stale", snapshot.IsStale);

        json.WriteStartArray("counters");
        foreach (StatCounterRow counter in snapshot.Counters)
        {
            json.WriteStartObject();
            json.WriteNumber("id", counter.Id);
            json.WriteNumber("typeId", counter.TypeId);
            json.WriteString("label", counter.Label);
            json.WriteNumber("value", counter.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("histograms");
        foreach (StatHistogramRow histogram in snapshot.Histograms)
        {
            json.WriteStartObject();
            json.WriteNumber("id", histogram.Id);
            json.WriteNumber("typeId", histogram.TypeId);
            json.WriteString("label", histogram.Label);
            json.WriteNumber("count", histogram.Count);
            json.WriteNumber("clampedCount", histogram.ClampedCount);
            json.WriteNumber("minNs", histogram.MinNs);
            json.WriteNumber("meanNs", Math.Round(histogram.MeanNs, 1));
            json.WriteNumber("p50Ns", histogram.P50Ns);
            json.WriteNumber("p90Ns", histogram.P90Ns);
            json.WriteNumber("p99Ns", histogram.P99Ns);
            json.WriteNumber("p999Ns", histogram.P999Ns);
            json.WriteNumber("p9999Ns", histogram.P9999Ns);
            json.WriteNumber("maxNs", histogram.MaxNs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
