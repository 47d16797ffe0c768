using System.Globalization;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Journal;
using Llt.Sbe;
using Llt.Shell.Commands;
using Llt.Shell.Hosting;
using Llt.Shell.Logging;
using Llt.Shell.Sinks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Run;

/// <summary>
/// Follows the engine's journal into a <see cref="JournalProjection"/> and reads its counters file, and once a
/// second publishes an immutable <see cref="PlatformSnapshot"/> for the live view, /health and /metrics. Risk
/// alerts and kill-switch changes journaled after the session started become <see cref="PlatformAlert"/>s. Reads
/// only: mapped journal segments and the counters file, never the engine's hot path. Idles with a short sleep
/// when caught up (2 shared cores: never spins).
/// </summary>
internal sealed class PlatformMonitor : BackgroundService
{
    public const string TicksLabel = "md: messages accepted";
    public const string TickToOrderLabel = "tick-to-order ns";
    public const string TickToDecisionLabel = "tick-to-decision ns";

    private static readonly TimeSpan SnapshotInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(20);
    private const int FramesPerSlice = 4096;

    private readonly RunContext _context;
    private readonly EngineSupervisor _supervisor;
    private readonly AlertPublisher _alerts;
    private readonly IReadOnlyList<IJournalSinkStatusSource> _sinks;
    private readonly RecentLogLines? _recentLog;
    private readonly ILogger _logger;
    private PlatformSnapshot _latest;
    private CountersReader? _counters;
    private HistogramSnapshot? _scratch;
    private StatSnapshot? _previousCounters;
    private DateTimeOffset _previousTaken;
    private long _previousOrders;
    private long _previousFills;
    private long _previousRejects;

    public PlatformMonitor(RunContext context, EngineSupervisor supervisor, AlertPublisher alerts, IEnumerable<IJournalSinkStatusSource> sinks,
        ILogger<PlatformMonitor> logger, RecentLogLines? recentLog = null)
    {
        _context = context;
        _supervisor = supervisor;
        _alerts = alerts;
        _sinks = sinks.ToList();
        _recentLog = recentLog;
        _logger = logger;
        _latest = new PlatformSnapshot { Taken = DateTimeOffset.UtcNow, EngineName = context.Engine.Name, Engine = supervisor.Status };
    }

    /// <summary>The latest snapshot (never null; empty until the first capture).</summary>
    public PlatformSnapshot Latest => Volatile.Read(ref _latest);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using IDisposable? scope = _logger.BeginComponent("monitor");
        using var projection = new JournalProjection(_context.Engine);
        long since = _context.SessionStartSequence;
        projection.AlertApplied = alert =>
        {
            if (alert.Sequence > since)
            {
                _alerts.Publish(AlertFor(projection, alert));
            }
        };
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            projection.OrderRejected = order =>
            {
                if (projection.LastSequence > since)
                {
                    string symbol = projection.SymbolOf(order.InstrumentId);
                    using IDisposable? orderScope = _logger.BeginSymbolOrder(symbol, order.ClOrdId);
                    RunLog.OrderRejected(_logger, order.ClOrdId, order.Side.ToString(), order.OrderQty, symbol, order.RejectReason.ToString());
                }
            };
        }

        projection.FeedSwitched = feedSwitch =>
        {
            if (feedSwitch.Sequence > since)
            {
                _alerts.Publish(AlertFor(projection, feedSwitch));
            }
        };

        projection.FeedHealthReported = health =>
        {
            if (health.Sequence > since)
            {
                _alerts.Publish(AlertFor(health));
            }
        };

        projection.KillSwitchApplied = state =>
        {
            if (projection.LastSequence > since)
            {
                _alerts.Publish(AlertFor(state));
            }
        };

        JournalTailer? tailer = null;
        DateTime nextSnapshot = DateTime.UtcNow;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                tailer ??= TryOpen(projection.LastSequence);
                int read = 0;
                if (tailer is not null)
                {
                    try
                    {
                        while (read < FramesPerSlice && tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
                        {
                            projection.Apply(frame);
                            read++;
                        }
                    }
                    catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
                    {
                        // an engine restart may recover the journal's tail under us: reopen after the last frame applied
                        RunLog.FollowerProblem(_logger, e.Message);
                        tailer.Dispose();
                        tailer = null;
                    }
                }

                if (DateTime.UtcNow >= nextSnapshot)
                {
                    Volatile.Write(ref _latest, Capture(projection, tailer is not null));
                    nextSnapshot = DateTime.UtcNow + SnapshotInterval;
                }

                if (read < FramesPerSlice)
                {
                    await Task.Delay(IdleDelay, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            tailer?.Dispose();
            _counters?.Dispose();
        }
    }

    private JournalTailer? TryOpen(long lastSequence)
    {
        string directory = _context.Engine.Journal.Directory;
        if (!Directory.Exists(directory) || JournalDirectory.ListSegmentIndices(directory).Count == 0)
        {
            return null;
        }

        try
        {
            return lastSequence == 0 ? JournalTailer.OpenAtStart(directory) : JournalTailer.OpenAtSequence(directory, lastSequence + 1);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            RunLog.FollowerProblem(_logger, e.Message);
            return null;
        }
    }

    private PlatformSnapshot Capture(JournalProjection p, bool journalOpen)
    {
        StatSnapshot? counters = ReadCounters();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        double seconds = (now - _previousTaken).TotalSeconds;
        // orders, fills and rejects from the journal (the totals shown beside them); ticks from the counters
        double ticks = 0;
        if (counters is not null && _previousCounters is not null && counters.WriterPid == _previousCounters.WriterPid)
        {
            double counterSeconds = (counters.TakenEpochNs - _previousCounters.TakenEpochNs) / 1e9;
            ticks = counterSeconds > 0 ? Rate(counters, _previousCounters, TicksLabel, counterSeconds) : 0;
        }

        CounterRates rates = _previousTaken == default || seconds <= 0
            ? default
            : new CounterRates((p.OrdersSeen - _previousOrders) / seconds, (p.Fills - _previousFills) / seconds, (p.Rejects - _previousRejects) / seconds, ticks);
        _previousCounters = counters;
        _previousTaken = now;
        _previousOrders = p.OrdersSeen;
        _previousFills = p.Fills;
        _previousRejects = p.Rejects;
        var rejects = new Dictionary<string, long>(StringComparer.Ordinal);
        ReadOnlySpan<long> byReason = p.RejectsByReason;
        for (int r = 0; r < byReason.Length; r++)
        {
            if (byReason[r] > 0)
            {
                rejects[((RejectReason)r).ToString()] = byReason[r];
            }
        }

        var alerts = new Dictionary<string, long>(StringComparer.Ordinal);
        ReadOnlySpan<long> byBreach = p.AlertsByBreach;
        for (int b = 0; b < byBreach.Length; b++)
        {
            if (byBreach[b] > 0)
            {
                alerts[((BreachType)b).ToString()] = byBreach[b];
            }
        }

        var open = p.OpenOrders.ToList();
        return new PlatformSnapshot
        {
            Taken = now,
            EngineName = _context.Engine.Name,
            Engine = _supervisor.Status,
            Counters = counters,
            Rates = rates,
            JournalOpen = journalOpen,
            JournalFrames = p.Frames,
            LastSequence = p.LastSequence,
            Pnl = p.Pnl,
            Totals = p.Totals,
            Risk = p.RiskMetrics,
            KillSwitch = p.KillSwitch,
            Positions = p.Positions(),
            OpenOrders = open.OrderByDescending(o => o.UpdatedNs).Take(20).ToList(),
            OpenOrderCount = open.Count,
            OrdersSeen = p.OrdersSeen,
            Fills = p.Fills,
            Rejects = p.Rejects,
            RejectsByReason = rejects,
            AlertsByBreach = alerts,
            Feeds = p.Feeds.Values.OrderBy(f => f.FeedId).ToList(),
            Sinks = _sinks.Select(s => s.Status).ToList(),
            RecentLog = _recentLog?.Snapshot() ?? [],
            AlertsPublished = _alerts.Published,
        };
    }

    private StatSnapshot? ReadCounters()
    {
        EngineStatus engine = _supervisor.Status;
        bool wrongWriter = _counters is not null && engine.Pid != 0 && _counters.WriterPid != engine.Pid;
        if (_counters is null || wrongWriter || !CountersReader.IsProcessRunning(_counters.WriterPid))
        {
            if (CountersReader.TryOpen(_context.Engine.CountersPath, out CountersReader? reopened, out _))
            {
                _counters?.Dispose();
                _counters = reopened;
                _scratch = reopened.CreateSnapshot();
            }
        }

        return _counters is null ? null : StatSnapshot.Capture(_counters, _scratch!, _context.Engine.CountersPath);
    }

    private static double Rate(StatSnapshot now, StatSnapshot before, string label, double seconds)
    {
        long? a = Find(now, label);
        long? b = Find(before, label);
        return a is long x && b is long y && x >= y ? (x - y) / seconds : 0;
    }

    private static long? Find(StatSnapshot snapshot, string label)
    {
        foreach (StatCounterRow row in snapshot.Counters)
        {
            if (row.Label == label)
            {
                return row.Value;
            }
        }

        return null;
    }

    private static PlatformAlert AlertFor(JournalProjection p, AlertRow alert)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["breach"] = alert.Breach.ToString(),
            ["journalSequence"] = alert.Sequence.ToString(CultureInfo.InvariantCulture),
            ["value"] = alert.Value.ToString(CultureInfo.InvariantCulture),
            ["limit"] = alert.LimitValue.ToString(CultureInfo.InvariantCulture),
        };
        if (alert.StrategyId >= 0)
        {
            fields["strategy"] = p.StrategyOf(alert.StrategyId);
        }

        if (alert.InstrumentId >= 0)
        {
            fields["symbol"] = p.SymbolOf(alert.InstrumentId);
        }

        string severity = alert.Severity switch
        {
            Severity.Critical => "critical",
            Severity.Warning => "warning",
            _ => "info",
        };
        return new PlatformAlert("risk-breach", severity, $"{alert.Breach}: {alert.Text}", DateTimeOffset.UtcNow, fields);
    }

    private static PlatformAlert AlertFor(JournalProjection projection, FeedSwitchRow feedSwitch)
    {
        string symbol = projection.SymbolOf(feedSwitch.InstrumentId);
        bool back = feedSwitch.FromState == FeedState.Healthy;
        string text = back
            ? $"{symbol}: back on feed {feedSwitch.ToFeedId} from feed {feedSwitch.FromFeedId}"
            : $"{symbol}: feed {feedSwitch.FromFeedId} {feedSwitch.FromState.ToString().ToLowerInvariant()}, failed over to feed {feedSwitch.ToFeedId}";
        return new PlatformAlert("feed-switch", back ? "info" : "warning", text, DateTimeOffset.UtcNow,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["symbol"] = symbol,
                ["fromFeed"] = feedSwitch.FromFeedId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["toFeed"] = feedSwitch.ToFeedId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["fromState"] = feedSwitch.FromState.ToString(),
            });
    }

    private static PlatformAlert AlertFor(FeedHealthRow health)
    {
        string feed = health.FeedId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (string kind, string severity, string text) = health.Signal switch
        {
            FeedSignal.Gap => ("feed-gap", "warning",
                $"feed {feed}: {health.GapCount} messages lost (unrecovered gap before sequence {health.NextSequence})"),
            FeedSignal.Down => ("feed-down", "critical", $"feed {feed}: line down"),
            FeedSignal.Recovered => ("feed-recovered", "info", $"feed {feed}: line recovered at sequence {health.NextSequence}"),
            _ => ("feed-health", "info", $"feed {feed}: {health.Signal}"),
        };
        return new PlatformAlert(kind, severity, text, DateTimeOffset.UtcNow,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["feed"] = feed,
                ["signal"] = health.Signal.ToString(),
                ["gapCount"] = health.GapCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["nextSequence"] = health.NextSequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
    }

    private static PlatformAlert AlertFor(KillSwitchRow state)
    {
        string by = state.Breach == BreachType.NullValue ? state.Source : $"breach {state.Breach}";
        string text = state.Engaged
            ? $"kill switch ENGAGED by {by}: {state.Reason} ({state.CanceledOrders} orders cancelled)"
            : $"kill switch released by {state.Source}: {state.Reason}";
        return new PlatformAlert("kill-switch", state.Engaged ? "critical" : "info", text, DateTimeOffset.UtcNow,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["engaged"] = state.Engaged ? "true" : "false",
                ["source"] = state.Source,
                ["reason"] = state.Reason,
            });
    }
}
