using Llt.Hotpath.Tests.Feeds.Capture;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>How <see cref="MoldUdpFeedWriter"/> damages the two lines.</summary>
internal sealed record MoldUdpFeedFaults
{
    /// <summary>Packet indexes line A never sends.</summary>
    public IReadOnlySet<int> DropOnA { get; init; } = new HashSet<int>();

    /// <summary>Packet indexes line B never sends.</summary>
    public IReadOnlySet<int> DropOnB { get; init; } = new HashSet<int>();

    /// <summary>Packet indexes line A sends twice.</summary>
    public IReadOnlySet<int> DuplicateOnA { get; init; } = new HashSet<int>();

    /// <summary>How long after A's copy B's arrives; more than <see cref="MoldUdpFeedWriter.PacketIntervalNs"/> lets A run ahead (gaps, then recovery).</summary>
    public long BLagNs { get; init; } = 1_000;

    /// <summary>A heartbeat on both lines after every this many packets (0 = none).</summary>
    public int HeartbeatEvery { get; init; }

    /// <summary>
    /// Packet <paramref name="index"/> sent on both lines as these faults have it: dropped on a line, repeated on A, B
    /// <see cref="BLagNs"/> late; then a heartbeat on both when one is due (<paramref name="heartbeat"/> makes it).
    /// </summary>
    public void Send(
        List<CapturedDatagram> datagrams, int index, long time, byte[] payload, Func<byte[]> heartbeat,
        Func<long, byte[], CapturedDatagram> onA, Func<long, byte[], CapturedDatagram> onB)
    {
        if (!DropOnA.Contains(index))
        {
            datagrams.Add(onA(time, payload));
            if (DuplicateOnA.Contains(index))
            {
                datagrams.Add(onA(time + 1, payload));
            }
        }

        if (!DropOnB.Contains(index))
        {
            datagrams.Add(onB(time + BLagNs, payload));
        }

        if (HeartbeatEvery > 0 && (index + 1) % HeartbeatEvery == 0)
        {
            byte[] beat = heartbeat();
            datagrams.Add(onA(time + 2, beat));
            datagrams.Add(onB(time + BLagNs + 2, beat));
        }
    }
}
