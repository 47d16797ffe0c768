using Llt.Hotpath.Tests.Feeds.Capture;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>
/// Packs ITCH messages into MoldUDP64 packets (the same packetisation on both lines, as Nasdaq's A/B feeds have),
/// sends every packet on line A (233.54.12.1:26477) and line B (233.54.12.2:26477, pcapng interface 1) with the
/// faults asked for, ends with an end-of-session packet, and writes the datagrams in arrival order as pcap or
/// pcapng. Test infrastructure (issue 7.7).
/// </summary>
internal static class MoldUdpFeedWriter
{
    public const string Session = "000000042A";
    public const ushort Port = 26_477;
    public const long PacketIntervalNs = 10_000;
    public const long StartNs = 1_692_700_000_000_000_000;

    public static readonly uint GroupA = CaptureWriter.Address(233, 54, 12, 1);
    public static readonly uint GroupB = CaptureWriter.Address(233, 54, 12, 2);
    public static readonly uint Source = CaptureWriter.Address(10, 0, 0, 7);

    /// <summary>The messages split into packets of at most <paramref name="messagesPerPacket"/>, with each packet's first sequence.</summary>
    public static List<(long Sequence, byte[][] Messages)> Packetise(IReadOnlyList<byte[]> messages, int messagesPerPacket)
    {
        var packets = new List<(long, byte[][])>();
        for (int i = 0; i < messages.Count; i += messagesPerPacket)
        {
            packets.Add((i + 1, messages.Skip(i).Take(messagesPerPacket).ToArray()));
        }

        return packets;
    }

    public static List<CapturedDatagram> Datagrams(IReadOnlyList<byte[]> messages, int messagesPerPacket, MoldUdpFeedFaults faults)
    {
        var datagrams = new List<CapturedDatagram>();
        List<(long Sequence, byte[][] Messages)> packets = Packetise(messages, messagesPerPacket);
        long time = StartNs;
        for (int i = 0; i < packets.Count; i++)
        {
            byte[] payload = MoldWire.Packet(Session, packets[i].Sequence, packets[i].Messages);
            long next = packets[i].Sequence + packets[i].Messages.Length;
            faults.Send(datagrams, i, time, payload, () => MoldWire.Heartbeat(Session, next), OnA, OnB);
            time += PacketIntervalNs;
        }

        byte[] end = MoldWire.EndOfSession(Session, messages.Count + 1);
        datagrams.Add(OnA(time, end));
        datagrams.Add(OnB(time + faults.BLagNs, end));
        // arrival order; a stable sort keeps A before B at equal times
        return [.. datagrams.OrderBy(d => d.TimestampNs)];
    }

    public static byte[] Pcap(IReadOnlyList<byte[]> messages, int messagesPerPacket, MoldUdpFeedFaults faults) =>
        CaptureWriter.Pcap(Datagrams(messages, messagesPerPacket, faults));

    public static byte[] PcapNg(IReadOnlyList<byte[]> messages, int messagesPerPacket, MoldUdpFeedFaults faults) =>
        CaptureWriter.PcapNg(Datagrams(messages, messagesPerPacket, faults), interfaces: 2);

    private static CapturedDatagram OnA(long time, byte[] payload) => new(time, Source, GroupA, 40_001, Port, payload, 0);

    private static CapturedDatagram OnB(long time, byte[] payload) => new(time, Source, GroupB, 40_002, Port, payload, 1);
}
