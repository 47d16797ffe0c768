using Llt.Hotpath.Ipc;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// The engine's embedded default feed: publishes <see cref="MarketSimulator"/> events as SBE Quote/Trade records
/// into a ring (md.ring or an in-process one-to-one ring), encoding straight into the claimed record
/// (TryClaim → encode → Commit, no copy). When the ring is full the event is kept and retried on the next
/// DoWork, so nothing is ever dropped; each refusal is counted in <see cref="BackPressureCount"/>.
/// <para>
/// <see cref="SimulatorMode.AsFastAsPossible"/>: every DoWork publishes up to BatchLimit events.
/// <see cref="SimulatorMode.Paced"/>: events are released at PacedEventsPerSec of <see cref="INanoClock"/>
/// time, counted from the first DoWork; DoWork publishes what is due (at most BatchLimit) and returns 0
/// otherwise. exchangeTs stays the model's simulated time in both modes; receiveTs is the clock read once per
/// DoWork after the batch was generated — the moment the "packet" arrives. Stamping before generating would
/// charge the model's own cost (≈ 45 ns an event, model v3) to every downstream latency.
/// </para>
/// </summary>
public sealed class SimulatedFeedAgent : IAgent
{
    private const long NanosPerSecond = 1_000_000_000;

    private readonly MarketSimulator _simulator;
    private readonly RingBuffer _ring;
    private readonly INanoClock _clock;
    private readonly bool _paced;
    private readonly long _eventsPerSec;
    private readonly int _batchLimit;
    private readonly byte _feedId;

    // generated but not yet published: [_head, _count) of _batch (a full ring keeps them for the next DoWork)
    private readonly SimulatedEvent[] _batch;
    private int _head;
    private int _count;
    private bool _started;
    private long _startNs;
    private long _publishedCount;
    private long _quoteCount;
    private long _tradeCount;
    private long _backPressureCount;

    /// <param name="config">Mode, rate, batch limit and feed id are read here; the simulator was built from the same config.</param>
    public SimulatedFeedAgent(MarketSimulator simulator, RingBuffer ring, INanoClock clock, SimulatorConfig config)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        if (ring.MaxMsgLength < SimulatedEventEncoder.QuoteLength)
        {
            SimulatorThrowHelper.ThrowArgument(nameof(ring), $"ring max message length {ring.MaxMsgLength} is below a Quote ({SimulatedEventEncoder.QuoteLength} bytes)");
        }

        _simulator = simulator;
        _ring = ring;
        _clock = clock;
        _paced = config.Mode == SimulatorMode.Paced;
        _eventsPerSec = config.PacedEventsPerSec;
        _batchLimit = config.BatchLimit;
        _feedId = config.FeedId;
        _batch = new SimulatedEvent[config.BatchLimit];
    }

    public string RoleName => "feed";

    public long PublishedCount => _publishedCount;

    public long QuoteCount => _quoteCount;

    public long TradeCount => _tradeCount;

    /// <summary>Times a record could not be claimed because the ring was full (the event was kept and retried).</summary>
    public long BackPressureCount => _backPressureCount;

    /// <summary>True while an event refused by a full ring waits for the next DoWork.</summary>
    public bool HasPendingEvent => _head < _count;

    public MarketSimulator Simulator => _simulator;

    public int DoWork()
    {
        int budget = _batchLimit;
        if (_paced)
        {
            long nowNs = _clock.NanoTime();
            if (!_started)
            {
                _startNs = nowNs;
                _started = true;
            }

            long due = DueCount(nowNs - _startNs) - _publishedCount;
            if (due <= 0)
            {
                return 0;
            }

            if (due < budget)
            {
                budget = (int)due;
            }
        }

        if (_head == _count)
        {
            SimulatedEvent[] batch = _batch;
            for (int i = 0; i < budget; i++)
            {
                _simulator.Next(out batch[i]);
            }

            _head = 0;
            _count = budget;
        }

        long receiveNs = _clock.NanoTime();
        RingBuffer ring = _ring;
        int published = 0;
        while (published < budget && _head < _count)
        {
            ref readonly SimulatedEvent e = ref _batch[_head];
            int length = SimulatedEventEncoder.EncodedLength(e.Kind);
            int index = ring.TryClaim((int)e.Kind, length);
            if (index == RingBuffer.InsufficientCapacity)
            {
                // keep the events: the next DoWork retries them, so the consumer sees a gap-free sequence
                _backPressureCount++;
                break;
            }

            SimulatedEventEncoder.Encode(in e, ring.Buffer.AsSpan(index, length), _feedId, receiveNs);
            ring.Commit(index);
            _head++;
            if (e.Kind == SimulatedEventKind.Quote)
            {
                _quoteCount++;
            }
            else
            {
                _tradeCount++;
            }

            published++;
        }

        _publishedCount += published;
        return published;
    }

    /// <summary>Events due after <paramref name="elapsedNs"/>: whole seconds and the remainder apart, so nothing overflows.</summary>
    private long DueCount(long elapsedNs)
    {
        if (elapsedNs <= 0)
        {
            return 0;
        }

        return (elapsedNs / NanosPerSecond * _eventsPerSec) + (elapsedNs % NanosPerSecond * _eventsPerSec / NanosPerSecond);
    }
}
