using System.Buffers.Binary;
using System.Text;

namespace Llt.Shell.Tests.Feed;

/// <summary>
/// Builds feed files byte by byte from the published layouts (IEX-TP segments and IEX messages, little-endian;
/// ITCH 5.0 messages and MoldUDP64 packets, big-endian; classic pcap and pcapng around Ethernet/IPv4/UDP), with
/// offsets written out here rather than taken from production descriptors.
/// </summary>
internal static class FeedFiles
{
    public const ushort Tops = 0x8003;
    public const ushort Deep = 0x8004;
    public const long Ts = 1_517_065_700_930_439_360; // 2018-01-27T15:08:20.930439360Z

    public static byte[] IexMessage(int length, char type, byte second, long timestamp, string? symbol)
    {
        var m = new byte[length];
        m[0] = (byte)type;
        m[1] = second;
        BinaryPrimitives.WriteInt64LittleEndian(m.AsSpan(2), timestamp);
        if (symbol != null)
        {
            Ascii(m, 10, symbol, 8);
        }

        return m;
    }

    public static byte[] With(this byte[] message, int offset, long value, int width)
    {
        switch (width)
        {
            case 1:
                message[offset] = (byte)value;
                break;
            case 4:
                BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(offset), (uint)value);
                break;
            default:
                BinaryPrimitives.WriteInt64LittleEndian(message.AsSpan(offset), value);
                break;
        }

        return message;
    }

    public static byte[] WithAscii(this byte[] message, int offset, string text, int width)
    {
        Ascii(message, offset, text, width);
        return message;
    }

    public static byte[] IexSegment(ushort protocol, uint session, long firstSequence, params byte[][] messages)
    {
        int payload = messages.Sum(m => 2 + m.Length);
        var s = new byte[40 + payload];
        s[0] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(2), protocol);
        BinaryPrimitives.WriteUInt32LittleEndian(s.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(s.AsSpan(8), session);
        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(12), (ushort)payload);
        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(14), (ushort)messages.Length);
        BinaryPrimitives.WriteInt64LittleEndian(s.AsSpan(24), firstSequence);
        BinaryPrimitives.WriteInt64LittleEndian(s.AsSpan(32), Ts);
        int position = 40;
        foreach (byte[] message in messages)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(position), (ushort)message.Length);
            message.CopyTo(s, position + 2);
            position += 2 + message.Length;
        }

        return s;
    }

    /// <summary>ITCH 5.0 prefix: type, stock locate, tracking number, 6-byte timestamp (ns since midnight).</summary>
    public static byte[] ItchMessage(int length, char type, ushort locate, long timestamp)
    {
        var m = new byte[length];
        m[0] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(1), locate);
        for (int i = 0; i < 6; i++)
        {
            m[5 + i] = (byte)(timestamp >> (8 * (5 - i)));
        }

        return m;
    }

    public static byte[] ItchAddOrder(long timestamp, long orderReference, char side, uint shares, string stock, uint price4)
    {
        byte[] m = ItchMessage(36, 'A', 7, timestamp);
        BinaryPrimitives.WriteInt64BigEndian(m.AsSpan(11), orderReference);
        m[19] = (byte)side;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), shares);
        Ascii(m, 24, stock, 8);
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(32), price4);
        return m;
    }

    /// <summary>NASDAQ's raw file form: each message behind a 2-byte big-endian length.</summary>
    public static byte[] LengthPrefixed(params byte[][] messages)
    {
        using var stream = new MemoryStream();
        foreach (byte[] message in messages)
        {
            stream.WriteByte((byte)(message.Length >> 8));
            stream.WriteByte((byte)message.Length);
            stream.Write(message);
        }

        return stream.ToArray();
    }

    public static byte[] MoldUdp64(string session, long sequence, params byte[][] messages)
    {
        byte[] blocks = LengthPrefixed(messages);
        var packet = new byte[20 + blocks.Length];
        Ascii(packet, 0, session, 10);
        BinaryPrimitives.WriteInt64BigEndian(packet.AsSpan(10), sequence);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(18), (ushort)messages.Length);
        blocks.CopyTo(packet, 20);
        return packet;
    }

    public static byte[] Pcap(params byte[][] payloads)
    {
        using var stream = new MemoryStream();
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), 1);
        stream.Write(header);
        uint second = 1_517_065_700;
        foreach (byte[] payload in payloads)
        {
            byte[] frame = Frame(payload);
            var record = new byte[16];
            BinaryPrimitives.WriteUInt32LittleEndian(record, second++);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)frame.Length);
            stream.Write(record);
            stream.Write(frame);
        }

        return stream.ToArray();
    }

    public static byte[] PcapNg(params byte[][] payloads)
    {
        using var stream = new MemoryStream();
        Block(stream, 0x0A0D0D0A, [.. Le32(0x1A2B3C4D), 1, 0, 0, 0, .. Le64(-1)]);
        Block(stream, 0x00000001, [1, 0, 0, 0, .. Le32(65535)]);
        foreach (byte[] payload in payloads)
        {
            byte[] frame = Frame(payload);
            byte[] padding = new byte[(4 - (frame.Length % 4)) % 4];
            Block(stream, 0x00000006, [.. Le32(0), .. Le32(0), .. Le32(0), .. Le32((uint)frame.Length), .. Le32((uint)frame.Length), .. frame, .. padding]);
        }

        return stream.ToArray();
    }

    private static byte[] Frame(byte[] payload)
    {
        int udpLength = 8 + payload.Length;
        var frame = new byte[14 + 20 + udpLength];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        frame[14] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)(20 + udpLength));
        frame[22] = 64;
        frame[23] = 17;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(30), 0xE9D71503);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(34), 40000);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(36), 10377);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(38), (ushort)udpLength);
        payload.CopyTo(frame, 42);
        return frame;
    }

    private static void Block(MemoryStream stream, uint type, byte[] body)
    {
        uint total = (uint)(12 + body.Length);
        stream.Write(Le32(type));
        stream.Write(Le32(total));
        stream.Write(body);
        stream.Write(Le32(total));
    }

    private static byte[] Le32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Le64(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static void Ascii(byte[] buffer, int offset, string text, int width)
    {
        buffer.AsSpan(offset, width).Fill((byte)' ');
        Encoding.ASCII.GetBytes(text, buffer.AsSpan(offset, width));
    }
}
