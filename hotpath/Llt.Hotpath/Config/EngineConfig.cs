using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Config;

/// <summary>
/// The engine's configuration, validated once by <see cref="EngineConfigLoader"/>; the agents receive it
/// concluded and never read files or the environment again (STYLE.md §6).
/// </summary>
public sealed record EngineConfig
{
    public const int DefaultMdRingCapacity = 1 << 20;
    public const int DefaultCmdRingCapacity = 1 << 16;

    /// <summary>Engine instance name; names its shared-memory directory and counters file.</summary>
    public string Name { get; init; } = "default";

    /// <summary>Parent of the per-engine shared-memory directory (rings, counters).</summary>
    public string ShmDirectory { get; init; } = "/dev/shm/llt";

    /// <summary>Data region of md.ring in bytes (power of two).</summary>
    public int MdRingCapacity { get; init; } = DefaultMdRingCapacity;

    /// <summary>Data region of cmd.ring in bytes (power of two).</summary>
    public int CmdRingCapacity { get; init; } = DefaultCmdRingCapacity;

    public long HeartbeatIntervalNs { get; init; } = 1_000_000_000;

    /// <summary>Price levels per side kept in each instrument's L2 book.</summary>
    public int L2Depth { get; init; } = 10;

    /// <summary>Orders each instrument's L3 book can hold (power of two); 0 disables L3 books.</summary>
    public int L3OrderCapacity { get; init; } = 16_384;

    /// <summary>mlockall(MCL_CURRENT|MCL_FUTURE) at start; needs CAP_IPC_LOCK or a memlock ulimit.</summary>
    public bool LockMemory { get; init; }

    public JournalConfig Journal { get; init; } = new();

    /// <summary>Engine threads with their CPUs, idle strategies and agents.</summary>
    public IReadOnlyList<AgentThreadConfig> Threads { get; init; } = DefaultThreads();

    public FeedConfig Feed { get; init; } = new();

    /// <summary>
    /// Venues the smart order router spreads orders over; the index is the dense venue id. Default: two
    /// simulated lit venues splitting the market's liquidity 60/40, the smaller one cheaper to take from.
    /// </summary>
    public IReadOnlyList<VenueConfig> Venues { get; init; } = DefaultVenues();

    /// <summary>Feeds in priority order for failover; empty (the default) applies every feed's ticks as they come.</summary>
    public IReadOnlyList<FeedLineConfig> Feeds { get; init; } = [];

    /// <summary>How long the OMS waits for a venue's ack before cancelling the order.</summary>
    public long AckTimeoutNs { get; init; } = 5_000_000_000;

    /// <summary>Instruments; the index is the dense instrument id.</summary>
    public IReadOnlyList<InstrumentConfig> Instruments { get; init; } = DefaultInstruments();

    /// <summary>Strategies; the index is the dense strategy id.</summary>
    public IReadOnlyList<StrategyConfig> Strategies { get; init; } = DefaultStrategies();

    /// <summary>The per-engine shared-memory directory: <c>{ShmDirectory}/{Name}</c>.</summary>
    public string EngineShmDirectory => Path.Combine(ShmDirectory, Name);

    public string MdRingPath => Path.Combine(EngineShmDirectory, "md.ring");

    public string CmdRingPath => Path.Combine(EngineShmDirectory, "cmd.ring");

    public string CountersPath => Path.Combine(EngineShmDirectory, "counters.dat");

    /// <summary>Orders and cancels for external venue <paramref name="venueId"/> (one-to-one: gateway → that venue's adapter).</summary>
    public string VenueOutRingPath(int venueId) => Path.Combine(EngineShmDirectory, $"venue-{venueId}.ring");

    /// <summary>Execution reports from every external venue's adapter (many-to-one: adapters → gateway).</summary>
    public string VenueInRingPath => Path.Combine(EngineShmDirectory, "venues-in.ring");

    /// <summary>The embedded defaults `make run` trades: four large caps on the simulator.</summary>
    public static IReadOnlyList<VenueConfig> DefaultVenues() =>
    [
        new VenueConfig { Name = "SIM-A", TakerFeePerUnit = 300_000, MakerFeePerUnit = -200_000, LiquidityShare = 60_000_000 },
        new VenueConfig { Name = "SIM-B", TakerFeePerUnit = 250_000, MakerFeePerUnit = -150_000, LiquidityShare = 40_000_000, EntryLatencyNs = 20_000, AckLatencyNs = 20_000 },
    ];

    public static IReadOnlyList<InstrumentConfig> DefaultInstruments() =>
    [
        new InstrumentConfig { Symbol = "AAPL", Exchange = "SIM", StartPrice = 190 * FixedPoint.Scale },
        new InstrumentConfig { Symbol = "MSFT", Exchange = "SIM", StartPrice = 410 * FixedPoint.Scale },
        new InstrumentConfig { Symbol = "GOOGL", Exchange = "SIM", StartPrice = 170 * FixedPoint.Scale },
        new InstrumentConfig { Symbol = "AMZN", Exchange = "SIM", StartPrice = 180 * FixedPoint.Scale },
    ];

    /// <summary>The seed's two strategies with its default parameters, on every default instrument.</summary>
    public static IReadOnlyList<StrategyConfig> DefaultStrategies() =>
    [
        new StrategyConfig
        {
            Name = "mean_reversion",
            Type = "mean-reversion",
            Instruments = ["AAPL", "MSFT", "GOOGL", "AMZN"],
            MaxPosition = 1_000,
            RiskLimit = 50_000 * FixedPoint.Scale,
            Parameters = new Dictionary<string, double>
            {
                ["lookback_period"] = 20, ["threshold"] = 2.0, ["stop_loss"] = 0.02, ["take_profit"] = 0.01,
            },
        },
        new StrategyConfig
        {
            Name = "momentum_breakout",
            Type = "momentum-breakout",
            Instruments = ["AAPL", "MSFT", "GOOGL", "AMZN"],
            MaxPosition = 1_000,
            RiskLimit = 50_000 * FixedPoint.Scale,
            Parameters = new Dictionary<string, double>
            {
                ["lookback_period"] = 50, ["volume_factor"] = 2.0, ["trailing_stop"] = 0.01,
            },
        },
    ];

    public static IReadOnlyList<AgentThreadConfig> DefaultThreads() =>
    [
        // One thread for the whole critical path: on this class of machine a hop between cores costs more
        // than the work (DESIGN.md "Hops cost more than code"). Backoff keeps a 2-core box usable.
        AgentThreadConfig.Parse("trader", "", "backoff", EngineAgentNames.Feed, EngineAgentNames.MarketData, EngineAgentNames.Gateway, EngineAgentNames.Control, EngineAgentNames.Conductor),
    ];
}
