using Llt.Hotpath.Portfolio;
using Llt.Shell.Commands;
using Llt.Shell.Hosting;
using Llt.Shell.Sinks;

namespace Llt.Shell.Run;

/// <summary>
/// Everything the live view, /health and /metrics show, captured once a second by <see cref="PlatformMonitor"/>
/// and then immutable, so readers on other threads never touch the journal projection or the counters file.
/// </summary>
internal sealed record PlatformSnapshot
{
    public required DateTimeOffset Taken { get; init; }

    public required string EngineName { get; init; }

    public required EngineStatus Engine { get; init; }

    /// <summary>The counters file as last read; null while no engine has written one.</summary>
    public StatSnapshot? Counters { get; init; }

    public CounterRates Rates { get; init; }

    public bool JournalOpen { get; init; }

    public long JournalFrames { get; init; }

    public long LastSequence { get; init; }

    public PnlRow? Pnl { get; init; }

    public PortfolioTotals Totals { get; init; }

    public RiskMetricsRow? Risk { get; init; }

    public KillSwitchRow? KillSwitch { get; init; }

    public IReadOnlyList<PositionRow> Positions { get; init; } = [];

    public IReadOnlyList<OrderRow> OpenOrders { get; init; } = [];

    public int OpenOrderCount { get; init; }

    public long OrdersSeen { get; init; }

    public long Fills { get; init; }

    public long Rejects { get; init; }

    public IReadOnlyDictionary<string, long> RejectsByReason { get; init; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> AlertsByBreach { get; init; } = new Dictionary<string, long>();

    public IReadOnlyList<FeedRow> Feeds { get; init; } = [];

    public IReadOnlyList<JournalSinkStatus> Sinks { get; init; } = [];

    public IReadOnlyList<string> RecentLog { get; init; } = [];

    public long AlertsPublished { get; init; }

    /// <summary>A counter's value by its label; null when the engine has not allocated it.</summary>
    public long? Counter(string label)
    {
        if (Counters is null)
        {
            return null;
        }

        foreach (StatCounterRow row in Counters.Counters)
        {
            if (row.Label == label)
            {
                return row.Value;
            }
        }

        return null;
    }

    public StatHistogramRow? Histogram(string label)
    {
        if (Counters is null)
        {
            return null;
        }

        foreach (StatHistogramRow row in Counters.Histograms)
        {
            if (row.Label == label)
            {
                return row;
            }
        }

        return null;
    }
}
