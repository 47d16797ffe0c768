using Llt.Hotpath.Feeds.Capture;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>How <see cref="CaptureReplayAgent"/> replays a capture (from <c>feed</c> in llt.json).</summary>
public sealed record CaptureReplayOptions
{
    public required string Path { get; init; }

    public CaptureProtocol Protocol { get; init; } = CaptureProtocol.Itch50;

    /// <summary>The feedId stamped on every published message (failover tells feeds apart by it).</summary>
    public byte FeedId { get; init; }

    /// <summary>Recorded pace (× <see cref="Speed"/>) instead of as fast as md.ring accepts.</summary>
    public bool Paced { get; init; }

    public double Speed { get; init; } = 1.0;

    /// <summary>Most packets per duty cycle.</summary>
    public int BatchLimit { get; init; } = 64;

    /// <summary>Datagrams of line A (default: every UDP datagram the capture holds that is not line B's).</summary>
    public UdpLineFilter LineA { get; init; } = UdpLineFilter.Any;

    /// <summary>Datagrams of line B, checked first (default: none; a one-line capture).</summary>
    public UdpLineFilter LineB { get; init; } = UdpLineFilter.None;

    /// <summary>Capture time a gap may stay open, waiting for the other line, before it is announced (default 100 ms).</summary>
    public long GapWindowNs { get; init; } = 100_000_000;

    /// <summary>Messages that may arrive behind an open gap before it is announced (capped by what md.ring can take at once).</summary>
    public long GapWindowMessages { get; init; } = 1 << 12;

    /// <summary>UTC midnight of the capture's trading day: ITCH timestamps count nanoseconds from it.</summary>
    public long SessionDateEpochNs { get; init; }
}
