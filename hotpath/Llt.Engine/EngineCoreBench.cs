using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Engine;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Journal;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.MarketData.Simulation;
using Llt.Hotpath.MarketData.Validation;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;

namespace Llt.Engine;

/// <summary>
/// The engine core on one thread, as issue "Engine core" draws it: simulator → SBE into md.ring → checked decode →
/// validation → books → indicators → both built-in strategies on every instrument, their decisions counted and
/// journaled as the NewOrders they are. Built from the engine's own agents (<see cref="SimulatedFeedAgent"/>,
/// <see cref="MarketDataAgent"/>, <see cref="OrderEntry"/>) with no execution behind them: no risk, OMS, venues
/// or reports, which the full-path phases measure.
/// </summary>
/// <remarks>
/// Nothing answers the strategies' orders here, so a strategy waits on its order until <c>pending_timeout_ms</c>
/// and cancels it. The strategies run with a 1 ms timeout so each instrument can decide again within a
/// millisecond of market time: decisions come at about the full path's rate instead of once a second.
/// </remarks>
internal sealed class EngineCoreBench : IDisposable
{
    private readonly string _root;
    private readonly EngineConfig _config;
    private readonly CountersManager _counters;
    private readonly RingBufferFile _mdRingFile;
    private readonly EventJournal _journal;
    private readonly InstrumentTable _instruments;
    private readonly MarketBooks _books;
    private readonly SimulatedFeedAgent _feed;
    private readonly MarketDataAgent _marketData;
    private readonly OrderEntry _orderEntry;
    private readonly EngineCounters _engineCounters;

    public EngineCoreBench(EngineConfig config, string root)
    {
        _root = root;
        _config = config with
        {
            Strategies = [.. config.Strategies.Select(s => s with { Parameters = WithPendingTimeout(s.Parameters, 1) })],
        };
        EngineConfigLoader.Validate(_config);
        Directory.CreateDirectory(_config.EngineShmDirectory);
        INanoClock clock = SystemNanoClock.Instance;
        _counters = CountersManager.Create(_config.CountersPath, new CountersConfig(), SystemEpochClock.Instance);
        _mdRingFile = RingBufferFile.Create(_config.MdRingPath, _config.MdRingCapacity);
        var mdRing = new ManyToOneRingBuffer(_mdRingFile.Buffer);
        _engineCounters = new EngineCounters(_counters);
        if (!JournalConfigMapping.TryMap(_config.Journal, out JournalOptions? options, out string? error))
        {
            throw new ConfigException("engine.journal", error);
        }

        _journal = new EventJournal(ExclusiveJournalWriter.Open(options), SystemEpochClock.Instance, _engineCounters);
        _journal.Calibrate(clock.NanoTime());
        _instruments = new InstrumentTable(_config.Instruments);
        var orderIds = new ClientOrderIds(SystemEpochClock.Instance.EpochNanoTime() / 1_000_000);
        var strategies = new StrategyHost(_config.Strategies, BuiltInStrategies.CreateRegistry(), _instruments, new OrderIntentBuffer(1024), orderIds, clock);
        _books = new MarketBooks(_config.Instruments.Count, _config.L2Depth, _config.L3OrderCapacity, l3LevelCapacity: 4096);
        strategies.Books = _books;
        var feeds = new FeedSelector(_config.Feeds, _instruments, _config.Instruments.Count, _counters);
        _orderEntry = new OrderEntry(_journal, _counters, clock, execution: null);
        _marketData = new MarketDataAgent(mdRing, _journal, _engineCounters, clock, _config.Journal.JournalTicks, _instruments, new TickValidator(), strategies, _orderEntry, _books, execution: null, feeds);
        SimulatorConfig simulator = TradingEngine.SimulatorConfigFor(_config);
        _feed = new SimulatedFeedAgent(new MarketSimulator(simulator), mdRing, clock, simulator);
    }

    public Counter Accepted => _engineCounters.MdAccepted;

    public Counter Rejected => _engineCounters.MdRejected;

    public Counter Decisions => _orderEntry.Decisions;

    public Counter Cancels => _orderEntry.Cancels;

    public LatencyHistogram TickToDecision => _orderEntry.TickToDecision;

    public LatencyHistogram TickProcessed => _engineCounters.MdRingLatency;

    public CountersManager Counters => _counters;

    public ExclusiveJournalWriter JournalWriter => _journal.Writer;

    public long JournalRolls => _journal.Writer.Rolls;

    public long JournalRollStalls => _journal.Writer.RollStalls;

    public void Start()
    {
        ((IAgent)_feed).OnStart();
        _marketData.OnStart();
    }

    /// <summary>One duty cycle of the thread: the feed publishes a batch, the market-data agent takes what is there.</summary>
    public int DoWork() => _feed.DoWork() + _marketData.DoWork();

    /// <summary>Runs duty cycles until <paramref name="ticks"/> more ticks were accepted.</summary>
    public void RunFor(long ticks)
    {
        Counter accepted = Accepted;
        long target = accepted.Get() + ticks;
        while (accepted.Get() < target)
        {
            DoWork();
        }
    }

    public void Dispose()
    {
        _marketData.OnClose();
        ((IAgent)_feed).OnClose();
        _journal.Dispose();
        _counters.Dispose();
        _mdRingFile.Dispose();
        _instruments.Dispose();
        _books.Dispose();
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_config.EngineShmDirectory, recursive: true);
    }

    private static Dictionary<string, double> WithPendingTimeout(IReadOnlyDictionary<string, double> parameters, double ms) =>
        new(parameters, StringComparer.Ordinal) { ["pending_timeout_ms"] = ms };
}
