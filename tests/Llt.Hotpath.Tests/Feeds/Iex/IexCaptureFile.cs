using System.Buffers.Binary;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>
/// Writes UDP datagrams as Ethernet/IPv4/UDP frames into a classic pcap (little-endian, microseconds) or a pcapng
/// (section header, one Ethernet interface with nanosecond resolution, enhanced packet blocks) file image, from the
/// published file formats, so capture input can be tested without real captures.
/// </summary>
internal static class IexCaptureFile
{
    public const uint GroupA = 0xE9D715F1; // 233.215.21.241
    public const uint GroupB = 0xE9D715F2; // 233.215.21.242
    public const ushort Port = 32001;

    public readonly record struct Datagram(long TimestampNs, uint Destination, byte[] Payload, ushort Port = IexCaptureFile.Port);

    public static byte[] Pcap(params Datagram[] datagrams)
    {
        using var stream = new MemoryStream();
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1); // LINKTYPE_ETHERNET
        stream.Write(header);
        Span<byte> record = stackalloc byte[16];
        foreach (Datagram datagram in datagrams)
        {
            byte[] frame = Frame(datagram);
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(datagram.TimestampNs / 1_000_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(datagram.TimestampNs % 1_000_000_000 / 1_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            stream.Write(record);
            stream.Write(frame);
        }

        return stream.ToArray();
    }

    public static byte[] PcapNg(params Datagram[] datagrams)
    {
        using var stream = new MemoryStream();
        // section header block
        WriteBlock(stream, 0x0A0D0D0A, body =>
        {
            body.Write(LittleEndian32(0x1A2B3C4D));
            body.Write(LittleEndian16(1));
            body.Write(LittleEndian16(0));
            body.Write(LittleEndian64(-1));
        });
        // interface description block: Ethernet, if_tsresol = 9 (nanoseconds)
        WriteBlock(stream, 0x00000001, body =>
        {
            body.Write(LittleEndian16(1));
            body.Write(LittleEndian16(0));
            body.Write(LittleEndian32(65535));
            body.Write(LittleEndian16(9));
            body.Write(LittleEndian16(1));
            body.Write([9, 0, 0, 0]);
            body.Write(LittleEndian32(0)); // opt_endofopt
        });
        foreach (Datagram datagram in datagrams)
        {
            byte[] frame = Frame(datagram);
            WriteBlock(stream, 0x00000006, body =>
            {
                body.Write(LittleEndian32(0));
                body.Write(LittleEndian32((uint)((ulong)datagram.TimestampNs >> 32)));
                body.Write(LittleEndian32((uint)datagram.TimestampNs));
                body.Write(LittleEndian32((uint)frame.Length));
                body.Write(LittleEndian32((uint)frame.Length));
                body.Write(frame);
                body.Write(new byte[(4 - (frame.Length % 4)) % 4]);
            });
        }

        return stream.ToArray();
    }

    /// <summary>Ethernet II + IPv4 (no options, DF) + UDP around the payload.</summary>
    public static byte[] Frame(Datagram datagram)
    {
        int udpLength = 8 + datagram.Payload.Length;
        var frame = new byte[14 + 20 + udpLength];
        frame[0] = 0x01;
        frame[1] = 0x00;
        frame[2] = 0x5e;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        Span<byte> ip = frame.AsSpan(14, 20);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + udpLength));
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000);
        ip[8] = 64;
        ip[9] = 17;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], 0x0A000001);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], datagram.Destination);
        Span<byte> udp = frame.AsSpan(34);
        BinaryPrimitives.WriteUInt16BigEndian(udp, 40000);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], datagram.Port);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udpLength);
        datagram.Payload.CopyTo(udp[8..]);
        return frame;
    }

    private static void WriteBlock(MemoryStream stream, uint type, Action<MemoryStream> writeBody)
    {
        using var body = new MemoryStream();
        writeBody(body);
        uint total = (uint)(12 + body.Length);
        stream.Write(LittleEndian32(type));
        stream.Write(LittleEndian32(total));
        body.Position = 0;
        body.CopyTo(stream);
        stream.Write(LittleEndian32(total));
    }

    private static byte[] LittleEndian16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] LittleEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] LittleEndian64(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }
}
