using System.Diagnostics;
using Llt.Baselines;
using Llt.Baselines.Messages;
using Llt.Hotpath.MarketData.Simulation;

namespace Llt.Latency;

/// <summary>
/// The baseline side of the <c>baseline</c> mode: the same events, SBE-encoded once up front, written one
/// packet at a time into <see cref="BaselinePipeline.Input"/>, each stamped with its receive time as it enters
/// the channel (a packet that waits for room is re-stamped, as a ring publisher only stamps what it claims).
/// </summary>
internal static class BaselinePipelineRun
{
    public const int ChannelCapacity = 1024;

    public static PipelineFigures Run(SimulatedEvent[] events, int warmupEvents)
    {
        ReadOnlyMemory<byte>[] packets = Encode(events);
        var pipeline = new BaselinePipeline(ChannelCapacity, expectedOrders: events.Length / 4);
        pipeline.Start();
        Produce(pipeline, packets, 0, warmupEvents).GetAwaiter().GetResult();
        while (pipeline.Strategy.Ticks + pipeline.Parse.Rejected < warmupEvents)
        {
            Thread.Sleep(1);
        }

        long startTicks = pipeline.Strategy.Ticks;
        long startDecisions = pipeline.Strategy.Decisions;
        long startRejected = pipeline.Parse.Rejected;
        int gen0 = GC.CollectionCount(0);
        int gen1 = GC.CollectionCount(1);
        int gen2 = GC.CollectionCount(2);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        Produce(pipeline, packets, warmupEvents, packets.Length).GetAwaiter().GetResult();
        pipeline.CompleteAsync().GetAwaiter().GetResult();
        long elapsed = Stopwatch.GetTimestamp() - start;
        long allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        int gc0 = GC.CollectionCount(0) - gen0;
        int gc1 = GC.CollectionCount(1) - gen1;
        int gc2 = GC.CollectionCount(2) - gen2;

        // orders triggered by warm-up ticks may complete after the start: they are not measured
        long[] samples = [.. pipeline.Order.Latencies.Where(s => s.TickReceivedTimestamp >= start).Select(s => s.TickToOrderTicks)];
        Array.Sort(samples);
        double nsPerTick = 1e9 / Stopwatch.Frequency;
        long At(double quantile) => samples.Length == 0 ? 0 : (long)(samples[Math.Max(0, Math.Min(samples.Length - 1, (int)Math.Ceiling(quantile * samples.Length) - 1))] * nsPerTick);
        return new PipelineFigures
        {
            Name = "baseline (channels, classes, LINQ)",
            Ticks = pipeline.Strategy.Ticks - startTicks,
            Decisions = pipeline.Strategy.Decisions - startDecisions,
            Orders = samples.Length,
            Rejected = pipeline.Parse.Rejected - startRejected,
            Seconds = elapsed / (double)Stopwatch.Frequency,
            LatencyCount = samples.Length,
            P50Ns = At(0.50),
            P90Ns = At(0.90),
            P99Ns = At(0.99),
            P999Ns = At(0.999),
            MaxNs = samples.Length == 0 ? 0 : (long)(samples[^1] * nsPerTick),
            AllocatedBytes = allocatedBytes,
            Gc0 = gc0,
            Gc1 = gc1,
            Gc2 = gc2,
        };
    }

    private static ReadOnlyMemory<byte>[] Encode(SimulatedEvent[] events)
    {
        int total = 0;
        foreach (SimulatedEvent e in events)
        {
            total += SimulatedEventEncoder.EncodedLength(e.Kind);
        }

        var bytes = new byte[total];
        var packets = new ReadOnlyMemory<byte>[events.Length];
        int offset = 0;
        for (int i = 0; i < events.Length; i++)
        {
            int length = SimulatedEventEncoder.EncodedLength(events[i].Kind);
            // receive time travels beside the bytes (InboundPacket.ReceivedTimestamp), so the encoded field stays 0
            SimulatedEventEncoder.Encode(in events[i], bytes.AsSpan(offset, length), 0, 0);
            packets[i] = bytes.AsMemory(offset, length);
            offset += length;
        }

        return packets;
    }

    private static async Task Produce(BaselinePipeline pipeline, ReadOnlyMemory<byte>[] packets, int from, int to)
    {
        var input = pipeline.Input;
        for (int i = from; i < to; i++)
        {
            while (!input.TryWrite(new InboundPacket(packets[i], Stopwatch.GetTimestamp())))
            {
                if (!await input.WaitToWriteAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }
}
