using Llt.Hotpath.Counters;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// Housekeeping on a timer: stamps the counters file's writer heartbeat and the rings' consumer heartbeats
/// (so tools can tell a live engine from a stale file), journals an engine Heartbeat, and copies slow-moving
/// gauges (journal roll stalls, agent errors) into counters. Does nothing between intervals.
/// </summary>
public sealed class ConductorAgent : IAgent
{
    private readonly CountersManager _countersManager;
    private readonly EngineCounters _counters;
    private readonly EventJournal _journal;
    private readonly RingBuffer[] _consumedRings;
    private readonly CountingErrorHandler _errors;
    private readonly INanoClock _clock;
    private readonly long _intervalNs;
    private readonly StrategyHost _strategies;
    private readonly OrderEntry _orderEntry;
    private readonly ExecutionPipeline? _execution;
    private readonly RiskMonitor? _riskMonitor;
    private readonly Counter _realized;
    private readonly Counter _unrealized;
    private readonly Counter _daily;
    private readonly Counter _gross;
    private readonly Counter _openOrders;
    private long _nextDeadlineNs;
    private long _nextFeedCheckNs;

    /// <summary>How often feed health is judged (failover reacts within staleAfter + this).</summary>
    public const long FeedCheckIntervalNs = 10_000_000;

    /// <summary>Feed failover; checked on this agent's timer, on the thread that applies the ticks.</summary>
    public FeedSelector? Feeds { get; init; }

    /// <summary>
    /// The market-data agent's clock reading of this duty cycle, when this agent runs after it on the same thread: the
    /// timer checks take it instead of reading the clock again (a read per duty cycle is a read per tick in a paced
    /// feed). The heartbeat itself reads the real clock.
    /// </summary>
    public INanoClock? CycleClock { get; init; }

    public ConductorAgent(
        CountersManager countersManager,
        EngineCounters counters,
        EventJournal journal,
        RingBuffer[] consumedRings,
        CountingErrorHandler errors,
        INanoClock clock,
        long intervalNs,
        StrategyHost strategies,
        OrderEntry orderEntry,
        ExecutionPipeline? execution = null,
        RiskMonitor? riskMonitor = null)
    {
        _execution = execution;
        _riskMonitor = riskMonitor;
        if (execution is not null)
        {
            _realized = countersManager.AllocateCounter(600, "pnl: realized (1e-8)");
            _unrealized = countersManager.AllocateCounter(601, "pnl: unrealized (1e-8)");
            _daily = countersManager.AllocateCounter(602, "pnl: daily (1e-8)");
            _gross = countersManager.AllocateCounter(603, "exposure: gross (1e-8)");
            _openOrders = countersManager.AllocateCounter(604, "orders: open");
        }

        _strategies = strategies;
        _orderEntry = orderEntry;
        _countersManager = countersManager;
        _counters = counters;
        _journal = journal;
        _consumedRings = consumedRings;
        _errors = errors;
        _clock = clock;
        _intervalNs = intervalNs;
    }

    public string RoleName => "conductor";

    public EngineState State { get; set; } = EngineState.Running;

    public void OnStart()
    {
        _nextDeadlineNs = _clock.NanoTime();
    }

    public int DoWork()
    {
        long now = (CycleClock ?? _clock).NanoTime();
        int work = 0;
        if (Feeds is { IsEnabled: true } feeds && now >= _nextFeedCheckNs)
        {
            _nextFeedCheckNs = now + FeedCheckIntervalNs;
            _journal.Stamp(now);
            var journal = new FeedSwitchJournal(_journal);
            work += feeds.Check(now, _journal.EpochNanoTime(), ref journal); // the stamp: now on the wall clock
            _journal.Unstamp();
        }

        if (now < _nextDeadlineNs)
        {
            return work;
        }

        _nextDeadlineNs = now + _intervalNs;
        Beat();
        _strategies.OnTimer(now);
        if (_strategies.Intents.Count > 0)
        {
            _orderEntry.Drain(_strategies.Intents);
        }

        return 1;
    }

    /// <summary>One heartbeat now; also called on close so the journal ends with the final state.</summary>
    public void Beat()
    {
        _journal.Unstamp(); // a stamp left by a tick whose strategy threw must not age into later events
        _journal.Calibrate(_clock.NanoTime());
        long epochNs = _journal.EpochNanoTime();
        _countersManager.UpdateHeartbeat(epochNs);
        foreach (RingBuffer ring in _consumedRings)
        {
            ring.SetConsumerHeartbeatTimeMs(epochNs / 1_000_000);
        }

        _counters.DutyCycles.Increment();
        _counters.AgentErrors.Set(_errors.ErrorCount);
        _counters.JournalRollStalls.Set(_journal.Writer.RollStalls);
        _counters.JournalPagesRetouched.Set(_journal.Writer.PagesRetouched);

        // P&L first, heartbeat last: the heartbeat carries its own journal sequence and closes each beat.
        if (_execution is not null)
        {
            Llt.Hotpath.Portfolio.PortfolioLedger portfolio = _execution.Portfolio;
            _realized.Set(portfolio.RealizedPnl);
            _unrealized.Set(portfolio.UnrealizedPnl);
            _daily.Set(portfolio.DailyPnl);
            _gross.Set(portfolio.GrossExposure);
            _openOrders.Set(_execution.Oms.OpenCount);
            _riskMonitor?.OnTimer(epochNs, _clock.NanoTime());
            _execution.CheckTimeouts(_clock.NanoTime());
            int length = portfolio.WritePnlSnapshot(_journal.ClearedScratch(portfolio.PnlSnapshotLength), 0, (ulong)epochNs);
            _journal.AppendScratch(PnlSnapshotEncoder.TemplateId, length);
        }

        var heartbeat = HeartbeatEncoder.WrapAndApplyHeader(_journal.ClearedScratch(HeartbeatEncoder.HeaderLength + HeartbeatEncoder.BlockLength), 0);
        heartbeat.SetState(State);
        heartbeat.SetTs((ulong)epochNs);
        heartbeat.SetJournalSequence((ulong)_journal.NextSequence);
        _journal.AppendScratch(HeartbeatEncoder.TemplateId, HeartbeatEncoder.HeaderLength + heartbeat.EncodedLength);

    }
}
