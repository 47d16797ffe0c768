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
}
