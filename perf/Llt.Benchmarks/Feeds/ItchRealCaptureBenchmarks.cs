using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;

namespace Llt.Benchmarks.Feeds;

/// <summary>
/// ITCH 5.0 parse and L3 build over the real Nasdaq messages in ../shared/data/captures/Nasdaq (MoldUDP64 in pcap;
/// read from there, never copied into the repository), per message. The captures hold a few hundred messages (mostly
/// one file per message type), so the in-memory file repeats them to <see cref="FileMessages"/>, adding
/// (repetition × <see cref="RepetitionStride"/>) to every order reference so each repetition's adds are new orders
/// (a repeated add would be a duplicate), and ends each repetition with a delete of every order it added (not in the
/// captures: without them the books fill up and every add is refused). The captures' own deletes, executions, cancels and replaces mostly name orders the
/// captures never added (they were cut from a live day), so the books refuse those as unknown references: the
/// messages still go through framing, parsing, locate lookup and an id-table probe, which is what a feed handler
/// joining mid-day does. Setup prints how many were applied and refused.
/// Run: dotnet $LLT_ARTIFACTS/bin/Llt.Benchmarks/release/Llt.Benchmarks.dll --filter '*ItchRealCaptureBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class ItchRealCaptureBenchmarks
{
    public const int FileMessages = 1 << 20;

    /// <summary>Added to order references per repetition: above any reference in the captures.</summary>
    public const long RepetitionStride = 1L << 40;

    private ItchBookBuilder<NoItchBookListener>? _builder;
    private byte[] _file = [];

    [GlobalSetup]
    public void Setup()
    {
        List<byte[]> messages = RealMessages();
        _file = Repeat(messages, FileMessages);
        // a book per stock the captures name (the first 512), 1,024 live orders and 64 levels a side each
        _builder = new ItchBookBuilder<NoItchBookListener>(512, 1_024, 64, default);
        ParseAndBuildL3();
        Console.WriteLine(
            $"// real ITCH: {messages.Count} real messages, {_builder.Messages} per pass, applied {_builder.Applied}, " +
            $"refused {_builder.RejectedTotal}, unknown locate {_builder.UnknownLocateMessages}, untracked {_builder.UntrackedMessages}, " +
            $"stocks {_builder.Locates.Count}, malformed {_builder.MalformedTotal}");
        if (_builder.MalformedTotal != 0)
        {
            throw new InvalidOperationException("a real capture message did not parse");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _builder?.Dispose();

    [Benchmark(OperationsPerInvoke = FileMessages)]
    public long ParseAndBuildL3()
    {
        ItchBookHandler<NoItchBookListener> handler = _builder!.Handler;
        var reader = new ItchFileReader();
        while (reader.Poll(_file, ref handler, 4_096) > 0)
        {
        }

        return reader.MessagesRead;
    }

    [Benchmark(OperationsPerInvoke = FileMessages)]
    public long ParseOnly()
    {
        var handler = new CountingItchHandler();
        var reader = new ItchFileReader();
        while (reader.Poll(_file, ref handler, 4_096) > 0)
        {
        }

        return handler.Count + handler.Checksum;
    }

    private static List<byte[]> RealMessages()
    {
        var messages = new List<byte[]>();
        foreach (byte[] payload in SharedCaptures.UdpPayloads(SharedCaptures.Folder("Nasdaq")))
        {
            if (MoldUdp64Packet.TryWrap(payload, out MoldUdp64Packet packet) && packet.Validate() == MoldUdp64PacketError.None)
            {
                foreach (ReadOnlySpan<byte> message in packet)
                {
                    messages.Add(message.ToArray());
                }
            }
        }

        if (messages.Count == 0)
        {
            throw new InvalidOperationException("no ITCH message in the Nasdaq captures");
        }

        return messages;
    }

    /// <summary>
    /// Length-prefixed file of exactly <paramref name="total"/> messages: whole repetitions of the real ones (order
    /// references shifted per repetition, each repetition followed by a delete of every order it added, so books never
    /// fill up and a pass ends as it began), then copies of a real non-order message to make up the count.
    /// </summary>
    private static byte[] Repeat(List<byte[]> messages, int total)
    {
        var repetition = new List<byte[]>();
        foreach (byte[] message in messages)
        {
            repetition.Add(message);
        }

        foreach (byte[] message in messages)
        {
            if (message[0] is (byte)'A' or (byte)'F')
            {
                // 'D': type, locate, tracking number, timestamp copied from the add, then its order reference
                byte[] delete = new byte[19];
                message.AsSpan(0, 19).CopyTo(delete);
                delete[0] = (byte)'D';
                repetition.Add(delete);
            }
        }

        byte[] filler = messages.Find(m => !IsOrderMessage(m[0]))
            ?? throw new InvalidOperationException("no non-order message in the Nasdaq captures to pad with");
        var stream = new MemoryStream(total * 40);
        int repetitions = total / repetition.Count;
        for (int r = 0; r < repetitions; r++)
        {
            foreach (byte[] original in repetition)
            {
                byte[] message = (byte[])original.Clone();
                if (IsOrderMessage(message[0]))
                {
                    ShiftReference(message, 11, r * RepetitionStride);
                    if (message[0] == (byte)'U')
                    {
                        ShiftReference(message, 19, r * RepetitionStride);
                    }
                }

                Write(stream, message);
            }
        }

        for (int i = repetitions * repetition.Count; i < total; i++)
        {
            Write(stream, filler);
        }

        return stream.ToArray();
    }

    private static void Write(MemoryStream stream, byte[] message)
    {
        Span<byte> prefix = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)message.Length);
        stream.Write(prefix);
        stream.Write(message);
    }

    private static bool IsOrderMessage(byte type) => type is (byte)'A' or (byte)'F' or (byte)'E' or (byte)'C' or (byte)'X' or (byte)'D' or (byte)'U';

    private static void ShiftReference(byte[] message, int offset, long shift) =>
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(offset), BinaryPrimitives.ReadInt64BigEndian(message.AsSpan(offset)) + shift);
}
