using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Benchmarks.Feeds;

/// <summary>
/// A/B line arbitration for ITCH over MoldUDP64, per packet (each packet is offered on line A, then its copy on B):
/// <list type="bullet">
/// <item>ArbitrateAB: <see cref="LineArbiter.Offer(int, long, int, long)"/> alone — the arbitration overhead.</item>
/// <item>ReceiveAB: <see cref="MoldUdp64Receiver.OnPacket"/> for a 3-message packet (session check, block framing,
/// arbitration, delivery of A's messages to a no-op handler, B's copy dropped).</item>
/// </list>
/// Run: dotnet $LLT_ARTIFACTS/bin/Llt.Benchmarks/release/Llt.Benchmarks.dll --filter '*ItchLineArbitrationBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class ItchLineArbitrationBenchmarks
{
    public const int Packets = 4_096;
    public const int MessagesPerPacket = 3;

    private LineArbiter _arbiter;
    private MoldUdp64Receiver _receiver;
    private byte[][] _packets = [];
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _arbiter = new LineArbiter(long.MaxValue, long.MaxValue, startSequence: 1);
        _sequence = 1;
        _receiver = new MoldUdp64Receiver(new LineArbiter(long.MaxValue, long.MaxValue, startSequence: 1));
        _packets = BuildPackets();
    }

    [Benchmark(OperationsPerInvoke = 2 * Packets)]
    public long ArbitrateAB()
    {
        long delivered = 0;
        long sequence = _sequence;
        for (int i = 0; i < Packets; i++)
        {
            delivered += _arbiter.Offer(LineArbiter.LineA, sequence, MessagesPerPacket, i).TotalDeliver;
            delivered += _arbiter.Offer(LineArbiter.LineB, sequence, MessagesPerPacket, i).TotalDeliver;
            sequence += MessagesPerPacket;
        }

        _sequence = sequence;
        return delivered;
    }

    [Benchmark(OperationsPerInvoke = 2 * Packets)]
    public long ReceiveAB()
    {
        var handler = default(NoOpMessageHandler);
        var gaps = default(NoGapHandler);
        long delivered = 0;
        // the same sequences every invocation: rewind, so each A copy is new and each B copy a duplicate
        _receiver.Arbiter.ResetTo(1);
        byte[][] packets = _packets;
        for (int i = 0; i < packets.Length; i++)
        {
            delivered += _receiver.OnPacket(LineArbiter.LineA, packets[i], i, ref handler, ref gaps);
            delivered += _receiver.OnPacket(LineArbiter.LineB, packets[i], i, ref handler, ref gaps);
        }

        return delivered;
    }

    private static byte[][] BuildPackets()
    {
        var packets = new byte[Packets][];
        byte[] message = new byte[ItchDescriptor.OrderDelete.Length];
        message[0] = ItchDescriptor.OrderDelete.Type;
        for (int i = 0; i < Packets; i++)
        {
            var packet = new byte[MoldUdp64Descriptor.HeaderLength + (MessagesPerPacket * (MoldUdp64Descriptor.MessageLengthFieldLength + message.Length))];
            "BENCH00001"u8.CopyTo(packet);
            BinaryPrimitives.WriteUInt64BigEndian(packet.AsSpan(MoldUdp64Descriptor.SequenceNumberOffset), (ulong)((i * MessagesPerPacket) + 1));
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(MoldUdp64Descriptor.MessageCountOffset), MessagesPerPacket);
            int offset = MoldUdp64Descriptor.HeaderLength;
            for (int m = 0; m < MessagesPerPacket; m++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(offset), (ushort)message.Length);
                message.CopyTo(packet, offset + MoldUdp64Descriptor.MessageLengthFieldLength);
                offset += MoldUdp64Descriptor.MessageLengthFieldLength + message.Length;
            }

            packets[i] = packet;
        }

        return packets;
    }

    private struct NoOpMessageHandler : IMoldUdp64MessageHandler
    {
        public readonly void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs)
        {
        }
    }
}
