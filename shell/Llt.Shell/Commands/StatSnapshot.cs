using Llt.Hotpath.Counters;

namespace Llt.Shell.Commands;

/// <summary>Everything one `llt stat` refresh shows, read from a counters file at one moment.</summary>
internal sealed class StatSnapshot
{
    private StatSnapshot(string path, long writerPid, long startTimeEpochNs, long heartbeatEpochNs, long takenEpochNs,
        bool writerRunning, List<StatCounterRow> counters, List<StatHistogramRow> histograms)
    {
        Path = path;
        WriterPid = writerPid;
        StartTimeEpochNs = startTimeEpochNs;
        HeartbeatEpochNs = heartbeatEpochNs;
        TakenEpochNs = takenEpochNs;
        WriterRunning = writerRunning;
        Counters = counters;
        Histograms = histograms;
    }

    public string Path { get; }

    public long WriterPid { get; }

    public long StartTimeEpochNs { get; }

    public long HeartbeatEpochNs { get; }

    /// <summary>Reader's wall clock when the snapshot was taken.</summary>
    public long TakenEpochNs { get; }

    public bool WriterRunning { get; }

    public long HeartbeatAgeMs => (TakenEpochNs - HeartbeatEpochNs) / 1_000_000;

    /// <summary>Heartbeat older than the engine's liveness timeout, or the writer process is gone.</summary>
    public bool IsStale => !WriterRunning || TakenEpochNs - HeartbeatEpochNs >= CountersConfig.DefaultLivenessTimeoutNs;

    public IReadOnlyList<StatCounterRow> Counters { get; }

    public IReadOnlyList<StatHistogramRow> Histograms { get; }

    public static StatSnapshot Capture(CountersReader reader, HistogramSnapshot scratch, string path)
    {
        var counters = new List<StatCounterRow>();
        for (int id = 0; id < reader.MaxCounters; id++)
        {
            if (reader.CounterState(id) == CountersDescriptor.RecordAllocated)
            {
                counters.Add(new StatCounterRow(id, reader.CounterTypeId(id), reader.CounterLabel(id), reader.CounterValue(id)));
            }
        }

        var histograms = new List<StatHistogramRow>();
        for (int id = 0; id < reader.MaxHistograms; id++)
        {
            if (reader.TryReadHistogram(id, scratch))
            {
                histograms.Add(new StatHistogramRow(id, reader.HistogramTypeId(id), reader.HistogramLabel(id),
                    scratch.Count, scratch.ClampedCount, scratch.MinNs, scratch.MeanNs,
                    scratch.ValueAtPercentile(50), scratch.ValueAtPercentile(90), scratch.ValueAtPercentile(99),
                    scratch.ValueAtPercentile(99.9), scratch.ValueAtPercentile(99.99), scratch.MaxNs));
            }
        }

        long nowNs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        return new StatSnapshot(path, reader.WriterPid, reader.StartTimeEpochNs, reader.HeartbeatEpochNs, nowNs,
            CountersReader.IsProcessRunning(reader.WriterPid), counters, histograms);
    }
}
