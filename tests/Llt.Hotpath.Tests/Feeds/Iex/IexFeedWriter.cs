using Llt.Hotpath.Tests.Feeds.Capture;
using Llt.Hotpath.Tests.Feeds.Itch;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>
/// Packs IEX messages into IEX-TP v1 segments (the same segmentation on both lines), sends every segment on line A
/// (233.215.21.1:10378) and line B (233.215.21.2:10378, pcapng interface 1) with the faults asked for (segments
/// dropped on a line, repeated on A, B lagging, heartbeats: segments with no message carrying the next sequence),
/// and writes the datagrams in arrival order as pcap or pcapng. Test infrastructure (issue 7.7), the IEX-TP
/// counterpart of <see cref="MoldUdpFeedWriter"/> (same <see cref="MoldUdpFeedFaults"/>).
/// </summary>
internal static class IexFeedWriter
{
    public const uint Session = 1_150_681_088;
    public const ushort Port = 10_378;
    public const long SegmentIntervalNs = 10_000;
    public const long StartNs = 1_700_000_000_000_000_000;

    public static readonly uint GroupA = CaptureWriter.Address(233, 215, 21, 1);
    public static readonly uint GroupB = CaptureWriter.Address(233, 215, 21, 2);
    public static readonly uint Source = CaptureWriter.Address(10, 0, 0, 9);

    /// <summary>The segments' payloads, each with its first sequence and messages.</summary>
    public static List<(long Sequence, byte[] Payload)> Segments(ushort protocol, IReadOnlyList<byte[]> messages, int messagesPerSegment)
    {
        var segments = new List<(long, byte[])>();
        long offset = 0;
        for (int i = 0; i < messages.Count; i += messagesPerSegment)
        {
            byte[][] batch = [.. messages.Skip(i).Take(messagesPerSegment)];
            segments.Add((i + 1, IexWire.Segment(protocol, Session, i + 1, offset, StartNs + i, batch)));
            offset += batch.Sum(m => 2 + m.Length);
        }

        return segments;
    }

    public static List<CapturedDatagram> Datagrams(ushort protocol, IReadOnlyList<byte[]> messages, int messagesPerSegment, MoldUdpFeedFaults faults)
    {
        var datagrams = new List<CapturedDatagram>();
        List<(long Sequence, byte[] Payload)> segments = Segments(protocol, messages, messagesPerSegment);
        long time = StartNs;
        for (int i = 0; i < segments.Count; i++)
        {
            long next = i + 1 < segments.Count ? segments[i + 1].Sequence : messages.Count + 1;
            faults.Send(datagrams, i, time, segments[i].Payload, () => IexWire.Segment(protocol, Session, next), OnA, OnB);
            time += SegmentIntervalNs;
        }

        return [.. datagrams.OrderBy(d => d.TimestampNs)];
    }

    public static byte[] Pcap(ushort protocol, IReadOnlyList<byte[]> messages, int messagesPerSegment, MoldUdpFeedFaults faults) =>
        CaptureWriter.Pcap(Datagrams(protocol, messages, messagesPerSegment, faults));

    public static byte[] PcapNg(ushort protocol, IReadOnlyList<byte[]> messages, int messagesPerSegment, MoldUdpFeedFaults faults) =>
        CaptureWriter.PcapNg(Datagrams(protocol, messages, messagesPerSegment, faults), interfaces: 2);

    private static CapturedDatagram OnA(long time, byte[] payload) => new(time, Source, GroupA, 40_101, Port, payload, 0);

    private static CapturedDatagram OnB(long time, byte[] payload) => new(time, Source, GroupB, 40_102, Port, payload, 1);
}
