using Llt.Hotpath.Config;
using Llt.Hotpath.Engine;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Journal;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// One <see cref="TradingEngine"/> under a unique name and a temporary journal directory, driven on the test
/// thread through its invoker against a <see cref="ManualNanoClock"/> (also its wall clock). Dispose removes
/// the engine's /dev/shm directory and the journal.
/// </summary>
internal sealed class EngineHarness : IDisposable
{
    /// <summary>A plausible wall-clock start (2024-01-01T00:00:00Z), so millisecond heartbeats are non-zero.</summary>
    public const long StartEpochNs = 1_704_067_200_000_000_000;

    public const long HeartbeatIntervalNs = 100_000_000;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "llt-engine-test-" + Guid.NewGuid().ToString("N"));
    private AgentInvoker _invoker;

    private readonly Llt.Hotpath.Strategies.StrategyRegistry? _registry;

    public EngineHarness(
        bool journalTicks = true, long segmentLength = 1 << 20, Func<EngineConfig, EngineConfig>? customize = null,
        Llt.Hotpath.Strategies.StrategyRegistry? registry = null)
    {
        _registry = registry;
        EngineConfig config = new EngineConfig
        {
            Name = "t-" + Guid.NewGuid().ToString("N"),
            MdRingCapacity = 1 << 20,
            CmdRingCapacity = 1 << 16,
            HeartbeatIntervalNs = HeartbeatIntervalNs,
            // the default instruments (ids 0..3, AAPL first at 190.00), no strategies (no orders from ticks)
            // and no embedded simulator: md.ring carries only what a test writes
            Instruments = EngineConfig.DefaultInstruments(),
            Strategies = [],
            Feed = new FeedConfig { Type = "none" },
            // one venue: orders go straight to it under their own ids (routing tests configure several)
            Venues = [new VenueConfig()],
            Journal = new JournalConfig
            {
                Directory = Path.Combine(_root, "journal"),
                SegmentLength = segmentLength,
                JournalTicks = journalTicks,
            },
        };
        Config = customize is null ? config : customize(config);
        Engine = TradingEngine.Create(Config, Clock, Clock, _registry);
        _invoker = StartInvoker(Engine);
    }

    public ManualNanoClock Clock { get; } = new(StartEpochNs);

    public EngineConfig Config { get; }

    public TradingEngine Engine { get; private set; }

    public string JournalDirectory => Config.Journal.Directory;

    public void WriteMd(int msgTypeId, ReadOnlySpan<byte> message) =>
        Assert.Equal(WriteResult.Success, Engine.MdRing.Write(msgTypeId, message));

    public void WriteCmd(int msgTypeId, ReadOnlySpan<byte> message) =>
        Assert.Equal(WriteResult.Success, Engine.CmdRing.Write(msgTypeId, message));

    /// <summary>One duty cycle of every agent.</summary>
    public int Invoke() => _invoker.Invoke();

    /// <summary>Duty cycles until a cycle does no work (bounded: the rings hold finitely many records).</summary>
    public void Drain()
    {
        for (int cycle = 0; cycle < 100_000; cycle++)
        {
            if (_invoker.Invoke() == 0)
            {
                // the invoker hands agent exceptions to the error handler: surface them here
                Assert.True(Engine.Errors.ErrorCount == 0, $"agent error: {Engine.Errors.LastError}");
                return;
            }
        }

        Assert.Fail("the engine kept finding work after 100000 duty cycles");
    }

    /// <summary>Disposes the engine (journaling its Stopping heartbeat) and creates a new one on the same files.</summary>
    public void Restart()
    {
        _invoker.Dispose();
        Engine.Dispose();
        Engine = TradingEngine.Create(Config, Clock, Clock, _registry);
        _invoker = StartInvoker(Engine);
    }

    /// <summary>Every committed frame from the start of the journal.</summary>
    public List<JournalRecord> ReadJournal()
    {
        var records = new List<JournalRecord>();
        using JournalTailer tailer = JournalTailer.OpenAtStart(JournalDirectory);
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            records.Add(new JournalRecord(frame.Sequence, frame.Type, frame.Payload.ToArray()));
        }

        return records;
    }

    public List<JournalRecord> ReadJournal(int type) => ReadJournal().FindAll(r => r.Type == type);

    public void Dispose()
    {
        _invoker.Dispose();
        Engine.Dispose();
        if (Directory.Exists(Config.EngineShmDirectory))
        {
            Directory.Delete(Config.EngineShmDirectory, recursive: true);
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static AgentInvoker StartInvoker(TradingEngine engine)
    {
        AgentInvoker invoker = engine.CreateInvoker();
        invoker.Start();
        return invoker;
    }
}
