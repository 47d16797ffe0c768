using System.Buffers.Binary;
using Llt.Hotpath.Feeds.Capture;

namespace Llt.Hotpath.Tests.Feeds.Capture;

public sealed class CaptureCursorTests
{
    private static readonly uint Group = CaptureWriter.Address(233, 54, 12, 1);
    private static readonly uint Source = CaptureWriter.Address(10, 1, 2, 3);

    [Fact]
    public void Pcap_ReturnsEveryDatagram_WithTimestampAddressesPortsAndExactPayload()
    {
        CapturedDatagram[] sent =
        [
            new(1_692_700_000_123_456_789, Source, Group, 40_001, 26_477, [1, 2, 3]),
            new(1_692_700_000_123_456_790, Source, Group + 1, 40_002, 26_478, new byte[1_400]),
            new(1_692_700_001_000_000_000, Source, Group, 40_001, 26_477, []),
        ];
        byte[] file = CaptureWriter.Pcap(sent);

        CaptureReader reader = CaptureReader.Open(file);
        Assert.Equal(CaptureFormat.Pcap, reader.Format);
        AssertDatagrams(sent, ref reader);
        Assert.Equal(CaptureError.None, reader.Error);
        Assert.Equal(3, reader.DatagramsRead);
        Assert.Equal(file.Length, reader.Position);
    }

    [Fact]
    public void PcapNg_TwoInterfaces_KeepsEachPacketsInterfaceAndNanosecondTime()
    {
        CapturedDatagram[] sent =
        [
            new(1_692_700_000_000_000_001, Source, Group, 1, 2, [9], InterfaceId: 0),
            new(1_692_700_000_000_000_002, Source, Group, 1, 2, [8, 7], InterfaceId: 1),
        ];
        byte[] file = CaptureWriter.PcapNg(sent, interfaces: 2);

        CaptureReader reader = CaptureReader.Open(file);
        Assert.Equal(CaptureFormat.PcapNg, reader.Format);
        AssertDatagrams(sent, ref reader);
        Assert.Equal(2, reader.Cursor.InterfaceCount);
        Assert.Equal((int)CaptureWriter.LinkTypeEthernet, reader.Cursor.LinkType);
    }

    [Fact]
    public void BigEndianMicrosecondPcap_IsReadInItsOwnByteOrder()
    {
        byte[] little = CaptureWriter.Pcap([new(1_000_000_123_000, Source, Group, 5, 6, [42])]);
        // rewrite header and record header big-endian with the microsecond magic
        byte[] big = (byte[])little.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(0), 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16BigEndian(big.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16BigEndian(big.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(16), 262_144);
        BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(24), 1_000);
        BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(28), 123); // µs
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(little.AsSpan(32));
        BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(32), length);
        BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(36), length);

        CaptureReader reader = CaptureReader.Open(big);
        Assert.True(reader.TryReadNextUdp(out UdpDatagram datagram));
        Assert.Equal(1_000_000_123_000, datagram.TimestampNs);
        Assert.Equal([42], datagram.Payload.ToArray());
    }

    [Fact]
    public void CutFile_StopsWithTruncated_AfterTheCompleteRecords()
    {
        byte[] file = CaptureWriter.Pcap([new(1, Source, Group, 1, 2, [1]), new(2, Source, Group, 1, 2, [2, 2])]);
        byte[] cut = file[..^5];

        CaptureReader reader = CaptureReader.Open(cut);
        Assert.True(reader.TryReadNextUdp(out _));
        Assert.False(reader.TryReadNextUdp(out _));
        Assert.Equal(CaptureError.Truncated, reader.Error);
        Assert.False(reader.TryReadNextUdp(out _));
    }

    [Theory]
    [InlineData("not a capture at all")]
    [InlineData("\n\r\r\n and then text")]
    [InlineData("ab")]
    public void NotACapture_IsUnknownFormat_WithoutThrowing(string text)
    {
        CaptureReader reader = CaptureReader.Open(System.Text.Encoding.ASCII.GetBytes(text));
        Assert.Equal(CaptureError.UnknownFormat, reader.Error);
        Assert.False(reader.TryReadNextUdp(out _));
    }

    [Fact]
    public void NonUdpAndFragmentedPackets_AreSkippedAndCounted_ReadingGoesOn()
    {
        var tcp = new CapturedDatagram(1, Source, Group, 1, 2, [1, 2, 3]);
        var fragment = new CapturedDatagram(2, Source, Group, 1, 2, [4, 5, 6]);
        var udp = new CapturedDatagram(3, Source, Group, 1, 2, [7]);
        byte[] file = CaptureWriter.Pcap([tcp, fragment, udp]);
        int first = 24 + 16;
        file[first + 14 + 9] = 6; // IPv4 protocol: TCP
        int second = first + CaptureWriter.EthernetFrame(tcp).Length + 16;
        file[second + 14 + 6] = 0x20; // more fragments

        CaptureReader reader = CaptureReader.Open(file);
        Assert.True(reader.TryReadNextUdp(out UdpDatagram datagram));
        Assert.Equal([7], datagram.Payload.ToArray());
        Assert.Equal(2, reader.SkippedPackets);
        Assert.Equal(3, reader.PacketsRead);
        Assert.Equal(CaptureError.None, reader.Error);
    }

    [Fact]
    public void PacketCutBySnapLength_IsSkippedAsIncomplete()
    {
        var datagram = new CapturedDatagram(1, Source, Group, 1, 2, new byte[100]);
        byte[] full = CaptureWriter.Pcap([datagram]);
        int frameLength = CaptureWriter.EthernetFrame(datagram).Length;
        byte[] snapped = full[..^40];
        BinaryPrimitives.WriteUInt32LittleEndian(snapped.AsSpan(32), (uint)(frameLength - 40)); // included < original

        CaptureReader reader = CaptureReader.Open(snapped);
        Assert.False(reader.TryReadNextUdp(out _));
        Assert.Equal(1, reader.IncompletePackets);
        Assert.Equal(CaptureError.None, reader.Error);
    }

    [Fact]
    public void Cursor_ResumesInBatches_OverTheSameBytes_WithoutAllocating()
    {
        var sent = Enumerable.Range(0, 2_000).Select(i => new CapturedDatagram(i, Source, Group, 1, 2, [(byte)i, 1, 2, 3])).ToArray();
        byte[] file = CaptureWriter.Pcap(sent);
        CaptureCursor cursor = CaptureCursor.Open(file);
        for (int i = 0; i < 100; i++)
        {
            Assert.True(cursor.TryReadNextUdp(file, out _));
        }

        long sum = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        while (cursor.TryReadNextUdp(file, out UdpDatagram datagram))
        {
            sum += datagram.Payload[0];
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2_000, cursor.DatagramsRead);
        Assert.Equal(sent.Skip(100).Sum(d => (long)d.Payload[0]), sum);
    }

    [Fact]
    public void LineFilter_MatchesGroupPortAndInterface()
    {
        byte[] file = CaptureWriter.PcapNg([new(1, Source, Group, 1, 26_477, [1], InterfaceId: 1)], interfaces: 2);
        CaptureReader reader = CaptureReader.Open(file);
        Assert.True(reader.TryReadNextUdp(out UdpDatagram datagram));
        Assert.True(new UdpLineFilter(Group, 26_477).Matches(datagram));
        Assert.True(new UdpLineFilter(0, 0, InterfaceId: 1).Matches(datagram));
        Assert.True(UdpLineFilter.Any.Matches(datagram));
        Assert.False(new UdpLineFilter(Group, 26_478).Matches(datagram));
        Assert.False(new UdpLineFilter(Group + 1, 0).Matches(datagram));
        Assert.False(new UdpLineFilter(0, 0, InterfaceId: 0).Matches(datagram));
        Assert.False(UdpLineFilter.None.Matches(datagram));
    }

    private static void AssertDatagrams(CapturedDatagram[] sent, ref CaptureReader reader)
    {
        foreach (CapturedDatagram expected in sent)
        {
            Assert.True(reader.TryReadNextUdp(out UdpDatagram datagram));
            Assert.Equal(expected.TimestampNs, datagram.TimestampNs);
            Assert.Equal(expected.Source, datagram.SourceAddress);
            Assert.Equal(expected.Destination, datagram.DestinationAddress);
            Assert.Equal(expected.SourcePort, datagram.SourcePort);
            Assert.Equal(expected.DestinationPort, datagram.DestinationPort);
            Assert.Equal(expected.InterfaceId, datagram.InterfaceId);
            Assert.Equal(expected.Payload, datagram.Payload.ToArray());
        }

        Assert.False(reader.TryReadNextUdp(out _));
    }
}
