using System.Buffers.Binary;

namespace Llt.Hotpath.Tests.Feeds.Publishing;

/// <summary>
/// Writes a classic little-endian pcap (nanosecond timestamps, Ethernet link type) of IPv4 UDP datagrams, and
/// MoldUDP64 packets to put in them: just enough of each layout (libpcap file format, RFC 791, RFC 768,
/// MoldUDP64 1.00) to replay in tests.
/// </summary>
internal sealed class PcapFile
{
    private readonly MemoryStream _bytes = new();

    public PcapFile()
    {
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b23c4d); // nanosecond-resolution pcap
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65_535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1); // LINKTYPE_ETHERNET
        _bytes.Write(header);
    }

    public void Udp(long timestampNs, ReadOnlySpan<byte> payload, ushort port = 26_477)
    {
        int frameLength = 14 + 20 + 8 + payload.Length;
        Span<byte> record = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(timestampNs / 1_000_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(timestampNs % 1_000_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frameLength);
        BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frameLength);
        _bytes.Write(record);

        var frame = new byte[frameLength];
        frame[12] = 0x08; // EtherType IPv4
        frame[13] = 0x00;
        Span<byte> ip = frame.AsSpan(14, 20);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 8 + payload.Length));
        ip[6] = 0x40; // don't fragment
        ip[8] = 64;
        ip[9] = 17; // UDP
        ip[12] = 10; ip[15] = 1;           // 10.0.0.1
        ip[16] = 233; ip[17] = 54; ip[18] = 12; ip[19] = 111; // a multicast group
        Span<byte> udp = frame.AsSpan(34, 8);
        BinaryPrimitives.WriteUInt16BigEndian(udp, 40_000);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], port);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(8 + payload.Length));
        payload.CopyTo(frame.AsSpan(42));
        _bytes.Write(frame);
    }

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>A MoldUDP64 downstream packet: session, sequence of its first message, count, length-prefixed messages.</summary>
    public static byte[] MoldUdp64(string session, long sequence, params byte[][] messages)
    {
        var packet = new MemoryStream();
        var header = new byte[20];
        for (int i = 0; i < 10; i++)
        {
            header[i] = i < session.Length ? (byte)session[i] : (byte)' ';
        }

        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(10), (ulong)sequence);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(18), (ushort)messages.Length);
        packet.Write(header);
        foreach (byte[] message in messages)
        {
            var length = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)message.Length);
            packet.Write(length);
            packet.Write(message);
        }

        return packet.ToArray();
    }

    /// <summary>A raw ITCH file as NASDAQ distributes it: each message preceded by its 2-byte big-endian length.</summary>
    public static byte[] RawItch(params byte[][] messages)
    {
        var file = new MemoryStream();
        foreach (byte[] message in messages)
        {
            var length = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)message.Length);
            file.Write(length);
            file.Write(message);
        }

        return file.ToArray();
    }
}
