using System.Diagnostics;
using System.Globalization;
using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Engine;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.MarketData.Simulation;
using Llt.Hotpath.Runtime;

namespace Llt.Latency;

/// <summary>
/// The llt side of the <c>baseline</c> mode, as <c>llt-engine bench</c>'s replay phase: an engine with no feed,
/// both built-in strategies on every instrument, pre-generated events published into md.ring (TryClaim, encode,
/// Commit) in batches from this thread and processed by <see cref="AgentInvoker.Invoke"/> on the same thread.
/// </summary>
internal static class EngineReplayRun
{
    public const int Batch = 256;

    public static PipelineFigures Run(SimulatorConfig simulator, SimulatedEvent[] events, int warmupEvents)
    {
        string name = "baseline-cmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        string root = Path.Combine(Path.GetTempPath(), name);
        var instruments = new InstrumentConfig[simulator.Instruments.Count];
        var symbols = new string[instruments.Length];
        for (int i = 0; i < instruments.Length; i++)
        {
            SimulatedInstrumentConfig s = simulator.Instruments[i];
            symbols[i] = s.Symbol;
            instruments[i] = new InstrumentConfig { Symbol = s.Symbol, TickSize = s.TickSize, LotSize = s.LotSize, StartPrice = s.StartPrice };
        }

        var config = new EngineConfig
        {
            Name = name,
            Instruments = instruments,
            Strategies = [.. EngineConfig.DefaultStrategies().Select(s => s with { Instruments = symbols })],
            Feed = new FeedConfig { Type = "none", Seed = simulator.Seed, Batch = Batch },
            L3OrderCapacity = 0,
            Journal = new JournalConfig { Directory = Path.Combine(root, "journal"), SegmentLength = 1L << 30, JournalTicks = false },
        };

        PipelineFigures figures;
        using (TradingEngine engine = TradingEngine.Create(config))
        using (AgentInvoker invoker = engine.CreateInvoker())
        {
            invoker.Start();
            Counter accepted = engine.Counters.MdAccepted;
            int next = 0;
            while (next < warmupEvents)
            {
                next = Publish(engine.MdRing, events, next, warmupEvents);
                invoker.Invoke();
            }

            // drain what the warm-up left in the ring before the histograms are reset
            Drain(invoker);

            long startTicks = accepted.Get();
            long startDecisions = engine.OrderEntry.Decisions.Get();
            long startOrders = engine.Execution.OrdersSent.Get();
            long startRejected = engine.Counters.MdRejected.Get();
            engine.OrderEntry.TickToDecision.Reset();
            engine.Execution.TickToOrder.Reset();
            int gen0 = GC.CollectionCount(0);
            int gen1 = GC.CollectionCount(1);
            int gen2 = GC.CollectionCount(2);
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            long start = Stopwatch.GetTimestamp();
            while (next < events.Length)
            {
                next = Publish(engine.MdRing, events, next, events.Length);
                invoker.Invoke();
            }

            Drain(invoker);

            long elapsed = Stopwatch.GetTimestamp() - start;
            long allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            using CountersReader reader = engine.CountersManager.CreateReader();
            HistogramSnapshot snapshot = reader.CreateSnapshot();
            bool read = reader.TryReadHistogram(engine.Execution.TickToOrder.Id, snapshot) && snapshot.Count > 0;
            figures = new PipelineFigures
            {
                Name = "llt engine (1 thread, md.ring batch 256)",
                Ticks = accepted.Get() - startTicks,
                Decisions = engine.OrderEntry.Decisions.Get() - startDecisions,
                Orders = engine.Execution.OrdersSent.Get() - startOrders,
                Rejected = engine.Counters.MdRejected.Get() - startRejected,
                Seconds = elapsed / (double)Stopwatch.Frequency,
                LatencyCount = read ? snapshot.Count : 0,
                P50Ns = read ? snapshot.ValueAtPercentile(50) : 0,
                P90Ns = read ? snapshot.ValueAtPercentile(90) : 0,
                P99Ns = read ? snapshot.ValueAtPercentile(99) : 0,
                P999Ns = read ? snapshot.ValueAtPercentile(99.9) : 0,
                MaxNs = read ? snapshot.MaxNs : 0,
                AllocatedBytes = allocatedBytes,
                Gc0 = GC.CollectionCount(0) - gen0,
                Gc1 = GC.CollectionCount(1) - gen1,
                Gc2 = GC.CollectionCount(2) - gen2,
            };
            invoker.Close();
        }

        Directory.Delete(root, recursive: true);
        Directory.Delete(config.EngineShmDirectory, recursive: true);
        return figures;
    }

    /// <summary>Duty cycles until one finds no work (bounded, in case a timer always has some).</summary>
    private static void Drain(AgentInvoker invoker)
    {
        for (int i = 0; i < 10_000 && invoker.Invoke() > 0; i++)
        {
        }
    }

    /// <summary>Publishes up to <see cref="Batch"/> events from <paramref name="next"/>, all stamped with one receive time.</summary>
    /// <returns>The index of the first event not published (the ring may be full).</returns>
    private static int Publish(RingBuffer ring, SimulatedEvent[] events, int next, int end)
    {
        long nowNs = SystemNanoClock.Now();
        int stop = Math.Min(end, next + Batch);
        for (; next < stop; next++)
        {
            ref readonly SimulatedEvent e = ref events[next];
            int length = SimulatedEventEncoder.EncodedLength(e.Kind);
            int index = ring.TryClaim((int)e.Kind, length);
            if (index == RingBuffer.InsufficientCapacity)
            {
                break;
            }

            SimulatedEventEncoder.Encode(in e, ring.Buffer.AsSpan(index, length), 0, nowNs);
            ring.Commit(index);
        }

        return next;
    }
}
