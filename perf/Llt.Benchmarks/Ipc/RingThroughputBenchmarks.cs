using System.Buffers.Binary;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Benchmarks.Ipc;

/// <summary>
/// Throughput of 32-byte messages between threads: one-to-one ring with batch reads, a bounded single
/// reader/writer System.Threading.Channels on the same workload, and a many-to-one ring with two producers.
/// Each invocation moves <see cref="MessagesPerInvoke"/> messages; results are per message.
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*RingThroughput*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class RingThroughputBenchmarks
{
    public const int MessagesPerInvoke = 1 << 20;
    private const int Capacity = 1 << 20;
    private const int BatchLimit = 256;
    private const int ManyToOneProducers = 2;

    private AlignedMemory? _oneToOneMemory;
    private AlignedMemory? _manyToOneMemory;
    private OneToOneRingBuffer? _oneToOne;
    private ManyToOneRingBuffer? _manyToOne;
    private Channel<Payload32>? _channel;
    private readonly SemaphoreSlim _oneToOneStart = new(0);
    private readonly SemaphoreSlim _manyToOneStart = new(0);
    private readonly SemaphoreSlim _channelStart = new(0);
    private readonly List<Thread> _producers = new();
    private volatile bool _stopping;

    [GlobalSetup]
    public void Setup()
    {
        _oneToOneMemory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(Capacity));
        _manyToOneMemory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(Capacity));
        _oneToOne = new OneToOneRingBuffer(_oneToOneMemory.AsBuffer());
        _manyToOne = new ManyToOneRingBuffer(_manyToOneMemory.AsBuffer());
        _channel = Channel.CreateBounded<Payload32>(new BoundedChannelOptions(Capacity / 32)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        StartProducer(() => ProduceRing(_oneToOne, _oneToOneStart, MessagesPerInvoke));
        for (int p = 0; p < ManyToOneProducers; p++)
        {
            StartProducer(() => ProduceRing(_manyToOne, _manyToOneStart, MessagesPerInvoke / ManyToOneProducers));
        }

        StartProducer(ProduceChannel);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _oneToOneStart.Release(1);
        _manyToOneStart.Release(ManyToOneProducers);
        _channelStart.Release(1);
        foreach (Thread producer in _producers)
        {
            producer.Join();
        }

        _oneToOneMemory?.Dispose();
        _manyToOneMemory?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = MessagesPerInvoke)]
    public long OneToOneRing_BatchRead()
    {
        OneToOneRingBuffer ring = _oneToOne!;
        _oneToOneStart.Release(1);
        var handler = new CountingHandler();
        while (handler.Count < MessagesPerInvoke)
        {
            if (ring.Read(ref handler, BatchLimit) == 0)
            {
                // two cores shared with other work: an empty ring gives the producer the core
                Thread.Yield();
            }
        }

        return handler.Checksum;
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public long BoundedChannel_SingleReaderWriter()
    {
        ChannelReader<Payload32> reader = _channel!.Reader;
        _channelStart.Release(1);
        long count = 0;
        long checksum = 0;
        while (count < MessagesPerInvoke)
        {
            if (reader.TryRead(out Payload32 message))
            {
                checksum += message.Sequence;
                count++;
            }
            else
            {
                // same idle strategy as the ring consumers
                Thread.Yield();
            }
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public long ManyToOneRing_TwoProducers_BatchRead()
    {
        ManyToOneRingBuffer ring = _manyToOne!;
        _manyToOneStart.Release(ManyToOneProducers);
        var handler = new CountingHandler();
        while (handler.Count < MessagesPerInvoke)
        {
            if (ring.Read(ref handler, BatchLimit) == 0)
            {
                // three busy threads on two cores: give the producers the core instead of spinning
                Thread.Yield();
            }
        }

        return handler.Checksum;
    }

    private void StartProducer(ThreadStart body)
    {
        var thread = new Thread(body) { IsBackground = true, Name = "producer" };
        _producers.Add(thread);
        thread.Start();
    }

    private void ProduceRing(RingBuffer ring, SemaphoreSlim start, int count)
    {
        Span<byte> payload = stackalloc byte[32];
        while (true)
        {
            start.Wait();
            if (_stopping)
            {
                return;
            }

            for (long i = 0; i < count;)
            {
                BinaryPrimitives.WriteInt64LittleEndian(payload, i);
                if (ring.Write(1, payload) == WriteResult.Success)
                {
                    i++;
                }
                else
                {
                    Thread.Yield();
                }
            }
        }
    }

    private void ProduceChannel()
    {
        ChannelWriter<Payload32> writer = _channel!.Writer;
        while (true)
        {
            _channelStart.Wait();
            if (_stopping)
            {
                return;
            }

            for (long i = 0; i < MessagesPerInvoke;)
            {
                if (writer.TryWrite(new Payload32 { Sequence = i }))
                {
                    i++;
                }
                else
                {
                    Thread.Yield();
                }
            }
        }
    }
}
