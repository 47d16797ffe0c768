using System.Buffers.Binary;

namespace Llt.Hotpath.Tests.Feeds.Capture;

/// <summary>One UDP datagram to write into a capture.</summary>
internal sealed record CapturedDatagram(long TimestampNs, uint Source, uint Destination, ushort SourcePort, ushort DestinationPort, byte[] Payload, int InterfaceId = 0);

/// <summary>
/// Writes UDP datagrams as Ethernet/IPv4/UDP frames into classic pcap (little-endian, nanosecond magic) or pcapng
/// (section header, one interface description per interface with if_tsresol 9, enhanced packet blocks), laid out
/// byte by byte from the libpcap and pcapng formats so the reader is checked against the formats, not itself.
/// </summary>
internal static class CaptureWriter
{
    public const uint LinkTypeEthernet = 1;

    public static byte[] Pcap(IEnumerable<CapturedDatagram> datagrams)
    {
        using var stream = new MemoryStream();
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0), 0xA1B23C4D); // nanosecond timestamps
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 262_144);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), LinkTypeEthernet);
        stream.Write(header);
        foreach (CapturedDatagram datagram in datagrams)
        {
            byte[] frame = EthernetFrame(datagram);
            var record = new byte[16];
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(0), (uint)(datagram.TimestampNs / 1_000_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)(datagram.TimestampNs % 1_000_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)frame.Length);
            stream.Write(record);
            stream.Write(frame);
        }

        return stream.ToArray();
    }

    public static byte[] PcapNg(IEnumerable<CapturedDatagram> datagrams, int interfaces = 1)
    {
        using var stream = new MemoryStream();
        // SHB: type, length, byte-order magic, version 1.0, section length -1
        var shb = new byte[28];
        BinaryPrimitives.WriteUInt32LittleEndian(shb.AsSpan(0), 0x0A0D0D0A);
        BinaryPrimitives.WriteUInt32LittleEndian(shb.AsSpan(4), 28);
        BinaryPrimitives.WriteUInt32LittleEndian(shb.AsSpan(8), 0x1A2B3C4D);
        BinaryPrimitives.WriteUInt16LittleEndian(shb.AsSpan(12), 1);
        BinaryPrimitives.WriteInt64LittleEndian(shb.AsSpan(16), -1);
        BinaryPrimitives.WriteUInt32LittleEndian(shb.AsSpan(24), 28);
        stream.Write(shb);
        for (int i = 0; i < interfaces; i++)
        {
            // IDB with if_tsresol = 9 (nanoseconds) and opt_endofopt
            var idb = new byte[32];
            BinaryPrimitives.WriteUInt32LittleEndian(idb.AsSpan(0), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(idb.AsSpan(4), 32);
            BinaryPrimitives.WriteUInt16LittleEndian(idb.AsSpan(8), (ushort)LinkTypeEthernet);
            BinaryPrimitives.WriteUInt32LittleEndian(idb.AsSpan(12), 0);
            BinaryPrimitives.WriteUInt16LittleEndian(idb.AsSpan(16), 9);
            BinaryPrimitives.WriteUInt16LittleEndian(idb.AsSpan(18), 1);
            idb[20] = 9;
            BinaryPrimitives.WriteUInt32LittleEndian(idb.AsSpan(28), 32);
            stream.Write(idb);
        }

        foreach (CapturedDatagram datagram in datagrams)
        {
            byte[] frame = EthernetFrame(datagram);
            int padded = (frame.Length + 3) & ~3;
            int length = 32 + padded;
            var epb = new byte[length];
            BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(0), 6);
            BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(4), (uint)length);
            BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(8), (uint)datagram.InterfaceId);
            BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(12), (uint)((ulong)datagram.TimestampNs >> 32));
            BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(16), (uint)datagram.TimestampNs);
            BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(20), (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(24), (uint)frame.Length);
            frame.CopyTo(epb, 28);
            BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(length - 4), (uint)length);
            stream.Write(epb);
        }

        return stream.ToArray();
    }

    /// <summary>Ethernet II (IPv4 ethertype) + IPv4 (20 bytes, DF, TTL 64, header checksum) + UDP (checksum 0).</summary>
    public static byte[] EthernetFrame(CapturedDatagram datagram)
    {
        int udpLength = 8 + datagram.Payload.Length;
        int ipLength = 20 + udpLength;
        var frame = new byte[14 + ipLength];
        // multicast destination MAC 01:00:5e + low 23 bits of the group
        frame[0] = 0x01;
        frame[1] = 0x00;
        frame[2] = 0x5E;
        frame[3] = (byte)((datagram.Destination >> 16) & 0x7F);
        frame[4] = (byte)(datagram.Destination >> 8);
        frame[5] = (byte)datagram.Destination;
        frame[6] = 0x02;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        Span<byte> ip = frame.AsSpan(14, 20);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(2), (ushort)ipLength);
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(6), 0x4000);
        ip[8] = 64;
        ip[9] = 17;
        BinaryPrimitives.WriteUInt32BigEndian(ip.Slice(12), datagram.Source);
        BinaryPrimitives.WriteUInt32BigEndian(ip.Slice(16), datagram.Destination);
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(10), Checksum(ip));
        Span<byte> udp = frame.AsSpan(34, 8);
        BinaryPrimitives.WriteUInt16BigEndian(udp, datagram.SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(2), datagram.DestinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(4), (ushort)udpLength);
        datagram.Payload.CopyTo(frame, 42);
        return frame;
    }

    /// <summary>Dotted quad to the big-endian number the reader reports.</summary>
    public static uint Address(byte a, byte b, byte c, byte d) => (uint)(a << 24 | b << 16 | c << 8 | d);

    private static ushort Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (int i = 0; i < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header.Slice(i));
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
