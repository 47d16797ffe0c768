using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Feeds.Publishing;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Journal;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Risk;
using Llt.Hotpath.MarketData.Simulation;
using Llt.Hotpath.MarketData.Validation;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Orders;
using Llt.Hotpath.Portfolio;
using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// The composition root of <c>llt-engine</c>: creates the shared-memory directory, md.ring and cmd.ring,
/// the counters file and the journal from a concluded <see cref="EngineConfig"/>, builds the agents and
/// places them on threads as configured. <see cref="Start"/> runs them on their own threads;
/// <see cref="CreateInvoker"/> instead lets a caller drive every agent on its own thread (tests, the
/// single-threaded bench).
/// </summary>
public sealed class TradingEngine : IDisposable
{
    /// <summary>Bytes of each gateway ring: ~16k orders or 20k forwarded quotes of slack between trader and gateway.</summary>
    public const int GatewayRingCapacity = 1 << 20;

    private readonly List<AgentRunner> _runners = [];
    private readonly AlignedMemory _gatewayMemory;
    private readonly List<RingBufferFile> _externalFiles = [];

    /// <summary>Bytes of each external venue ring (orders out, reports in): thousands of messages of slack.</summary>
    public const int ExternalVenueRingCapacity = 1 << 20;
    private readonly AlignedMemory _reportMemory;
    private readonly Dictionary<string, IAgent> _agents = new(StringComparer.Ordinal);
    private bool _disposed;

    private TradingEngine(EngineConfig config, StrategyRegistry registry, INanoClock clock, IEpochClock epochClock)
    {
        try
        {
            Config = config;
            Directory.CreateDirectory(config.EngineShmDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            // Counters first: creating them refuses while another live engine writes this name's files, and the
            // ring files below are replaced in place, which would wipe that engine's rings.
            CountersManager = CountersManager.Create(config.CountersPath, new CountersConfig(), epochClock);
            MdRingFile = RingBufferFile.Create(config.MdRingPath, config.MdRingCapacity);
            CmdRingFile = RingBufferFile.Create(config.CmdRingPath, config.CmdRingCapacity);
            MdRing = new ManyToOneRingBuffer(MdRingFile.Buffer);
            CmdRing = new ManyToOneRingBuffer(CmdRingFile.Buffer);

            Counters = new EngineCounters(CountersManager);
            Errors = new CountingErrorHandler();

            if (!JournalConfigMapping.TryMap(config.Journal, out JournalOptions? options, out string? error))
            {
                throw new ConfigException("engine.journal", error);
            }

            Journal = new EventJournal(ExclusiveJournalWriter.Open(options), epochClock, Counters);
            Journal.Calibrate(clock.NanoTime());
            KillSwitch = new KillSwitch();
            Limits = new RiskLimits(maxInstruments: Math.Max(1, config.Instruments.Count), maxStrategies: Math.Max(1, config.Strategies.Count));

            Instruments = new InstrumentTable(config.Instruments);
            Validator = new TickValidator();
            OrderIds = new ClientOrderIds(epochClock.EpochNanoTime() / 1_000_000);
            Strategies = new StrategyHost(config.Strategies, registry, Instruments, new OrderIntentBuffer(1024), OrderIds, clock);
            // The gateway rings live in process memory: orders, cancels and the market the venues trade against go
            // one way, the venues' reports the other; each has one producer and one consumer thread.
            _gatewayMemory = AlignedMemory.Allocate(GatewayRingCapacity + RingBufferDescriptor.TrailerLength);
            _reportMemory = AlignedMemory.Allocate(GatewayRingCapacity + RingBufferDescriptor.TrailerLength);
            Gateway = new VenueGateway(new OneToOneRingBuffer(_gatewayMemory.AsBuffer()), new OneToOneRingBuffer(_reportMemory.AsBuffer()), config.Venues, CountersManager, Instruments.Count);
            Execution = CreateExecution(config, Limits, KillSwitch, Strategies, Journal, OrderIds, CountersManager, Gateway, clock);
            var externalOut = new RingBuffer?[config.Venues.Count];
            for (int v = 0; v < config.Venues.Count; v++)
            {
                if (config.Venues[v].IsExternal)
                {
                    RingBufferFile file = RingBufferFile.Create(config.VenueOutRingPath(v), ExternalVenueRingCapacity);
                    _externalFiles.Add(file);
                    externalOut[v] = new OneToOneRingBuffer(file.Buffer);
                }
            }

            RingBuffer? externalIn = null;
            if (_externalFiles.Count > 0)
            {
                RingBufferFile file = RingBufferFile.Create(config.VenueInRingPath, ExternalVenueRingCapacity);
                _externalFiles.Add(file);
                externalIn = new ManyToOneRingBuffer(file.Buffer);
            }

            // On the trader's thread the gateway runs right after the market-data agent, which reads the clock every duty
            // cycle anyway: the gateway takes that reading instead of its own. On its own thread it reads its own.
            // The conductor, when it runs after the market-data agent on the same thread, takes that reading for its timers too.
            bool gatewayFollows = SharesThread(config, EngineAgentNames.Gateway, EngineAgentNames.MarketData);
            bool conductorFollows = SharesThread(config, EngineAgentNames.Conductor, EngineAgentNames.MarketData);
            CachedNanoClock? cycleClock = gatewayFollows || conductorFollows ? new CachedNanoClock() : null;
            GatewayAgent = new GatewayAgent(Gateway.OrderRing, Gateway.ReportRing, CreateVenues(config), externalOut, externalIn, gatewayFollows ? cycleClock! : clock, CountersManager);
            OrderEntry = new OrderEntry(Journal, CountersManager, clock, Execution);
            if (!Journal.Writer.Recovery.CreatedNew)
            {
                // the archive's segments first, when retention moved the oldest there: positions need every fill
                History = JournalHistory.Of(config.Journal);
                RecoveredFills = PositionRecovery.Replay(History.Parts, Execution, Strategies, OrderIds);
                RecoveredControls = ControlStateRecovery.Replay(History.Parts, Limits, Strategies, Execution, KillSwitch);
                Counters.KillSwitchEngaged.Set(KillSwitch.IsEngaged ? 1 : 0);
            }

            Books = new MarketBooks(config.Instruments.Count, config.L2Depth, config.L3OrderCapacity, l3LevelCapacity: 4096);
            Strategies.Books = Books;
            FeedSelector = new FeedSelector(config.Feeds, Instruments, config.Instruments.Count, CountersManager);
            MarketData = new MarketDataAgent(MdRing, Journal, Counters, clock, config.Journal.JournalTicks, Instruments, Validator, Strategies, OrderEntry, Books, Execution, FeedSelector)
            {
                CycleClock = cycleClock,
            };
            Control = new ControlAgent(CmdRing, Journal, Counters, clock, KillSwitch, Limits, Strategies, Execution);
            RiskMonitor = new RiskMonitor(Execution, Instruments, Journal, CountersManager);
            Conductor = new ConductorAgent(CountersManager, Counters, Journal, [MdRing, CmdRing], Errors, clock, config.HeartbeatIntervalNs, Strategies, OrderEntry, Execution, RiskMonitor)
            {
                Feeds = FeedSelector,
                CycleClock = conductorFollows ? cycleClock : null,
            };
            if (config.Feed.IsSimulator)
            {
                SimulatorConfig simulator = SimulatorConfigFor(config);
                Feed = new SimulatedFeedAgent(new MarketSimulator(simulator), MdRing, clock, simulator);
                _agents[EngineAgentNames.Feed] = Feed;
            }
            else if (config.Feed.IsReplay)
            {
                ReplayFeed = new CaptureReplayAgent(ReplayOptionsFor(config), MdRing, [.. config.Instruments.Select(i => i.Symbol)], clock);
                _agents[EngineAgentNames.Feed] = ReplayFeed;
            }
            else if (config.Feed.IsLive)
            {
                LiveFeed = LiveFeedFor(config, MdRing, clock);
                _agents[EngineAgentNames.Feed] = LiveFeed;
            }

            _agents[EngineAgentNames.MarketData] = MarketData;
            _agents[EngineAgentNames.Gateway] = GatewayAgent;
            _agents[EngineAgentNames.Control] = Control;
            _agents[EngineAgentNames.Conductor] = Conductor;
        }
        catch
        {
            // a refused start (a bad feed line, a journal in use) must not hold the files and memory it got so far
            ReleaseResources();
            throw;
        }
    }

    public EngineConfig Config { get; }

    public RingBufferFile MdRingFile { get; }

    public RingBufferFile CmdRingFile { get; }

    public RingBuffer MdRing { get; }

    public RingBuffer CmdRing { get; }

    public CountersManager CountersManager { get; }

    public EngineCounters Counters { get; }

    public CountingErrorHandler Errors { get; }

    public EventJournal Journal { get; }

    public KillSwitch KillSwitch { get; }

    public InstrumentTable Instruments { get; }

    public TickValidator Validator { get; }

    public ClientOrderIds OrderIds { get; }

    public StrategyHost Strategies { get; }

    public OrderEntry OrderEntry { get; }

    public MarketBooks Books { get; }

    /// <summary>Risk gate, OMS, simulated venue and portfolio: where decisions become orders and fills.</summary>
    public ExecutionPipeline Execution { get; }

    /// <summary>The trader's end of the gateway rings.</summary>
    public VenueGateway Gateway { get; }

    /// <summary>The venue side: drains the gateway ring into the simulated exchanges, returns their reports.</summary>
    public GatewayAgent GatewayAgent { get; }

    /// <summary>Runtime limits, strategy and venue states and the kill switch restored from the journal at start-up.</summary>
    public ControlStateRecoveryResult RecoveredControls { get; }

    /// <summary>Fills replayed from the journal at start-up (0 for a new journal).</summary>
    public int RecoveredFills { get; }

    /// <summary>What recovery read at startup (null for a new journal); not complete when retention deleted segments it needed.</summary>
    public JournalHistory? History { get; }

    /// <summary>VaR, drawdown and breach alerts on the conductor's timer.</summary>
    public RiskMonitor RiskMonitor { get; }

    public RiskLimits Limits { get; }

    public MarketDataAgent MarketData { get; }

    /// <summary>Which feed each instrument's ticks come from (failover); off when no feeds are configured.</summary>
    public FeedSelector FeedSelector { get; }

    public ControlAgent Control { get; }

    public ConductorAgent Conductor { get; }

    /// <summary>The embedded simulator feed; null when <c>feed.type</c> is "none".</summary>
    public SimulatedFeedAgent? Feed { get; }

    /// <summary>The capture replay feed ("itch" or "iex"); null otherwise.</summary>
    public CaptureReplayAgent? ReplayFeed { get; }

    /// <summary>The live exchange feed ("itch-udp" or "iex-udp"); null otherwise.</summary>
    public UdpFeedAgent? LiveFeed { get; }

    public JournalRecoveryReport Recovery => Journal.Writer.Recovery;

    public IReadOnlyList<AgentRunner> Runners => _runners;

    /// <summary>
    /// Builds the engine. <paramref name="registry"/> holds the strategy types config may name; null means
    /// the built-ins (<see cref="BuiltInStrategies"/>).
    /// </summary>
    public static TradingEngine Create(EngineConfig config, INanoClock? clock = null, IEpochClock? epochClock = null, StrategyRegistry? registry = null)
    {
        EngineConfigLoader.Validate(config);
        return new TradingEngine(config, registry ?? BuiltInStrategies.CreateRegistry(), clock ?? SystemNanoClock.Instance, epochClock ?? SystemEpochClock.Instance);
    }

    /// <summary>Starts one runner per configured thread, each pinned and idling as configured.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_runners.Count > 0)
        {
            throw new InvalidOperationException("engine already started");
        }

        if (Config.LockMemory)
        {
            MemoryLockResult locked = MemoryLock.LockAll();
            if (!locked.Succeeded)
            {
                Errors.OnError(new InvalidOperationException($"mlockall failed: {locked.Describe()}"));
            }
        }

        foreach (AgentThreadConfig thread in Config.Threads)
        {
            IAgent? agent = AgentFor(thread);
            if (agent is null)
            {
                continue;
            }

            var runner = AgentRunner.Create(thread, agent, Errors);
            _runners.Add(runner);
            runner.Start();
        }
    }

    /// <summary>All agents composed into one, driven by the caller's thread through the returned invoker.</summary>
    public AgentInvoker CreateInvoker() => new(new CompositeAgent(AgentsFor(EngineAgentNames.All)), Errors);

    private IAgent? AgentFor(AgentThreadConfig thread)
    {
        IAgent[] agents = AgentsFor(thread.AgentRoleNames);
        return agents.Length switch
        {
            0 => null,
            1 => agents[0],
            _ => new CompositeAgent(agents),
        };
    }

    /// <summary>The agents for the given roles, in order; roles without an agent (no feed configured) are skipped.</summary>
    private IAgent[] AgentsFor(IReadOnlyList<string> roles)
    {
        var agents = new List<IAgent>(roles.Count);
        foreach (string role in roles)
        {
            if (_agents.TryGetValue(role, out IAgent? agent))
            {
                agents.Add(agent);
            }
        }

        return [.. agents];
    }

    private static ExecutionPipeline CreateExecution(
        EngineConfig config, RiskLimits limits, KillSwitch killSwitch, StrategyHost strategies, EventJournal journal,
        ClientOrderIds orderIds, CountersManager counters, VenueGateway gateway, INanoClock clock)
    {
        int instruments = Math.Max(1, config.Instruments.Count);
        int strategyCount = Math.Max(1, config.Strategies.Count);
        var tickSizes = new long[instruments];
        var lotSizes = new long[instruments];
        for (int i = 0; i < config.Instruments.Count; i++)
        {
            tickSizes[i] = config.Instruments[i].TickSize;
            lotSizes[i] = config.Instruments[i].LotSize;
            limits.TrySet(LimitType.Position, LimitScope.Instrument, i, 0, config.Instruments[i].MaxPosition);
        }

        for (int s = 0; s < config.Strategies.Count; s++)
        {
            limits.TrySet(LimitType.Position, LimitScope.Strategy, 0, s, config.Strategies[s].MaxPosition);
        }

        var risk = new RiskGate(limits, killSwitch, tickSizes, lotSizes, strategyCount, new RiskGateOptions());
        var oms = new OrderManager(new OrderManagerConfig(Capacity: 4096, MaxInFlight: 1024, AckTimeoutNs: config.AckTimeoutNs, ClosedHistory: 4096));
        var portfolio = new PortfolioLedger(strategyCount, instruments);
        return new ExecutionPipeline(risk, oms, gateway, portfolio, strategies, journal, orderIds, counters, clock, instruments);
    }

    /// <summary>True when <paramref name="follower"/> runs after <paramref name="leader"/> in the same thread's composite.</summary>
    private static bool SharesThread(EngineConfig config, string follower, string leader)
    {
        foreach (AgentThreadConfig thread in config.Threads)
        {
            int l = -1, f = -1;
            for (int i = 0; i < thread.AgentRoleNames.Count; i++)
            {
                if (thread.AgentRoleNames[i] == leader)
                {
                    l = i;
                }
                else if (thread.AgentRoleNames[i] == follower)
                {
                    f = i;
                }
            }

            if (l >= 0 && f > l)
            {
                return true;
            }
        }

        return false;
    }

    private static SimulatedExchange?[] CreateVenues(EngineConfig config)
    {
        int instruments = Math.Max(1, config.Instruments.Count);
        var venues = new SimulatedExchange?[config.Venues.Count];
        for (int v = 0; v < venues.Length; v++)
        {
            VenueConfig venue = config.Venues[v];
            if (venue.IsExternal)
            {
                continue;
            }

            venues[v] = new SimulatedExchange(new SimulatedExchangeOptions
            {
                VenueId = v,
                Name = venue.Name,
                InstrumentCount = instruments,
                EntryLatencyNs = venue.EntryLatencyNs,
                AckLatencyNs = venue.AckLatencyNs,
                TakerFeePerUnit = venue.TakerFeePerUnit,
                MakerFeePerUnit = venue.MakerFeePerUnit,
                LiquidityShare = venue.LiquidityShare,
            });
        }

        return venues;
    }

    private static CaptureReplayOptions ReplayOptionsFor(EngineConfig config)
    {
        FeedConfig feed = config.Feed;
        DateOnly day = feed.SessionDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
        return new CaptureReplayOptions
        {
            Path = feed.Path!,
            Protocol = feed.Type == "iex" ? CaptureProtocol.Iex : CaptureProtocol.Itch50,
            FeedId = feed.FeedId,
            Paced = feed.Mode == "paced",
            Speed = feed.Speed,
            BatchLimit = Math.Min(feed.Batch, 4096),
            SessionDateEpochNs = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000,
        };
    }

    /// <summary>Joins the configured lines; a line the host cannot receive on refuses to start, naming its key.</summary>
    private static UdpFeedAgent LiveFeedFor(EngineConfig config, RingBuffer ring, INanoClock clock)
    {
        FeedConfig feed = config.Feed;
        DateOnly day = feed.SessionDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var options = new UdpFeedOptions
        {
            Protocol = feed.Type == "iex-udp" ? CaptureProtocol.Iex : CaptureProtocol.Itch50,
            IexProtocol = feed.IexProtocol == "tops" ? Feeds.Iex.IexProtocol.Tops : Feeds.Iex.IexProtocol.Deep,
            FeedId = feed.FeedId,
            GroupA = feed.LineA!.Address,
            PortA = feed.LineA.Port,
            GroupB = feed.LineB?.Address,
            PortB = feed.LineB?.Port ?? 0,
            LocalInterface = feed.Interface,
            ReceiveBufferBytes = feed.ReceiveBufferBytes,
            GapWindowNs = feed.GapWindowNs,
            BatchLimit = Math.Min(feed.Batch, 1024),
            HeartbeatIntervalNs = feed.HeartbeatIntervalNs,
            SessionDateEpochNs = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000,
        };
        try
        {
            return new UdpFeedAgent(options, ring, [.. config.Instruments.Select(i => i.Symbol)], clock);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            bool lineA = feed.LineB is null || !CanReceive(feed.LineA, feed.Interface);
            throw new ConfigException(lineA ? "feed.lineA" : "feed.lineB",
                $"cannot receive {(lineA ? feed.LineA : feed.LineB)} on {feed.Interface?.ToString() ?? "the default interface"}: {e.Message}");
        }
    }

    /// <summary>Whether a socket can bind (and join) <paramref name="line"/>: tells which line made the feed fail.</summary>
    private static bool CanReceive(System.Net.IPEndPoint line, System.Net.IPAddress? localInterface)
    {
        try
        {
            new Feeds.Sequencing.UdpLineSocket(line.Address, line.Port, localInterface, 64 * 1024).Dispose();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>The simulator the configured feed describes (also the core bench's, so both run the same market).</summary>
    public static SimulatorConfig SimulatorConfigFor(EngineConfig config)
    {
        var instruments = new SimulatedInstrumentConfig[config.Instruments.Count];
        for (int i = 0; i < instruments.Length; i++)
        {
            InstrumentConfig instrument = config.Instruments[i];
            instruments[i] = new SimulatedInstrumentConfig
            {
                Symbol = instrument.Symbol,
                TickSize = instrument.TickSize,
                LotSize = instrument.LotSize,
                StartPrice = instrument.StartPrice,
            };
        }

        return new SimulatorConfig
        {
            Seed = config.Feed.Seed,
            Instruments = instruments,
            Mode = config.Feed.Mode == "max" ? SimulatorMode.AsFastAsPossible : SimulatorMode.Paced,
            PacedEventsPerSec = config.Feed.Rate,
            FeedId = config.Feed.FeedId,
            BatchLimit = config.Feed.Batch,
        };
    }

    /// <summary>Stops the runners (bounded wait), journals a final Stopping heartbeat and unmaps everything.</summary>
    /// <summary>
    /// Releases the files, mappings and memory the engine holds: at <see cref="Dispose"/>, and when the constructor
    /// threw (then members it never reached are still null).
    /// </summary>
    private void ReleaseResources()
    {
        // null-conditional on members declared non-null: a constructor that threw did not get to assign them all
        (Journal as IDisposable)?.Dispose();
        (CountersManager as IDisposable)?.Dispose();
        (MdRingFile as IDisposable)?.Dispose();
        (CmdRingFile as IDisposable)?.Dispose();
        (_gatewayMemory as IDisposable)?.Dispose();
        (_reportMemory as IDisposable)?.Dispose();
        foreach (RingBufferFile file in _externalFiles)
        {
            file.Dispose();
        }

        (Instruments as IDisposable)?.Dispose();
        (Books as IDisposable)?.Dispose();
        ReplayFeed?.Dispose();
        LiveFeed?.Dispose();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        bool allClosed = true;
        foreach (AgentRunner runner in _runners)
        {
            allClosed &= runner.Close();
        }

        if (allClosed)
        {
            // Safe only once no agent thread can write the journal any more (single writer).
            Conductor.State = Sbe.EngineState.Stopping;
            Conductor.Beat();
        }

        ReleaseResources();
        foreach (AgentRunner runner in _runners)
        {
            runner.Dispose();
        }
    }
}
