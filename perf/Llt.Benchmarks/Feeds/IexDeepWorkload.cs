using System.Buffers.Binary;
using System.Text;

namespace Llt.Benchmarks.Feeds;

/// <summary>
/// A deterministic synthetic IEX DEEP session: <see cref="Symbols"/> symbols, each with 8..24 price levels a
/// side (10 at the start) around its own mid, driven by a seeded random mix close to a real depth feed — mostly size changes near
/// the touch, level adds and removes, multi-update events (a sweep: updates with event flags 0 then one with 1)
/// and trade reports — packed 1..8 messages per IEX-TP segment, as IEX-TP segments (the UDP payloads) and as a
/// classic pcap of Ethernet/IPv4/UDP frames around them. Layout offsets are the specifications'.
/// </summary>
internal sealed class IexDeepWorkload
{
    public const int Symbols = 64;
    public const uint Session = 1_222_443_008;

    private IexDeepWorkload(byte[][] segments, int messages, byte[] pcap)
    {
        Segments = segments;
        Messages = messages;
        Pcap = pcap;
    }

    public byte[][] Segments { get; }

    public int Messages { get; }

    public byte[] Pcap { get; }

    public static IexDeepWorkload Create(int targetMessages, int seed = 42)
    {
        var random = new Random(seed);
        var books = new SymbolBook[Symbols];
        for (int s = 0; s < Symbols; s++)
        {
            books[s] = new SymbolBook($"S{s:D3}", 100_0000L + (s * 10_0000L));
        }

        var pending = new List<byte[]>();
        var segments = new List<byte[]>();
        long sequence = 1;
        long timestamp = 1_611_692_981_000_000_000;
        int messages = 0;
        while (messages < targetMessages)
        {
            SymbolBook book = books[random.Next(Symbols)];
            timestamp += random.Next(100, 5_000);
            int roll = random.Next(100);
            if (roll < 70)
            {
                book.ChangeSize(random, pending, timestamp);
            }
            else if (roll < 80)
            {
                book.AddLevel(random, pending, timestamp);
            }
            else if (roll < 90)
            {
                book.RemoveLevel(random, pending, timestamp);
            }
            else if (roll < 95)
            {
                book.Sweep(random, pending, timestamp);
            }
            else
            {
                pending.Add(book.Trade(random, timestamp, sequence));
            }

            // flush a segment of 1..8 messages, never splitting an event (its last update completes it)
            if (pending.Count >= 1 + random.Next(8))
            {
                segments.Add(Segment(sequence, timestamp, pending));
                sequence += pending.Count;
                messages += pending.Count;
                pending.Clear();
            }
        }

        if (pending.Count > 0)
        {
            segments.Add(Segment(sequence, timestamp, pending));
            messages += pending.Count;
        }

        return new IexDeepWorkload([.. segments], messages, ToPcap(segments));
    }

    private static byte[] Segment(long firstSequence, long sendTime, List<byte[]> messages)
    {
        int payload = 0;
        foreach (byte[] message in messages)
        {
            payload += 2 + message.Length;
        }

        var s = new byte[40 + payload];
        s[0] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(2), 0x8004);
        BinaryPrimitives.WriteUInt32LittleEndian(s.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(s.AsSpan(8), Session);
        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(12), (ushort)payload);
        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(14), (ushort)messages.Count);
        BinaryPrimitives.WriteInt64LittleEndian(s.AsSpan(24), firstSequence);
        BinaryPrimitives.WriteInt64LittleEndian(s.AsSpan(32), sendTime);
        int position = 40;
        foreach (byte[] message in messages)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(position), (ushort)message.Length);
            message.CopyTo(s, position + 2);
            position += 2 + message.Length;
        }

        return s;
    }

    private static byte[] ToPcap(List<byte[]> segments)
    {
        using var stream = new MemoryStream();
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B23C4D); // nanosecond pcap
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), 1);
        stream.Write(header);
        var record = new byte[16];
        uint nanos = 0;
        foreach (byte[] payload in segments)
        {
            int udpLength = 8 + payload.Length;
            var frame = new byte[42 + payload.Length];
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
            frame[14] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)(20 + udpLength));
            frame[22] = 64;
            frame[23] = 17;
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(30), 0xE9D715F1);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(36), 32001);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(38), (ushort)udpLength);
            payload.CopyTo(frame, 42);
            nanos = (nanos + 1_000) % 1_000_000_000;
            BinaryPrimitives.WriteUInt32LittleEndian(record, 1_611_692_981);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), nanos);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)frame.Length);
            stream.Write(record);
            stream.Write(frame);
        }

        return stream.ToArray();
    }

    /// <summary>One symbol's levels (IEX 4-decimal prices, 1-cent ticks) kept sorted best first per side.</summary>
    private sealed class SymbolBook
    {
        private const long Tick = 100;
        private const int MinLevels = 8;
        private const int MaxLevels = 24;
        private readonly string _symbol;
        private readonly List<long> _bids = [];
        private readonly List<long> _asks = [];

        public SymbolBook(string symbol, long mid)
        {
            _symbol = symbol;
            for (int i = 1; i <= 10; i++)
            {
                _bids.Add(mid - (i * Tick));
                _asks.Add(mid + (i * Tick));
            }
        }

        public void ChangeSize(Random random, List<byte[]> output, long timestamp)
        {
            bool buy = random.Next(2) == 0;
            List<long> side = buy ? _bids : _asks;
            int level = Math.Min(side.Count - 1, (int)Math.Floor(-Math.Log(1 - random.NextDouble()) * 2)); // near the touch
            output.Add(Level(buy, true, timestamp, (uint)(100 * random.Next(1, 50)), side[level]));
        }

        public void AddLevel(Random random, List<byte[]> output, long timestamp)
        {
            bool buy = random.Next(2) == 0;
            List<long> side = buy ? _bids : _asks;
            if (side.Count >= MaxLevels)
            {
                Remove(buy, output, timestamp);
                return;
            }

            long price = buy ? side[^1] - Tick : side[^1] + Tick;
            side.Add(price);
            output.Add(Level(buy, true, timestamp, (uint)(100 * random.Next(1, 50)), price));
        }

        public void RemoveLevel(Random random, List<byte[]> output, long timestamp)
        {
            bool buy = random.Next(2) == 0;
            List<long> side = buy ? _bids : _asks;
            if (side.Count <= MinLevels)
            {
                long price = buy ? side[^1] - Tick : side[^1] + Tick;
                side.Add(price);
                output.Add(Level(buy, true, timestamp, (uint)(100 * random.Next(1, 50)), price));
                return;
            }

            Remove(buy, output, timestamp);
        }

        private void Remove(bool buy, List<byte[]> output, long timestamp)
        {
            List<long> side = buy ? _bids : _asks;
            long price = side[^1];
            side.RemoveAt(side.Count - 1);
            output.Add(Level(buy, true, timestamp, 0, price));
        }

        /// <summary>A taker removes the best 1..2 levels of one side and the side refills behind: one event.</summary>
        public void Sweep(Random random, List<byte[]> output, long timestamp)
        {
            bool buy = random.Next(2) == 0;
            List<long> side = buy ? _bids : _asks;
            int taken = 1 + random.Next(2);
            for (int i = 0; i < taken; i++)
            {
                output.Add(Level(buy, false, timestamp, 0, side[0]));
                side.RemoveAt(0);
                long back = buy ? side[^1] - Tick : side[^1] + Tick;
                side.Add(back);
                output.Add(Level(buy, i == taken - 1, timestamp, 100, back));
            }
        }

        public byte[] Trade(Random random, long timestamp, long tradeId)
        {
            var m = Prefixed(38, 'T', 0, timestamp);
            BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(18), (uint)(100 * random.Next(1, 10)));
            BinaryPrimitives.WriteInt64LittleEndian(m.AsSpan(22), _bids[0] + Tick);
            BinaryPrimitives.WriteInt64LittleEndian(m.AsSpan(30), tradeId);
            return m;
        }

        private byte[] Level(bool buy, bool complete, long timestamp, uint size, long price)
        {
            var m = Prefixed(30, buy ? '8' : '5', complete ? (byte)1 : (byte)0, timestamp);
            BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(18), size);
            BinaryPrimitives.WriteInt64LittleEndian(m.AsSpan(22), price);
            return m;
        }

        private byte[] Prefixed(int length, char type, byte second, long timestamp)
        {
            var m = new byte[length];
            m[0] = (byte)type;
            m[1] = second;
            BinaryPrimitives.WriteInt64LittleEndian(m.AsSpan(2), timestamp);
            m.AsSpan(10, 8).Fill((byte)' ');
            Encoding.ASCII.GetBytes(_symbol, m.AsSpan(10, 8));
            return m;
        }
    }
}
